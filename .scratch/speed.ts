// Speed of one-sentence embedding: int8 (shipped) vs fp32 (same model), ORT wasm 1 thread, Node.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ENCODER_MODELS } from '../src/core/meaning/models';
import { SentenceEncoder } from '../src/core/meaning/sentence-encoder';
import { createOrtRunner } from '../src/meaning/ort-runner';
import { ortWasmPath } from '../scripts/model/ort-wasm-path';
import { pageSentences } from '../scripts/meaning/page-features';
const which = process.argv[2]!;
const threads = Number(process.argv[3] ?? 1);
const path = which === 'fp32' ? '/tmp/fp32jar/all-minilm-l6-v2.onnx' : '.cache/models/all-minilm-l6-v2-q/all-minilm-l6-v2-q.onnx';
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
const t0 = performance.now(); const c0 = cpu();
const runner = await createOrtRunner(readFileSync(path), readFileSync(ortWasmPath()), { threads });
const enc = new SentenceEncoder(ENCODER_MODELS['all-minilm-l6-v2-q'], JSON.parse(readFileSync('.cache/models/all-minilm-l6-v2-q/all-minilm-l6-v2-q-tokenizer.json', 'utf8')), runner);
console.log(which, 'load ms', (performance.now() - t0).toFixed(0), 'cpu', (cpu() - c0).toFixed(0));
await enc.embed(['warm up sentence']);
const seeds = readdirSync('assets/seeds').filter((f) => f.endsWith('.txt')).sort();
const per: number[] = []; const perCpu: number[] = []; let tokens = 0; let n = 0;
for (const f of seeds) {
  const blocks = readFileSync(join('assets/seeds', f), 'utf8').split('\n').map((l) => l.trim()).filter(Boolean);
  const sents = pageSentences(blocks).map((s) => s.text);
  for (const s of sents) { tokens += enc.tokenCount(s); n++; }
  const t = performance.now(); const c = cpu();
  await enc.embed(sents);
  per.push((performance.now() - t) / sents.length); perCpu.push((cpu() - c) / sents.length);
}
console.log(which, 'threads', threads, 'ms/sentence', per.map((x) => x.toFixed(1)).join(' '), 'cpu/sentence', perCpu.map((x) => x.toFixed(1)).join(' '), 'tokens/sentence', (tokens / n).toFixed(1));
