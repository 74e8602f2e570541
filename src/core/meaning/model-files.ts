// Where the build puts the encoder inside the extension (wxt.config.ts, src/build/ship-model.ts)
// and where the extension reads it from (src/extension/meaning/extension-encoder.ts).
// ENCODER_SPEC_FILE describes the shipped model (an EncoderModel as JSON), so the extension code
// does not hard-wire which one; a build without the model has no such file and matches by words
// alone.
export const MODEL_FOLDER = 'model';
export const ORT_WASM_FILE = 'ort-wasm-simd-threaded.wasm';
export const ENCODER_SPEC_FILE = 'encoder.json';
/** The claims' vectors (built with the index), read when the first page needs meaning. */
export const CLAIM_VECTORS_FILE = 'claim-vectors.json';
