// Parallax in Firefox ESR (Debian's firefox-esr), with the Firefox build installed as a temporary
// add-on over WebDriver BiDi: the event page matches seed pages and the highlights are drawn, a
// click opens the tooltip, the badge counts, the popup reaches the tab, the site switch is stored
// in storage.sync (which needs the manifest's add-on id), and a suspended event page wakes up for
// the next page. Without Firefox the suite fails; it never skips.
import type { Browser as WebExtensions } from 'webextension-polyfill';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../harness/browser-harness';
import { SEED_PAGES, STRAITS_TIMES } from '../harness/seed-pages';
import {
  firefoxAddonId,
  FirefoxTooltipProbe,
  launchFirefox,
  type FirefoxExtensionBrowser,
} from '../harness/firefox-harness';

/** Firefox suspends an idle event page after this long (default 30 s): short, so tests see it. */
const EVENT_PAGE_IDLE_MS = 2000;
/** The tooltip dialog inside Parallax's shadow root (puppeteer's >>> pierces it). */

let server: TestServer;
let firefox: FirefoxExtensionBrowser;

beforeAll(async () => {
  server = await startServer();
  firefox = await launchFirefox({
    proxyPort: server.port,
    prefs: { 'extensions.background.idle.timeout': EVENT_PAGE_IDLE_MS },
  });
});

afterAll(async () => {
  await firefox?.close();
  await server?.close();
});

function highlightSizes(page: Page): Promise<Record<string, number>> {
  return page.evaluate(() => {
    const sizes: Record<string, number> = {};
    CSS.highlights.forEach((highlight, name) => {
      if (name.startsWith('parallax')) sizes[name] = highlight.size;
    });
    return sizes;
  });
}

async function highlightedCount(page: Page): Promise<number> {
  const sizes = await highlightSizes(page);
  return (sizes['parallax-no-difference'] ?? 0) + (sizes['parallax-differ'] ?? 0);
}

/** Every page the tests open; the last test checks that nothing else was asked for. */
const opened = new Set<string>();

/** Opens a page and waits until its first scan is drawn; returns the highlighted passages. */
async function openArticle(url: string): Promise<{ page: Page; count: number }> {
  opened.add(url);
  const page = await firefox.browser.newPage();
  await page.goto(url);
  await page.waitForFunction(() => performance.getEntriesByName('parallax:drawn').length > 0, { timeout: 20_000 });
  return { page, count: await highlightedCount(page) };
}

/** The tab id of the open page at `url`, asked from one of the extension's own pages. */
async function tabIdOf(url: string): Promise<number> {
  const probe = await firefox.openExtensionPage('popup.html');
  const id = await probe.evaluate(async (url) => {
    const ext = (globalThis as unknown as { browser: WebExtensions }).browser;
    return (await ext.tabs.query({ url }))[0]?.id;
  }, url);
  await probe.close();
  if (typeof id !== 'number') throw new Error(`no tab open at ${url}`);
  return id;
}

describe('Parallax in Firefox ESR', () => {
  it('is installed under the add-on id its manifest declares', () => {
    expect(firefoxAddonId()).toMatch(/^[\w.-]+@[\w.-]+$/);
    expect(firefox.extensionId).toBe(firefoxAddonId());
  });

  it('ships its icon at every size the manifest names, and binds both keyboard shortcuts', async () => {
    const probe = await firefox.openExtensionPage('options.html');
    const { icons, commands } = await probe.evaluate(async () => {
      const ext = (globalThis as unknown as { browser: WebExtensions }).browser;
      const manifest = ext.runtime.getManifest();
      const declared = { ...manifest.icons, ...(manifest.action?.default_icon as Record<string, string>) };
      const icons: [string, number][] = [];
      for (const [size, path] of Object.entries(declared)) {
        const image = new Image();
        image.src = ext.runtime.getURL(path);
        await image.decode();
        icons.push([size, image.naturalWidth]);
      }
      const commands = (await ext.commands.getAll()).map((c) => [c.name, c.shortcut]);
      return { icons, commands };
    });
    expect(icons.map(([size]) => size).sort()).toEqual(['128', '16', '32', '48', '96']);
    for (const [size, width] of icons) expect(width).toBe(Number(size));
    // Firefox leaves a shortcut unbound when it clashes with one of its own.
    expect(Object.fromEntries(commands)).toEqual({
      'next-highlight': 'Alt+Shift+J',
      'previous-highlight': 'Alt+Shift+K',
    });
    await probe.close();
  });

  it.each(SEED_PAGES.map((p) => [p.outlet, p.url]))('highlights passages on the %s seed page', async (_outlet, url) => {
    const { page, count } = await openArticle(url);
    expect(count).toBeGreaterThanOrEqual(3);
    await page.close();
  });

  it('draws agreement and disagreement apart, styled by its adopted stylesheet', async () => {
    const { page } = await openArticle(STRAITS_TIMES.url);
    const sizes = await highlightSizes(page);
    expect(sizes['parallax-no-difference']).toBeGreaterThan(0);
    expect(sizes['parallax-differ']).toBeGreaterThan(0);
    // Firefox lets a content script adopt a constructed stylesheet; the ::highlight rules are there.
    const rules = await page.evaluate(() =>
      document.adoptedStyleSheets.flatMap((sheet) => [...sheet.cssRules]).map((rule) => rule.cssText),
    );
    expect(rules.some((r) => r.startsWith('::highlight(parallax-no-difference)'))).toBe(true);
    expect(rules.some((r) => r.startsWith('::highlight(parallax-differ)'))).toBe(true);
    await page.close();
  });

  it('opens the tooltip on a click, with the other outlets and not the page’s own; Escape closes it', async () => {
    const { page } = await openArticle(STRAITS_TIMES.url);
    const point = await page.evaluate(() => {
      const range = [...(CSS.highlights.get('parallax-differ') as unknown as Iterable<Range>)][0]!;
      range.startContainer.parentElement!.scrollIntoView({ block: 'center' });
      const rect = range.getClientRects()[0]!;
      return { x: rect.left + Math.min(20, rect.width / 2), y: rect.top + rect.height / 2 };
    });
    await page.mouse.click(point.x, point.y);
    const tooltip = new FirefoxTooltipProbe(page);
    await waitUntil(() => tooltip.isOpen(), 10_000);
    const shown = await tooltip.evaluate((root) => {
      const dialog = root.querySelector('[role="dialog"]')!;
      const box = dialog.getBoundingClientRect();
      const footer = root.querySelector('footer')!.getBoundingClientRect();
      return {
        outlets: [...root.querySelectorAll('.outlet')].map((el) => el.textContent),
        status: root.querySelector('.status')?.textContent ?? null,
        quotes: root.querySelectorAll('blockquote.quote').length,
        // The comparison's chart is drawn in Firefox too: its marks inside their tracks, nothing wider than the dialog.
        charts: root.querySelectorAll('.comparison table.chart').length,
        marksInTracks: [...root.querySelectorAll('.comparison td.track')].every((track) => {
          const lane = track.getBoundingClientRect();
          return [...track.querySelectorAll('.mark')].every((m) => {
            const r = m.getBoundingClientRect();
            return r.width > 0 && r.left >= lane.left - 0.5 && r.right <= lane.right + 0.5;
          });
        }),
        fitsWidth: dialog.scrollWidth <= dialog.clientWidth,
        inViewport: box.top >= 0 && box.left >= 0 && box.bottom <= innerHeight && box.right <= innerWidth,
        // The footer (with its "more below" cue) stays at the dialog's foot while the rest scrolls.
        footerAtFoot: Math.abs(footer.bottom - box.bottom) <= 2,
      };
    });
    const outlets = shown!.outlets;
    expect(outlets.length).toBeGreaterThan(0);
    expect(outlets).not.toContain('The Straits Times');
    for (const outlet of outlets) expect(SEED_PAGES.map((p) => p.outlet)).toContain(outlet);
    expect(new Set(outlets).size).toBe(outlets.length);
    expect(shown!.status).toMatch(/^Outlets differ on /);
    expect(shown!.charts).toBeGreaterThan(0);
    expect(shown!.marksInTracks).toBe(true);
    expect(shown!.fitsWidth).toBe(true);
    expect(shown!.quotes).toBeGreaterThanOrEqual(outlets.length);
    expect(shown!.inViewport).toBe(true);
    expect(shown!.footerAtFoot).toBe(true);
    await page.keyboard.press('Escape');
    await waitUntil(async () => !(await tooltip.isOpen()), 5000);
    await page.close();
  });

  it('on an outside outlet\'s page, the chart opens on the page\'s own figure, "This page · 4000", which differs', async () => {
    const { page } = await openArticle('https://smmsyria.com/outside-pages/raqqa/smmsyria.html');
    const point = await page.evaluate(() => {
      const ranges = [...(CSS.highlights.get('parallax-differ') as unknown as Iterable<Range>)];
      const range = ranges.find((r) => r.toString().includes('4000 ISIS members'))!;
      range.startContainer.parentElement!.scrollIntoView({ block: 'center' });
      const rect = range.getClientRects()[0]!;
      return { x: rect.left + Math.min(20, rect.width / 2), y: rect.top + rect.height / 2 };
    });
    await page.mouse.click(point.x, point.y);
    const tooltip = new FirefoxTooltipProbe(page);
    await waitUntil(() => tooltip.isOpen(), 10_000);
    const first = await tooltip.evaluate((root) => {
      const section = root.querySelector('section.claim')!;
      const row = section.querySelector('table.chart tbody tr')!;
      const mark = row.querySelector('.mark.page')?.getBoundingClientRect();
      return {
        status: section.querySelector('.status')?.textContent,
        title: section.querySelector('table.chart caption .kind')?.textContent,
        who: row.querySelector('th')?.textContent,
        value: row.querySelector('.value')?.textContent,
        drawn: mark !== undefined && mark.width > 0,
      };
    });
    expect(first).toEqual({
      status: 'Outlets differ on the figures',
      title: 'People',
      who: 'This page',
      value: '4000',
      drawn: true,
    });
    await page.close();
  });

  it('leaves an unrelated news page without highlights or added nodes', async () => {
    const { page, count } = await openArticle('https://news.example/pages/unrelated-news.html');
    expect(count).toBe(0);
    expect(await page.$$eval('parallax-ui', (els) => els.length)).toBe(0);
    await page.close();
  });

  it('shows the number of highlighted passages on the toolbar badge', async () => {
    const { page, count } = await openArticle(STRAITS_TIMES.url);
    const tabId = await tabIdOf(STRAITS_TIMES.url);
    const probe = await firefox.openExtensionPage('popup.html');
    const badge = () =>
      probe.evaluate((tabId) => {
        const ext = (globalThis as unknown as { browser: WebExtensions }).browser;
        return ext.action.getBadgeText({ tabId });
      }, tabId);
    await expect.poll(badge, { timeout: 10_000 }).toBe(String(count));
    await probe.close();
    await page.close();
  });

  it('highlights a new page after Firefox suspended the idle event page', async () => {
    const probe = await firefox.openExtensionPage('options.html');
    const eventPage = () =>
      probe.evaluate(() => {
        const ext = (globalThis as unknown as { browser: WebExtensions }).browser;
        return ext.extension.getBackgroundPage() ? 'running' : 'suspended';
      });
    await expect.poll(eventPage, { timeout: EVENT_PAGE_IDLE_MS + 15_000, interval: 250 }).toBe('suspended');
    const { page, count } = await openArticle(STRAITS_TIMES.url);
    expect(count).toBeGreaterThanOrEqual(3);
    expect(await eventPage()).toBe('running');
    await probe.close();
    await page.close();
  });

  it('the popup lists the tab’s passages; its site switch clears and restores them, stored in sync storage', async () => {
    const { page, count } = await openArticle(STRAITS_TIMES.url);
    await page.evaluate(() => Object.assign(window, { notReloaded: true }));
    const popup = await firefox.openExtensionPage(`popup.html?tab=${await tabIdOf(STRAITS_TIMES.url)}`);
    const status = () => popup.$eval('#count', (el) => el.textContent);
    const stored = () =>
      popup.evaluate(() =>
        (globalThis as unknown as { browser: WebExtensions }).browser.storage.sync.get('disabledSites'),
      );
    await expect.poll(status, { timeout: 10_000 }).toBe(`${count} passages highlighted on this tab`);

    const siteSwitch = '::-p-aria([name="Highlight on straitstimes.com"][role="switch"])';
    await popup.click(siteSwitch);
    await expect.poll(() => highlightedCount(page), { timeout: 10_000 }).toBe(0);
    expect(await stored()).toEqual({ disabledSites: ['straitstimes.com'] });
    await expect.poll(status).toBe('Highlights are turned off on this site.');

    await popup.click(siteSwitch);
    await expect.poll(() => highlightedCount(page), { timeout: 10_000 }).toBe(count);
    expect(await stored()).toEqual({ disabledSites: [] });
    expect(await page.evaluate(() => 'notReloaded' in window)).toBe(true);
    await popup.close();
    await page.close();
  });

  // Firefox's own plumbing (remote settings, add-on and safe-browsing updates) goes through the
  // proxy whatever the extension does; nothing in Parallax names a Mozilla host.
  it('requested nothing but the pages the tests opened (and Firefox’s own services)', () => {
    const mozilla = /(^|\.)(mozilla\.(com|net|org)|firefox\.com|mozaws\.net)$/;
    const unexpected = server.requests.filter((url) => {
      const { hostname, origin, pathname } = new URL(url);
      if (mozilla.test(hostname)) return false;
      // The page itself, or the favicon the browser asks its site for.
      return ![...opened].some((page) => {
        const at = new URL(page);
        return at.origin === origin && (at.pathname === pathname || pathname === '/favicon.ico');
      });
    });
    expect(opened.size).toBeGreaterThan(3);
    expect(unexpected, unexpected.join('\n')).toEqual([]);
  });
});

async function waitUntil(condition: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`not within ${timeoutMs} ms`);
    await new Promise((done) => setTimeout(done, 100));
  }
}
