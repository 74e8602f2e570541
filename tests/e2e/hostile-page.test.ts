// A hostile or broken page must not break Parallax, and Parallax must not break it: a page that
// swallows clicks, rewrites its text constantly, throws from its own scripts and wipes the highlight
// registry still gets highlights and tooltips, and the extension logs nothing.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES_DIR } from '../../src/node/paths';
import { launchBrowser, startServer, type ExtensionBrowser, type TestServer } from '../harness/browser-harness';
import { passagePoint, TooltipProbe, waitForHighlights } from '../harness/extension-page';

const HOSTILE_SCRIPT = `<script>
  // Swallows every click before it reaches the document (capture at window, stopPropagation).
  window.addEventListener('click', (e) => e.stopPropagation(), true);
  document.addEventListener('click', (e) => e.stopImmediatePropagation(), true);
  // A ticker that rewrites itself every 50 ms, forever.
  const ticker = document.createElement('div');
  ticker.id = 'ticker';
  document.body.prepend(ticker);
  let n = 0;
  setInterval(() => { ticker.textContent = 'Markets: index ' + (n++) + ' points'; }, 50);
  // Its own scripts fail.
  setTimeout(() => { throw new Error('page script failure'); }, 100);
  window.pageSaysStillAlive = () => true;
</script>`;

let server: TestServer;
let browser: ExtensionBrowser;

beforeAll(async () => {
  server = await startServer();
  const seed = readFileSync(join(FIXTURES_DIR, 'pages/seed-straits-times.html'), 'utf8');
  server.route('/pages/hostile.html', seed.replace('</body>', `${HOSTILE_SCRIPT}</body>`));
  browser = await launchBrowser({ proxyPort: server.port });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('a hostile page', () => {
  it('still gets highlights and tooltips, and Parallax reports nothing', async () => {
    const page = await browser.context.newPage();
    const parallaxMessages: string[] = [];
    page.on('console', (m) => {
      if (m.text().includes('[Parallax]')) parallaxMessages.push(m.text());
    });
    const swMessages: string[] = [];
    browser.serviceWorker.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') swMessages.push(m.text());
    });
    await page.goto('https://www.straitstimes.com/pages/hostile.html');
    await waitForHighlights(page, 3);

    const point = await passagePoint(page, 'parallax-differ');
    await page.mouse.click(point.x, point.y);
    const tooltip = await TooltipProbe.of(page);
    await tooltip.waitFor('open');
    // The ticker keeps rescanning the page; the open tooltip stays open.
    await page.waitForTimeout(800);
    expect(await tooltip.isOpen()).toBe(true);
    await page.keyboard.press('Escape');
    await tooltip.waitFor('closed');

    // The page wipes every highlight registered in its document; the next change redraws ours.
    await page.evaluate(() => CSS.highlights.clear());
    await page.evaluate(() => {
      const p = document.createElement('p');
      p.textContent = 'The convoy was said to be four miles long.';
      document.querySelector('article')!.append(p);
    });
    await waitForHighlights(page, 3);

    expect(
      await page.evaluate(() => (window as unknown as { pageSaysStillAlive(): boolean }).pageSaysStillAlive()),
    ).toBe(true);
    expect(parallaxMessages).toEqual([]);
    expect(swMessages).toEqual([]);
    await page.close();
  });
});
