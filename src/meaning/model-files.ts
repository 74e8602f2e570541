// Where the build puts the model files and ORT's .wasm inside the extension (wxt.config.ts), and
// where the extension reads them from (extension-encoder.ts).
export const MODEL_FOLDER = 'model';
export const ORT_WASM_FILE = 'ort-wasm-simd-threaded.wasm';
