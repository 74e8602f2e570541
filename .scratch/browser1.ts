import { launchBrowser, startServer } from '../scripts/lib/browser-harness';
import { waitForFirstScan, waitForHighlights, STRAITS_TIMES } from '../scripts/lib/extension-page';
const server = await startServer();
const browser = await launchBrowser({ proxyPort: server.port });
browser.serviceWorker.on('console', (m) => console.log('[worker]', m.type(), m.text()));
try {
  for (const url of ['https://www.meridian-daily.test/pages/retelling-meridian-daily.html', STRAITS_TIMES.url, 'https://news.example/pages/unrelated-news.html']) {
    const page = await browser.context.newPage();
    page.on('console', (m) => { if (m.type() !== 'log') console.log('[page]', m.type(), m.text()); });
    await page.goto(url);
    await waitForFirstScan(page);
    await page.waitForFunction(() => performance.getEntriesByName('parallax:meaning-drawn').length > 0, undefined, { timeout: 20_000 }).catch(() => console.log('no meaning drawn'));
    const r = await page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
      let hl = 0; for (const name of ['parallax-agree', 'parallax-differ']) hl += CSS.highlights.get(name)?.size ?? 0;
      return { drawn: performance.getEntriesByName('parallax:drawn')[0]!.startTime - nav.domContentLoadedEventStart, meaning: (performance.getEntriesByName('parallax:meaning-drawn')[0]?.startTime ?? NaN) - nav.domContentLoadedEventStart, meaningWait: performance.getEntriesByName('parallax:meaning-wait')[0]?.duration, hl, own: performance.getEntriesByName('parallax:own-time')[0]?.duration };
    });
    console.log(url, r);
    await page.close();
  }
  console.log(await browser.serviceWorker.evaluate(() => (globalThis as any).parallaxMeaning.stats()));
} finally { await browser.close(); await server.close(); }
