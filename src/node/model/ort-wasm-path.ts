// ONNX Runtime Web's WebAssembly binary in node_modules: read by Node, copied into the extension.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { ORT_WASM_FILE } from '../../core/meaning/model-files';

export function ortWasmPath(): string {
  return join(createRequire(import.meta.url).resolve('onnxruntime-web/wasm'), '..', ORT_WASM_FILE);
}
