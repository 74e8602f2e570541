// The tooltip a reader opens on a highlight: other outlets' versions (never the page's own),
// a dialog that Escape and an outside click close, opened by click or by the keyboard command.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchBrowser, startServer, type ExtensionBrowser, type TestServer } from '../harness/browser-harness';
import { passageMatching, passagePoint, TooltipProbe, waitForHighlights } from '../harness/extension-page';
import { STRAITS_TIMES, SEED_PAGES } from '../harness/seed-pages';

let server: TestServer;
let browser: ExtensionBrowser;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser({ proxyPort: server.port, testHooks: true });
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
    expect(nodes.filter((n) => n.role?.value === 'dialog').map((n) => String(n.name?.value).toLowerCase())).toEqual([
      name.toLowerCase(),
    ]);
    // Read out with it: the first fact's status and summary.
    const summary = (await dialog.texts('.summary'))[0]!;
    const status = (await dialog.texts('.status'))[0]!;
    expect(nodes.filter((n) => n.role?.value === 'dialog').map((n) => n.description?.value)).toEqual([
      `${status} ${summary}`,
    ]);

    const outlets = await dialog.texts('.outlet');
    expect(outlets.length).toBeGreaterThan(0);
    expect(outlets).not.toContain('The Straits Times');
    const known = SEED_PAGES.map((p) => p.outlet);
    for (const outlet of outlets) expect(known).toContain(outlet);
    // Each outlet is named once per fact, its quotes under its name.
    expect(new Set(outlets).size).toBe(outlets.length);

    expect(status).toMatch(/^Outlets differ on (the figures|whom they credit|the place|the coalition’s stance)/);
    expect((await dialog.texts('.summary'))[0]).toBeTruthy();
    expect(await dialog.count('blockquote.quote')).toBeGreaterThanOrEqual(outlets.length);
    expect(await dialog.count('.report:not(:has(blockquote.quote))')).toBe(0);
    // Values other outlets report differently are emphasised.
    expect(await dialog.count('mark.differs')).toBeGreaterThan(0);

    const links = (await dialog.evaluate((root) =>
      [...root.querySelectorAll('a.source')].map((a) => ({
        href: (a as HTMLAnchorElement).href,
        target: a.getAttribute('target'),
        rel: a.getAttribute('rel'),
      })),
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

  it("leads with a chart of the outlets' figures, this page first, every label whole and nothing overlapping", async () => {
    const page = await openSeed(STRAITS_TIMES.url);
    const which = await passageMatching(page, 'parallax-differ', /4,000 people/);
    const point = await passagePoint(page, 'parallax-differ', which);
    await page.mouse.click(point.x, point.y);
    const dialog = await TooltipProbe.of(page);
    await dialog.waitFor('open');
    const layout = (await dialog.evaluate((root) => {
      const box = (el: Element) => el.getBoundingClientRect().toJSON() as DOMRect;
      const chart = root.querySelector('table.chart')!;
      const rows = [...chart.querySelectorAll('tbody tr')].map((tr) => ({
        who: tr.querySelector('th')!.textContent,
        page: tr.classList.contains('page'),
        track: box(tr.querySelector('.track')!),
        marks: [...tr.querySelectorAll('.mark')].map(box),
        cells: [...tr.children].map((cell) => ({ client: cell.clientWidth, scroll: cell.scrollWidth })),
      }));
      const dialogBox = box(root.querySelector('[role="dialog"]')!);
      return {
        title: chart.querySelector('caption .kind')!.textContent,
        rows,
        ticks: [...chart.querySelectorAll('.tick')].map(box),
        chart: box(chart),
        dialog: {
          left: dialogBox.left,
          right: dialogBox.right,
          clientWidth: root.querySelector('[role="dialog"]')!.clientWidth,
          scrollWidth: root.querySelector('[role="dialog"]')!.scrollWidth,
        },
        beforeQuotes:
          chart.compareDocumentPosition(root.querySelector('blockquote.quote')!) === Node.DOCUMENT_POSITION_FOLLOWING,
      };
    }))!;
    expect(layout.title).toBe('People');
    expect(layout.beforeQuotes).toBe(true);
    expect(layout.rows[0]).toMatchObject({ who: 'This page', page: true });
    expect(layout.rows.slice(1).map((r) => r.who)).not.toContain('The Straits Times');
    expect(layout.rows.length).toBeGreaterThanOrEqual(4);
    for (const row of layout.rows) {
      expect(row.marks.length, row.who!).toBeGreaterThan(0);
      // Every mark drawn on its own row's track (an open end's arrowhead aside), never over the names or figures.
      for (const mark of row.marks) {
        expect(mark.left, row.who!).toBeGreaterThanOrEqual(row.track.left - 0.5);
        expect(mark.right, row.who!).toBeLessThanOrEqual(row.track.right + 0.5);
        expect(mark.width, row.who!).toBeGreaterThan(0);
      }
      // No cell's text clipped.
      for (const cell of row.cells) expect(cell.scroll, row.who!).toBeLessThanOrEqual(cell.client + 1);
    }
    // Tick labels side by side, none over another, all inside the tooltip.
    expect(layout.ticks.length).toBeGreaterThanOrEqual(2);
    for (let i = 1; i < layout.ticks.length; i++)
      expect(layout.ticks[i]!.left).toBeGreaterThanOrEqual(layout.ticks[i - 1]!.right);
    for (const tick of layout.ticks) {
      expect(tick.left).toBeGreaterThanOrEqual(layout.dialog.left);
      expect(tick.right).toBeLessThanOrEqual(layout.dialog.right);
    }
    expect(layout.dialog.scrollWidth).toBeLessThanOrEqual(layout.dialog.clientWidth);
    await page.close();
  });

  it('closes on Escape and on a click outside', async () => {
    const page = await openSeed(STRAITS_TIMES.url);
    const point = await passagePoint(page, 'parallax-no-difference');
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

  it('stays with its passage while the page scrolls', async () => {
    const page = await openSeed(STRAITS_TIMES.url);
    const point = await passagePoint(page, 'parallax-no-difference', 3);
    await page.mouse.click(point.x, point.y);
    const dialog = await TooltipProbe.of(page);
    await dialog.waitFor('open');
    const gap = async () => {
      const top = await dialog.evaluate((root) => root.querySelector('[role="dialog"]')!.getBoundingClientRect().top);
      const bottom = await page.evaluate(
        () => ([...(CSS.highlights.get('parallax-focus') ?? [])][0] as Range).getBoundingClientRect().bottom,
      );
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
        const rgb = (c: string) =>
          c
            .match(/[\d.]+/g)!
            .slice(0, 4)
            .map(Number);
        const lum = ([r, g, b]: number[]) =>
          [r!, g!, b!]
            .map((v) => {
              v /= 255;
              return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
            })
            .reduce((s, v, i) => s + v * [0.2126, 0.7152, 0.0722][i]!, 0);
        const backdrop = (el: Element) => {
          for (let at: Element | null = el; at; at = at.parentElement) {
            const c = rgb(getComputedStyle(at).backgroundColor);
            if (c.length < 4 || c[3]! > 0) return c;
          }
          return rgb(getComputedStyle(dialog).backgroundColor);
        };
        const out: Record<string, number> = {};
        for (const sel of [
          'h2',
          '.status',
          '.summary',
          '.comparison caption',
          '.verdict',
          '.comparison th',
          '.comparison td .value',
          '.parts',
          '.tick',
          '.outlet',
          '.date',
          '.quote',
          'mark.differs',
          '.attribution',
          '.source',
          '.more-below',
          'button.turn-off',
        ]) {
          const el = root.querySelector(sel);
          if (!el) continue;
          const a = lum(rgb(getComputedStyle(el).color));
          const b = lum(backdrop(el));
          out[sel] = Math.round(((Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05)) * 10) / 10;
        }
        return out;
      }))!;
      expect(Object.keys(ratios).length).toBeGreaterThanOrEqual(13);
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
        (command) =>
          (globalThis as unknown as { parallaxRunCommand(c: string): Promise<boolean> }).parallaxRunCommand(command),
        command,
      );
    // A keyboard reader is on a link of the page when they press the shortcut.
    await page.locator('article a').first().focus();
    expect(await run('next-highlight')).toBe(true);
    const dialog = await TooltipProbe.of(page);
    await dialog.waitFor('open');
    const focused = () =>
      page.evaluate(() => [...(CSS.highlights.get('parallax-focus') ?? [])].map((r) => (r as Range).toString()));
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

  it('fits the viewport wherever its passage is, and scrolls inside with a cue that says what is below', async () => {
    const page = await browser.context.newPage();
    const viewport = { width: 900, height: 460 };
    await page.setViewportSize(viewport);
    await page.goto(STRAITS_TIMES.url);
    await waitForHighlights(page);
    const dialog = await TooltipProbe.of(page);
    // The claim every outlet reported (how many people left): more than fits in 460 px.
    const which = await passageMatching(page, 'parallax-differ', /4,000 people/);
    expect(which).toBeGreaterThanOrEqual(0);
    const frame = () =>
      dialog.evaluate((root) => {
        const box = root.querySelector('[role="dialog"]') as HTMLElement;
        const rect = box.getBoundingClientRect();
        const more = root.querySelector('.more-below') as HTMLElement;
        return {
          top: rect.top,
          bottom: rect.bottom,
          left: rect.left,
          right: rect.right,
          scrollTop: box.scrollTop,
          scrolls: box.scrollHeight > box.clientHeight,
          cue: more.hidden ? null : more.textContent,
          fading: box.classList.contains('scrolls-on'),
        };
      });

    // The passage's first line at the top, the middle and the bottom of the viewport.
    for (const y of [30, viewport.height / 2, viewport.height - 30]) {
      const point = await passagePoint(page, 'parallax-differ', which);
      await page.evaluate((dy) => window.scrollBy(0, dy), point.y - y);
      const at = await page.evaluate(
        (which) =>
          ([...(CSS.highlights.get('parallax-differ') ?? [])][which] as Range).getClientRects()[0]!.toJSON() as DOMRect,
        which,
      );
      await page.mouse.click(at.left + 10, at.top + at.height / 2);
      await dialog.waitFor('open');
      await expect.poll(async () => (await frame())!.cue).not.toBeNull();
      const shown = (await frame())!;
      expect(shown.top, `passage at ${y}`).toBeGreaterThanOrEqual(0);
      expect(shown.bottom, `passage at ${y}`).toBeLessThanOrEqual(viewport.height);
      expect(shown.left).toBeGreaterThanOrEqual(0);
      expect(shown.right).toBeLessThanOrEqual(viewport.width);
      // More follows, and the reader is told what: a fade and "n more outlets ↓".
      expect(shown.scrolls).toBe(true);
      expect(shown.fading).toBe(true);
      expect(shown.cue).toMatch(/^(\d+ more outlets?|More below) ↓$/);
      await page.keyboard.press('Escape');
      await dialog.waitFor('closed');
    }

    // The cue scrolls on; so do the keys, the dialog having focus; at the end the cue is gone.
    const point = await passagePoint(page, 'parallax-differ', which);
    await page.mouse.click(point.x, point.y);
    await dialog.waitFor('open');
    await expect.poll(async () => (await frame())!.cue).toMatch(/more outlets/);
    const before = (await frame())!;
    await dialog.click('.more-below');
    await expect.poll(async () => (await frame())!.scrollTop).toBeGreaterThan(before.scrollTop);
    await page.keyboard.press('End');
    await expect.poll(async () => (await frame())!.cue).toBeNull();
    expect((await frame())!.fading).toBe(false);
    // The cue, which had focus from the click, is gone: focus stays in the dialog, not lost.
    expect(await dialog.focusedInside()).toBe('dialog');
    await page.keyboard.press('Home');
    await expect.poll(async () => (await frame())!.scrollTop).toBe(0);

    // Tab walks the dialog's own controls: the close button, then each outlet's link.
    await page.keyboard.press('Tab');
    expect(await dialog.evaluate((root) => root.activeElement?.className)).toBe('close');
    await page.keyboard.press('Tab');
    expect(await dialog.evaluate((root) => root.activeElement?.className)).toBe('outlet source');
    await page.keyboard.press('Escape');
    await dialog.waitFor('closed');
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
      page.evaluate(
        () =>
          (CSS.highlights.get('parallax-no-difference')?.size ?? 0) +
          (CSS.highlights.get('parallax-differ')?.size ?? 0),
      );
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
