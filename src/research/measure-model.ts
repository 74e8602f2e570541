// Run in a fresh Node process per model by meaning-eval.ts: cold load time, memory, and the
// time to embed each seed article's sentences (uncached), as one JSON line on stdout.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ENCODER_MODELS, isEncoderModelId } from '../core/meaning/models';
import { loadEncoder } from '../node/model/load-encoder';
import { ROOT } from '../node/paths';
import { modelDir } from '../node/model/provisioning';
import { clauseWindows } from './sentence-meaning';
import { pageSentences } from './page-features';

export interface ModelMeasurement {
  model: string;
  fileMB: number;
  loadMs: number;
  rssBeforeMB: number;
  rssAfterMB: number;
  /** CPU time of the load (the process's own; less disturbed than wall time by other work on the machine). */
  loadCpuMs: number;
  /** Per seed article: sentences, windows, wall and CPU ms for the sentences alone, wall ms with clause windows. */
  articles: { sentences: number; windows: number; ms: number; cpuMs: number; windowsMs: number }[];
}

async function main(): Promise<void> {
  const id = process.argv[2] ?? '';
  if (!isEncoderModelId(id)) throw new Error(`unknown model ${id}`);
  const cpu = (): number => {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1000;
  };
  const rssBefore = process.memoryUsage().rss;
  const t0 = performance.now();
  const c0 = cpu();
  const { encoder } = await loadEncoder(id);
  const loadMs = performance.now() - t0;
  const loadCpuMs = cpu() - c0;
  const seeds = readdirSync(join(ROOT, 'assets/seeds'))
    .filter((f) => f.endsWith('.txt'))
    .sort();
  const articles: ModelMeasurement['articles'] = [];
  await encoder.embed(['Warm-up: the first run allocates the session’s buffers.']);
  for (const file of seeds) {
    const blocks = readFileSync(join(ROOT, 'assets/seeds', file), 'utf8')
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l.length > 0);
    const sentences = pageSentences(blocks).map((s) => s.text);
    let start = performance.now();
    const cpuStart = cpu();
    await encoder.embed(sentences);
    const ms = performance.now() - start;
    const cpuMs = cpu() - cpuStart;
    const windows = sentences.flatMap((s) => clauseWindows(s).slice(1));
    start = performance.now();
    await encoder.embed(windows);
    articles.push({
      sentences: sentences.length,
      windows: windows.length,
      ms,
      cpuMs,
      windowsMs: ms + performance.now() - start,
    });
  }
  const m: ModelMeasurement = {
    model: id,
    fileMB: statSync(join(modelDir(id), ENCODER_MODELS[id].modelFile)).size / 1e6,
    loadMs,
    loadCpuMs,
    rssBeforeMB: rssBefore / 1e6,
    rssAfterMB: process.memoryUsage().rss / 1e6,
    articles,
  };
  console.log(JSON.stringify(m));
}

void main();
