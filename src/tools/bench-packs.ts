// npm run bench:packs: what the reader's added story packs cost, printed (not asserted).
//  - In Node, in one process: loading the packs into a matcher (stored packs checked, compiled,
//    indexed: what the service worker does once per life) with the bundled pack alone, with the
//    ferry story added, and with the ferry story and 50 synthetic packs of 30 claims; and the
//    costliest pack the bounds allow (bench/worst-pack.ts): checking it as the options page does,
//    preparing it in full (time, and the heap the loaded set keeps), and what the worker does with
//    it (stops it at its budget and loads the others).
//  - In Chromium, for the same three sets stored in the profile: the first page of a worker's life
//    (a fresh browser each run), how long the page waits for the worker's answer and
//    DOMContentLoaded → highlights drawn, beside a later page of the same worker.
//  - In Chromium: a story pack chosen in the options page → its story highlighted in a tab that
//    was already open (file read and checked in the page, stored, the worker rebuilt, the tab told
//    to match again).
// Medians over RUNS (default 5). Pass --no-build to reuse .output/chrome-mv3, --node for the Node
// measurements alone.
import { execSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { bundledPacks } from '../extension/packs/bundled-packs';
import { loadMatcher, PACK_PREPARE_BUDGET_MS } from '../extension/background/load-matcher';
import { mergePacks, validatePackFile, type InstalledPack, type PackStore } from '../core/database/pack-store';
import type { Pack } from '../core/database/schema';
import { readArgs, runScript } from '../node/helpers/args';
import { FIXTURES_DIR, ROOT } from '../node/paths';
import { launchBrowser, startServer, type TestServer } from '../../tests/harness/browser-harness';
import { waitForFirstScan, waitForHighlights } from '../../tests/harness/extension-page';
import { STRAITS_TIMES } from '../../tests/harness/seed-pages';
import { median } from '../node/helpers/stats';
import { generateSyntheticPacks } from './bench/synthetic-db';
import { worstPackWithinBounds } from './bench/worst-pack';

const RUNS = Number(process.env.RUNS ?? 5);
const FERRY_PACK = join(FIXTURES_DIR, 'stories/northern-lark-ferry-fire-2025/pack.json');
const FERRY_PAGE = 'https://www.coastlinetoday.example/stories/northern-lark-ferry-fire-2025/pages/coastline-today.html';

const ms = (x: number) => `${x.toFixed(0).padStart(5)} ms`;

function installed(packs: Pack[]): InstalledPack[] {
  return packs.map((pack, i) => ({ pack, installedAt: new Date(Date.UTC(2025, 0, 1, 0, 0, i)).toISOString() }));
}

interface PageTimes {
  matchWaitMs: number;
  dclToDrawnMs: number;
}

async function pageTimes(context: BrowserContext, url: string): Promise<PageTimes> {
  const page = await context.newPage();
  await page.goto(url);
  await waitForFirstScan(page, 30_000);
  const times = await page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    return {
      matchWaitMs: performance.getEntriesByName('parallax:match-wait').reduce((sum, e) => sum + e.duration, 0),
      dclToDrawnMs: performance.getEntriesByName('parallax:drawn')[0]!.startTime - nav.domContentLoadedEventStart,
    };
  });
  await page.close();
  return times;
}

interface ColdStarts {
  /** First page of a new browser session (the worker indexes the added packs). */
  session: PageTimes[];
  /** First page after the worker was stopped, as Chrome stops an idle one (the index kept for the session). */
  restart: PageTimes[];
  /** A later page of the same worker. */
  later: PageTimes[];
}

/** RUNS fresh browsers, then RUNS worker restarts, on a profile whose stored packs are `store`. */
async function coldStarts(server: TestServer, store: PackStore): Promise<ColdStarts> {
  const profile = mkdtempSync(join(tmpdir(), 'parallax-bench-packs-'));
  const times: ColdStarts = { session: [], restart: [], later: [] };
  try {
    const seed = await launchBrowser({ proxyPort: server.port, userDataDir: profile });
    await seed.serviceWorker.evaluate((s) => chrome.storage.local.set({ installedPacks: s.installed, disabledPacks: s.disabled }), store);
    await seed.close();
    for (let i = 0; i < RUNS; i++) {
      const browser = await launchBrowser({ proxyPort: server.port, userDataDir: profile });
      times.session.push(await pageTimes(browser.context, STRAITS_TIMES.url));
      times.later.push(await pageTimes(browser.context, STRAITS_TIMES.url));
      await browser.close();
    }
    const browser = await launchBrowser({ proxyPort: server.port, userDataDir: profile });
    await pageTimes(browser.context, STRAITS_TIMES.url);
    const blank = await browser.context.newPage();
    const cdp = await browser.context.newCDPSession(blank);
    await cdp.send('ServiceWorker.enable');
    for (let i = 0; i < RUNS; i++) {
      // Let the worker keep what it built, then stop it as Chrome does after 30 s idle.
      await blank.waitForTimeout(500);
      await cdp.send('ServiceWorker.stopAllWorkers');
      times.restart.push(await pageTimes(browser.context, STRAITS_TIMES.url));
    }
    await browser.close();
    return times;
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

/** A pack file chosen in the options page → its story highlighted in a tab already open. */
async function importToHighlight(server: TestServer): Promise<number[]> {
  const browser = await launchBrowser({ proxyPort: server.port });
  try {
    const page = await browser.context.newPage();
    await page.goto(FERRY_PAGE);
    await waitForFirstScan(page);
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await options.locator('.packs > li').first().waitFor();
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const chosen = Date.now();
      await options.locator('#pack-file').setInputFiles(FERRY_PACK);
      await waitForHighlights(page, 1, 30_000);
      times.push(Date.now() - chosen);
      await options.getByRole('button', { name: /^Remove/ }).click();
      await page.waitForFunction(() => (CSS.highlights.get('parallax-no-difference')?.size ?? 0) + (CSS.highlights.get('parallax-differ')?.size ?? 0) === 0);
    }
    return times;
  } finally {
    await browser.close();
  }
}

const gc = (): void => (globalThis as { gc?: () => void }).gc?.();
const heapMb = (): number => process.memoryUsage().heapUsed / 1024 / 1024;

/** The costliest pack within the bounds: what checking and preparing it cost, and what the worker does with it. */
function worstPack(): void {
  const pack = worstPackWithinBounds();
  const text = JSON.stringify(pack);
  // A fresh copy each time, as the worker reads one from storage (checks are kept per stored object).
  const stored = (): PackStore => ({ installed: installed([JSON.parse(text) as Pack]), disabled: [] });
  const reports = pack.claims.reduce((n, c) => n + c.reports.length, 0);
  const values = pack.claims.reduce((n, c) => n + c.reports.reduce((m, r) => m + r.values.length, 0), 0);
  const checks: number[] = [];
  const prepares: number[] = [];
  const worker: number[] = [];
  const retained: number[] = [];
  let loaded: string[] = [];
  const quiet = { slow: [], onSlow: () => undefined };
  // The heap before any run: a loaded set stays reachable until the next one replaces it.
  gc();
  const baseline = heapMb();
  for (let i = 0; i < RUNS; i++) {
    let t = performance.now();
    validatePackFile(text);
    checks.push(performance.now() - t);
    let store = stored();
    t = performance.now();
    const full = loadMatcher(store, undefined, { ...quiet, budgetMs: Infinity });
    prepares.push(performance.now() - t);
    gc();
    retained.push(heapMb() - baseline);
    if (full.db.combined.packs.length < 2) throw new Error('the worst pack was not loaded');
    store = stored();
    t = performance.now();
    loaded = loadMatcher(store, undefined, quiet).db.combined.packs.map((p) => p.id);
    worker.push(performance.now() - t);
  }
  console.log(
    `\nThe costliest pack the bounds allow (${(text.length / 1024 / 1024).toFixed(1)} MB: ${pack.claims.length} claims, ${reports.toLocaleString('en')} reports, ${values.toLocaleString('en')} values, ${(text.length / 3 / 1e6).toFixed(1)}M words, 4,000 names of ten words):`,
  );
  console.log(`  checked as the options page does ${ms(median(checks))}   prepared in full (check, compile, index) ${ms(median(prepares))}, heap kept +${median(retained).toFixed(0)} MB with its stored copy (peak RSS of this process ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB)`);
  console.log(`  in the worker (budget ${PACK_PREPARE_BUDGET_MS} ms a pack): stopped and left out after ${ms(median(worker))}; loaded: ${loaded.join(', ')}`);
}

async function main(): Promise<number> {
  const { values: args } = readArgs({ options: { 'no-build': { type: 'boolean' }, node: { type: 'boolean' } } });
  if (args['no-build'] !== true && args.node !== true) execSync('npm run build', { cwd: ROOT, stdio: 'inherit' });

  const ferry = JSON.parse(readFileSync(FERRY_PACK, 'utf8')) as Pack;
  const sets: [string, PackStore][] = [
    ['bundled only', { installed: [], disabled: [] }],
    ['+ ferry story', { installed: installed([ferry]), disabled: [] }],
    ['+ ferry + 50 packs', { installed: installed([ferry, ...generateSyntheticPacks(1500)]), disabled: [] }],
  ];

  console.log(`Added story packs: what they cost (medians of ${RUNS}; a shared 2-core machine: expect noise)\n`);
  console.log('In Node, loading the packs into a matcher (check stored packs, compile, index), one process:');
  loadMatcher(sets[1]![1]); // warm the JIT
  for (const [label, store] of sets) {
    const samples: number[] = [];
    const merge: number[] = [];
    // Fresh copies, as the worker reads them from storage (checks are kept per stored object).
    const fresh = (): PackStore => JSON.parse(JSON.stringify(store)) as PackStore;
    for (let i = 0; i < RUNS; i++) {
      const checked = fresh();
      let t = performance.now();
      mergePacks(bundledPacks(), checked);
      merge.push(performance.now() - t);
      const copy = fresh();
      t = performance.now();
      loadMatcher(copy);
      samples.push(performance.now() - t);
    }
    const claims = mergePacks(bundledPacks(), store).packs.reduce((n, p) => n + p.pack.claims.length, 0);
    console.log(`  ${label.padEnd(20)} ${String(claims).padStart(5)} claims  load ${ms(median(samples))}  (of which checking the stored packs ${ms(median(merge))})`);
  }
  worstPack();
  if (args.node === true) return 0;

  const server = await startServer();
  try {
    console.log('\nIn Chromium, a page of the Straits Times (the bundled story): the page’s wait for the worker / DOMContentLoaded → drawn,');
    console.log('on the first page of a browser session, the first page after the worker stopped (idle), and a later page:');
    for (const [label, store] of sets) {
      const { session, restart, later } = await coldStarts(server, store);
      const f = (xs: PageTimes[]) => `${ms(median(xs.map((x) => x.matchWaitMs)))} / ${ms(median(xs.map((x) => x.dclToDrawnMs)))}`;
      console.log(`  ${label.padEnd(20)} new session ${f(session)}   worker restarted ${f(restart)}   later page ${f(later)}`);
    }
    const imports = await importToHighlight(server);
    console.log(`\nStory pack chosen in the options page → its story highlighted in a tab already open: ${ms(median(imports))} (runs: ${imports.map((t) => t.toFixed(0)).join(', ')})`);
  } finally {
    await server.close();
  }
  return 0;
}

runScript(import.meta, 'bench:packs', 'npm run bench:packs -- [--no-build] [--node]', main).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
