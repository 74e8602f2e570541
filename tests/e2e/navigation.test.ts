// Single-page navigation: a site that swaps its article and address without a page load gets its
// highlights for the new article, and loses them when it swaps back to an unrelated one.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES_DIR } from '../../src/node/paths';
import { launchBrowser, startServer, type ExtensionBrowser, type TestServer } from '../harness/browser-harness';
import { highlightedCount, waitForFirstScan, waitForHighlights } from '../harness/extension-page';

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

function articleOf(fixture: string): string {
  const html = readFileSync(join(FIXTURES_DIR, 'pages', fixture), 'utf8');
  return html.slice(html.indexOf('<article>') + '<article>'.length, html.indexOf('</article>'));
}

describe('single-page navigation', () => {
  it('highlights an article a single-page app swaps in, and clears them when it swaps out', async () => {
    const page = await browser.context.newPage();
    // A news site's app shell: served at the Straits Times host, first showing an unrelated story.
    await page.goto('https://www.straitstimes.com/pages/unrelated-news.html');
    await waitForFirstScan(page);
    expect(await highlightedCount(page)).toBe(0);

    const swap = (path: string, inner: string) =>
      page.evaluate(
        ({ path, inner }) => {
          history.pushState({}, '', path);
          // The app renders the new route's article (fixture HTML, parsed by the page itself).
          const article = document.querySelector('article')!;
          article.replaceChildren(...new DOMParser().parseFromString(inner, 'text/html').body.childNodes);
        },
        { path, inner },
      );
    await swap(
      '/world/middle-east/secret-deal-let-isis-fighters-flee-from-raqqa',
      articleOf('seed-straits-times.html'),
    );
    const count = await waitForHighlights(page, 3);
    expect(count).toBeGreaterThanOrEqual(3);

    await swap('/city/harbour-bridge-reopens', articleOf('unrelated-news.html'));
    await expect.poll(() => highlightedCount(page), { timeout: 5000 }).toBe(0);
    await page.close();
  });
});
