// Reading Parallax's highlights, tooltip and popup from a page the way a test (or a reader) can
// see them: for the browser suites, the demo and the browser benches.
import type { CDPSession, Page } from 'playwright-core';
import type { ExtensionBrowser } from './browser-harness';

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
  return (sizes['parallax-no-difference'] ?? 0) + (sizes['parallax-differ'] ?? 0);
}

/**
 * Waits until at least `min` passages are highlighted (the content script works asynchronously)
 * and no answer by meaning is still on its way (it would add passages after the count).
 */
export async function waitForHighlights(page: Page, min = 1, timeout = 10_000): Promise<number> {
  await page.waitForFunction(
    (min) => {
      let n = 0;
      for (const name of ['parallax-no-difference', 'parallax-differ']) n += CSS.highlights.get(name)?.size ?? 0;
      return n >= min;
    },
    min,
    { timeout },
  );
  await waitForMeaning(page);
  return highlightedCount(page);
}

/** Waits until the content script finished its first scan (it sets a performance mark), meaning's answer included. */
export async function waitForFirstScan(page: Page, timeout = 10_000): Promise<void> {
  await page.waitForFunction(() => performance.getEntriesByName('parallax:drawn').length > 0, undefined, { timeout });
  await waitForMeaning(page);
}

/**
 * Waits until every answer by meaning the content script asked for is back and drawn. The first
 * page that needs the model loads it in the worker: seconds on a busy machine.
 */
export async function waitForMeaning(page: Page, timeout = 60_000): Promise<void> {
  await page.waitForFunction(
    () =>
      performance.getEntriesByName('parallax:meaning-asked').length ===
      performance.getEntriesByName('parallax:meaning-wait').length,
    undefined,
    { timeout },
  );
}

/**
 * The centre of the first line of a highlighted passage, in viewport coordinates, scrolled into
 * view (to the middle of the viewport, or `block: 'start'` to its top).
 */
export async function passagePoint(
  page: Page,
  name: 'parallax-no-difference' | 'parallax-differ',
  which = 0,
  block: 'center' | 'start' = 'center',
): Promise<{ x: number; y: number; text: string }> {
  return page.evaluate(
    ({ name, which, block }) => {
      const ranges = [...(CSS.highlights.get(name) ?? [])] as Range[];
      const range = ranges[which];
      if (!range) throw new Error(`no ${name} highlight #${which}`);
      range.startContainer.parentElement!.scrollIntoView({ block });
      const rect = range.getClientRects()[0]!;
      return { x: rect.left + Math.min(20, rect.width / 2), y: rect.top + rect.height / 2, text: range.toString() };
    },
    { name, which, block },
  );
}

/**
 * A dark page, for a reader who prefers one: the seed pages have no dark style of their own, so
 * tests and the demo add this one (page.addStyleTag) to see the highlights on a dark background.
 */
export const DARK_PAGE_CSS = `
  body { background: #16181c !important; color: #e4e6ea !important; }
  .masthead, .site-footer { background: #0d0f12 !important; }
  .standfirst, .byline, figcaption { color: #aab0b8 !important; }
  article a { color: #8ab4f8 !important; }
  .ad { background: #22252b !important; border-color: #3a3f47 !important; }`;

/** The index, among a highlight's ranges, of the first passage whose text matches (-1 for none). */
export function passageMatching(
  page: Page,
  name: 'parallax-no-difference' | 'parallax-differ',
  pattern: RegExp,
): Promise<number> {
  return page.evaluate(
    ({ name, source, flags }) => {
      const re = new RegExp(source, flags);
      return [...((CSS.highlights.get(name) ?? []) as Iterable<Range>)].findIndex((range) => re.test(range.toString()));
    },
    { name, source: pattern.source, flags: pattern.flags },
  );
}

/**
 * The toolbar popup for an article's tab, opened in a tab of its own as popup.html?tab=<id> (a
 * test cannot click the toolbar button). The id is read while the article is the active tab.
 */
export async function openPopupFor(browser: ExtensionBrowser, article: Page): Promise<Page> {
  await article.bringToFront();
  const tabId = await browser.serviceWorker.evaluate(async () => {
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    return tab?.id;
  });
  if (typeof tabId !== 'number') throw new Error('No active tab to open the popup for');
  const popup = await browser.context.newPage();
  await popup.goto(`chrome-extension://${browser.extensionId}/popup.html?tab=${tabId}`);
  return popup;
}

/**
 * Parallax's tooltip lives in a closed shadow root, so neither the page nor Playwright's locators
 * can reach into it. Tests reach it the way only the browser itself can: through the DevTools
 * protocol, which sees closed shadow roots. Clicks go through real (trusted) input at the element's
 * position, as a reader's would.
 */
export class TooltipProbe {
  private constructor(
    private readonly page: Page,
    private readonly cdp: CDPSession,
  ) {}

  static async of(page: Page): Promise<TooltipProbe> {
    return new TooltipProbe(page, await page.context().newCDPSession(page));
  }

  /** Runs `fn(shadowRoot, arg)` in the page against the tooltip's shadow root; null when there is none. */
  async evaluate<R, A = undefined>(fn: (root: ShadowRoot, arg: A) => R, arg?: A): Promise<R | null> {
    const { root } = await this.cdp.send('DOM.getDocument', { depth: 0 });
    const { nodeId } = await this.cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector: 'parallax-ui' });
    if (!nodeId) return null;
    const { node } = await this.cdp.send('DOM.describeNode', { nodeId, depth: 1, pierce: true });
    const shadow = node.shadowRoots?.[0];
    if (!shadow) return null;
    const { object } = await this.cdp.send('DOM.resolveNode', { backendNodeId: shadow.backendNodeId });
    const { result, exceptionDetails } = await this.cdp.send('Runtime.callFunctionOn', {
      objectId: object.objectId!,
      functionDeclaration: `function (arg) { return (${fn.toString()})(this, arg); }`,
      arguments: [{ value: arg }],
      returnByValue: true,
      awaitPromise: true,
    });
    if (exceptionDetails)
      throw new Error(`In the tooltip: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
    return result.value as R;
  }

  /** The shadow root's mode ('open' or 'closed'), or null without a tooltip host. */
  mode(): Promise<string | null> {
    return this.evaluate((root) => root.mode);
  }

  async isOpen(): Promise<boolean> {
    return (await this.evaluate((root) => root.querySelector('[role="dialog"]') !== null)) ?? false;
  }

  async waitFor(state: 'open' | 'closed', timeout = 10_000): Promise<void> {
    const end = Date.now() + timeout;
    while ((await this.isOpen()) !== (state === 'open')) {
      if (Date.now() > end) throw new Error(`The tooltip did not become ${state} within ${timeout} ms`);
      await this.page.waitForTimeout(50);
    }
  }

  /** Text of every element matching `selector` in the dialog. */
  async texts(selector: string): Promise<string[]> {
    return (
      (await this.evaluate(
        (root, selector) => [...root.querySelectorAll(selector)].map((el) => el.textContent ?? ''),
        selector,
      )) ?? []
    );
  }

  async count(selector: string): Promise<number> {
    return (await this.evaluate((root, selector) => root.querySelectorAll(selector).length, selector)) ?? 0;
  }

  /** Clicks the first element matching `selector` with the real mouse. */
  async click(selector: string): Promise<void> {
    const box = await this.evaluate((root, selector) => {
      const element = root.querySelector(selector);
      if (!element) return null;
      element.scrollIntoView({ block: 'nearest' });
      const rect = element.getBoundingClientRect();
      return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
    }, selector);
    if (!box) throw new Error(`No ${selector} in the tooltip`);
    await this.page.mouse.click(box.x, box.y);
  }

  /** The page's view of its focus: the element focused inside the tooltip, seen through the shadow root. */
  focusedInside(): Promise<string | null> {
    return this.evaluate((root) => root.activeElement?.getAttribute('role') ?? root.activeElement?.nodeName ?? null);
  }
}
