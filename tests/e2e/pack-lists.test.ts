// A reader subscribes to a curator's pack list, in a real Chromium and in Firefox ESR, against a
// list served by the test on this machine (made by list:build's own code): the browser's leave to
// reach that one site; the list's stories installed and highlighted in a tab already open, without
// a reload; a new version picked up by "Update now" and by the schedule (the list's own alarm,
// fired now), fetching only what changed; a tampered pack, a bad signature, an oversized pack, a
// server down or answering garbage: the stories kept and the reason shown; a new key used only once
// accepted; unsubscribing removes the list's stories and keeps the reader's own. Every request the
// list's site receives is logged with its headers: no cookie (though the site set one), no referrer.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page, Worker } from 'playwright-core';
import type { Page as FirefoxPage } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateListKey, readListKey, type ListKey } from '../../src/tools/pack-list/list-keys';
import {
  allowSite,
  launchBrowser,
  startServer,
  type ExtensionBrowser,
  type TestServer,
} from '../harness/browser-harness';
import { highlightedCount, waitForFirstScan, waitForHighlights, waitForMeaning } from '../harness/extension-page';
import { launchFirefox, type FirefoxExtensionBrowser } from '../harness/firefox-harness';
import { FERRY_DIR, ListSite } from './list-site';

const files = mkdtempSync(join(tmpdir(), 'parallax-list-files-'));
const FERRY_TEXT = readFileSync(join(FERRY_DIR, 'pack.json'), 'utf8');
const ferry = JSON.parse(FERRY_TEXT) as { id: string; version: string; story: { title: string; date: string } };
const FERRY_TITLE = ferry.story.title;
const RAQQA_PACK = readFileSync('assets/packs/raqqa-convoy-2017.json');
const FERRY_PAGE =
  'https://www.coastlinetoday.example/stories/northern-lark-ferry-fire-2025/pages/coastline-today.html';
const LIST = { title: 'World stories', publisher: 'The Example Desk', homePage: 'https://lists.example.org/world/' };

/** The ferry pack at another version (and with any other change), as a pack file. */
function ferryAt(version: string, edit: (pack: Record<string, unknown>) => void = () => undefined) {
  const pack = JSON.parse(FERRY_TEXT) as Record<string, unknown>;
  pack.version = version;
  edit(pack);
  return { name: `ferry-${version}.json`, bytes: Buffer.from(JSON.stringify(pack, null, 2)) };
}
const ferryFile = () => ({ name: 'pack.json', bytes: Buffer.from(FERRY_TEXT) });
const raqqaFile = () => ({ name: 'raqqa.json', bytes: RAQQA_PACK });
/** A second story (the ferry story's pack under another id and title, quotes and all). */
const AFTERMATH_TITLE = 'The Northern Lark inquiry, April 2025 (invented)';
const aftermathFile = () =>
  ferryAt('1.0.0', (pack) => {
    pack.id = 'northern-lark-inquiry-2025';
    pack.story = { title: AFTERMATH_TITLE, date: '2025-04-02' };
  });

function newKey(): ListKey {
  const file = join(files, `key-${Math.random().toString(36).slice(2)}.pem`);
  writeFileSync(file, generateListKey().privatePem);
  return readListKey(file);
}

let server: TestServer;
let site: ListSite;
let curator: ListKey;

beforeAll(async () => {
  server = await startServer();
  site = new ListSite(server);
  curator = newKey();
  // The list's site sets a cookie for a reader who visits it: the extension must never send it.
  server.route('/world/', (_req, res) =>
    res
      .writeHead(200, {
        'content-type': 'text/html',
        'set-cookie': 'reader=alice-1234; Path=/; Secure; SameSite=None; Max-Age=86400',
      })
      .end('<h1>World stories</h1>'),
  );
});

afterAll(async () => {
  await server?.close();
  rmSync(files, { recursive: true, force: true });
});

describe('in Chromium', () => {
  let browser: ExtensionBrowser;
  let ferryPage: Page;
  let options: Page;
  const workerProblems: string[] = [];

  const resultText = () => options.locator('#list-result').innerText();
  const card = () => options.locator('.lists > li').first();
  const storedLocal = () =>
    options.evaluate(() => chrome.storage.local.get(null)) as Promise<{
      installedPacks?: { pack: { id: string; version: string }; list?: string }[];
      packLists?: unknown[];
    }>;
  const installed = async () =>
    ((await storedLocal()).installedPacks ?? []).map((p) => `${p.pack.id}@${p.pack.version}${p.list ? ' (list)' : ''}`);
  const notReloaded = (page: Page) => page.evaluate(() => 'notReloaded' in window);

  /** "Update now" on the list's card, and the outcome announced. */
  async function updateNow(): Promise<string> {
    const before = await resultText();
    await card()
      .getByRole('button', { name: /^Update .* now$/ })
      .click();
    await expect
      .poll(async () => (await resultText()) !== before && !(await resultText()).startsWith('Updating'), {
        timeout: 20_000,
      })
      .toBe(true);
    return resultText();
  }

  beforeAll(async () => {
    site.publish([ferryFile(), raqqaFile()], curator, LIST);
    browser = await launchBrowser({ proxyPort: server.port });
    const listen = (worker: Worker) =>
      worker.on('console', (m) => {
        if (m.type() === 'error' || m.type() === 'warning') workerProblems.push(`${m.type()}: ${m.text()}`);
      });
    listen(browser.serviceWorker);
    browser.context.on('serviceworker', listen);
    // The reader once visited the list's home page, which set a cookie.
    const home = await browser.context.newPage();
    await home.goto(LIST.homePage);
    await home.close();
    expect((await browser.context.cookies('https://lists.example.org/')).map((c) => c.name)).toEqual(['reader']);

    ferryPage = await browser.context.newPage();
    await ferryPage.goto(FERRY_PAGE);
    await waitForFirstScan(ferryPage);
    await ferryPage.evaluate(() => Object.assign(window, { notReloaded: true }));
    options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await options.getByText('You subscribe to no list.').waitFor();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('asks for no site at install, and says when it would go online', async () => {
    const manifest = await options.evaluate(() => chrome.runtime.getManifest());
    expect(manifest.host_permissions ?? []).toEqual([]);
    expect(manifest.optional_host_permissions).toEqual(['https://*/*']);
    expect(
      await options.evaluate(() => chrome.permissions.contains({ origins: ['https://lists.example.org/*'] })),
    ).toBe(false);
    expect(await options.locator('.lists-requests').innerText()).toMatch(
      /^Parallax goes online only for the lists you subscribe to here: when you subscribe, at each list’s next update shown below, and when you press Update now\..* The requests carry no cookies and nothing about the pages you read/,
    );
    expect(await highlightedCount(ferryPage)).toBe(0);
  });

  it('refuses an address that is not https, asking nothing and fetching nothing', async () => {
    const from = site.log.length;
    await options.getByLabel('Subscribe to a list').fill('http://lists.example.org/world/list.json');
    await options.getByRole('button', { name: 'Subscribe', exact: true }).click();
    await expect
      .poll(resultText)
      .toBe(
        'Nothing was subscribed: the address you gave is not a list’s: it must start with https:// (a list is only fetched over an encrypted connection), not http:.',
      );
    expect(site.requestedSince(from)).toEqual([]);
  });

  it('subscribing asks for leave to reach that one site, installs the list’s story and highlights it in the open tab, without a reload', async () => {
    // The reader allows the site when Chromium asks (headless Chromium draws no prompt; the
    // extensions page grants the same leave, and Parallax's request then needs no answer).
    await allowSite(browser, 'https://lists.example.org/*');

    const from = site.log.length;
    const chosen = Date.now();
    await options.getByLabel('Subscribe to a list').fill(site.address);
    await options.getByRole('button', { name: 'Subscribe', exact: true }).click();
    const count = await waitForHighlights(ferryPage, 3, 60_000);
    console.log(
      `[lists] subscribed → the list's story highlighted in the open tab in ${Date.now() - chosen} ms (${count} passages)`,
    );
    expect(await notReloaded(ferryPage)).toBe(true);
    await expect
      .poll(resultText)
      .toBe(
        `Subscribed to “World stories”. Added “${FERRY_TITLE}”. Their facts are highlighted on pages about them, open tabs included.`,
      );

    // Only the index, its signature and the one story Parallax does not already have.
    expect(site.requestedSince(from)).toEqual(['list.json', 'list.json.sig', `packs/${ferry.id}-0.1.0.json`]);
    expect(await installed()).toEqual([`${ferry.id}@0.1.0 (list)`]);
    expect(
      await options.evaluate(() => chrome.permissions.contains({ origins: ['https://lists.example.org/*'] })),
    ).toBe(true);

    // The card: title, publisher and site, times, stories, key; the stories card names the list.
    expect(await card().locator('.list-title').innerText()).toBe('World stories');
    expect(await card().locator('.list-byline').innerText()).toBe(
      'by The Example Desk · lists.example.org · updated daily · home page',
    );
    const [last, next] = await Promise.all([
      card().locator('.list-last-update').innerText(),
      card().locator('.list-next-update').innerText(),
    ]);
    const stored = ((await storedLocal()).packLists as { lastUpdate: string; nextUpdate: string }[])[0]!;
    expect(Date.parse(stored.nextUpdate) - Date.parse(stored.lastUpdate)).toBe(24 * 3_600_000);
    expect(last).toMatch(/^\d{1,2} [A-Z][a-z]{2} \d{4}, \d\d:\d\d$/);
    expect(next).toMatch(/^\d{1,2} [A-Z][a-z]{2} \d{4}, \d\d:\d\d$/);
    expect(await card().locator('.list-packs li').allInnerTexts()).toEqual([
      `“${FERRY_TITLE}”, version 0.1.0`,
      '“The Raqqa convoy deal, October 2017”: comes with Parallax, which keeps its own copy',
    ]);
    expect(await card().locator('.list-key code').innerText()).toBe(curator.publicKey);
    const row = options.locator('.packs > li').filter({ hasText: FERRY_TITLE });
    expect(await row.locator('.pack-details').innerText()).toBe(
      '14 Mar 2025 · 26 facts from 5 outlets (they differ on 13) · version 0.1.0 · from the list “World stories”',
    );
    expect(await row.getByRole('button', { name: /^Remove/ }).count()).toBe(0);
    // Its alarm is set for the next update.
    const alarm = await options.evaluate((name) => chrome.alarms.get(name), `parallax-list ${site.address}`);
    expect(alarm?.scheduledTime).toBe(Date.parse(stored.nextUpdate));
  }, 120_000);

  it('the requests carry no cookie, no credentials and no referrer, and say nothing of the page open', () => {
    const headers = site.log.map((r) => r.headers);
    expect(headers).toHaveLength(3);
    for (const h of headers) {
      expect(h.cookie).toBeUndefined();
      expect(h.authorization).toBeUndefined();
      expect(h.referer).toBeUndefined();
    }
    const everything = JSON.stringify(site.log);
    expect(everything).not.toContain('coastlinetoday');
    expect(everything).not.toContain('northern-lark-ferry-fire-2025/pages');
    console.log(
      `[lists] Chromium's request for the index:\n${JSON.stringify(
        site.log.find((r) => r.url.endsWith('/list.json')),
        null,
        2,
      )}`,
    );
  });

  it('“Update now” picks up a new version, fetching only what changed', async () => {
    site.publish([ferryAt('0.2.0'), raqqaFile()], curator, LIST);
    const from = site.log.length;
    expect(await updateNow()).toBe(`Updated “World stories”: updated “${FERRY_TITLE}” from version 0.1.0 to 0.2.0.`);
    expect(site.requestedSince(from)).toEqual(['list.json', 'list.json.sig', `packs/${ferry.id}-0.2.0.json`]);
    console.log(`[lists] the request log of an update (Chromium):\n${JSON.stringify(site.log.slice(from), null, 2)}`);
    expect(await installed()).toEqual([`${ferry.id}@0.2.0 (list)`]);
    expect(await card().locator('.list-packs li').first().innerText()).toBe(`“${FERRY_TITLE}”, version 0.2.0`);
    await expect.poll(() => highlightedCount(ferryPage), { timeout: 15_000 }).toBeGreaterThan(2);
    // Nothing new: the index and its signature, and nothing else.
    const again = site.log.length;
    expect(await updateNow()).toBe('“World stories” is up to date.');
    expect(site.requestedSince(again)).toEqual(['list.json', 'list.json.sig']);
  });

  it('on schedule: when the list’s alarm fires, a new story arrives by itself', async () => {
    site.publish([ferryAt('0.2.0'), raqqaFile(), aftermathFile()], curator, LIST);
    const from = site.log.length;
    const before = ((await storedLocal()).packLists as { lastUpdate: string }[])[0]!.lastUpdate;
    // The list's own alarm, moved to now (as if a day had passed); the worker's handler does the rest.
    await options.evaluate(
      (name) => chrome.alarms.create(name, { when: Date.now() + 50 }),
      `parallax-list ${site.address}`,
    );
    await expect
      .poll(installed, { timeout: 20_000 })
      .toEqual([`${ferry.id}@0.2.0 (list)`, 'northern-lark-inquiry-2025@1.0.0 (list)']);
    expect(site.requestedSince(from)).toEqual([
      'list.json',
      'list.json.sig',
      'packs/northern-lark-inquiry-2025-1.0.0.json',
    ]);
    await expect.poll(() => card().locator('.list-packs li').count()).toBe(3);
    const stored = ((await storedLocal()).packLists as { lastUpdate: string; nextUpdate: string }[])[0]!;
    expect(Date.parse(stored.lastUpdate)).toBeGreaterThan(Date.parse(before));
    const alarm = await options.evaluate((name) => chrome.alarms.get(name), `parallax-list ${site.address}`);
    expect(alarm?.scheduledTime).toBe(Date.parse(stored.nextUpdate));
    expect(
      await options.locator('.packs > li').filter({ hasText: AFTERMATH_TITLE }).locator('.pack-details').innerText(),
    ).toContain('from the list “World stories”');
  });

  describe('nothing lost, nothing let in', () => {
    let kept: string[];
    let highlights: number;

    /** Updates now, and checks the stories and highlights stayed as they were and the card shows why. */
    async function refused(reason: RegExp): Promise<string> {
      const said = await updateNow();
      expect(said).toMatch(/^Could not update “World stories”: /);
      expect(said).toMatch(reason);
      expect(said).toMatch(/\. Nothing was changed\.$/);
      expect(await installed()).toEqual(kept);
      expect(await highlightedCount(ferryPage)).toBe(highlights);
      const shown = await card().locator('.list-error').innerText();
      expect(shown).toMatch(/^The update of \d{1,2} [A-Z][a-z]{2} \d{4}, \d\d:\d\d failed: /);
      expect(shown).toMatch(reason);
      expect(shown).toMatch(/Nothing was changed: the list’s stories stay as they were\.$/);
      return shown;
    }

    beforeAll(async () => {
      kept = await installed();
      // Meaning adds its highlights after the words' ones: count once every answer is drawn.
      await waitForMeaning(ferryPage);
      highlights = await highlightedCount(ferryPage);
    });

    it('a tampered pack (same size, another SHA-256)', async () => {
      const built = site.publish([ferryAt('0.3.0'), raqqaFile(), aftermathFile()], curator, LIST);
      const path = built.index.packs[0]!.address;
      const tampered = Buffer.from(site.bytes(path));
      const at = tampered.indexOf('Skelby');
      tampered.write('Skelbz', at);
      site.serve(path, tampered);
      console.log(
        `[lists] tampered pack: ${await refused(/the story pack "northern-lark-ferry-fire-2025" was refused: its SHA-256 is not the one the list says/)}`,
      );
    });

    it('a pack larger than the list says', async () => {
      const built = site.publish([ferryAt('0.3.1'), raqqaFile(), aftermathFile()], curator, LIST);
      const path = built.index.packs[0]!.address;
      site.serve(path, Buffer.concat([site.bytes(path), Buffer.alloc(200 * 1024, 32)]));
      console.log(
        `[lists] oversized pack: ${await refused(/the story pack "northern-lark-ferry-fire-2025" could not be fetched: .*northern-lark-ferry-fire-2025-0\.3\.1\.json on lists\.example\.org is larger than 73 KB, the most it may be/)}`,
      );
    });

    it('an index changed after it was signed', async () => {
      site.publish([ferryAt('0.3.2'), raqqaFile(), aftermathFile()], curator, LIST);
      site.serve(
        'list.json',
        Buffer.from(site.bytes('list.json').toString().replace('"World stories"', '"World stories (unofficial)"')),
      );
      console.log(
        `[lists] bad signature: ${await refused(/its signature does not match: the list was changed after its publisher signed it/)}`,
      );
    });

    it('a server that is down', async () => {
      site.serve('list.json', (req) => req.socket.destroy());
      console.log(`[lists] server down: ${await refused(/Parallax could not reach lists\.example\.org/)}`);
    });

    it('a server that answers garbage, or an error', async () => {
      site.serve('list.json', (_req, res) =>
        res.writeHead(200, { 'content-type': 'text/html' }).end('<html><body>Under maintenance</body></html>'),
      );
      console.log(`[lists] garbage: ${await refused(/it is not a pack list Parallax can read: not JSON/)}`);
      site.serve('list.json', (_req, res) => res.writeHead(503, 'Service Unavailable').end());
      console.log(
        `[lists] 503: ${await refused(/lists\.example\.org answered 503 Service Unavailable for \/world\/list\.json/)}`,
      );
    });

    it('a list signed with a new key asks, and is used only once the reader accepts the key', async () => {
      const rotated = newKey();
      site.publish([ferryAt('0.4.0'), raqqaFile(), aftermathFile()], rotated, LIST);
      await refused(/it is now signed with another key than the one you subscribed with/);
      const question = card().locator('.list-question');
      expect(await question.locator('p').innerText()).toBe(
        '“World stories” is now signed with another key. Accept it only if The Example Desk says they changed their key (their home page should). Until you do, Parallax keeps the list as it was.',
      );
      await question.getByRole('button', { name: 'Accept the new key' }).click();
      await expect
        .poll(resultText, { timeout: 20_000 })
        .toBe(`Updated “World stories”: updated “${FERRY_TITLE}” from version 0.2.0 to 0.4.0.`);
      expect(await card().locator('.list-key code').innerText()).toBe(rotated.publicKey);
      expect(await card().locator('.list-error').count()).toBe(0);
      curator = rotated;
    });
  });

  it('unsubscribing removes the list’s stories from the open tab; the reader’s own story stays', async () => {
    // A story the reader added themselves.
    const own = join(files, 'own.json');
    writeFileSync(
      own,
      ferryAt('1.0.0', (pack) => {
        pack.id = 'northern-lark-salvage-2025';
        pack.story = { title: 'The Northern Lark salvage (invented)', date: '2025-05-01' };
      }).bytes,
    );
    await options.locator('#pack-file').setInputFiles(own);
    await expect.poll(() => options.locator('#pack-result').innerText()).toMatch(/^Added “The Northern Lark salvage/);

    await card().getByRole('button', { name: 'Unsubscribe from “World stories”' }).click();
    await expect
      .poll(resultText)
      .toBe('Unsubscribed from “World stories”. Its 2 stories were removed; the stories you added yourself stay.');
    expect(await installed()).toEqual(['northern-lark-salvage-2025@1.0.0']);
    expect(await options.locator('.lists > li').count()).toBe(0);
    // (Parallax gives the site's leave back; Chromium keeps it while Parallax may run on every
    // https page, which covers the site: docs/pack-lists.md.)
    expect(await options.evaluate((name) => chrome.alarms.get(name), `parallax-list ${site.address}`)).toBeUndefined();
    expect(await notReloaded(ferryPage)).toBe(true);
    expect(workerProblems).toEqual([]);
  });
});

describe('in Firefox ESR', () => {
  let firefox: FirefoxExtensionBrowser;
  let options: FirefoxPage;
  let page: FirefoxPage;

  const resultText = () => options.$eval('#list-result', (el) => el.textContent ?? '');
  const count = () =>
    page.evaluate(
      () =>
        (CSS.highlights.get('parallax-no-difference')?.size ?? 0) + (CSS.highlights.get('parallax-differ')?.size ?? 0),
    );
  const installed = () =>
    options.evaluate(async () => {
      const local = await (globalThis as unknown as { browser: typeof chrome }).browser.storage.local.get(
        'installedPacks',
      );
      return ((local.installedPacks ?? []) as { pack: { id: string; version: string } }[]).map(
        (p) => `${p.pack.id}@${p.pack.version}`,
      );
    });
  async function click(selector: string): Promise<void> {
    const before = await resultText();
    await options.click(selector);
    await expect
      .poll(async () => (await resultText()) !== before && !/^(Updating|Subscribing)/.test(await resultText()), {
        timeout: 20_000,
      })
      .toBe(true);
  }

  beforeAll(async () => {
    site.publish([ferryFile(), raqqaFile()], curator, LIST);
    firefox = await launchFirefox({ proxyPort: server.port });
    page = await firefox.browser.newPage();
    await page.goto(FERRY_PAGE);
    await page.waitForFunction(() => performance.getEntriesByName('parallax:drawn').length > 0, { timeout: 20_000 });
    options = await firefox.openExtensionPage('options.html');
  });

  afterAll(async () => {
    await firefox?.close();
  });

  it('subscribes; the story is highlighted in the open tab', async () => {
    expect(await count()).toBe(0);
    // Firefox counts Parallax's reach into every https page (its highlights) as leave to reach the
    // list's site, so its permission request is granted without a prompt (one appears for a reader
    // who withdrew that reach in about:addons).
    expect(
      await options.evaluate(() =>
        (globalThis as unknown as { browser: typeof chrome }).browser.permissions.contains({
          origins: ['https://lists.example.org/*'],
        }),
      ),
    ).toBe(true);
    const from = site.log.length;
    await options.type('#list-address', site.address);
    await click('.list-subscribe-button');
    expect(await resultText()).toBe(
      `Subscribed to “World stories”. Added “${FERRY_TITLE}”. Their facts are highlighted on pages about them, open tabs included.`,
    );
    await expect.poll(count, { timeout: 20_000 }).toBeGreaterThan(2);
    expect(site.requestedSince(from)).toEqual(['list.json', 'list.json.sig', `packs/${ferry.id}-0.1.0.json`]);
    for (const request of site.log.slice(from)) {
      expect(request.headers.cookie).toBeUndefined();
      expect(request.headers.referer).toBeUndefined();
    }
    console.log(`[lists] Firefox's request for the index:\n${JSON.stringify(site.log.slice(from)[0], null, 2)}`);
  });

  it('“Update now” and the alarm pick up new versions; a bad signature changes nothing and says why', async () => {
    site.publish([ferryAt('0.2.0'), raqqaFile()], curator, LIST);
    await click('.list-update');
    expect(await resultText()).toBe(`Updated “World stories”: updated “${FERRY_TITLE}” from version 0.1.0 to 0.2.0.`);

    site.publish([ferryAt('0.2.0'), raqqaFile(), aftermathFile()], curator, LIST);
    await options.evaluate(
      (name) =>
        (globalThis as unknown as { browser: typeof chrome }).browser.alarms.create(name, { when: Date.now() + 50 }),
      `parallax-list ${site.address}`,
    );
    await expect
      .poll(installed, { timeout: 20_000 })
      .toEqual([`${ferry.id}@0.2.0`, 'northern-lark-inquiry-2025@1.0.0']);

    site.publish([ferryAt('0.3.0'), raqqaFile(), aftermathFile()], curator, LIST);
    site.serve(
      'list.json',
      Buffer.from(site.bytes('list.json').toString().replace('"The Example Desk"', '"Someone else"')),
    );
    await click('.list-update');
    expect(await resultText()).toMatch(/^Could not update “World stories”: its signature does not match/);
    await expect
      .poll(() => options.$eval('.list-error', (el) => el.textContent ?? ''))
      .toMatch(/failed: its signature does not match/);
    expect(await installed()).toEqual([`${ferry.id}@0.2.0`, 'northern-lark-inquiry-2025@1.0.0']);
    expect(await count()).toBeGreaterThan(2);
  });

  it('unsubscribing clears the open tab', async () => {
    await click('.list-unsubscribe');
    expect(await resultText()).toBe(
      'Unsubscribed from “World stories”. Its 2 stories were removed; the stories you added yourself stay.',
    );
    await expect.poll(count, { timeout: 20_000 }).toBe(0);
    expect(await installed()).toEqual([]);
  });
});
