// The reader's switches in a real Chromium: turning a site off in the popup clears its open tabs at
// once (no reload) and leaves other sites alone; turning it on restores them; the global switch
// does the same everywhere; and the choice survives a browser restart.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, startServer, type ExtensionBrowser, type TestServer } from '../harness/browser-harness';
import { waitForMeaning } from '../harness/extension-page';

const STRAITS_TIMES = 'https://www.straitstimes.com/pages/seed-straits-times.html';
const FIVE_PILLARS = 'https://5pillarsuk.com/pages/seed-5pillars.html';

/** How many passages the page's Parallax highlights hold: every one is in its status's highlight. */
function highlightedRanges(page: Page): Promise<number> {
  return page.evaluate(() =>
    ['parallax-no-difference', 'parallax-differ'].reduce((sum, name) => sum + (CSS.highlights.get(name)?.size ?? 0), 0),
  );
}

async function openArticle(browser: ExtensionBrowser, url: string): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(url);
  return page;
}

/**
 * Waits for the page's highlights, then until their count holds still (late matches landing), the
 * answer by meaning included (the model may take seconds to load; its passages come after).
 */
async function waitForHighlights(page: Page): Promise<number> {
  const deadline = Date.now() + 20_000;
  let count = 0;
  for (;;) {
    await page.waitForTimeout(400);
    await waitForMeaning(page);
    const next = await highlightedRanges(page);
    if (next > 0 && next === count) return count;
    if (Date.now() > deadline) throw new Error(`No stable highlights on ${page.url()} within 20 s (last: ${next})`);
    count = next;
  }
}

/**
 * The popup, opened in a tab of its own and pointed at the article's tab with ?tab=<id>. The id
 * comes from the service worker while the article is the active tab; the popup's "Highlight on
 * <host>" label then proves it reached that tab's content script.
 */
async function openPopupFor(browser: ExtensionBrowser, article: Page): Promise<Page> {
  await article.bringToFront();
  const tabId = await browser.serviceWorker.evaluate(async () => {
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    return tab?.id;
  });
  expect(tabId).toBeTypeOf('number');
  const popup = await browser.context.newPage();
  await popup.goto(`chrome-extension://${browser.extensionId}/popup.html?tab=${tabId}`);
  return popup;
}

const siteSwitch = (popup: Page) => popup.getByRole('switch', { name: 'Highlight on straitstimes.com' });
const globalSwitch = (popup: Page) => popup.getByRole('switch', { name: 'Parallax on all sites' });

function storedSync(browser: ExtensionBrowser): Promise<Record<string, unknown>> {
  return browser.serviceWorker.evaluate(() => chrome.storage.sync.get(null));
}

let server: TestServer;
let browser: ExtensionBrowser | undefined;
const profile = mkdtempSync(join(tmpdir(), 'parallax-settings-profile-'));

beforeAll(async () => {
  server = await startServer();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(profile, { recursive: true, force: true });
});

describe('turning Parallax off and on', () => {
  let straitsTimes: Page;
  let fivePillars: Page;
  let popup: Page;
  let straitsTimesCount: number;
  let fivePillarsCount: number;

  beforeAll(async () => {
    browser = await launchBrowser({ proxyPort: server.port, userDataDir: profile });
    straitsTimes = await openArticle(browser, STRAITS_TIMES);
    fivePillars = await openArticle(browser, FIVE_PILLARS);
    straitsTimesCount = await waitForHighlights(straitsTimes);
    fivePillarsCount = await waitForHighlights(fivePillars);
    // A reload would wipe this marker from the page's own world.
    await straitsTimes.evaluate(() => Object.assign(window, { notReloaded: true }));
    popup = await openPopupFor(browser, straitsTimes);
  });

  it('the popup shows the site, its switch on, and the tab’s highlighted passages', async () => {
    await expect.poll(() => siteSwitch(popup).isChecked()).toBe(true);
    await expect
      .poll(() => popup.getByRole('status').textContent())
      .toBe(`${straitsTimesCount} passages highlighted on this tab`);
    expect(await popup.locator('#passages button').count()).toBe(straitsTimesCount);
  });

  it('switching the site off (keyboard) clears its tab without reload and leaves the other site alone', async () => {
    await siteSwitch(popup).focus();
    await popup.keyboard.press('Space');
    await expect.poll(() => highlightedRanges(straitsTimes), { timeout: 10_000 }).toBe(0);
    expect(await straitsTimes.evaluate(() => 'notReloaded' in window)).toBe(true);
    expect(await highlightedRanges(fivePillars)).toBe(fivePillarsCount);
    expect((await storedSync(browser!)).disabledSites).toEqual(['straitstimes.com']);
    await expect.poll(() => popup.getByRole('status').textContent()).toBe('Highlights are turned off on this site.');
    expect(await popup.locator('#passages button').count()).toBe(0);
  });

  it('switching it back on restores the same highlights, still without reload', async () => {
    await siteSwitch(popup).click();
    await expect.poll(() => highlightedRanges(straitsTimes), { timeout: 10_000 }).toBe(straitsTimesCount);
    expect(await straitsTimes.evaluate(() => 'notReloaded' in window)).toBe(true);
    expect((await storedSync(browser!)).disabledSites).toEqual([]);
    await expect
      .poll(() => popup.getByRole('status').textContent())
      .toBe(`${straitsTimesCount} passages highlighted on this tab`);
  });

  it('the global switch clears every site, and restores every site', async () => {
    await globalSwitch(popup).click();
    await expect.poll(() => highlightedRanges(straitsTimes), { timeout: 10_000 }).toBe(0);
    await expect.poll(() => highlightedRanges(fivePillars), { timeout: 10_000 }).toBe(0);
    await globalSwitch(popup).click();
    await expect.poll(() => highlightedRanges(straitsTimes), { timeout: 10_000 }).toBe(straitsTimesCount);
    await expect.poll(() => highlightedRanges(fivePillars), { timeout: 10_000 }).toBe(fivePillarsCount);
  });

  it('the options page lists a site turned off and turns it back on', async () => {
    await siteSwitch(popup).click();
    await expect.poll(() => highlightedRanges(straitsTimes), { timeout: 10_000 }).toBe(0);
    const options = await browser!.context.newPage();
    await options.goto(`chrome-extension://${browser!.extensionId}/options.html`);
    const turnOn = options.getByRole('button', { name: 'Turn straitstimes.com back on' });
    await turnOn.click();
    await expect.poll(() => highlightedRanges(straitsTimes), { timeout: 10_000 }).toBe(straitsTimesCount);
    await expect.poll(() => siteSwitch(popup).isChecked()).toBe(true);
    await options.close();
  });
});

describe('the popup list', () => {
  it('is one Tab stop walked with the arrow keys, between the two switches', async () => {
    const article = browser!.context.pages().find((p) => p.url() === STRAITS_TIMES)!;
    const popup = await openPopupFor(browser!, article);
    const passages = popup.locator('#passages button');
    await expect.poll(() => passages.count()).toBeGreaterThan(3);
    const focused = () => popup.evaluate(() => document.activeElement?.textContent ?? '');
    await siteSwitch(popup).focus();
    await popup.keyboard.press('Tab');
    expect(await focused()).toBe(await passages.nth(0).textContent());
    await popup.keyboard.press('ArrowDown');
    expect(await focused()).toBe(await passages.nth(1).textContent());
    await popup.keyboard.press('Tab');
    expect(await popup.evaluate(() => document.activeElement?.id)).toBe('global-switch');
    await popup.close();
  });

  it('shows four or more whole passages, each fact on up to two lines, whether outlets differ and how it reads, in light and dark', async () => {
    const article = browser!.context.pages().find((p) => p.url() === STRAITS_TIMES)!;
    const popup = await openPopupFor(browser!, article);
    // A toolbar popup is at most 600 px tall; the list scrolls, the switches stay in view.
    await popup.setViewportSize({ width: 800, height: 600 });
    const passages = popup.locator('#passages button');
    await expect.poll(() => passages.count()).toBeGreaterThan(10);
    const layout = await popup.evaluate(() => {
      const list = document.getElementById('passages')!;
      const box = list.getBoundingClientRect();
      const items = [...list.querySelectorAll('button')].map((b) => b.getBoundingClientRect());
      const icon = document.querySelector('header img') as HTMLImageElement;
      const lines = (element: Element) =>
        Math.round(element.getBoundingClientRect().height / parseFloat(getComputedStyle(element).lineHeight));
      const fadedAtTop = list.classList.contains('more-below');
      list.scrollTop = list.scrollHeight;
      list.dispatchEvent(new Event('scroll'));
      return {
        height: document.querySelector('main')!.getBoundingClientRect().height,
        inView: items.filter((r) => r.top >= box.top && r.bottom <= box.bottom).length,
        icon: icon.complete ? icon.naturalWidth : 0,
        summaryLines: [...list.querySelectorAll('.summary')].map(lines),
        snippetLines: [...list.querySelectorAll('.snippet')].map(lines),
        fadedAtTop,
        fadedAtEnd: list.classList.contains('more-below'),
      };
    });
    expect(layout.height).toBeLessThanOrEqual(600);
    expect(layout.inView).toBeGreaterThanOrEqual(4);
    expect(layout.icon).toBe(32);
    // A long fact wraps instead of being cut at one line; none runs past two; the passage's start is one line.
    expect(Math.max(...layout.summaryLines)).toBe(2);
    expect(Math.min(...layout.summaryLines)).toBe(1);
    expect(new Set(layout.snippetLines)).toEqual(new Set([1]));
    // The row cut by the list's foot fades out while more lie below, and not once the list is scrolled to its end.
    expect(layout.fadedAtTop).toBe(true);
    expect(layout.fadedAtEnd).toBe(false);
    for (const text of await passages.allTextContents()) {
      // One fact: the tooltip's headline; several: how many, and on how many outlets differ or agree, in words;
      // then the passage, quoted, or by its own opening mark where it has one (never doubled).
      expect(text).toMatch(
        /^.+ (Outlets agree|Outlets differ( on .+)?|Same fact, nothing to compare|\d+ facts: (outlets differ on (one|two|three|both|all \w+)( \(.+\))?|outlets agree on (one|two|three|both|all \w+)|nothing to compare on (either|any))) (“.+”|["“‘'][^“"].+)$/,
      );
      expect(text).not.toMatch(/\d+ of \d+/);
    }
    // The page sends what outlets differ on, so the popup names it as the tooltip does.
    expect(
      (await passages.allTextContents()).some((text) => / Outlets differ on (the |whom they credit)/.test(text)),
    ).toBe(true);
    const ratios = async () =>
      popup.evaluate(() => {
        const rgb = (c: string) =>
          c
            .match(/[\d.]+/g)!
            .slice(0, 3)
            .map(Number);
        const lum = (c: number[]) =>
          c
            .map((v) => {
              v /= 255;
              return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
            })
            .reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i]!, 0);
        const surface = rgb(getComputedStyle(document.body).backgroundColor);
        const out: Record<string, number> = {};
        for (const selector of [
          '#site-label',
          '#count',
          '.summary',
          '.status.differ',
          '.status.agree',
          '.status.not-compared',
          '.snippet',
          'label[for="global-switch"]',
          '#options-link',
        ]) {
          const element = document.querySelector(selector);
          if (!element) continue;
          const [a, b] = [lum(rgb(getComputedStyle(element).color)), lum(surface)].sort((x, y) => y - x);
          out[selector] = Math.round(((a! + 0.05) / (b! + 0.05)) * 10) / 10;
        }
        return out;
      });
    for (const scheme of ['light', 'dark'] as const) {
      await popup.emulateMedia({ colorScheme: scheme });
      const seen = await ratios();
      expect(Object.keys(seen)).toHaveLength(9);
      for (const [selector, ratio] of Object.entries(seen))
        expect(ratio, `${scheme}: ${selector}`).toBeGreaterThanOrEqual(4.5);
    }
    await popup.close();
  });

  it('clicking a passage scrolls the article to it and closes the popup', async () => {
    const article = browser!.context.pages().find((p) => p.url() === STRAITS_TIMES)!;
    await article.evaluate(() => window.scrollTo(0, 0));
    const popup = await openPopupFor(browser!, article);
    const passages = popup.locator('#passages button');
    await expect.poll(() => passages.count()).toBeGreaterThan(3);
    const closed = popup.waitForEvent('close');
    await passages.last().click();
    await closed;
    await expect.poll(() => article.evaluate(() => window.scrollY)).toBeGreaterThan(0);
  });

  it('grows while open when late content adds highlights to the tab', async () => {
    const article = await openArticle(browser!, 'https://www.straitstimes.com/pages/late-content.html?manual');
    const before = await waitForHighlights(article);
    const popup = await openPopupFor(browser!, article);
    const passages = popup.locator('#passages button');
    await expect.poll(() => passages.count()).toBe(before);
    await article.evaluate(() =>
      (window as unknown as { parallaxFixture: { addLateParagraph(): void } }).parallaxFixture.addLateParagraph(),
    );
    await expect.poll(() => highlightedRanges(article), { timeout: 10_000 }).toBeGreaterThan(before);
    const after = await waitForHighlights(article);
    await expect.poll(() => passages.count(), { timeout: 10_000 }).toBe(after);
    await expect.poll(() => popup.getByRole('status').textContent()).toBe(`${after} passages highlighted on this tab`);
    await popup.close();
    await article.close();
  });
});

describe('after a browser restart', () => {
  it('a site turned off stays off, and other sites still highlight', async () => {
    // Turn it off in the first session, then close and reopen the same profile.
    const popup = await openPopupFor(
      browser!,
      browser!.context.pages().find((p) => p.url() === STRAITS_TIMES)!,
    );
    await siteSwitch(popup).click();
    await expect.poll(async () => (await storedSync(browser!)).disabledSites).toEqual(['straitstimes.com']);
    await browser!.close();

    browser = await launchBrowser({ proxyPort: server.port, userDataDir: profile });
    expect((await storedSync(browser)).disabledSites).toEqual(['straitstimes.com']);
    const fivePillars = await openArticle(browser, FIVE_PILLARS);
    await waitForHighlights(fivePillars);
    const straitsTimes = await openArticle(browser, STRAITS_TIMES);
    const reopened = await openPopupFor(browser, straitsTimes);
    // The label appears only once the tab's content script answered: it has run, and drew nothing.
    await expect.poll(() => siteSwitch(reopened).isChecked(), { timeout: 10_000 }).toBe(false);
    await straitsTimes.waitForTimeout(1000);
    expect(await highlightedRanges(straitsTimes)).toBe(0);
  });
});
