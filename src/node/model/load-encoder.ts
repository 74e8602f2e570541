// The sentence encoder in Node, for annotate, eval, bench and the tests: the same SentenceEncoder
// and ORT WebAssembly runner as the extension, with the files read from disk.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ENCODER_MODELS, SHIPPED_MODEL_ID, type EncoderModelId } from '../../core/meaning/models';
import { SentenceEncoder } from '../../core/meaning/sentence-encoder';
import { createOrtRunner, type OrtRunner } from '../../core/meaning/ort-runner';
import { ortWasmPath } from './ort-wasm-path';
import { modelDir } from './provisioning';

export async function loadEncoder(
  id: EncoderModelId = SHIPPED_MODEL_ID,
  options: { threads?: number } = {},
): Promise<{ encoder: SentenceEncoder; runner: OrtRunner }> {
  const model = ENCODER_MODELS[id];
  const dir = modelDir(id);
  const modelPath = join(dir, model.modelFile);
  if (!existsSync(modelPath)) {
    throw new Error(
      `sentence model ${id} is not installed in ${dir}: run npm run model:provision${id === SHIPPED_MODEL_ID ? '' : ` -- --model ${id}`}`,
    );
  }
  const runner = await createOrtRunner(readFileSync(modelPath), readFileSync(ortWasmPath()), options);
  const tokenizerJson: unknown = JSON.parse(readFileSync(join(dir, model.tokenizerFile), 'utf8'));
  return { encoder: new SentenceEncoder(model, tokenizerJson, runner), runner };
}
