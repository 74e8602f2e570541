// Does ORT-web's threaded WebAssembly help on this machine? A plain page, cross-origin isolated
// (COOP/COEP), runs the shipped int8 model over the seed sentences with 1 and 2 threads.
import { createServer } from 'node:http';
import { readFileSync, readdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';
import { chromiumPath } from '../scripts/lib/browser-harness';
import { SentenceTokenizer } from '../src/core/meaning/token-batch';
import { pageSentences } from '../scripts/meaning/page-features';
const ortDir = join(dirname(createRequire(import.meta.url).resolve('onnxruntime-web/wasm')));
const tok = new SentenceTokenizer(JSON.parse(readFileSync('.cache/models/all-minilm-l6-v2-q/all-minilm-l6-v2-q-tokenizer.json', 'utf8')), { maxTokens: 128 });
const sents = readdirSync('assets/seeds').filter((f) => f.endsWith('.txt')).flatMap((f) => pageSentences(readFileSync(join('assets/seeds', f), 'utf8').split('\n').map((l) => l.trim()).filter(Boolean)).map((s) => s.text));
const ids = sents.map((s) => tok.encode(s));
const page = `<!doctype html><script type="module">
import * as ort from '/ort/ort.wasm.min.mjs';
const ids = ${JSON.stringify(ids)};
window.run = async (threads) => {
  ort.env.wasm.numThreads = threads; ort.env.wasm.wasmPaths = '/ort/';
  const t0 = performance.now();
  const session = await ort.InferenceSession.create('/model.onnx', { executionProviders: ['wasm'], graphOptimizationLevel: 'all' });
  const load = performance.now() - t0;
  const one = async (row) => { const n = row.length; const dims = [1, n];
    const r = await session.run({ input_ids: new ort.Tensor('int64', BigInt64Array.from(row.map(BigInt)), dims), attention_mask: new ort.Tensor('int64', new BigInt64Array(n).fill(1n), dims), token_type_ids: new ort.Tensor('int64', new BigInt64Array(n), dims) }); };
  await one(ids[0]);
  const t1 = performance.now();
  for (const row of ids) await one(row);
  return { isolated: crossOriginIsolated, load, perSentence: (performance.now() - t1) / ids.length };
};
window.ready = true;
</script>`;
const server = createServer((req, res) => {
  const h = { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' };
  const url = req.url ?? '/';
  if (url === '/') { res.writeHead(200, { ...h, 'content-type': 'text/html' }); res.end(page); return; }
  if (url === '/model.onnx') { res.writeHead(200, { ...h, 'content-type': 'application/octet-stream' }); res.end(readFileSync('.cache/models/all-minilm-l6-v2-q/all-minilm-l6-v2-q.onnx')); return; }
  if (url.startsWith('/ort/')) { const f = join(ortDir, url.slice(5)); try { const b = readFileSync(f); res.writeHead(200, { ...h, 'content-type': f.endsWith('.wasm') ? 'application/wasm' : 'text/javascript' }); res.end(b); } catch { res.writeHead(404); res.end(); } return; }
  res.writeHead(404); res.end();
}).listen(0);
const port = (server.address() as { port: number }).port;
const browser = await chromium.launch({ executablePath: chromiumPath(), args: ['--no-sandbox'] });
for (const threads of [1, 2, 1, 2, 1, 2]) {
  const p = await browser.newPage();
  await p.goto(`http://127.0.0.1:${port}/`);
  await p.waitForFunction(() => (window as any).ready === true);
  console.log(threads, JSON.stringify(await p.evaluate((t) => (window as any).run(t), threads)));
  await p.close();
}
await browser.close(); server.close();
