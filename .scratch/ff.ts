import { startServer } from '../scripts/lib/browser-harness';
import { launchFirefox } from '../scripts/lib/firefox-harness';
const server = await startServer();
const ff = await launchFirefox({ proxyPort: server.port });
try {
  const page = await ff.browser.newPage();
  await page.goto('https://www.meridian-daily.test/pages/retelling-meridian-daily.html');
  const t0 = Date.now();
  for (;;) {
    const r = await page.evaluate(() => ({ drawn: performance.getEntriesByName('parallax:drawn').length, asked: performance.getEntriesByName('parallax:meaning-asked').length, wait: performance.getEntriesByName('parallax:meaning-wait').length, meaning: performance.getEntriesByName('parallax:meaning-drawn').length, ranges: ['parallax-agree', 'parallax-differ'].flatMap((n) => [...((CSS as any).highlights.get(n) ?? [])]).map((r: Range) => r.toString().slice(0, 40)) }));
    if ((r.wait > 0 && r.wait === r.asked) || Date.now() - t0 > 60000) { console.log(JSON.stringify(r, null, 1)); break; }
    await new Promise((d) => setTimeout(d, 500));
  }
} finally { await ff.close(); await server.close(); }
