// Helpers for the browser suites: the seed pages at their outlets' real addresses, and reading
// Parallax's highlights and tooltip from the page the way a test (or a reader) can see them.
import type { Page } from 'playwright-core';
import outlets from '../../assets/seeds/outlets.json';

const SEED_PAGE_OF_FILE: Record<string, string> = {
  '000_4055a15e323df2c2.txt': 'seed-news-nation.html',
  '001_e8f0623d27377195.txt': 'seed-al-bawaba.html',
  '002_b6e82d0b2987fdb1.txt': 'seed-watchout-news.html',
  '003_709a6672cb74b1d1.txt': 'seed-5pillars.html',
  '004_212cb8e24626c95d.txt': 'seed-straits-times.html',
};

export interface SeedPage {
  outlet: string;
  /** The fixture served at the outlet's real host, so Parallax recognises the page's outlet. */
  url: string;
}

export const SEED_PAGES: SeedPage[] = outlets.articles.map((article) => ({
  outlet: article.outlet,
  url: `${new URL(article.url).origin}/pages/${SEED_PAGE_OF_FILE[article.file]}`,
}));

export const STRAITS_TIMES = SEED_PAGES.find((p) => p.outlet === 'The Straits Times')!;

/** Size of each parallax-* highlight in the page's registry (read from the page's own world). */
export function highlightSizes(page: Page): Promise<Record<string, number>> {
  return page.evaluate(() => {
    const sizes: Record<string, number> = {};
    CSS.highlights.forEach((highlight, name) => {
      if (name.startsWith('parallax')) sizes[name] = highlight.size;
    });
    return sizes;
  });
}

export async function highlightedCount(page: Page): Promise<number> {
  const sizes = await highlightSizes(page);
  return (sizes['parallax-agree'] ?? 0) + (sizes['parallax-differ'] ?? 0);
}

/** Waits until at least `min` passages are highlighted (the content script works asynchronously). */
export async function waitForHighlights(page: Page, min = 1, timeout = 10_000): Promise<number> {
  await page.waitForFunction(
    (min) => {
      let n = 0;
      for (const name of ['parallax-agree', 'parallax-differ']) n += CSS.highlights.get(name)?.size ?? 0;
      return n >= min;
    },
    min,
    { timeout },
  );
  return highlightedCount(page);
}

/** Waits until the content script finished its first scan (it sets a performance mark). */
export async function waitForFirstScan(page: Page, timeout = 10_000): Promise<void> {
  await page.waitForFunction(() => performance.getEntriesByName('parallax:drawn').length > 0, undefined, { timeout });
}

/** The centre of the first line of a highlighted passage, in viewport coordinates, scrolled into view. */
export async function passagePoint(
  page: Page,
  name: 'parallax-agree' | 'parallax-differ',
  which = 0,
): Promise<{ x: number; y: number; text: string }> {
  return page.evaluate(
    ({ name, which }) => {
      const ranges = [...(CSS.highlights.get(name) ?? [])] as Range[];
      const range = ranges[which];
      if (!range) throw new Error(`no ${name} highlight #${which}`);
      range.startContainer.parentElement!.scrollIntoView({ block: 'center' });
      const rect = range.getClientRects()[0]!;
      return { x: rect.left + Math.min(20, rect.width / 2), y: rect.top + rect.height / 2, text: range.toString() };
    },
    { name, which },
  );
}

export const TOOLTIP = 'parallax-ui [role="dialog"]';
