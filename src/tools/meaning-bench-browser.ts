// npm run meaning:bench:browser — matching by meaning in the built extension, in Chromium, printed
// (not asserted). Per fresh browser: an unrelated page first (the content script's own time; no
// model may load), then the seed pages in turn, the first of which loads the model in the service
// worker (cold). For each page: DOMContentLoaded → the words' highlights drawn, → the answer by
// meaning drawn; the worker's model load time and the time its sentences took; the extension
// process's memory before and after. --zip also packs the extension and reports its size.
// It needs the build with the test hooks (the meaning probe): npm run build:test, unless --no-build
// reuses .output/with-test-hooks/chrome-mv3. RUNS=n fresh browsers (default 3).
import { execSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { ROOT } from '../node/paths';
import {
  extensionProcessMB,
  launchBrowser,
  startServer,
  TEST_BUILD_PATH,
  type ExtensionBrowser,
} from '../../tests/harness/browser-harness';
import { waitForFirstScan } from '../../tests/harness/extension-page';
import { SEED_PAGES } from '../../tests/harness/seed-pages';
import { median } from '../node/helpers/stats';
import type { MeaningProbe } from '../extension/meaning/probe';
import type { MeaningStats } from '../extension/meaning/meaning-service';

const RUNS = Number(process.env.RUNS ?? 3);
const UNRELATED = 'https://news.example/pages/unrelated-news.html';

const stats = (browser: ExtensionBrowser): Promise<MeaningStats> =>
  browser.serviceWorker.evaluate(() =>
    (globalThis as unknown as { parallaxMeaning: MeaningProbe }).parallaxMeaning.stats(),
  );

interface PageTimes {
  drawnMs: number;
  meaningMs: number;
  ownMs: number;
}

async function visit(page: Page, url: string, waitForMeaning: boolean): Promise<PageTimes> {
  await page.goto(url);
  await waitForFirstScan(page);
  if (waitForMeaning)
    await page.waitForFunction(() => performance.getEntriesByName('parallax:meaning-drawn').length > 0, undefined, {
      timeout: 60_000,
    });
  // (No named functions inside: the page does not have tsx's helpers.)
  return page.evaluate(() => {
    const dcl = (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming)
      .domContentLoadedEventStart;
    return {
      drawnMs: (performance.getEntriesByName('parallax:drawn')[0]?.startTime ?? NaN) - dcl,
      meaningMs: (performance.getEntriesByName('parallax:meaning-drawn')[0]?.startTime ?? NaN) - dcl,
      ownMs: performance.getEntriesByName('parallax:own-time')[0]?.duration ?? NaN,
    };
  });
}

async function main(): Promise<void> {
  if (!process.argv.includes('--no-build')) execSync('npm run build:test', { cwd: ROOT, stdio: 'inherit' });
  const server = await startServer();
  const first: PageTimes[] = [];
  const later: PageTimes[] = [];
  const unrelated: PageTimes[] = [];
  const loads: number[] = [];
  const perSentence: number[] = [];
  const memory: { before: number; after: number }[] = [];
  let modelRanOnUnrelated = false;
  try {
    for (let run = 0; run < RUNS; run++) {
      const browser = await launchBrowser({ proxyPort: server.port, testHooks: true });
      try {
        await new Promise((done) => setTimeout(done, 500));
        const before = extensionProcessMB(browser);
        const page = await browser.context.newPage();
        unrelated.push(await visit(page, UNRELATED, false));
        await page.waitForTimeout(300);
        if ((await stats(browser)).state !== 'idle') modelRanOnUnrelated = true;
        // The seed pages in a different order each run, so "first" is not always the same page.
        const order = SEED_PAGES.map((_, i) => SEED_PAGES[(i + run) % SEED_PAGES.length]!);
        for (const [i, seed] of order.entries()) (i === 0 ? first : later).push(await visit(page, seed.url, true));
        const s = await stats(browser);
        loads.push(s.loadMs ?? NaN);
        perSentence.push(s.embedMs / Math.max(1, s.embedded));
        memory.push({ before, after: extensionProcessMB(browser) });
        await page.close();
      } finally {
        await browser.close();
      }
    }
  } finally {
    await server.close();
  }
  const ms = (xs: number[]): string => `${median(xs).toFixed(0)} ms`;
  console.log(
    `Matching by meaning in Chromium (the built extension; ${RUNS} fresh browsers; medians; this 2-core machine is shared, so timings are noisy)`,
  );
  console.log(
    `  unrelated page: content script's own time ${median(unrelated.map((u) => u.ownMs)).toFixed(2)} ms (target ≤ 3 ms); the model ${modelRanOnUnrelated ? 'LOADED (it must not)' : 'did not load'}`,
  );
  console.log(
    `  first seed page of a browser (the model loads): DOMContentLoaded → words' highlights ${ms(first.map((p) => p.drawnMs))}, → meaning's ${ms(first.map((p) => p.meaningMs))}`,
  );
  console.log(
    `  later seed pages (model loaded): DOMContentLoaded → words' highlights ${ms(later.map((p) => p.drawnMs))} (target ≤ 300 ms), → meaning's ${ms(later.map((p) => p.meaningMs))}`,
  );
  console.log(
    `  cold model load in the service worker (files read, ORT's WebAssembly compiled, session created): ${ms(loads)} (target ≤ 1 s; ${loads.map((x) => x.toFixed(0)).join(', ')})`,
  );
  console.log(`  per sentence through the model: ${median(perSentence).toFixed(1)} ms`);
  console.log(
    `  extension process memory: ${median(memory.map((m) => m.before)).toFixed(0)} MB before, ${median(memory.map((m) => m.after)).toFixed(0)} MB after the seed pages (the worker's model loaded)`,
  );
  const modelDir = join(TEST_BUILD_PATH, 'model');
  const shipped = readdirSync(modelDir).reduce((n, f) => n + statSync(join(modelDir, f)).size, 0);
  console.log(`  shipped model files (model/): ${(shipped / 1e6).toFixed(1)} MB unpacked`);
  if (process.argv.includes('--zip')) {
    execSync('npm run zip', { cwd: ROOT, stdio: 'ignore' });
    for (const z of readdirSync(join(ROOT, '.output')).filter((f) => /-(chrome|firefox)\.zip$/.test(f))) {
      console.log(
        `  packed extension (npm run zip): ${z} ${(statSync(join(ROOT, '.output', z)).size / 1e6).toFixed(1)} MB (target ≤ 40 MB)`,
      );
    }
  }
}

void main();
