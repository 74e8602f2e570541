// The sentence encoder inside the extension: the model, its tokenizer, ORT's WebAssembly and the
// description of the model (encoder.json) are the extension's own files, copied into model/ by the
// build (wxt.config.ts) and read with runtime.getURL: nothing is fetched from the network and no
// code is loaded at run time.
import { browser } from 'wxt/browser';
import type { EncoderModel } from '../core/meaning/models';
import { SentenceEncoder } from '../core/meaning/sentence-encoder';
import { ENCODER_SPEC_FILE, MODEL_FOLDER, ORT_WASM_FILE } from './model-files';
import { createOrtRunner } from './ort-runner';

async function ownFile(path: string): Promise<Response> {
  const response = await fetch(browser.runtime.getURL(`/${MODEL_FOLDER}/${path}` as '/'));
  if (!response.ok) throw new Error(`the extension has no ${MODEL_FOLDER}/${path} (built without the sentence model?)`);
  return response;
}

/**
 * Loads the encoder from the extension's files. Rejects when the browser has no WebAssembly or
 * the build shipped no model; callers then match by words alone.
 */
export async function loadExtensionEncoder(): Promise<SentenceEncoder> {
  if (typeof WebAssembly !== 'object') throw new Error('this browser has no WebAssembly');
  const model = (await (await ownFile(ENCODER_SPEC_FILE)).json()) as EncoderModel;
  const [weights, wasm, tokenizer] = await Promise.all([
    ownFile(model.modelFile).then((r) => r.arrayBuffer()),
    ownFile(ORT_WASM_FILE).then((r) => r.arrayBuffer()),
    ownFile(model.tokenizerFile).then((r) => r.json() as Promise<unknown>),
  ]);
  const runner = await createOrtRunner(new Uint8Array(weights), wasm);
  return new SentenceEncoder(model, tokenizer, runner);
}
