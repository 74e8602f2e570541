// Parallax works entirely locally and quietly: browsing the seed pages and an unrelated page,
// opening a tooltip and moving with the keyboard command, the extension logs no error and, with
// no pack list subscribed to (its only requests: pack-lists.test.ts), makes no network request.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, startServer, type ExtensionBrowser, type TestServer } from '../harness/browser-harness';
import { passagePoint, TooltipProbe, waitForFirstScan, waitForHighlights } from '../harness/extension-page';
import { SEED_PAGES, STRAITS_TIMES } from '../harness/seed-pages';

// Chromium's own plumbing (component and extension updates, sign-in) talks through the proxy
// whatever the extension does; these three hosts are the browser's, seen with Parallax idle, and
// nothing in Parallax names them. Every other request must be for a page the test itself opened.
const BROWSER_HOSTS = ['update.googleapis.com', 'accounts.google.com', 'clients2.google.com'];

let server: TestServer;
let browser: ExtensionBrowser;
const problems: string[] = [];
const requestedByBrowser: string[] = [];

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser({ proxyPort: server.port, testHooks: true });
  browser.serviceWorker.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(`service worker ${m.type()}: ${m.text()}`);
  });
  // Requests Playwright sees from pages and from the extension's service worker.
  browser.context.on('request', (r) => requestedByBrowser.push(r.url()));
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('quiet and local', () => {
  it('logs no errors and requests nothing but the pages opened', async () => {
    const opened = [...SEED_PAGES.map((p) => p.url), 'https://news.example/pages/unrelated-news.html'];
    for (const url of opened) {
      const page = await browser.context.newPage();
      page.on('console', (m) => {
        if (m.type() === 'error' || m.text().includes('[Parallax]')) problems.push(`${url} ${m.type()}: ${m.text()}`);
      });
      page.on('pageerror', (e) => problems.push(`${url} page error: ${e.message}`));
      await page.goto(url);
      await waitForFirstScan(page);
      if (url === STRAITS_TIMES.url) {
        await waitForHighlights(page);
        const point = await passagePoint(page, 'parallax-differ');
        await page.mouse.click(point.x, point.y);
        const tooltip = await TooltipProbe.of(page);
        await tooltip.waitFor('open');
        await page.keyboard.press('Escape');
        await tooltip.waitFor('closed');
        await browser.serviceWorker.evaluate(() =>
          (globalThis as unknown as { parallaxRunCommand(c: string): Promise<boolean> }).parallaxRunCommand(
            'next-highlight',
          ),
        );
        await tooltip.waitFor('open');
      }
      await page.waitForTimeout(300);
      await page.close();
    }

    expect(problems).toEqual([]);

    const allowed = new Set([...opened, ...opened.map((u) => `${new URL(u).origin}/favicon.ico`)]);
    const unexpected = (urls: string[]) =>
      urls.filter((u) => !allowed.has(u) && !BROWSER_HOSTS.includes(new URL(u).hostname));
    // What the proxy saw (every request leaving the browser goes through it)...
    expect(unexpected(server.requests)).toEqual([]);
    // ...and what the browser reports from pages and the service worker, chrome-extension:// aside.
    expect(unexpected(requestedByBrowser.filter((u) => u.startsWith('http')))).toEqual([]);
    // The pages themselves were served, so the check above saw real traffic.
    for (const url of opened) expect(server.requests).toContain(url);
  });
});
