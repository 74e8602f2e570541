// Highlights in a real Chromium with the built extension: seed pages get them, unrelated pages do
// not, the page's DOM is left alone, and content that arrives later is highlighted too.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import { FIXTURES, launchBrowser, startServer, type ExtensionBrowser, type TestServer } from '../../scripts/lib/browser-harness';
import {
  SEED_PAGES,
  STRAITS_TIMES,
  TooltipProbe,
  highlightSizes,
  highlightedCount,
  passagePoint,
  waitForFirstScan,
  waitForHighlights,
} from '../../scripts/lib/extension-page';

let server: TestServer;
let browser: ExtensionBrowser;
let context: BrowserContext;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser({ proxyPort: server.port });
  context = browser.context;
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('highlights', () => {
  it.each(SEED_PAGES.map((p) => [p.outlet, p.url]))('highlights passages on the %s seed page', async (_outlet, url) => {
    const page = await context.newPage();
    await page.goto(url);
    const count = await waitForHighlights(page, 3);
    expect(count).toBeGreaterThanOrEqual(3);
    await page.close();
  });

  it('draws claims where outlets differ apart from claims where they agree', async () => {
    const page = await context.newPage();
    await page.goto(STRAITS_TIMES.url);
    await waitForHighlights(page);
    await waitForFirstScan(page);
    const sizes = await highlightSizes(page);
    expect(sizes['parallax-differ']).toBeGreaterThan(0);
    expect(sizes['parallax-agree']).toBeGreaterThan(0);
    // The two names are styled differently by the adopted stylesheet.
    const colours = await page.evaluate(() => {
      const rules = document.adoptedStyleSheets.flatMap((s) => [...s.cssRules]).map((r) => r.cssText);
      return {
        agree: rules.find((r) => r.startsWith('::highlight(parallax-agree)')),
        differ: rules.find((r) => r.startsWith('::highlight(parallax-differ)')),
      };
    });
    expect(colours.agree).toBeTruthy();
    expect(colours.differ).toBeTruthy();
    expect(colours.agree).not.toEqual(colours.differ?.replace('parallax-differ', 'parallax-agree'));
    await page.close();
  });

  // Pages written for the demo that retell the story in other words, as an outlet not in the
  // database: paraphrases are found, and every outlet's version is offered.
  const retellings = readdirSync(join(FIXTURES, 'pages')).filter((f) => /^retelling.*\.html$/.test(f));
  it('finds at least one retelling page to test', () => expect(retellings.length).toBeGreaterThan(0));
  it.each(retellings)('highlights the paraphrases on %s, with reports from several outlets', async (file) => {
    const page = await context.newPage();
    await page.goto(`https://www.meridian-daily.test/pages/${file}`);
    await waitForHighlights(page, 3);
    const point = await passagePoint(page, 'parallax-differ');
    await page.mouse.click(point.x, point.y);
    const tooltip = await TooltipProbe.of(page);
    await tooltip.waitFor('open');
    const outlets = await tooltip.texts('.outlet');
    expect(new Set(outlets).size).toBeGreaterThanOrEqual(2);
    await page.close();
  });

  // Realistic news sharing the story's words, or the same places in other events: must stay clean.
  const negatives = readdirSync(join(FIXTURES, 'negative-pages')).filter((f) => f.endsWith('.html'));
  it.each(negatives)('leaves the negative page %s without highlights', async (file) => {
    const page = await context.newPage();
    await page.goto(`https://news.example/negative-pages/${file}`);
    await waitForFirstScan(page);
    expect(await highlightedCount(page)).toBe(0);
    await page.close();
  });

  it('leaves an unrelated news page without highlights or added nodes', async () => {
    const page = await context.newPage();
    await page.goto('https://news.example/pages/unrelated-news.html');
    await waitForFirstScan(page);
    expect(await highlightedCount(page)).toBe(0);
    expect(await page.locator('parallax-ui').count()).toBe(0);
    await page.close();
  });

  it('leaves the article DOM as it was, even with a tooltip opened and closed', async () => {
    const page = await context.newPage();
    // Installed before any page script: records every change to the article, as a page would see it.
    // The one change allowed: while the pointer is over a highlight, the element under it shows a
    // hand through its inline style (restyling one element; a stylesheet restyles the whole page).
    await page.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { articleMutations: string[] }).articleMutations = seen;
      document.addEventListener('DOMContentLoaded', () => {
        const article = document.querySelector('article')!;
        new MutationObserver((records) => {
          for (const r of records) seen.push(`${r.type}${r.attributeName ? ` ${r.attributeName}` : ''} on ${(r.target as Element).nodeName ?? r.target.nodeType}`);
        }).observe(article, { subtree: true, childList: true, attributes: true, characterData: true });
      });
    });
    await page.goto(STRAITS_TIMES.url);
    await waitForHighlights(page);
    const article = () => page.evaluate(() => document.querySelector('article')!.outerHTML);
    const before = await article();
    const point = await passagePoint(page, 'parallax-differ');
    await page.mouse.move(point.x, point.y);
    await page.mouse.click(point.x, point.y);
    const tooltip = await TooltipProbe.of(page);
    await tooltip.waitFor('open');
    await page.keyboard.press('Escape');
    await tooltip.waitFor('closed');
    await page.mouse.move(1200, 850);
    await page.waitForTimeout(400); // past the rescan debounce
    const mutations = await page.evaluate(() => (window as unknown as { articleMutations: string[] }).articleMutations);
    expect(mutations.filter((m) => m !== 'attributes style on P')).toEqual([]);
    expect(await article()).toBe(before);
    // The one node Parallax adds: a host element outside the body.
    const hosts = await page.evaluate(() =>
      [...document.querySelectorAll('parallax-ui')].map((el) => el.parentElement?.nodeName),
    );
    expect(hosts).toEqual(['HTML']);
    await page.close();
  });

  it('highlights a paragraph added after load and re-anchors a re-rendered one', async () => {
    const page = await context.newPage();
    await page.goto(`${new URL(STRAITS_TIMES.url).origin}/pages/late-content.html?manual`);
    const before = await waitForHighlights(page);
    const inside = (selector: string) =>
      page.evaluate((selector) => {
        const element = document.querySelector(selector);
        if (!element) return 0;
        let n = 0;
        for (const name of ['parallax-agree', 'parallax-differ']) {
          for (const range of (CSS.highlights.get(name) ?? []) as Iterable<Range>) {
            if (!range.collapsed && element.contains(range.startContainer)) n++;
          }
        }
        return n;
      }, selector);

    await page.evaluate(() => (window as unknown as { parallaxFixture: { addLateParagraph(): void } }).parallaxFixture.addLateParagraph());
    await page.waitForFunction(() => {
      const late = document.querySelector('#late-paragraph')!;
      return ['parallax-agree', 'parallax-differ'].some((name) =>
        [...((CSS.highlights.get(name) ?? []) as Iterable<Range>)].some((r) => late.contains(r.startContainer)),
      );
    });
    expect(await inside('#late-paragraph')).toBeGreaterThan(0);
    expect(await highlightedCount(page)).toBeGreaterThan(before);

    // "Ten trucks were loaded with weapons..." is highlighted; a React-style re-render replaces its
    // text node, which would leave the old range collapsed on the paragraph.
    const tenTrucks = () =>
      page.evaluate(() => {
        const p = [...document.querySelectorAll('article p')].find((el) => el.textContent!.startsWith('Ten trucks'))!;
        return ['parallax-agree', 'parallax-differ'].some((name) =>
          [...((CSS.highlights.get(name) ?? []) as Iterable<Range>)].some(
            (r) => !r.collapsed && r.startContainer.parentNode === p && r.startContainer.isConnected,
          ),
        );
      });
    expect(await tenTrucks()).toBe(true);
    await page.evaluate(() => (window as unknown as { parallaxFixture: { rerender(): void } }).parallaxFixture.rerender());
    await expect.poll(tenTrucks, { timeout: 5000 }).toBe(true);
    expect(await inside('#rerendered-paragraph')).toBeGreaterThan(0);
    await page.close();
  });

  it('shows the number of highlighted passages on the toolbar badge', async () => {
    const page = await context.newPage();
    await page.goto(STRAITS_TIMES.url);
    const count = await waitForHighlights(page);
    await waitForFirstScan(page);
    await page.bringToFront();
    await expect
      .poll(() =>
        browser.serviceWorker.evaluate(async () => {
          const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
          return chrome.action.getBadgeText({ tabId: tab!.id! });
        }),
      )
      .toBe(String(count));
    await page.close();
  });
});
