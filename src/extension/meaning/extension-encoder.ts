// The sentence encoder inside the extension: the model, its tokenizer, ORT's WebAssembly, the
// description of the model (encoder.json) and the claims' vectors are the extension's own files,
// copied into model/ by the build (wxt.config.ts) and read with runtime.getURL: nothing is fetched
// from the network and no code is loaded at run time.
import { browser } from 'wxt/browser';
import { loadClaimVectors, type SerializedClaimVectors } from '../../core/meaning/claim-vectors';
import type { EncoderModel } from '../../core/meaning/models';
import { SentenceEncoder } from '../../core/meaning/sentence-encoder';
import type { MeaningEngine } from './meaning-service';
import { CLAIM_VECTORS_FILE, ENCODER_SPEC_FILE, MODEL_FOLDER, ORT_WASM_FILE } from '../../core/meaning/model-files';
import { createOrtRunner } from '../../core/meaning/ort-runner';

/** encoder.json: the model's description and the sha256 of its weights. */
type ShippedEncoder = EncoderModel & { sha256: string };

async function ownFile(path: string): Promise<Response> {
  const response = await fetch(browser.runtime.getURL(`/${MODEL_FOLDER}/${path}` as '/'));
  if (!response.ok) throw new Error(`the extension has no ${MODEL_FOLDER}/${path} (built without the sentence model?)`);
  return response;
}

/**
 * Loads the encoder from the extension's files. Rejects when the browser has no WebAssembly or
 * the build shipped no model; callers then match by words alone.
 */
export async function loadExtensionEncoder(): Promise<{ encoder: SentenceEncoder; spec: ShippedEncoder }> {
  if (typeof WebAssembly !== 'object') throw new Error('this browser has no WebAssembly');
  const spec = (await (await ownFile(ENCODER_SPEC_FILE)).json()) as ShippedEncoder;
  const [weights, wasm, tokenizer] = await Promise.all([
    ownFile(spec.modelFile).then((r) => r.arrayBuffer()),
    ownFile(ORT_WASM_FILE).then((r) => r.arrayBuffer()),
    ownFile(spec.tokenizerFile).then((r) => r.json() as Promise<unknown>),
  ]);
  const runner = await createOrtRunner(new Uint8Array(weights), wasm);
  return { encoder: new SentenceEncoder(spec, tokenizer, runner), spec };
}

/** The encoder and the claims' vectors, which must have been made by the same model (else refused). */
export async function loadExtensionMeaning(): Promise<MeaningEngine> {
  const [{ encoder, spec }, serialized] = await Promise.all([
    loadExtensionEncoder(),
    ownFile(CLAIM_VECTORS_FILE).then((r) => r.json() as Promise<SerializedClaimVectors>),
  ]);
  const claimVectors = loadClaimVectors(serialized, { id: spec.id, sha256: spec.sha256 });
  return { model: spec.id, claimVectors, embed: async (text) => (await encoder.embed([text]))[0]! };
}
