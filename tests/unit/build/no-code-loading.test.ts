// The extension build removes ONNX Runtime Web's import-from-a-URL helper (no remote code).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stripOrtCodeLoading } from '../../../src/build/no-code-loading';

// What `import 'onnxruntime-web/wasm'` resolves to in a bundler (the package's "import" condition).
const ortDir = join(dirname(createRequire(import.meta.url).resolve('onnxruntime-web/wasm')), '..');
const ortPackage = JSON.parse(readFileSync(join(ortDir, 'package.json'), 'utf8')) as {
  exports: Record<string, { import: { default: string } }>;
};
const bundledPath = join(ortDir, ortPackage.exports['./wasm']!.import.default);

describe('the ORT bundle the extension ships', () => {
  it('is the one the plugin rewrites, and keeps no dynamic import()', () => {
    expect(bundledPath).toMatch(/ort\.wasm\.bundle\.min\.mjs$/);
    const code = readFileSync(bundledPath, 'utf8');
    expect(code).toMatch(/\bimport\(/);
    const stripped = stripOrtCodeLoading(code);
    expect(stripped).not.toMatch(/\bimport\(/);
    expect(stripped).toContain('Parallax loads no code at run time');
  });

  it('fails the build when the helper is not where it was (an ORT upgrade must be checked)', () => {
    expect(() => stripOrtCodeLoading('const x = 1;')).toThrow(/found 0/);
  });
});
