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
//  - A pack list of the 50 synthetic packs: in Node, what the worker decides and checks (the
//    index's signature, each pack's SHA-256, each pack installed through the pack store) to
//    subscribe, to update with nothing changed and with one pack changed, and the heap it keeps;
//    in Chromium, served by the local server, the same three from the options page's click to its
//    answer, the extension process's memory and storage, and the worker's index rebuild after it
//    (the first page after the update), beside the same figures for the 50 packs stored directly.
// Medians over RUNS (default 5). Pass --no-build to reuse .output/chrome-mv3, --node for the Node
// measurements alone.
import { execSync } from 'node:child_process';
import { createHash, generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { bundledPacks } from '../extension/packs/bundled-packs';
import { loadMatcher, PACK_PREPARE_BUDGET_MS } from '../extension/background/load-matcher';
import {
  EMPTY_PACK_STORE,
  mergePacks,
  validatePackFile,
  type InstalledPack,
  type PackStore,
} from '../core/database/pack-store';
import { LIST_FORMAT, type PackList } from '../core/lists/list-schema';
import type { Bytes } from '../core/lists/list-signature';
import { packFileProblem } from '../core/lists/list-signature';
import { applyListUpdate, checkIndex, planListUpdate } from '../core/lists/list-update';
import type { ListSubscription } from '../core/lists/subscription';
import { webCryptoVerify } from '../extension/lists/web-crypto';
import type { Pack } from '../core/database/schema';
import { readArgs, runScript } from '../node/helpers/args';
import { FIXTURES_DIR, ROOT } from '../node/paths';
import {
  allowSite,
  extensionProcessMB,
  launchBrowser,
  startServer,
  type RouteHandler,
  type TestServer,
} from '../../tests/harness/browser-harness';
import { waitForFirstScan, waitForHighlights, waitForMeaning } from '../../tests/harness/extension-page';
import { STRAITS_TIMES } from '../../tests/harness/seed-pages';
import { median } from '../node/helpers/stats';
import { generateSyntheticPacks } from './bench/synthetic-db';
import { worstPackWithinBounds } from './bench/worst-pack';
import { publicKeyText, signIndex } from './pack-list/list-keys';

const RUNS = Number(process.env.RUNS ?? 5);
const FERRY_PACK = join(FIXTURES_DIR, 'stories/northern-lark-ferry-fire-2025/pack.json');
const FERRY_PAGE =
  'https://www.coastlinetoday.example/stories/northern-lark-ferry-fire-2025/pages/coastline-today.html';

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
  // The first scan, as waitForFirstScan waits for it, but with more time for meaning: with 51
  // packs the worker embeds every added claim first, which on a busy shared machine can take
  // longer than the harness's minute.
  await page.waitForFunction(() => performance.getEntriesByName('parallax:drawn').length > 0, undefined, {
    timeout: 30_000,
  });
  await waitForMeaning(page, 300_000);
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
    await seed.serviceWorker.evaluate(
      (s) => chrome.storage.local.set({ installedPacks: s.installed, disabledPacks: s.disabled }),
      store,
    );
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
      await page.waitForFunction(
        () =>
          (CSS.highlights.get('parallax-no-difference')?.size ?? 0) +
            (CSS.highlights.get('parallax-differ')?.size ?? 0) ===
          0,
      );
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
  console.log(
    `  checked as the options page does ${ms(median(checks))}   prepared in full (check, compile, index) ${ms(median(prepares))}, heap kept +${median(retained).toFixed(0)} MB with its stored copy (peak RSS of this process ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB)`,
  );
  console.log(
    `  in the worker (budget ${PACK_PREPARE_BUDGET_MS} ms a pack): stopped and left out after ${ms(median(worker))}; loaded: ${loaded.join(', ')}`,
  );
}

// ---- A pack list of 50 packs -------------------------------------------------------------------

const LIST_ADDRESS = 'https://lists.bench.example/world/list.json';
const listKey = generateKeyPairSync('ed25519').privateKey;

/** A signed list of these packs (their JSON as files), at the nth publication. */
function listOf(packs: readonly Pack[], n: number): { index: Buffer; signature: string; files: Map<string, Buffer> } {
  const files = new Map<string, Buffer>();
  const entries: PackList['packs'] = packs.map((pack) => {
    const bytes = Buffer.from(JSON.stringify(pack));
    const address = `packs/${pack.id}-${pack.version}.json`;
    files.set(address, bytes);
    return {
      id: pack.id,
      title: pack.story.title,
      version: pack.version,
      size: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      address,
    };
  });
  const list: PackList = {
    format: LIST_FORMAT,
    formatVersion: 1,
    title: 'Fifty stories',
    publisher: 'The bench',
    homePage: 'https://lists.bench.example/world/',
    publicKey: publicKeyText(listKey),
    published: new Date(Date.UTC(2025, 0, 1, n)).toISOString(),
    packs: entries,
  };
  const index = Buffer.from(JSON.stringify(list, null, 2));
  return { index, signature: signIndex(index, listKey), files };
}

/** The packs with the first one's version raised (one pack changed). */
const oneChanged = (packs: readonly Pack[]): Pack[] => packs.map((p, i) => (i === 0 ? { ...p, version: '9.9.9' } : p));

const sha256 = async (bytes: Bytes): Promise<Bytes> => new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));

/** One update as the worker decides it (WebCrypto, as in the browser), the fetching aside. */
async function updateInNode(
  published: ReturnType<typeof listOf>,
  store: PackStore,
  subscription: ListSubscription | null,
) {
  const bytes = new Uint8Array(published.index);
  const checked = await checkIndex({
    address: LIST_ADDRESS,
    bytes,
    text: published.index.toString('utf8'),
    signatureText: published.signature,
    subscription,
    verify: webCryptoVerify,
  });
  if (!checked.ok) throw new Error(checked.error);
  const plan = planListUpdate(subscription, LIST_ADDRESS, checked.list, store, bundledPacks());
  const files = new Map<string, string>();
  for (const entry of plan.fetch) {
    const file = new Uint8Array(published.files.get(entry.address)!);
    const problem = packFileProblem(entry, { size: file.length, digest: await sha256(file) });
    if (problem) throw new Error(problem);
    files.set(entry.id, new TextDecoder().decode(file));
  }
  const applied = applyListUpdate({
    store,
    subscription,
    address: LIST_ADDRESS,
    list: checked.list,
    plan,
    files,
    bundled: bundledPacks(),
    now: new Date(),
  });
  if (!applied.ok) throw new Error(applied.error);
  return { ...applied, fetched: plan.fetch.length };
}

const collectedHeapMb = () => {
  gc();
  return heapMb();
};

async function heapKeptBySubscribing(published: ReturnType<typeof listOf>): Promise<number> {
  const before = collectedHeapMb();
  const result = await updateInNode(published, EMPTY_PACK_STORE, null);
  const after = collectedHeapMb();
  if (result.store.installed.length !== published.files.size) throw new Error('not every pack was installed');
  return after - before;
}

async function listInNode(packs: Pack[], directLoadMs: number): Promise<void> {
  const v1 = listOf(packs, 1);
  const v2 = listOf(oneChanged(packs), 2);
  const times = {
    subscribe: [] as number[],
    unchanged: [] as number[],
    changed: [] as number[],
    rebuild: [] as number[],
  };
  const kept: number[] = [];
  await updateInNode(v1, EMPTY_PACK_STORE, null); // warm the JIT
  // What a subscription's result (50 packs and the subscription) keeps on the heap, each run in a
  // call of its own: a result left in this function's frame would still be reachable at the next
  // run's start and cancel out.
  for (let i = 0; i < RUNS; i++) kept.push(await heapKeptBySubscribing(v1));
  for (let i = 0; i < RUNS; i++) {
    let t = performance.now();
    const { store, subscription } = await updateInNode(v1, EMPTY_PACK_STORE, null);
    times.subscribe.push(performance.now() - t);
    t = performance.now();
    const same = await updateInNode(v1, store, subscription);
    times.unchanged.push(performance.now() - t);
    t = performance.now();
    const next = await updateInNode(v2, same.store, same.subscription);
    times.changed.push(performance.now() - t);
    if (same.fetched !== 0 || next.fetched !== 1)
      throw new Error(`fetched ${same.fetched} and ${next.fetched} packs, not 0 and 1`);
    // A fresh copy, as the worker reads the packs from storage (checks are kept per stored object).
    const stored = JSON.parse(JSON.stringify(next.store)) as PackStore;
    t = performance.now();
    loadMatcher(stored);
    times.rebuild.push(performance.now() - t);
  }
  const kb = (v1.index.length / 1024).toFixed(1);
  console.log(
    `\nA pack list of ${packs.length} packs (index ${kb} KB, packs ${(sum(v1.files) / 1024 / 1024).toFixed(2)} MB), in Node, what the worker checks and decides (WebCrypto):`,
  );
  console.log(
    `  subscribe (signature, 50 SHA-256, 50 packs installed)  ${ms(median(times.subscribe))}   heap kept by the update's result ${median(kept).toFixed(1)} MB`,
  );
  console.log(`  update, nothing changed (signature, plan)              ${ms(median(times.unchanged))}`);
  console.log(`  update, one pack changed                               ${ms(median(times.changed))}`);
  console.log(
    `  then loading the packs into a matcher                  ${ms(median(times.rebuild))}   (the same 50 packs stored directly, above: ${ms(directLoadMs)})`,
  );
}

const sum = (files: Map<string, Buffer>) => [...files.values()].reduce((n, b) => n + b.length, 0);

/** Serves a published list on the local server (every host), replacing the one before. */
function serveList(server: TestServer, published: ReturnType<typeof listOf>): void {
  const base = new URL(LIST_ADDRESS);
  const json =
    (bytes: Buffer): RouteHandler =>
    (_req, res) =>
      res.writeHead(200, { 'content-type': 'application/json' }).end(bytes);
  server.route(base.pathname, json(published.index));
  server.route(`${base.pathname}.sig`, json(Buffer.from(published.signature)));
  for (const [address, bytes] of published.files) server.route(new URL(address, base).pathname, json(bytes));
}

interface ListRun {
  subscribeMs: number;
  unchangedMs: number;
  changedMs: number;
  processMB: { before: number; after: number };
  storageMB: number;
  rebuilt: PageTimes;
  later: PageTimes;
}

async function listInChromium(server: TestServer, packs: Pack[]): Promise<ListRun[]> {
  const v1 = listOf(packs, 1);
  const v2 = listOf(oneChanged(packs), 2);
  const runs: ListRun[] = [];
  for (let i = 0; i < RUNS; i++) {
    serveList(server, v1);
    const browser = await launchBrowser({ proxyPort: server.port });
    try {
      await allowSite(browser, 'https://lists.bench.example/*');
      const options = await browser.context.newPage();
      await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
      await options.getByText('You subscribe to no list.').waitFor();
      const answered = async (start: () => Promise<void>, said: RegExp) => {
        const t = Date.now();
        await start();
        await options.locator('#list-result').getByText(said).waitFor({ timeout: 120_000 });
        return Date.now() - t;
      };
      await options.waitForTimeout(500);
      const before = extensionProcessMB(browser);
      const subscribeMs = await answered(async () => {
        await options.getByLabel('Subscribe to a list').fill(LIST_ADDRESS);
        await options.getByRole('button', { name: 'Subscribe', exact: true }).click();
      }, /^Subscribed/);
      const update = () => options.getByRole('button', { name: /^Update .* now$/ }).click();
      const unchangedMs = await answered(update, /is up to date\.$/);
      serveList(server, v2);
      const changedMs = await answered(update, /^Updated/);
      const storageMB = (await options.evaluate(() => chrome.storage.local.getBytesInUse(null))) / 1024 / 1024;
      // The first page after the update: the worker indexes the 51 packs now.
      const rebuilt = await pageTimes(browser.context, STRAITS_TIMES.url);
      const later = await pageTimes(browser.context, STRAITS_TIMES.url);
      runs.push({
        subscribeMs,
        unchangedMs,
        changedMs,
        processMB: { before, after: extensionProcessMB(browser) },
        storageMB,
        rebuilt,
        later,
      });
    } finally {
      await browser.close();
    }
  }
  return runs;
}

async function main(): Promise<number> {
  const { values: args } = readArgs({ options: { 'no-build': { type: 'boolean' }, node: { type: 'boolean' } } });
  if (args['no-build'] !== true && args.node !== true) execSync('npm run build', { cwd: ROOT, stdio: 'inherit' });

  const ferry = JSON.parse(readFileSync(FERRY_PACK, 'utf8')) as Pack;
  const synthetic = generateSyntheticPacks(1500);
  const sets: [string, PackStore][] = [
    ['bundled only', { installed: [], disabled: [] }],
    ['+ ferry story', { installed: installed([ferry]), disabled: [] }],
    ['+ ferry + 50 packs', { installed: installed([ferry, ...synthetic]), disabled: [] }],
  ];
  const loads = new Map<string, number>();

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
    console.log(
      `  ${label.padEnd(20)} ${String(claims).padStart(5)} claims  load ${ms(median(samples))}  (of which checking the stored packs ${ms(median(merge))})`,
    );
    loads.set(label, median(samples));
  }
  worstPack();
  await listInNode(synthetic, loads.get('+ ferry + 50 packs')!);
  if (args.node === true) return 0;

  const server = await startServer();
  try {
    console.log(
      '\nIn Chromium, a page of the Straits Times (the bundled story): the page’s wait for the worker / DOMContentLoaded → drawn,',
    );
    console.log(
      'on the first page of a browser session, the first page after the worker stopped (idle), and a later page:',
    );
    const f = (xs: PageTimes[]) =>
      `${ms(median(xs.map((x) => x.matchWaitMs)))} / ${ms(median(xs.map((x) => x.dclToDrawnMs)))}`;
    let stored50 = '';
    for (const [label, store] of sets) {
      const { session, restart, later } = await coldStarts(server, store);
      console.log(
        `  ${label.padEnd(20)} new session ${f(session)}   worker restarted ${f(restart)}   later page ${f(later)}`,
      );
      if (label === '+ ferry + 50 packs') stored50 = `${f(session)} (new session), ${f(later)} (later page)`;
    }
    const imports = await importToHighlight(server);
    console.log(
      `\nStory pack chosen in the options page → its story highlighted in a tab already open: ${ms(median(imports))} (runs: ${imports.map((t) => t.toFixed(0)).join(', ')})`,
    );

    const runs = await listInChromium(server, synthetic);
    const m = (pick: (r: ListRun) => number) => median(runs.map(pick));
    console.log(
      `\nIn Chromium, the list of ${synthetic.length} packs served by the local server, from the options page's click to its answer:`,
    );
    console.log(
      `  subscribe ${ms(m((r) => r.subscribeMs))}   update, nothing changed ${ms(m((r) => r.unchangedMs))}   update, one pack changed ${ms(m((r) => r.changedMs))}`,
    );
    console.log(
      `  extension process ${m((r) => r.processMB.before).toFixed(0)} MB before subscribing, ${m((r) => r.processMB.after).toFixed(0)} MB after the updates and two pages; local storage ${m((r) => r.storageMB).toFixed(2)} MB`,
    );
    console.log(
      `  the worker's index rebuild, first page after the update (wait / DCL → drawn): ${f(runs.map((r) => r.rebuilt))}; later page ${f(runs.map((r) => r.later))}`,
    );
    console.log(`  the same 50 packs stored directly, above: ${stored50}`);
  } finally {
    await server.close();
  }
  return 0;
}

runScript(import.meta, 'bench:packs', 'npm run bench:packs -- [--no-build] [--node]', main).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
