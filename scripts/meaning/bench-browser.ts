// npm run meaning:bench:browser — the sentence encoder in the built extension's service worker,
// in Chromium: cold load (fresh browser each run), time to embed each seed article's sentences,
// the extension process's memory before and after, and the packed extension's size. Printed, not
// asserted. Pass --no-build to reuse .output/chrome-mv3.
import { execSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { launchBrowser, ROOT, startServer, type ExtensionBrowser } from '../lib/browser-harness';
import type { MeaningProbe } from '../../src/meaning/probe';
import { pageSentences } from './page-features';

const RUNS = Number(process.env.RUNS ?? 3);

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

/** Resident memory (MB) of Chromium's extension process for this profile (where the worker runs). */
function extensionProcessMB(browser: ExtensionBrowser): number {
  let total = 0;
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      if (!cmd.includes('--extension-process') || !cmd.includes(browser.userDataDir)) continue;
      const rss = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      if (rss) total += Number(rss[1]) / 1024;
    } catch {
      // The process ended while being read.
    }
  }
  return total;
}

function inWorker<T>(browser: ExtensionBrowser, call: 'load' | 'embed', texts: string[] = []): Promise<T> {
  return browser.serviceWorker.evaluate(
    ([call, texts]) => {
      const probe = (globalThis as unknown as { parallaxMeaning: MeaningProbe }).parallaxMeaning;
      return (call === 'load' ? probe.load() : probe.embed(texts)) as Promise<unknown>;
    },
    [call, texts] as const,
  ) as Promise<T>;
}

async function main(): Promise<void> {
  if (!process.argv.includes('--no-build')) execSync('npm run build', { cwd: ROOT, stdio: 'inherit' });
  const articles = readdirSync(join(ROOT, 'assets/seeds'))
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => pageSentences(readFileSync(join(ROOT, 'assets/seeds', f), 'utf8').split('\n').map((l) => l.trim()).filter((l) => l.length > 0)).map((s) => s.text));
  const server = await startServer();
  const loads: number[] = [];
  const perArticle: number[] = [];
  const perSentence: number[] = [];
  const memory: { before: number; after: number }[] = [];
  try {
    for (let run = 0; run < RUNS; run++) {
      const browser = await launchBrowser({ proxyPort: server.port });
      try {
        await new Promise((done) => setTimeout(done, 500));
        const before = extensionProcessMB(browser);
        loads.push((await inWorker<{ loadMs: number }>(browser, 'load')).loadMs);
        for (const sentences of articles) {
          const { ms } = await inWorker<{ ms: number }>(browser, 'embed', sentences);
          perArticle.push(ms);
          perSentence.push(ms / sentences.length);
        }
        memory.push({ before, after: extensionProcessMB(browser) });
      } finally {
        await browser.close();
      }
    }
  } finally {
    await server.close();
  }
  const output = join(ROOT, '.output/chrome-mv3');
  const modelDir = join(output, 'model');
  const shipped = readdirSync(modelDir).reduce((n, f) => n + statSync(join(modelDir, f)).size, 0);
  console.log('Sentence encoder in the extension service worker (Chromium, one WebAssembly thread; shared 2-core machine, noisy)');
  console.log(`  cold load (model + ORT .wasm read from the extension, session created): median ${median(loads).toFixed(0)} ms over ${loads.length} fresh browsers (${loads.map((x) => x.toFixed(0)).join(', ')})`);
  console.log(`  embedding a seed article's sentences (median ${median(articles.map((a) => a.length))} sentences): median ${median(perArticle).toFixed(0)} ms per article, ${median(perSentence).toFixed(1)} ms per sentence`);
  console.log(`  extension process memory: ${median(memory.map((m) => m.before)).toFixed(0)} MB before loading, ${median(memory.map((m) => m.after)).toFixed(0)} MB after five articles (median)`);
  console.log(`  shipped model files (model/): ${(shipped / 1e6).toFixed(1)} MB unpacked`);
  if (process.argv.includes('--zip')) {
    execSync('npx wxt zip', { cwd: ROOT, stdio: 'ignore' });
    const zip = readdirSync(join(ROOT, '.output')).filter((f) => f.endsWith('-chrome.zip'));
    for (const z of zip) console.log(`  packed extension (npm run zip): ${z} ${(statSync(join(ROOT, '.output', z)).size / 1e6).toFixed(1)} MB (target ≤ 40 MB)`);
  }
}

void main();
