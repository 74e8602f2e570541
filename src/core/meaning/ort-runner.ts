// The ModelRunner over ONNX Runtime Web's WebAssembly build, used unchanged by the extension and by
// Node (annotate, eval, bench, tests), so that both compute the same numbers. The caller hands
// over the bytes of the model and of ORT's .wasm (read from the extension's own files or from
// disk): ORT then fetches nothing and imports nothing at run time, which an MV3 service worker
// (no dynamic import) and the extension's CSP (WebAssembly only) both require.
import * as ort from 'onnxruntime-web/wasm';
import type { ModelRunner } from './sentence-encoder';
import type { TokenBatch } from './token-batch';

export interface OrtRunnerOptions {
  /** Threads need SharedArrayBuffer (cross-origin isolation); a service worker has one thread. */
  threads?: number;
}

export interface OrtRunner extends ModelRunner {
  release(): Promise<void>;
}

export async function createOrtRunner(
  model: Uint8Array,
  ortWasm: ArrayBuffer | Uint8Array,
  options: OrtRunnerOptions = {},
): Promise<OrtRunner> {
  ort.env.wasm.numThreads = options.threads ?? 1;
  ort.env.wasm.proxy = false;
  ort.env.wasm.wasmBinary = ortWasm;
  const session = await ort.InferenceSession.create(model, {
    executionProviders: ['wasm'],
    graphOptimizationLevel: 'all',
  });
  const takesTypeIds = session.inputNames.includes('token_type_ids');
  const output = session.outputNames[0]!;
  return {
    async run(batch: TokenBatch): Promise<Float32Array> {
      const dims = [batch.count, batch.length];
      const feeds: Record<string, ort.Tensor> = {
        input_ids: new ort.Tensor('int64', batch.ids, dims),
        attention_mask: new ort.Tensor('int64', batch.mask, dims),
      };
      if (takesTypeIds) feeds.token_type_ids = new ort.Tensor('int64', batch.typeIds, dims);
      const result = await session.run(feeds);
      const hidden = result[output]!;
      const data = hidden.data as Float32Array;
      hidden.dispose();
      return data;
    },
    release: () => session.release(),
  };
}
