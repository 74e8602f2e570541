// A reader adds a story in a real Chromium: the options page lists the stories; a bad pack file
// installs nothing and says which claim and field are wrong; the ferry story's pack (a second
// story, not bundled) highlights its pages in tabs already open, without a reload, with a tooltip
// of the other outlets, and never a Raqqa page; switching it off and removing it clear its
// highlights in open tabs; it survives a browser restart. And in Firefox ESR, where the change
// must wake a suspended event page.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page, Worker } from 'playwright-core';
import type { Page as FirefoxPage } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES_DIR } from '../../src/node/paths';
import { launchBrowser, startServer, type ExtensionBrowser, type TestServer } from '../harness/browser-harness';
import {
  TooltipProbe,
  highlightedCount,
  passagePoint,
  waitForFirstScan,
  waitForHighlights,
} from '../harness/extension-page';
import { STRAITS_TIMES } from '../harness/seed-pages';
import { launchFirefox, type FirefoxExtensionBrowser } from '../harness/firefox-harness';

const FERRY_DIR = join(FIXTURES_DIR, 'stories/northern-lark-ferry-fire-2025');
const FERRY_PACK = join(FERRY_DIR, 'pack.json');
const ferry = JSON.parse(readFileSync(FERRY_PACK, 'utf8')) as {
  id: string;
  version: string;
  story: { title: string };
  outlets: { name: string }[];
  claims: { id: string; summary: string; reports: { values: { text: string }[] }[] }[];
};
const FERRY_TITLE = ferry.story.title;
const RAQQA_TITLE = 'The Raqqa convoy deal, October 2017';
/** A page about the ferry fire by an outlet outside the pack, at its own address. */
const FERRY_PAGE =
  'https://www.coastlinetoday.example/stories/northern-lark-ferry-fire-2025/pages/coastline-today.html';
/** One of the pack's own outlets' articles: its own reports must never be shown back to it. */
const BEACON_PAGE = 'https://www.dailybeacon.example/stories/northern-lark-ferry-fire-2025/articles/daily-beacon.html';

let server: TestServer;
let browser: ExtensionBrowser;
const profile = mkdtempSync(join(tmpdir(), 'parallax-packs-profile-'));
const files = mkdtempSync(join(tmpdir(), 'parallax-pack-files-'));
/** Errors and warnings the service worker logged. */
const workerProblems: string[] = [];

/** A copy of the ferry pack changed by `edit`, written as a file the reader can pick. */
function packFile(name: string, edit: (pack: typeof ferry) => void): string {
  const pack = structuredClone(ferry);
  edit(pack);
  const path = join(files, name);
  writeFileSync(path, JSON.stringify(pack, null, 2));
  return path;
}

async function launch(): Promise<void> {
  browser = await launchBrowser({ proxyPort: server.port, userDataDir: profile });
  const listen = (worker: Worker) =>
    worker.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') workerProblems.push(`${m.type()}: ${m.text()}`);
    });
  listen(browser.serviceWorker);
  // A worker stopped for idleness is replaced by a new one.
  browser.context.on('serviceworker', listen);
}

/** The extension's service worker running now. */
const workerNow = (): Worker => browser.context.serviceWorkers().at(-1)!;

/** Stops the extension's service worker, as Chrome does after 30 s idle. */
async function stopWorker(page: Page): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await cdp.detach();
}

async function openPage(url: string): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(url);
  await waitForFirstScan(page);
  return page;
}

async function openOptions(): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
  await page.getByRole('switch', { name: RAQQA_TITLE }).waitFor();
  return page;
}

/** The claim ids highlighted on a tab, as its content script lists them for the popup (asked from an extension page). */
async function claimsOn(page: Page, extensionPage: Page): Promise<string[]> {
  await page.bringToFront();
  const listed = await extensionPage.evaluate(async () => {
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    // The extension's own message format (@webext-core/messaging): type and timestamp.
    const reply = await chrome.tabs.sendMessage(tab!.id!, { id: 1, type: 'listHighlights', timestamp: Date.now() });
    return reply as { res: { highlights: { claims: { id: string }[] }[] } };
  });
  return [...new Set(listed.res.highlights.flatMap((h) => h.claims.map((c) => c.id)))];
}

const storedLocal = (extensionPage: Page) => extensionPage.evaluate(() => chrome.storage.local.get(null));
const notReloaded = (page: Page) => page.evaluate(() => 'notReloaded' in window);
const markNotReloaded = (page: Page) => page.evaluate(() => Object.assign(window, { notReloaded: true }));
const resultText = (options: Page) => options.locator('#pack-result').innerText();

beforeAll(async () => {
  server = await startServer();
  await launch();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(profile, { recursive: true, force: true });
  rmSync(files, { recursive: true, force: true });
});

describe('adding a story pack', () => {
  let ferryPage: Page;
  let raqqaPage: Page;
  let raqqaClaims: string[];
  let options: Page;

  beforeAll(async () => {
    ferryPage = await openPage(FERRY_PAGE);
    raqqaPage = await openPage(STRAITS_TIMES.url);
    await waitForHighlights(raqqaPage);
    await Promise.all([markNotReloaded(ferryPage), markNotReloaded(raqqaPage)]);
    options = await openOptions();
    raqqaClaims = await claimsOn(raqqaPage, options);
  });

  it('the options page lists the bundled story, switched on, which cannot be removed', async () => {
    expect(await highlightedCount(ferryPage)).toBe(0);
    const rows = options.locator('.packs > li');
    expect(await rows.count()).toBe(1);
    expect(await rows.first().locator('.pack-title').innerText()).toBe(RAQQA_TITLE);
    expect(await rows.first().locator('.pack-details').innerText()).toBe(
      '12 Oct 2017 · 31 facts from 5 outlets (they differ on 7) · version 1.1.1 · comes with Parallax',
    );
    expect(await options.getByRole('switch', { name: RAQQA_TITLE }).isChecked()).toBe(true);
    expect(await options.getByRole('button', { name: /^Remove/ }).count()).toBe(0);
  });

  it('a bad file installs nothing, and the message names each claim and field', async () => {
    const bad = packFile('ferry-with-mistakes.json', (pack) => {
      pack.claims[5]!.reports[1]!.values[0]!.text = 'a time nobody wrote';
      pack.claims[9]!.reports[0]!.values[0]!.text = 'a hundred lifeboats';
    });
    await options.locator('#pack-file').setInputFiles(bad);
    await expect.poll(() => resultText(options)).toMatch(/^Nothing was added/);
    const text = await resultText(options);
    expect(text).toContain('“ferry-with-mistakes.json” is not a story pack Parallax can use (2 problems)');
    expect(text).toContain(
      `Claim "${ferry.claims[5]!.id}", report 1 (article daily-beacon-2025-03-15), values[0].text: "a time nobody wrote" is not in the quote`,
    );
    expect(text).toContain(`Claim "${ferry.claims[9]!.id}", report 0`);
    // Focus goes to the problems, so a keyboard or screen reader user is taken to them.
    expect(await options.evaluate(() => document.activeElement?.id)).toBe('pack-result');
    expect(await storedLocal(options)).toEqual({});
    expect(await options.locator('.packs > li').count()).toBe(1);
    await ferryPage.waitForTimeout(500);
    expect(await highlightedCount(ferryPage)).toBe(0);
  });

  it('a sound file is added, and its story is highlighted in the tab already open, without a reload', async () => {
    const chosen = Date.now();
    await options.locator('#pack-file').setInputFiles(FERRY_PACK);
    const count = await waitForHighlights(ferryPage, 3, 20_000);
    console.log(
      `[packs] the new story was highlighted in the open tab ${Date.now() - chosen} ms after the file was chosen (${count} passages)`,
    );
    expect(await notReloaded(ferryPage)).toBe(true);
    expect(await claimsOn(ferryPage, options)).not.toHaveLength(0);
    for (const id of await claimsOn(ferryPage, options)) expect(id.startsWith(`${ferry.id}/`)).toBe(true);

    await expect.poll(() => resultText(options)).toMatch(/^Added “The Northern Lark ferry fire/);
    expect(await resultText(options)).toBe(
      `Added “${FERRY_TITLE}”: 26 facts from 5 outlets. Its facts are highlighted on pages about the story, open tabs included.`,
    );
    const row = options.locator('.packs > li').nth(1);
    expect(await row.locator('.pack-details').innerText()).toBe(
      `14 Mar 2025 · 26 facts from 5 outlets (they differ on 13) · version ${ferry.version} · added by you`,
    );
    // Focus is on the new story's switch.
    expect(await options.evaluate(() => document.activeElement?.getAttribute('aria-labelledby'))).toBe(
      await row.locator('.pack-title').getAttribute('id'),
    );
    const stored = (await storedLocal(options)) as { installedPacks: { pack: { id: string } }[] };
    expect(stored.installedPacks.map((p) => p.pack.id)).toEqual([ferry.id]);
  });

  it('the Raqqa page keeps its own highlights and gets none of the ferry story’s', async () => {
    await raqqaPage.waitForTimeout(500);
    expect(await notReloaded(raqqaPage)).toBe(true);
    const claims = await claimsOn(raqqaPage, options);
    expect(claims.filter((id) => id.startsWith(`${ferry.id}/`))).toEqual([]);
    expect(claims.sort()).toEqual([...raqqaClaims].sort());
  });

  it('a click on a ferry highlight shows the other outlets’ versions', async () => {
    const point = await passagePoint(ferryPage, 'parallax-differ');
    await ferryPage.mouse.click(point.x, point.y);
    const tooltip = await TooltipProbe.of(ferryPage);
    await tooltip.waitFor('open');
    const outlets = await tooltip.texts('.outlet');
    expect(outlets.length).toBeGreaterThan(1);
    for (const outlet of outlets) expect(ferry.outlets.map((o) => o.name)).toContain(outlet);
    // Each fact names each outlet once (a passage stating two facts lists an outlet under each).
    const outletsPerClaim = (await tooltip.evaluate((root) =>
      [...root.querySelectorAll('section.claim')].map((fact) =>
        [...fact.querySelectorAll('.outlet')].map((o) => o.textContent ?? ''),
      ),
    ))!;
    expect(outletsPerClaim.flat()).toEqual(outlets);
    for (const named of outletsPerClaim) expect(new Set(named).size).toBe(named.length);
    expect((await tooltip.texts('.status'))[0]).toMatch(/^Outlets differ on /);
    // The comparison leads: a chart or a list of wordings, before the quotes.
    expect(await tooltip.count('.comparison table')).toBeGreaterThan(0);
    expect(await tooltip.count('blockquote.quote')).toBeGreaterThanOrEqual(outlets.length);
    await ferryPage.keyboard.press('Escape');
    await tooltip.waitFor('closed');
  });

  it('a sentence words miss is highlighted by meaning: the added story’s claims get vectors in the worker', async () => {
    // "Tugs pulled the damaged ship into Port Carrow at first light." states that the ferry was
    // towed to Port Carrow; no outlet of the pack words it so, and words alone leave it plain
    // (matching-service.test.ts checks that in Node). The build ships no vectors for this pack.
    const drawn = () =>
      ferryPage.evaluate(() =>
        ['parallax-no-difference', 'parallax-differ'].flatMap((name) =>
          [...(CSS.highlights.get(name) ?? [])].map((r) => (r as Range).toString()),
        ),
      );
    await expect
      .poll(drawn, { timeout: 90_000, interval: 500 })
      .toContain('Tugs pulled the damaged ship into Port Carrow at first light.');
    expect(await claimsOn(ferryPage, options)).toContain(`${ferry.id}/ferry-towed-to-port`);
  });

  it('on one of the pack’s own outlets, its highlights leave that outlet’s reports out', async () => {
    const beacon = await openPage(BEACON_PAGE);
    await waitForHighlights(beacon, 3);
    const point = await passagePoint(beacon, 'parallax-differ');
    await beacon.mouse.click(point.x, point.y);
    const tooltip = await TooltipProbe.of(beacon);
    await tooltip.waitFor('open');
    const outlets = await tooltip.texts('.outlet');
    expect(outlets.length).toBeGreaterThan(0);
    expect(outlets).not.toContain('The Daily Beacon');
    await beacon.close();
  });

  it('switching the story off (keyboard) clears its highlights in the open tab, even once the worker was stopped; on brings them back', async () => {
    const before = await highlightedCount(ferryPage);
    // The change itself wakes the worker, which rebuilds and tells the tab.
    await workerNow().evaluate(() => Object.assign(globalThis, { stoppedWorker: true }));
    await stopWorker(options);
    const toggle = options.getByRole('switch', { name: FERRY_TITLE });
    await toggle.focus();
    await options.keyboard.press('Space');
    await expect.poll(() => highlightedCount(ferryPage), { timeout: 15_000 }).toBe(0);
    expect(await workerNow().evaluate(() => 'stoppedWorker' in globalThis)).toBe(false);
    await expect
      .poll(() => resultText(options))
      .toBe(`“${FERRY_TITLE}” is switched off: its facts are no longer highlighted.`);
    expect(((await storedLocal(options)) as { disabledPacks: string[] }).disabledPacks).toEqual([ferry.id]);
    // The list was drawn again; focus stayed on the switch.
    expect(await options.evaluate(() => (document.activeElement as HTMLInputElement | null)?.role)).toBe('switch');
    await options.keyboard.press('Space');
    // Meaning's highlights come back too, once the woken worker has loaded the model and embedded
    // the added story's claims again (cold: seconds on a busy machine, as in meaning.test.ts).
    await expect.poll(() => highlightedCount(ferryPage), { timeout: 60_000 }).toBe(before);
    expect(await notReloaded(ferryPage)).toBe(true);
  });

  it('an older version asks before replacing; a newer one replaces and says so', async () => {
    await options.locator('#pack-file').setInputFiles(packFile('ferry-older.json', (pack) => (pack.version = '0.0.9')));
    const keep = options.getByRole('button', { name: `Keep version ${ferry.version}` });
    await keep.waitFor();
    expect(await options.locator('#pack-confirm-text').innerText()).toBe(
      `You have version ${ferry.version} of “${FERRY_TITLE}”. This file holds an older version, 0.0.9. Replace the newer one with it?`,
    );
    expect(await options.evaluate(() => document.activeElement?.textContent)).toBe('Replace with version 0.0.9');
    await options.keyboard.press('Escape');
    await expect.poll(() => resultText(options)).toBe('Nothing was changed.');
    expect(await keep.isVisible()).toBe(false);

    await options.locator('#pack-file').setInputFiles(packFile('ferry-newer.json', (pack) => (pack.version = '0.2.0')));
    await expect
      .poll(() => resultText(options))
      .toBe(`Updated “${FERRY_TITLE}” from version ${ferry.version} to 0.2.0.`);
    expect(await options.locator('.packs > li').count()).toBe(2);
    expect(await options.locator('.packs > li').nth(1).locator('.pack-details').innerText()).toContain('version 0.2.0');
  });

  it('the service worker logged nothing while packs were added, switched and replaced', () => {
    expect(workerProblems).toEqual([]);
  });
});

describe('after a browser restart', () => {
  it('the added story is still listed and highlighted; removing it clears its open tab', async () => {
    await browser.close();
    await launch();
    const ferryPage = await openPage(FERRY_PAGE);
    await waitForHighlights(ferryPage, 3, 20_000);
    await markNotReloaded(ferryPage);
    const options = await openOptions();
    expect(await options.getByRole('switch', { name: FERRY_TITLE }).isChecked()).toBe(true);

    await options.getByRole('button', { name: `Remove “${FERRY_TITLE}”` }).click();
    await expect.poll(() => highlightedCount(ferryPage), { timeout: 15_000 }).toBe(0);
    expect(await notReloaded(ferryPage)).toBe(true);
    await expect.poll(() => resultText(options)).toBe(`Removed “${FERRY_TITLE}”. Its facts are no longer highlighted.`);
    expect(await options.locator('.packs > li').count()).toBe(1);
    // Focus moves to the story before it (the bundled one's switch), not lost with the button.
    expect(await options.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('switch');
    expect(await storedLocal(options)).toEqual({ installedPacks: [], disabledPacks: [] });
    expect(workerProblems).toEqual([]);
  });
});

describe('in Firefox ESR', () => {
  let firefox: FirefoxExtensionBrowser;

  beforeAll(async () => {
    await browser.close();
    // A short idle time, so the event page is suspended when the pack is added.
    firefox = await launchFirefox({ proxyPort: server.port, prefs: { 'extensions.background.idle.timeout': 2000 } });
  });

  afterAll(async () => {
    await firefox?.close();
  });

  const count = (page: FirefoxPage) =>
    page.evaluate(
      () =>
        (CSS.highlights.get('parallax-no-difference')?.size ?? 0) + (CSS.highlights.get('parallax-differ')?.size ?? 0),
    );

  it('adding the story wakes the suspended event page and highlights the open tab; removing it clears the tab', async () => {
    const page = await firefox.browser.newPage();
    await page.goto(FERRY_PAGE);
    await page.waitForFunction(() => performance.getEntriesByName('parallax:drawn').length > 0, { timeout: 20_000 });
    expect(await count(page)).toBe(0);
    const options = await firefox.openExtensionPage('options.html');
    const eventPage = () =>
      options.evaluate(() =>
        (
          globalThis as unknown as { browser: { extension: { getBackgroundPage(): unknown } } }
        ).browser.extension.getBackgroundPage()
          ? 'running'
          : 'suspended',
      );
    await expect.poll(eventPage, { timeout: 20_000, interval: 250 }).toBe('suspended');

    await (await options.$('input#pack-file'))!.uploadFile(FERRY_PACK);
    await expect.poll(() => count(page), { timeout: 20_000 }).toBeGreaterThan(2);
    expect(await options.$eval('#pack-result', (el) => el.textContent)).toMatch(/^Added “The Northern Lark ferry fire/);

    await options.click('.pack-remove');
    await expect.poll(() => count(page), { timeout: 20_000 }).toBe(0);
    expect(await options.$$eval('.packs > li', (rows) => rows.length)).toBe(1);
  });
});
