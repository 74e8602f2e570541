// Highlights in a real Chromium with the built extension: seed pages get them, unrelated pages do
// not, the page's DOM is left alone, and content that arrives later is highlighted too.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import { FIXTURES_DIR } from '../../src/node/paths';
import { launchBrowser, startServer, type ExtensionBrowser, type TestServer } from '../harness/browser-harness';
import {
  DARK_PAGE_CSS,
  TooltipProbe,
  highlightSizes,
  highlightedCount,
  passagePoint,
  waitForFirstScan,
  waitForHighlights,
} from '../harness/extension-page';
import { SEED_PAGES, STRAITS_TIMES } from '../harness/seed-pages';

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

  it('draws passages where outlets differ apart from those where they differ on nothing', async () => {
    const page = await context.newPage();
    await page.goto(STRAITS_TIMES.url);
    await waitForHighlights(page);
    await waitForFirstScan(page);
    const sizes = await highlightSizes(page);
    expect(sizes['parallax-differ']).toBeGreaterThan(0);
    expect(sizes['parallax-no-difference']).toBeGreaterThan(0);
    // The two names are styled differently by the adopted stylesheet.
    const colours = await page.evaluate(() => {
      const rules = document.adoptedStyleSheets.flatMap((s) => [...s.cssRules]).map((r) => r.cssText);
      return {
        noDifference: rules.find((r) => r.startsWith('::highlight(parallax-no-difference)')),
        differ: rules.find((r) => r.startsWith('::highlight(parallax-differ)')),
      };
    });
    expect(colours.noDifference).toBeTruthy();
    expect(colours.differ).toBeTruthy();
    expect(colours.noDifference).not.toEqual(colours.differ?.replace('parallax-differ', 'parallax-no-difference'));
    await page.close();
  });

  it('tints readably on light and dark pages, each passage apart from the one it touches, without decorations', async () => {
    const page = await context.newPage();
    await page.goto(STRAITS_TIMES.url);
    await waitForHighlights(page);
    await waitForFirstScan(page);
    // Touching passages on this page (several sentences of one paragraph) are drawn alternately.
    const sizes = await highlightSizes(page);
    expect(sizes['parallax-no-difference-alternate']).toBeGreaterThan(0);
    // No text-decoration in the background style: it would make each hover restyle the whole page.
    const decorated = await page.evaluate(() =>
      document.adoptedStyleSheets
        .flatMap((s) => [...s.cssRules])
        .map((r) => r.cssText)
        .filter((r) => r.includes('::highlight(parallax') && r.includes('text-decoration')),
    );
    expect(decorated).toEqual([]);

    for (const pageColours of ['light page', 'dark page'] as const) {
      if (pageColours === 'dark page') await page.addStyleTag({ content: DARK_PAGE_CSS });
      for (const scheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme: scheme });
        // What a reader sees: each tint (and the tints drawn over it) blended over the page's
        // background, against the colour of the highlighted text itself.
        const seen = await page.evaluate(() => {
          const rgba = (c: string) => {
            const v = c.match(/[\d.]+/g)!.map(Number);
            return [v[0]!, v[1]!, v[2]!, v[3] ?? 1];
          };
          const over = (top: number[], bottom: number[]) =>
            [0, 1, 2].map((i) => top[i]! * top[3]! + bottom[i]! * (1 - top[3]!)).concat(1);
          const lum = (c: number[]) =>
            c
              .slice(0, 3)
              .map((v) => {
                v /= 255;
                return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
              })
              .reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i]!, 0);
          const contrast = (a: number[], b: number[]) => {
            const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
            return (x! + 0.05) / (y! + 0.05);
          };
          const element = ([...(CSS.highlights.get('parallax-no-difference') ?? [])][0] as Range).startContainer
            .parentElement!;
          let background = [255, 255, 255, 1];
          for (let at: Element | null = element; at; at = at.parentElement) {
            const c = rgba(getComputedStyle(at).backgroundColor);
            if (c[3]! > 0) {
              background = c;
              break;
            }
          }
          const text = rgba(getComputedStyle(element).color);
          const tint = (name: string) =>
            rgba(getComputedStyle(element, `::highlight(parallax-${name})`).backgroundColor);
          const same = over(tint('no-difference'), background);
          const differ = over(tint('differ'), background);
          const drawn: Record<string, number[]> = {
            'no difference': same,
            differ,
            'no difference, alternate': over(tint('no-difference-alternate'), same),
            'differ, alternate': over(tint('differ-alternate'), differ),
            'no difference, focused': over(tint('focus'), same),
            'differ, focused': over(tint('focus'), differ),
          };
          const round = (x: number) => Math.round(x * 100) / 100;
          return {
            text: Object.fromEntries(Object.entries(drawn).map(([k, c]) => [k, round(contrast(text, c))])),
            fromPage: {
              'no difference': round(contrast(same, background)),
              differ: round(contrast(differ, background)),
            },
            fromNeighbour: {
              'no difference': round(contrast(same, drawn['no difference, alternate']!)),
              differ: round(contrast(differ, drawn['differ, alternate']!)),
              'no difference, focused': round(contrast(same, drawn['no difference, focused']!)),
              'differ, focused': round(contrast(differ, drawn['differ, focused']!)),
            },
          };
        });
        const where = `${pageColours}, ${scheme} scheme`;
        for (const [drawn, ratio] of Object.entries(seen.text))
          expect(ratio, `${where}: text on ${drawn}`).toBeGreaterThanOrEqual(4.5);
        for (const [drawn, ratio] of Object.entries(seen.fromPage))
          expect(ratio, `${where}: ${drawn} tint against the page`).toBeGreaterThanOrEqual(1.25);
        for (const [drawn, ratio] of Object.entries(seen.fromNeighbour))
          expect(ratio, `${where}: ${drawn} against its neighbour`).toBeGreaterThanOrEqual(1.08);
      }
    }
    await page.close();
  });

  it('draws the reader’s chosen style from the first paint of a page, not only after a change', async () => {
    const rules = async () => {
      const page = await context.newPage();
      await page.goto(STRAITS_TIMES.url);
      await waitForHighlights(page);
      await waitForFirstScan(page);
      const text = await page.evaluate(() =>
        document.adoptedStyleSheets
          .flatMap((s) => [...s.cssRules])
          .map((r) => r.cssText)
          .filter((r) => r.startsWith('::highlight(parallax-differ)')),
      );
      await page.close();
      return text.join('\n');
    };
    await browser.serviceWorker.evaluate(() => chrome.storage.sync.set({ highlightStyle: 'underline' }));
    try {
      expect(await rules()).toMatch(/text-decoration: [^;]*wavy/);
    } finally {
      await browser.serviceWorker.evaluate(() => chrome.storage.sync.remove('highlightStyle'));
    }
    expect(await rules()).toMatch(/background-color/);
  });

  // Text that is not the article: a reader would take a tinted caption or promo for the article's claim.
  it.each([
    ['The Straits Times', 'figcaption', 'its photo caption'],
    ['The Straits Times', '.site-footer p:nth-child(2)', 'its print-edition line'],
    ['5Pillars', 'aside .promo', 'its sidebar promo'],
    ['Al Bawaba', 'blockquote.tweet', 'posts by others embedded in it'],
  ])('leaves the furniture of the %s page unhighlighted: %s (%s)', async (outlet, selector) => {
    const page = await context.newPage();
    await page.goto(SEED_PAGES.find((p) => p.outlet === outlet)!.url);
    await waitForHighlights(page);
    await waitForFirstScan(page);
    const found = await page.evaluate((selector) => {
      const furniture = [...document.querySelectorAll(selector)];
      const ranges = ['parallax-no-difference', 'parallax-differ'].flatMap((n) => [
        ...((CSS.highlights.get(n) ?? []) as Iterable<Range>),
      ]);
      return {
        furniture: furniture.length,
        text: furniture.map((f) => f.textContent).join(' '),
        highlighted: furniture.filter((f) => ranges.some((r) => r.intersectsNode(f))).length,
      };
    }, selector);
    expect(found.furniture).toBeGreaterThan(0);
    // (Furniture that repeats the story: without the rule, it is matched like the article.)
    expect(found.text).toMatch(/ISIS|Raqqa/);
    expect(found.highlighted).toBe(0);
    await page.close();
  });

  // Pages written for the demo that retell the story in other words, as an outlet not in the
  // database: paraphrases are found, and every outlet's version is offered.
  const retellings = readdirSync(join(FIXTURES_DIR, 'pages')).filter((f) => /^retelling.*\.html$/.test(f));
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
  const negatives = readdirSync(join(FIXTURES_DIR, 'negative-pages')).filter((f) => f.endsWith('.html'));
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
          for (const r of records)
            seen.push(
              `${r.type}${r.attributeName ? ` ${r.attributeName}` : ''} on ${(r.target as Element).nodeName ?? r.target.nodeType}`,
            );
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

  it('highlights a paragraph added after load, and a re-rendered one again', async () => {
    const page = await context.newPage();
    await page.goto(`${new URL(STRAITS_TIMES.url).origin}/pages/late-content.html?manual`);
    const before = await waitForHighlights(page);
    const inside = (selector: string) =>
      page.evaluate((selector) => {
        const element = document.querySelector(selector);
        if (!element) return 0;
        let n = 0;
        for (const name of ['parallax-no-difference', 'parallax-differ']) {
          for (const range of (CSS.highlights.get(name) ?? []) as Iterable<Range>) {
            if (!range.collapsed && element.contains(range.startContainer)) n++;
          }
        }
        return n;
      }, selector);

    await page.evaluate(() =>
      (window as unknown as { parallaxFixture: { addLateParagraph(): void } }).parallaxFixture.addLateParagraph(),
    );
    await page.waitForFunction(() => {
      const late = document.querySelector('#late-paragraph')!;
      return ['parallax-no-difference', 'parallax-differ'].some((name) =>
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
        return ['parallax-no-difference', 'parallax-differ'].some((name) =>
          [...((CSS.highlights.get(name) ?? []) as Iterable<Range>)].some(
            (r) => !r.collapsed && r.startContainer.parentNode === p && r.startContainer.isConnected,
          ),
        );
      });
    expect(await tenTrucks()).toBe(true);
    await page.evaluate(() =>
      (window as unknown as { parallaxFixture: { rerender(): void } }).parallaxFixture.rerender(),
    );
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
