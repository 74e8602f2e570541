// The sentence encoder in Node, for annotate, eval, bench and the tests: the same SentenceEncoder
// and ORT WebAssembly runner as the extension, with the files read from disk.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { ENCODER_MODELS, SHIPPED_MODEL_ID, type EncoderModelId } from '../../src/core/meaning/models';
import { SentenceEncoder } from '../../src/core/meaning/sentence-encoder';
import { createOrtRunner, type OrtRunner } from '../../src/meaning/ort-runner';
import { modelDir } from './provisioning';

/** ORT's WebAssembly binary, the one the extension build copies next to the model. */
export function ortWasmPath(): string {
  return join(createRequire(import.meta.url).resolve('onnxruntime-web/wasm'), '..', 'ort-wasm-simd-threaded.wasm');
}

export async function loadEncoder(id: EncoderModelId = SHIPPED_MODEL_ID, options: { threads?: number } = {}): Promise<{ encoder: SentenceEncoder; runner: OrtRunner }> {
  const model = ENCODER_MODELS[id];
  const dir = modelDir(id);
  const modelPath = join(dir, model.modelFile);
  if (!existsSync(modelPath)) {
    throw new Error(`sentence model ${id} is not installed in ${dir}: run npm run model:provision${id === SHIPPED_MODEL_ID ? '' : ` -- --model ${id}`}`);
  }
  const runner = await createOrtRunner(readFileSync(modelPath), readFileSync(ortWasmPath()), options);
  const tokenizerJson: unknown = JSON.parse(readFileSync(join(dir, model.tokenizerFile), 'utf8'));
  return { encoder: new SentenceEncoder(model, tokenizerJson, runner), runner };
}
