// Matching by meaning, phase 1: the sentence encoder runs inside the built extension's service
// worker, from the extension's own files, under a CSP that allows WebAssembly and nothing more,
// and computes the same vectors as the Node tools do.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXTENSION_PATH, launchBrowser, startServer, type ExtensionBrowser, type TestServer } from '../../scripts/lib/browser-harness';
import { loadEncoder } from '../../scripts/model/load-encoder';
import { cosine } from '../../src/core/meaning/pooling';
import type { MeaningProbe } from '../../src/meaning/probe';

const SENTENCES = [
  'The fighters were allowed to leave Raqqa with their families.',
  'A deal let the militants and their relatives depart the city.',
  'The club signed a new striker before the transfer window closed.',
];

// Chromium's own plumbing talks through the proxy whatever the extension does (as in quiet.test.ts).
const BROWSER_HOSTS = ['update.googleapis.com', 'accounts.google.com', 'clients2.google.com'];
const notBrowserPlumbing = (url: string): boolean => !BROWSER_HOSTS.includes(new URL(url).hostname);

let server: TestServer;
let browser: ExtensionBrowser;
const workerProblems: string[] = [];
const requested: string[] = [];

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser({ proxyPort: server.port });
  browser.serviceWorker.on('console', (m) => {
    if (m.type() === 'error') workerProblems.push(m.text());
  });
  browser.context.on('request', (r) => requested.push(r.url()));
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

function probe(script: (p: MeaningProbe, texts: string[]) => Promise<unknown>, texts: string[] = []): Promise<unknown> {
  return browser.serviceWorker.evaluate(
    ([source, texts]) => {
      const p = (globalThis as unknown as { parallaxMeaning: MeaningProbe }).parallaxMeaning;
      // eslint-disable-next-line @typescript-eslint/no-implied-eval
      return (new Function('p', 'texts', `return (${source})(p, texts)`) as (p: MeaningProbe, t: string[]) => Promise<unknown>)(p, texts);
    },
    [script.toString(), texts] as const,
  );
}

describe('sentence encoder in the service worker', () => {
  it('allows WebAssembly and nothing more in the manifest', () => {
    const manifest = JSON.parse(readFileSync(join(EXTENSION_PATH, 'manifest.json'), 'utf8')) as { content_security_policy?: { extension_pages?: string } };
    expect(manifest.content_security_policy?.extension_pages).toBe("script-src 'self' 'wasm-unsafe-eval'; object-src 'self';");
  });

  it('loads the model from the extension and ranks a paraphrase above an unrelated sentence, as Node does', async () => {
    const before = server.requests.length;
    const loaded = (await probe((p) => p.load())) as { loadMs: number; model: string };
    const { vectors } = (await probe((p, texts) => p.embed(texts), SENTENCES)) as { vectors: number[][] };
    const [allowedToLeave, dealLetDepart, football] = vectors.map((v) => Float32Array.from(v));
    expect(cosine(allowedToLeave!, dealLetDepart!)).toBeGreaterThan(cosine(allowedToLeave!, football!) + 0.1);

    // The same model, tokenizer and ORT build in Node give the same vectors.
    const { encoder } = await loadEncoder(loaded.model as Parameters<typeof loadEncoder>[0]);
    const inNode = await encoder.embed(SENTENCES);
    inNode.forEach((v, i) => expect(cosine(v, Float32Array.from(vectors[i]!))).toBeGreaterThan(0.9999));

    // Loaded from its own files: no request left the browser for the model or the runtime.
    expect(server.requests.slice(before).filter(notBrowserPlumbing)).toEqual([]);
    expect(requested.filter((u) => !u.startsWith('chrome-extension://')).filter(notBrowserPlumbing)).toEqual([]);
    expect(workerProblems).toEqual([]);
    console.log(`[meaning] model ${loaded.model} loaded in the service worker in ${loaded.loadMs.toFixed(0)} ms`);
  });
});
