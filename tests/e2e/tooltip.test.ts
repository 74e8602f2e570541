// The tooltip a reader opens on a highlight: other outlets' versions (never the page's own),
// a dialog that Escape and an outside click close, opened by click or by the keyboard command.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchBrowser, startServer, type ExtensionBrowser, type TestServer } from '../../scripts/lib/browser-harness';
import { STRAITS_TIMES, SEED_PAGES, passagePoint, TooltipProbe, waitForHighlights } from '../../scripts/lib/extension-page';

let server: TestServer;
let browser: ExtensionBrowser;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser({ proxyPort: server.port });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function openSeed(url: string): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(url);
  await waitForHighlights(page);
  return page;
}

describe('tooltip', () => {
  it('opens on click with the other outlets, not the page’s own', async () => {
    const page = await openSeed(STRAITS_TIMES.url);
    const point = await passagePoint(page, 'parallax-differ');
    await page.mouse.click(point.x, point.y);
    const dialog = await TooltipProbe.of(page);
    await dialog.waitFor('open');

    // An accessible dialog, named by its heading, in the page's accessibility tree.
    const name = (await dialog.evaluate((root) => {
      const box = root.querySelector('[role="dialog"]')!;
      return root.getElementById(box.getAttribute('aria-labelledby')!)?.textContent ?? '';
    }))!;
    expect(name).toMatch(/other outlets/i);
    const cdp = await page.context().newCDPSession(page);
    const { nodes } = await cdp.send('Accessibility.getFullAXTree');
    // (The heading is shown upper-case; the accessible name follows what is shown.)
    expect(nodes.filter((n) => n.role?.value === 'dialog').map((n) => String(n.name?.value).toLowerCase())).toEqual([name.toLowerCase()]);

    const outlets = await dialog.texts('.outlet');
    expect(outlets.length).toBeGreaterThan(0);
    expect(outlets).not.toContain('The Straits Times');
    const known = SEED_PAGES.map((p) => p.outlet);
    for (const outlet of outlets) expect(known).toContain(outlet);

    expect((await dialog.texts('.status'))[0]).toBe('Outlets differ');
    expect((await dialog.texts('.summary'))[0]).toBeTruthy();
    expect(await dialog.count('blockquote.quote')).toBe(outlets.length);
    // Values other outlets report differently are emphasised.
    expect(await dialog.count('mark.differs')).toBeGreaterThan(0);

    const links = (await dialog.evaluate((root) =>
      [...root.querySelectorAll('a.source')].map((a) => ({ href: (a as HTMLAnchorElement).href, target: a.getAttribute('target'), rel: a.getAttribute('rel') })),
    ))!;
    expect(links.length).toBe(outlets.length);
    for (const link of links) {
      expect(link.href).toMatch(/^https:\/\//);
      expect(link.href).not.toContain('straitstimes.com');
      expect(link.target).toBe('_blank');
      expect(link.rel).toContain('noopener');
    }
    await page.close();
  });

  it('closes on Escape and on a click outside', async () => {
    const page = await openSeed(STRAITS_TIMES.url);
    const point = await passagePoint(page, 'parallax-agree');
    const dialog = await TooltipProbe.of(page);
    await page.mouse.click(point.x, point.y);
    await dialog.waitFor('open');
    // Focus moves into the dialog (its host is what the page sees as focused).
    expect(await page.evaluate(() => document.activeElement?.nodeName)).toBe('PARALLAX-UI');
    expect(await dialog.focusedInside()).toBe('dialog');
    await page.keyboard.press('Escape');
    await dialog.waitFor('closed');

    await page.mouse.click(point.x, point.y);
    await dialog.waitFor('open');
    await page.mouse.click(1200, 850); // blank margin, no highlight
    await dialog.waitFor('closed');
    await page.close();
  });

  it('stays anchored to its passage while the page scrolls', async () => {
    const page = await openSeed(STRAITS_TIMES.url);
    const point = await passagePoint(page, 'parallax-agree', 3);
    await page.mouse.click(point.x, point.y);
    const dialog = await TooltipProbe.of(page);
    await dialog.waitFor('open');
    const gap = async () => {
      const top = await dialog.evaluate((root) => root.querySelector('[role="dialog"]')!.getBoundingClientRect().top);
      const bottom = await page.evaluate(() => ([...(CSS.highlights.get('parallax-focus') ?? [])][0] as Range).getBoundingClientRect().bottom);
      return Math.round(top! - bottom);
    };
    const before = await gap();
    await page.mouse.wheel(0, 120);
    await page.waitForTimeout(300);
    expect(await dialog.isOpen()).toBe(true);
    await expect.poll(gap).toBe(before);
    await page.close();
  });

  it('has readable contrast in light and dark colour schemes', async () => {
    const page = await openSeed(STRAITS_TIMES.url);
    const point = await passagePoint(page, 'parallax-differ');
    await page.mouse.click(point.x, point.y);
    const tooltip = await TooltipProbe.of(page);
    await tooltip.waitFor('open');
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      // WCAG contrast of each kind of text against what is behind it (its own or the dialog's background).
      const ratios = (await tooltip.evaluate((root) => {
        const dialog = root.querySelector('[role="dialog"]')!;
        const rgb = (c: string) => c.match(/[\d.]+/g)!.slice(0, 4).map(Number);
        const lum = ([r, g, b]: number[]) => [r!, g!, b!].map((v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; })
          .reduce((s, v, i) => s + v * [0.2126, 0.7152, 0.0722][i]!, 0);
        const backdrop = (el: Element) => {
          for (let at: Element | null = el; at; at = at.parentElement) {
            const c = rgb(getComputedStyle(at).backgroundColor);
            if (c.length < 4 || c[3]! > 0) return c;
          }
          return rgb(getComputedStyle(dialog).backgroundColor);
        };
        const out: Record<string, number> = {};
        for (const sel of ['h2', '.status', '.summary', '.reasons li', '.outlet', '.date', '.quote', 'mark.differs', '.attribution', '.source', 'button.turn-off']) {
          const el = root.querySelector(sel);
          if (!el) continue;
          const a = lum(rgb(getComputedStyle(el).color));
          const b = lum(backdrop(el));
          out[sel] = Math.round(((Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05)) * 10) / 10;
        }
        return out;
      }))!;
      expect(Object.keys(ratios).length).toBeGreaterThanOrEqual(8);
      for (const [selector, ratio] of Object.entries(ratios)) {
        expect(ratio, `${scheme}: ${selector}`).toBeGreaterThanOrEqual(4.5);
      }
    }
    await page.close();
  });

  it('shows a pointer over a highlight and not elsewhere, and leaves the element as it was', async () => {
    const page = await openSeed(STRAITS_TIMES.url);
    const point = await passagePoint(page, 'parallax-differ');
    const cursor = () => page.evaluate(({ x, y }) => getComputedStyle(document.elementFromPoint(x, y)!).cursor, point);
    const before = await page.evaluate(({ x, y }) => document.elementFromPoint(x, y)!.outerHTML, point);
    await page.mouse.move(point.x, point.y);
    await expect.poll(cursor).toBe('pointer');
    await page.mouse.move(1200, 850);
    await expect.poll(cursor).not.toBe('pointer');
    expect(await page.evaluate(({ x, y }) => document.elementFromPoint(x, y)!.outerHTML, point)).toBe(before);
    await page.close();
  });

  it('opens the next highlight with the keyboard command', async () => {
    const page = await openSeed(STRAITS_TIMES.url);
    await page.bringToFront();
    // Headless Chromium does not route synthetic key presses to extension shortcuts, so the test
    // runs the command's handler in the service worker, as chrome.commands.onCommand would.
    const run = (command: string) =>
      browser.serviceWorker.evaluate(
        (command) => (globalThis as unknown as { parallaxRunCommand(c: string): Promise<boolean> }).parallaxRunCommand(command),
        command,
      );
    // A keyboard reader is on a link of the page when they press the shortcut.
    await page.locator('article a').first().focus();
    expect(await run('next-highlight')).toBe(true);
    const dialog = await TooltipProbe.of(page);
    await dialog.waitFor('open');
    const focused = () => page.evaluate(() => [...(CSS.highlights.get('parallax-focus') ?? [])].map((r) => (r as Range).toString()));
    const first = await focused();
    expect(first).toHaveLength(1);
    expect(await run('next-highlight')).toBe(true);
    await expect.poll(focused).not.toEqual(first);
    expect(await run('previous-highlight')).toBe(true);
    await expect.poll(focused).toEqual(first);
    await dialog.waitFor('open');
    expect(await page.evaluate(() => document.activeElement?.nodeName)).toBe('PARALLAX-UI');
    // Escape closes the tooltip and focus goes back to the link.
    await page.keyboard.press('Escape');
    await dialog.waitFor('closed');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('according to a BBC expose');
    // The manifest offers the documented default shortcuts.
    const commands = await browser.serviceWorker.evaluate(() => chrome.commands.getAll());
    expect(commands.find((c) => c.name === 'next-highlight')?.shortcut).toBe('Alt+Shift+J');
    await page.close();
  });

  // Last in the file: it turns Parallax off for the Straits Times in this profile.
  it('turns Parallax off on the site from the tooltip, at once and after a reload', async () => {
    const page = await openSeed(STRAITS_TIMES.url);
    const point = await passagePoint(page, 'parallax-differ');
    await page.mouse.click(point.x, point.y);
    const dialog = await TooltipProbe.of(page);
    await dialog.waitFor('open');
    await dialog.click('button.turn-off');
    await dialog.waitFor('closed');
    const drawn = () =>
      page.evaluate(() => (CSS.highlights.get('parallax-agree')?.size ?? 0) + (CSS.highlights.get('parallax-differ')?.size ?? 0));
    await expect.poll(drawn).toBe(0);
    await page.reload();
    await page.waitForFunction(() => performance.getEntriesByName('parallax:drawn').length > 0);
    expect(await drawn()).toBe(0);
    // Other sites are not affected.
    await page.goto(SEED_PAGES.find((p) => p.outlet === '5Pillars')!.url);
    await waitForHighlights(page);
    await page.close();
  });
});
