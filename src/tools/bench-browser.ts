// npm run bench:browser: the content script's cost in a real Chromium, printed (not asserted).
//  - own time on a page with nothing to match (target ≤ 3 ms): the synchronous work the content
//    script does on the page's main thread (extraction, settings, drawing), from its
//    "parallax:own-time" performance measure;
//  - DOMContentLoaded → highlights drawn on a seed page (target ≤ 300 ms), from the
//    "parallax:drawn" mark against the navigation entry;
//  - the wait for the service worker's answer, first page of the worker's life (database and index
//    loaded) vs later pages (loaded, block scores cached) — why matching runs in the worker.
// Medians over several fresh page loads. Pass --no-build to reuse .output/chrome-mv3.
import { execSync } from 'node:child_process';
import type { BrowserContext } from 'playwright-core';
import { readArgs, runScript } from '../node/helpers/args';
import { ROOT } from '../node/paths';
import { launchBrowser, startServer } from '../../tests/harness/browser-harness';
import { waitForFirstScan } from '../../tests/harness/extension-page';
import { SEED_PAGES, STRAITS_TIMES } from '../../tests/harness/seed-pages';
import { loadMatcher } from '../extension/background/load-matcher';
import { median } from '../node/helpers/stats';

const RUNS = Number(process.env.RUNS ?? 15);
const EMPTY_PAGE = 'https://news.example/pages/unrelated-news.html';

interface Sample {
  ownMs: number;
  dclToDrawnMs: number;
  matchWaitMs: number;
  highlights: number;
}

async function sample(context: BrowserContext, url: string): Promise<Sample> {
  const page = await context.newPage();
  await page.goto(url);
  await waitForFirstScan(page);
  const result = await page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    const drawn = performance.getEntriesByName('parallax:drawn')[0]!;
    let highlights = 0;
    for (const name of ['parallax-no-difference', 'parallax-differ']) highlights += CSS.highlights.get(name)?.size ?? 0;
    return {
      ownMs: performance.getEntriesByName('parallax:own-time')[0]?.duration ?? NaN,
      dclToDrawnMs: drawn.startTime - nav.domContentLoadedEventStart,
      matchWaitMs: performance.getEntriesByName('parallax:match-wait')[0]?.duration ?? NaN,
      highlights,
    };
  });
  await page.close();
  return result;
}

const ms = (x: number) => `${x.toFixed(2)} ms`;

async function main(): Promise<number> {
  const { values: args } = readArgs({ options: { 'no-build': { type: 'boolean' } } });
  if (args['no-build'] !== true) execSync('npm run build', { cwd: ROOT, stdio: 'inherit' });

  // What a content script would pay on every page if it matched by itself: load the database and
  // index (the service worker pays this once per worker life).
  const loadTimes: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    loadMatcher();
    loadTimes.push(performance.now() - t);
  }

  const server = await startServer();
  const browser = await launchBrowser({ proxyPort: server.port });
  try {
    const cold = await sample(browser.context, STRAITS_TIMES.url); // first page of the worker's life
    // Warm every seed page once, then measure.
    for (const p of SEED_PAGES) await sample(browser.context, p.url);
    const empty: Sample[] = [];
    const seed: Sample[] = [];
    for (let i = 0; i < RUNS; i++) {
      empty.push(await sample(browser.context, EMPTY_PAGE));
      seed.push(await sample(browser.context, STRAITS_TIMES.url));
    }
    const emptyOwn = median(empty.map((s) => s.ownMs));
    const seedDcl = median(seed.map((s) => s.dclToDrawnMs));
    console.log(`Parallax in Chromium, medians over ${RUNS} fresh page loads\n`);
    console.log(
      `content script own time, page with nothing to match: ${ms(emptyOwn)}  (target ≤ 3 ms: ${(emptyOwn / 3).toFixed(2)}× target; ${empty[0]!.highlights} highlights)`,
    );
    console.log(
      `content script own time, seed page (${seed[0]!.highlights} highlights):      ${ms(median(seed.map((s) => s.ownMs)))}`,
    );
    console.log(
      `DOMContentLoaded → highlights drawn, seed page:       ${ms(seedDcl)}  (target ≤ 300 ms: ${(seedDcl / 300).toFixed(2)}× target)`,
    );
    console.log(
      `  of which waiting for the service worker:            ${ms(median(seed.map((s) => s.matchWaitMs)))} (warm: database loaded, blocks cached)`,
    );
    console.log(
      `  first page of a fresh worker, same wait:            ${ms(cold.matchWaitMs)} (loads database + index); DCL → drawn ${ms(cold.dclToDrawnMs)}`,
    );
    console.log(
      `loading database + index in Node (what each tab would pay without the worker): first ${ms(loadTimes[0]!)}, then median ${ms(median(loadTimes.slice(1)))}`,
    );
  } finally {
    await browser.close();
    await server.close();
  }
  return 0;
}

runScript(import.meta, 'bench:browser', 'npm run bench:browser -- [--no-build]', main).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
