// The sentence encoder inside the extension: model, tokenizer and ORT's WebAssembly are the
// extension's own files (copied into model/ by the build, see wxt.config.ts), read with
// runtime.getURL, so nothing is fetched from the network and no code is loaded at run time.
import { browser } from 'wxt/browser';
import { ENCODER_MODELS, SHIPPED_MODEL_ID, type EncoderModelId } from '../core/meaning/models';
import { SentenceEncoder } from '../core/meaning/sentence-encoder';
import { MODEL_FOLDER, ORT_WASM_FILE } from './model-files';
import { createOrtRunner } from './ort-runner';

async function ownFile(path: string): Promise<Response> {
  const response = await fetch(browser.runtime.getURL(`/${MODEL_FOLDER}/${path}` as '/'));
  if (!response.ok) throw new Error(`the extension has no ${MODEL_FOLDER}/${path} (built without the model?)`);
  return response;
}

/**
 * Loads the encoder from the extension's files. Rejects when the browser has no WebAssembly or
 * the build shipped no model; callers then match by words alone.
 */
export async function loadExtensionEncoder(id: EncoderModelId = SHIPPED_MODEL_ID): Promise<SentenceEncoder> {
  if (typeof WebAssembly !== 'object') throw new Error('this browser has no WebAssembly');
  const model = ENCODER_MODELS[id];
  const [weights, wasm, tokenizer] = await Promise.all([
    ownFile(model.modelFile).then((r) => r.arrayBuffer()),
    ownFile(ORT_WASM_FILE).then((r) => r.arrayBuffer()),
    ownFile(model.tokenizerFile).then((r) => r.json() as Promise<unknown>),
  ]);
  const runner = await createOrtRunner(new Uint8Array(weights), wasm);
  return new SentenceEncoder(model, tokenizer, runner);
}
