// Hostile pages (issue 9): a page must not be able to silence, drive or freeze Parallax. One
// describe per finding; each test failed on the code before the fix.
//
// Stalls: bench:hostile prints what a 10 ms timer in the page sees. On a shared, loaded machine
// that timer also sees the time the OS gives other processes (100–300 ms gaps with nothing
// running), so the suites assert on the CPU time of the renderer's main-thread tasks instead, from
// Chromium's trace: the same stalls without the machine's noise. Bounds are twice the goal (50 ms)
// and far below what the old code cost (370–1100 ms of CPU in one task).
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, startServer, type ExtensionBrowser, type TestServer } from '../harness/browser-harness';
import {
  TooltipProbe,
  highlightedCount,
  passagePoint,
  waitForFirstScan,
  waitForHighlights,
} from '../harness/extension-page';
import { installStallMeter, longestCpu, longestStall, traceMainThread } from '../harness/main-thread';
import { HOSTILE_PATHS, hostileUrl, serveHostilePages } from '../harness/hostile-pages';

/** The hostile pages' addresses. */
const PAGES = Object.fromEntries(
  Object.entries(HOSTILE_PATHS).map(([name, path]) => [name, hostileUrl(path)]),
) as Record<keyof typeof HOSTILE_PATHS, string>;

let server: TestServer;
let browser: ExtensionBrowser;

beforeAll(async () => {
  server = await startServer();
  serveHostilePages(server);
  browser = await launchBrowser({ proxyPort: server.port });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

function storedSync(): Promise<Record<string, unknown>> {
  return browser.serviceWorker.evaluate(() => chrome.storage.sync.get(null));
}

function setSync(values: Record<string, unknown>): Promise<void> {
  return browser.serviceWorker.evaluate((values) => chrome.storage.sync.set(values), values);
}

function clearSync(): Promise<void> {
  return browser.serviceWorker.evaluate(() => chrome.storage.sync.clear());
}

/** What the popup says about a tab: its status line once the tab's content script answered, or why not. */
async function popupStatus(article: Page): Promise<string> {
  await article.bringToFront();
  const tabId = await browser.serviceWorker.evaluate(async () => {
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    return tab?.id;
  });
  const popup = await browser.context.newPage();
  await popup.goto(`chrome-extension://${browser.extensionId}/popup.html?tab=${tabId}`);
  await popup.waitForFunction(
    () => !document.getElementById('unavailable')!.hidden || document.getElementById('count')!.textContent !== '',
  );
  const text = await popup.evaluate(() => {
    const unavailable = document.getElementById('unavailable')!;
    return unavailable.hidden ? document.getElementById('count')!.textContent! : unavailable.textContent!;
  });
  await popup.close();
  return text;
}

describe('1. a page cannot switch Parallax off', () => {
  it('a forged "newer content script started" signal changes nothing, and the page never learns the id', async () => {
    const page = await browser.context.newPage();
    await page.goto(PAGES.forging);
    const count = await waitForHighlights(page, 3);
    await waitForFirstScan(page);
    // The id is not announced to the page...
    expect(await page.evaluate(() => (window as unknown as { learnedId: string | null }).learnedId)).toBeNull();
    // ...and forging the signal with the real id does nothing.
    await page.evaluate(
      (id) => (window as unknown as { forgeWith(id: string): void }).forgeWith(id),
      browser.extensionId,
    );
    await sleep(500);
    expect(await highlightedCount(page)).toBe(count);
    // Later content is still matched, and the popup still reaches the page.
    await page.evaluate(() => (window as unknown as { addLateParagraph(): void }).addLateParagraph());
    await expect
      .poll(
        () =>
          page.evaluate(() =>
            ['parallax-no-difference', 'parallax-differ'].some((n) =>
              [...((CSS.highlights.get(n) ?? []) as Iterable<Range>)].some((r) =>
                document.getElementById('late-paragraph')!.contains(r.startContainer),
              ),
            ),
          ),
        { timeout: 10_000 },
      )
      .toBe(true);
    expect(await popupStatus(page)).toMatch(/passages highlighted on this tab/);
    await page.close();
  });
});

describe('2. a page cannot drive Parallax’s interface', () => {
  it('a synthetic click on a highlight opens nothing', async () => {
    const page = await browser.context.newPage();
    await page.goto(PAGES.seed);
    await waitForHighlights(page, 3);
    const point = await passagePoint(page, 'parallax-differ');
    await page.evaluate(({ x, y }) => {
      const target = document.elementFromPoint(x, y)!;
      for (const type of ['pointerdown', 'mousedown', 'pointerup', 'mouseup', 'click']) {
        target.dispatchEvent(
          new MouseEvent(type, { bubbles: true, composed: true, clientX: x, clientY: y, button: 0 }),
        );
      }
    }, point);
    await sleep(500);
    const tooltip = await TooltipProbe.of(page);
    expect(await tooltip.isOpen()).toBe(false);
    // A reader's click still opens it.
    await page.mouse.click(point.x, point.y);
    await tooltip.waitFor('open');
    await page.close();
  });

  it('the tooltip is closed to the page, which can neither rewrite it nor press its buttons', async () => {
    await clearSync();
    const page = await browser.context.newPage();
    await page.goto(PAGES.seed);
    await waitForHighlights(page, 3);
    const point = await passagePoint(page, 'parallax-differ');
    await page.mouse.click(point.x, point.y);
    const tooltip = await TooltipProbe.of(page);
    await tooltip.waitFor('open');
    expect(await tooltip.mode()).toBe('closed');
    const quotes = await tooltip.texts('blockquote');
    expect(quotes.length).toBeGreaterThan(0);

    const button = await tooltip.evaluate((root) => {
      const turnOff = root.querySelector('button.turn-off')!;
      turnOff.scrollIntoView({ block: 'nearest' });
      const rect = turnOff.getBoundingClientRect();
      return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
    });
    const reached = await page.evaluate(({ x, y }) => {
      const host = document.querySelector('parallax-ui')!;
      // What a page can try: the shadow root, the element at the button's place, keys and clicks on the host.
      const reachable = host.shadowRoot !== null;
      const atButton = document.elementFromPoint(x, y)!;
      for (const target of [atButton, host]) {
        target.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true, clientX: x, clientY: y }));
        target.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
      }
      (atButton as HTMLElement).click();
      return reachable;
    }, button!);
    expect(reached).toBe(false);
    await sleep(500);
    expect(await tooltip.texts('blockquote')).toEqual(quotes);
    expect(await tooltip.isOpen()).toBe(true);
    expect((await storedSync()).disabledSites ?? []).toEqual([]);
    expect(await highlightedCount(page)).toBeGreaterThan(0);
    await page.close();
  });
});

describe('3. hovering a highlight does not restyle the page', () => {
  it('on a page of 60,000 elements, a move on or off a highlight restyles a handful, and the hand shows', async () => {
    const page = await browser.context.newPage();
    await installStallMeter(page);
    await page.goto(PAGES.many);
    await waitForHighlights(page, 3);
    await sleep(1000);
    const point = await passagePoint(page, 'parallax-differ');
    const cursorAt = (x: number, y: number) =>
      page.evaluate(({ x, y }) => getComputedStyle(document.elementFromPoint(x, y)!).cursor, { x, y });
    const frames = () =>
      page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    const trace = await traceMainThread(page, async () => {
      for (let i = 0; i < 6; i++) {
        await page.mouse.move(i % 2 === 0 ? point.x : 4, i % 2 === 0 ? point.y : 4);
        await frames();
        if (i % 2 === 0) expect(await cursorAt(point.x, point.y)).toBe('pointer');
        else expect(await cursorAt(point.x, point.y)).not.toBe('pointer');
      }
    });
    // The old document-wide rule restyled all 60,000 elements, 260–1000 ms a move.
    expect(Math.max(0, ...trace.restyles)).toBeLessThan(1000);
    expect(longestCpu(trace.tasks)).toBeLessThan(100);
    await page.close();
  });
});

/**
 * Loads a page with Parallax off on its site, then switches it on: the page is idle, so every task
 * after that is Parallax's work or the browser's for it. The longest task's CPU time.
 */
async function longestTaskWhenSwitchedOn(url: string): Promise<{ cpuMs: number; drawn: number }> {
  await setSync({ disabledSites: ['straitstimes.com'] });
  const page = await browser.context.newPage();
  await page.goto(url, { timeout: 60_000 });
  await waitForFirstScan(page, 30_000);
  await sleep(1500);
  let drawn = 0;
  const trace = await traceMainThread(page, async () => {
    await setSync({ disabledSites: [] });
    drawn = await waitForHighlights(page, 3, 30_000);
    await sleep(1000);
  });
  await page.close();
  await clearSync();
  return { cpuMs: longestCpu(trace.tasks), drawn };
}

describe('4. big pages are read without blocking the page', () => {
  // The old code blocked the page 400–800 ms at once on each of these.
  it('a 5 MB page of 20,000 paragraphs', async () => {
    const { cpuMs, drawn } = await longestTaskWhenSwitchedOn(PAGES.big);
    expect(drawn).toBeGreaterThanOrEqual(3);
    expect(cpuMs).toBeLessThan(100);
  }, 120_000);

  it('a page of 60,000 elements', async () => {
    const { cpuMs, drawn } = await longestTaskWhenSwitchedOn(PAGES.many);
    expect(drawn).toBeGreaterThanOrEqual(3);
    expect(cpuMs).toBeLessThan(100);
  }, 120_000);
});

describe('5. a corrupt stored version number', () => {
  it('of -1e9 costs no freeze, logs nothing, keeps the sites and is reset', async () => {
    await setSync({ disabledSites: ['example.org'], disabledSites$: { v: -1e9 } });
    const page = await browser.context.newPage();
    const errors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') errors.push(m.text());
    });
    await installStallMeter(page);
    await page.goto(PAGES.seed);
    await waitForHighlights(page, 3, 30_000);
    expect(await longestStall(page)).toBeLessThan(1000);
    expect(errors).toEqual([]);
    await expect.poll(storedSync).toMatchObject({ disabledSites: ['example.org'], disabledSites$: { v: 2 } });
    await page.close();
    await clearSync();
  }, 60_000);

  it('of 99 (from no Parallax that exists) logs nothing and the site list still applies', async () => {
    await setSync({ disabledSites: ['straitstimes.com'], disabledSites$: { v: 99 } });
    const page = await browser.context.newPage();
    const errors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') errors.push(m.text());
    });
    await page.goto(PAGES.seed);
    await waitForFirstScan(page);
    await sleep(500);
    expect(await highlightedCount(page)).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
    await clearSync();
  });
});

describe('6. highlights come back', () => {
  it('after the page clears CSS.highlights, with or without a later change', async () => {
    const page = await browser.context.newPage();
    await page.goto(PAGES.seed);
    const count = await waitForHighlights(page, 3);
    await waitForFirstScan(page);
    await page.evaluate(() => CSS.highlights.clear());
    await expect.poll(() => highlightedCount(page), { timeout: 3000 }).toBe(count);
    await page.evaluate(() => {
      CSS.highlights.clear();
      document.querySelector('footer')!.append(document.createTextNode(' Updated.'));
    });
    await expect.poll(() => highlightedCount(page), { timeout: 3000 }).toBe(count);
    await page.close();
  });

  it('on a page that re-renders its article every 50 ms, stay drawn on the live text', async () => {
    const page = await browser.context.newPage();
    await page.goto(PAGES.seed);
    const expected = await waitForHighlights(page, 3);
    await page.goto(PAGES.rerendering);
    await waitForHighlights(page, 3);
    const share = await page.evaluate(async (expected) => {
      let sum = 0;
      let samples = 0;
      const end = performance.now() + 2000;
      while (performance.now() < end) {
        await new Promise((done) => requestAnimationFrame(done));
        let live = 0;
        for (const name of ['parallax-no-difference', 'parallax-differ']) {
          for (const r of (CSS.highlights.get(name) ?? []) as Iterable<Range>) {
            if (!r.collapsed && r.startContainer.isConnected && r.endContainer.isConnected) live++;
          }
        }
        sum += Math.min(1, live / expected);
        samples++;
      }
      return sum / samples;
    }, expected);
    expect(await page.evaluate(() => (window as unknown as { rerenders: number }).rerenders)).toBeGreaterThan(20);
    expect(share).toBeGreaterThan(0.9);
    await page.close();
  });
});

describe('7. article text out of the light DOM', () => {
  it('in an open shadow root is read, drawn and opens the tooltip', async () => {
    const page = await browser.context.newPage();
    await page.goto(PAGES.shadow);
    await waitForHighlights(page, 5);
    // Drawn in the shadow tree: the highlight's style reaches the text there.
    const painted = await page.evaluate(() => {
      const range = [...((CSS.highlights.get('parallax-differ') ?? []) as Iterable<Range>)].find(
        (r) => r.startContainer.getRootNode() instanceof ShadowRoot,
      );
      if (!range) return 'no range in the shadow root';
      return getComputedStyle(range.startContainer.parentElement!, '::highlight(parallax-differ)').backgroundColor;
    });
    expect(painted).toMatch(/^rgba?\(/);
    expect(painted).not.toBe('rgba(0, 0, 0, 0)');
    const point = await page.evaluate(() => {
      const range = [...((CSS.highlights.get('parallax-differ') ?? []) as Iterable<Range>)].find(
        (r) => r.startContainer.getRootNode() instanceof ShadowRoot,
      )!;
      range.startContainer.parentElement!.scrollIntoView({ block: 'center' });
      const rect = range.getClientRects()[0]!;
      return { x: rect.left + Math.min(20, rect.width / 2), y: rect.top + rect.height / 2 };
    });
    await page.mouse.click(point.x, point.y);
    await (await TooltipProbe.of(page)).waitFor('open');
    await page.close();
  });

  it('in a same-origin iframe is read, drawn and opens the tooltip', async () => {
    const page = await browser.context.newPage();
    await page.goto(PAGES.iframe);
    const frame = page.frames().find((f) => f.url().endsWith('/hostile/framed-article.html'))!;
    await frame.waitForFunction(
      () =>
        ['parallax-no-difference', 'parallax-differ'].reduce(
          (n, name) => n + (CSS.highlights.get(name)?.size ?? 0),
          0,
        ) >= 3,
      undefined,
      { timeout: 15_000 },
    );
    const painted = await frame.evaluate(() => {
      const range = [...((CSS.highlights.get('parallax-differ') ?? []) as Iterable<Range>)][0]!;
      return getComputedStyle(range.startContainer.parentElement!, '::highlight(parallax-differ)').backgroundColor;
    });
    expect(painted).not.toBe('rgba(0, 0, 0, 0)');
    const point = await frame.evaluate(() => {
      const range = [...((CSS.highlights.get('parallax-differ') ?? []) as Iterable<Range>)][0]!;
      range.startContainer.parentElement!.scrollIntoView({ block: 'center' });
      const rect = range.getClientRects()[0]!;
      return { x: rect.left + Math.min(20, rect.width / 2), y: rect.top + rect.height / 2 };
    });
    const frameBox = (await (await frame.frameElement()).boundingBox())!;
    await page.mouse.click(frameBox.x + point.x, frameBox.y + point.y);
    const tooltip = await TooltipProbe.of(page);
    await tooltip.waitFor('open');
    expect((await tooltip.texts('.outlet')).length).toBeGreaterThan(0);
    await page.close();
  });
});

// Last in the file: it takes the extension away from this browser.
describe('1 (the other side). the content script does stop when the extension is really gone', () => {
  it('an extension reload leaves the orphaned script’s page clean, with nothing logged', async () => {
    const page = await browser.context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error' || m.text().includes('[Parallax]')) problems.push(m.text());
    });
    await page.goto(PAGES.seed);
    await waitForHighlights(page, 3);
    const point = await passagePoint(page, 'parallax-differ');
    await page.mouse.click(point.x, point.y);
    const tooltip = await TooltipProbe.of(page);
    await tooltip.waitFor('open');
    await browser.serviceWorker.evaluate(() => {
      setTimeout(() => chrome.runtime.reload(), 10);
    });
    // No event needed: the script notices within a repair tick.
    await expect.poll(() => highlightedCount(page), { timeout: 5000 }).toBe(0);
    expect(await page.evaluate(() => document.querySelectorAll('parallax-ui').length)).toBe(0);
    await page.mouse.move(point.x, point.y);
    await page.evaluate(() => document.querySelector('article')!.append(document.createElement('p')));
    await sleep(500);
    expect(problems).toEqual([]);
    await page.close();
  });
});
