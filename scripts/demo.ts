// npm run demo: builds the extension, serves the demo news pages (the five seed articles laid out
// as news pages at their outlets' real addresses, and the retelling pages written for the demo)
// through a local proxy, and starts Chromium with Parallax loaded.
// With a display: a browser window opens on an index of the pages; close it to stop.
// Without one: headless, saving screenshots into demo-screenshots/ (a highlighted seed page, an
// open tooltip, a retelling page); with --readme-screenshot it also refreshes docs/screenshot.png.
import { execSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { readArgs, runScript } from './lib/args';
import { FIXTURES, ROOT, launchBrowser, startServer } from './lib/browser-harness';
import { SEED_PAGES, STRAITS_TIMES, passagePoint, TooltipProbe, waitForFirstScan, waitForHighlights } from './lib/extension-page';

const SCREENSHOTS = join(ROOT, 'demo-screenshots');
const INDEX_URL = 'http://parallax.demo/';

function retellingPages(): { title: string; url: string }[] {
  return readdirSync(join(FIXTURES, 'pages'))
    .filter((f) => /^retelling.*\.html$/.test(f))
    .map((f) => ({ title: f.replace(/\.html$/, ''), url: `https://news.example/pages/${f}` }));
}

function indexHtml(retellings: { title: string; url: string }[]): string {
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const item = (title: string, url: string) => `<li><a href="${esc(url)}">${esc(title)}</a> <small>${esc(url)}</small></li>`;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Parallax demo</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:760px;margin:40px auto;padding:0 16px}small{color:#666}</style></head><body>
<h1>Parallax demo</h1>
<p>Each page is served at its outlet's real address by a local proxy; nothing leaves this machine.
Click a highlighted passage to see how the other outlets reported it; Alt+Shift+J / Alt+Shift+K move between passages.</p>
<h2>The five seed articles</h2><ul>${SEED_PAGES.map((p) => item(p.outlet, p.url)).join('')}</ul>
<h2>Retold in other words (an outlet not in the database)</h2><ul>${retellings.map((p) => item(p.title, p.url)).join('') || '<li>(none yet)</li>'}</ul>
<h2>An unrelated page (no highlights)</h2><ul>${item('City Herald', 'https://news.example/pages/unrelated-news.html')}</ul>
</body></html>`;
}

async function screenshot(page: Page, name: string): Promise<string> {
  const path = join(SCREENSHOTS, name);
  await page.screenshot({ path });
  return path;
}

const USAGE = 'npm run demo -- [--no-build] [--headless] [--readme-screenshot]';

async function main(): Promise<number> {
  const { values: args } = readArgs({
    options: {
      'no-build': { type: 'boolean' },
      headless: { type: 'boolean' },
      'readme-screenshot': { type: 'boolean' },
    },
  });
  if (args['no-build'] !== true) execSync('npm run build', { cwd: ROOT, stdio: 'inherit' });
  const server = await startServer();
  const retellings = retellingPages();
  server.route('/', indexHtml(retellings));

  const headed = Boolean(process.env.DISPLAY) && args.headless !== true;
  const browser = await launchBrowser({ proxyPort: server.port, headless: !headed });

  if (headed) {
    const page = browser.context.pages()[0] ?? (await browser.context.newPage());
    await page.goto(INDEX_URL);
    console.log(`Parallax demo: a Chromium window is open on ${INDEX_URL}. Close it (or press Ctrl+C) to stop.`);
    process.once('SIGINT', () => void browser.close());
    await new Promise<void>((done) => browser.context.on('close', () => done()));
    await browser.close().catch(() => {}); // removes the temporary profile
    await server.close();
    return 0;
  }

  mkdirSync(SCREENSHOTS, { recursive: true });
  const saved: string[] = [];
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 1280, height: 1000 });

  await page.goto(STRAITS_TIMES.url);
  const count = await waitForHighlights(page);
  await page.evaluate(() => document.querySelector('figure')?.scrollIntoView({ block: 'start' }));
  await page.waitForTimeout(200);
  saved.push(await screenshot(page, '1-highlighted-seed-page.png'));

  // A body passage where outlets differ on numbers (vehicle counts) shows the tooltip best.
  const which = await page.evaluate(() =>
    Math.max(0, [...(CSS.highlights.get('parallax-differ') ?? [])].findIndex((r) => /\d/.test((r as Range).toString()) && (r as Range).startContainer.parentElement?.closest('p'))),
  );
  const point = await passagePoint(page, 'parallax-differ', which);
  await page.mouse.move(point.x, point.y);
  await page.mouse.click(point.x, point.y);
  await (await TooltipProbe.of(page)).waitFor('open');
  await page.waitForTimeout(300);
  saved.push(await screenshot(page, '2-open-tooltip.png'));
  // The README's picture is a tracked file: refresh it only when asked, so a demo run leaves git clean.
  if (args['readme-screenshot'] === true) copyFileSync(saved[1]!, join(ROOT, 'docs/screenshot.png'));

  // The same tooltip for a reader whose system is in dark mode.
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.waitForTimeout(200);
  saved.push(await screenshot(page, '3-open-tooltip-dark.png'));
  await page.emulateMedia({ colorScheme: 'light' });

  for (const [i, retelling] of retellings.entries()) {
    await page.goto(retelling.url);
    await waitForFirstScan(page);
    await page.waitForTimeout(200);
    saved.push(await screenshot(page, `${4 + 2 * i}-${retelling.title}.png`));
    if ((await waitForHighlights(page).catch(() => 0)) > 0) {
      const at = await passagePoint(page, 'parallax-differ').catch(() => passagePoint(page, 'parallax-agree'));
      await page.mouse.click(at.x, at.y);
      await (await TooltipProbe.of(page)).waitFor('open');
      await page.waitForTimeout(300);
      saved.push(await screenshot(page, `${5 + 2 * i}-${retelling.title}-tooltip.png`));
    }
  }

  await browser.close();
  await server.close();
  console.log(`\nNo display: ran headless. ${count} passages highlighted on ${STRAITS_TIMES.outlet}'s page.`);
  console.log(`Screenshots in ${SCREENSHOTS}/:\n${saved.map((p) => `  ${p}`).join('\n')}`);
  if (args['readme-screenshot'] === true) console.log(`README screenshot: ${join(ROOT, 'docs/screenshot.png')}`);
  return 0;
}

runScript(import.meta, 'demo', USAGE, main).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
