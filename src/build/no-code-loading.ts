// A Vite plugin for the extension build: removes ONNX Runtime Web's one way of loading code at run
// time. ORT's WebAssembly bundle keeps a helper that import()s its JavaScript glue from a URL when
// the glue is not bundled; Parallax uses the bundle (glue included) and hands ORT the .wasm bytes,
// so the helper is dead code, but an extension must not contain a path that loads code it does not
// ship (addons.mozilla.org's linter flags it, rightly). The helper is replaced by one that refuses.
// If ORT changes and the helper is not found, the build fails here rather than shipping it.
import type { Plugin } from 'vite';

/** The module that holds the helper: ORT's WebAssembly-only bundle (onnxruntime-web/wasm). */
const ORT_BUNDLE = /onnxruntime-web[\\/]dist[\\/]ort\.wasm\.bundle\.min\.mjs$/;
/** `async n => (await import(n)).default`, as minified in onnxruntime-web 1.30. */
const IMPORT_FROM_URL =
  /\(await import\(\/\*webpackIgnore:true\*\/ \/\*@vite-ignore\*\/([A-Za-z_$][\w$]*)\)\)\.default/g;

export function stripOrtCodeLoading(code: string): string {
  let found = 0;
  const out = code.replace(IMPORT_FROM_URL, (_m, name: string) => {
    found++;
    return `(()=>{throw new Error("Parallax loads no code at run time ("+${name}+")")})()`;
  });
  if (found !== 1)
    throw new Error(
      `onnxruntime-web: expected one import() of its glue in ort.wasm.bundle.min.mjs, found ${found}; check src/build/no-code-loading.ts against this ORT version`,
    );
  return out;
}

export function noCodeLoading(): Plugin {
  return {
    name: 'parallax-no-code-loading',
    enforce: 'pre',
    transform(code, id) {
      if (!ORT_BUNDLE.test(id.split('?')[0]!)) return null;
      return { code: stripOrtCodeLoading(code), map: null };
    },
  };
}
