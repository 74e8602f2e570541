// Crafted story packs in a real Chromium (issue 18): a pack whose article address is a
// "javascript:" one is refused in the options page, naming the article and field; forced into
// storage past the options page, it is listed as damaged, the worker leaves it out, and no page
// gets a link with such an address, while the bundled story keeps working. A pack whose outlet
// takes in other outlets' hosts is refused naming the host and both outlets, and another story
// under an added story's id asks first, naming both.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
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

const FERRY_PACK = join(FIXTURES_DIR, 'stories/northern-lark-ferry-fire-2025/pack.json');
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- crafted packs break the types on purpose
const ferry = (): any => JSON.parse(readFileSync(FERRY_PACK, 'utf8'));
const FERRY_TITLE: string = ferry().story.title;
const RAQQA_TITLE = 'The Raqqa convoy deal, October 2017';
const FERRY_PAGE =
  'https://www.coastlinetoday.example/stories/northern-lark-ferry-fire-2025/pages/coastline-today.html';
const SCRIPT_ADDRESS = 'javascript:alert(document.cookie)//news-nation-2017-11-18';

let server: TestServer;
let browser: ExtensionBrowser;
const files = mkdtempSync(join(tmpdir(), 'parallax-hostile-packs-'));

/** A copy of the ferry pack changed by `edit`, written as a file the reader can pick. */
function packFile(name: string, edit: (pack: ReturnType<typeof ferry>) => void): string {
  const pack = ferry();
  edit(pack);
  const path = join(files, name);
  writeFileSync(path, JSON.stringify(pack));
  return path;
}

const withScriptAddress = (pack: ReturnType<typeof ferry>) => (pack.articles[0].url = SCRIPT_ADDRESS);

async function openPage(url: string): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(url);
  await waitForFirstScan(page);
  return page;
}

/** Links on the page and in its tooltip (in its shadow root) whose address is not http(s). */
async function scriptLinks(page: Page): Promise<string[]> {
  const inPage = await page.evaluate(() =>
    [...document.querySelectorAll('a[href]')]
      .map((a) => a.getAttribute('href')!)
      .filter((href) => !/^https?:/i.test(href) && !href.startsWith('#') && !href.startsWith('/')),
  );
  const tooltip = await TooltipProbe.of(page);
  const inTooltip =
    (await tooltip.evaluate((root) => [...root.querySelectorAll('a[href]')].map((a) => a.getAttribute('href')!))) ?? [];
  return [...inPage, ...inTooltip.filter((href) => !/^https?:\/\//.test(href))];
}

const resultText = (options: Page) => options.locator('#pack-result').innerText();
const storedLocal = (page: Page) => page.evaluate(() => chrome.storage.local.get(null));

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser({ proxyPort: server.port });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(files, { recursive: true, force: true });
});

describe('a pack with a javascript: address', () => {
  let options: Page;
  let ferryPage: Page;
  let straitsTimes: Page;

  beforeAll(async () => {
    ferryPage = await openPage(FERRY_PAGE);
    straitsTimes = await openPage(STRAITS_TIMES.url);
    await waitForHighlights(straitsTimes);
    options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await options.getByRole('switch', { name: RAQQA_TITLE }).waitFor();
  });

  it('is refused in the options page, naming the article and field, and nothing is stored', async () => {
    await options.locator('#pack-file').setInputFiles(packFile('ferry-script.json', withScriptAddress));
    await expect.poll(() => resultText(options)).toMatch(/^Nothing was added/);
    expect(await resultText(options)).toContain(
      'Article "northline-2025-03-15", url: must be an https:// or http:// address, not javascript:',
    );
    expect(await storedLocal(options)).toEqual({});
    expect(await options.locator('.packs > li').count()).toBe(1);
  });

  it('forced into storage, it is listed as damaged and left out: no page gets such a link, and the bundled story keeps working', async () => {
    const pack = ferry();
    withScriptAddress(pack);
    await options.evaluate(
      (p) => chrome.storage.local.set({ installedPacks: [{ pack: p, installedAt: new Date().toISOString() }] }),
      pack,
    );
    const damaged = options.locator('.packs > li.damaged');
    await damaged.waitFor();
    expect(await damaged.locator('.pack-details').innerText()).toBe(
      'Damaged, so Parallax does not use it. Article "northline-2025-03-15", url: must be an https:// or http:// address, not javascript:',
    );

    // The worker rebuilt and told the open tabs: the ferry page still gets nothing.
    await ferryPage.waitForTimeout(1000);
    expect(await highlightedCount(ferryPage)).toBe(0);
    expect(await scriptLinks(ferryPage)).toEqual([]);

    // The bundled story's tooltip opens, its links web addresses only.
    await straitsTimes.reload();
    await waitForFirstScan(straitsTimes);
    await waitForHighlights(straitsTimes);
    const point = await passagePoint(straitsTimes, 'parallax-differ');
    await straitsTimes.mouse.click(point.x, point.y);
    const tooltip = await TooltipProbe.of(straitsTimes);
    await tooltip.waitFor('open');
    const hrefs =
      (await tooltip.evaluate((root) => [...root.querySelectorAll('a')].map((a) => a.getAttribute('href') ?? ''))) ??
      [];
    expect(hrefs.length).toBeGreaterThan(0);
    for (const href of hrefs) expect(href).toMatch(/^https:\/\//);
    expect(await scriptLinks(straitsTimes)).toEqual([]);
    await straitsTimes.keyboard.press('Escape');
    await tooltip.waitFor('closed');

    await damaged.getByRole('button', { name: /^Remove/ }).click();
    await expect.poll(() => options.locator('.packs > li').count()).toBe(1);
  });
});

describe('other crafted packs in the options page', () => {
  let options: Page;

  beforeAll(async () => {
    options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await options.getByRole('switch', { name: RAQQA_TITLE }).waitFor();
  });

  it('an outlet listing 5pillarsuk.com and straitstimes.com beside its own host is refused, naming each host and both outlets', async () => {
    await options
      .locator('#pack-file')
      .setInputFiles(
        packFile('ferry-takeover.json', (pack) => pack.outlets[0].hosts.push('5pillarsuk.com', 'straitstimes.com')),
      );
    await expect.poll(() => resultText(options)).toMatch(/^Nothing was added/);
    const text = await resultText(options);
    expect(text).toContain(
      'Outlet "northline-news-agency", hosts[1]: "5pillarsuk.com" belongs to 5Pillars (outlet "5pillars" of the pack "raqqa-convoy-2017"); Northline News Agency, with other hosts, cannot take its pages',
    );
    expect(text).toContain(
      'Outlet "northline-news-agency", hosts[2]: "straitstimes.com" belongs to The Straits Times (outlet "straits-times" of the pack "raqqa-convoy-2017")',
    );
    expect((await storedLocal(options)).installedPacks ?? []).toEqual([]);
  });

  it('another story under an added story’s id asks first, naming both; Escape keeps the added one', async () => {
    await options.locator('#pack-file').setInputFiles(FERRY_PACK);
    await expect.poll(() => resultText(options)).toMatch(/^Added “The Northern Lark ferry fire/);
    await options.locator('#pack-file').setInputFiles(
      packFile('other-story.json', (pack) => {
        pack.version = '0.2.0';
        pack.story = { title: 'The Hensey harbour strike, May 2025', date: '2025-05-02' };
      }),
    );
    const keep = options.getByRole('button', { name: `Keep “${FERRY_TITLE}”` });
    await keep.waitFor();
    expect(await options.locator('#pack-confirm-text').innerText()).toBe(
      `You have “${FERRY_TITLE}” (version 0.1.0). This file holds another story under the same pack id (northern-lark-ferry-fire-2025): “The Hensey harbour strike, May 2025” (version 0.2.0). Replace “${FERRY_TITLE}” with it?`,
    );
    await options.keyboard.press('Escape');
    await expect.poll(() => resultText(options)).toBe('Nothing was changed.');
    expect(await options.locator('.packs > li').nth(1).locator('.pack-title').innerText()).toBe(FERRY_TITLE);
  });
});
