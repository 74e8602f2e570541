// npm run demo: builds the extension, serves the demo news pages (the five seed articles laid out
// as news pages at their outlets' real addresses, and the retelling pages written for the demo)
// through a local proxy, and starts Chromium with Parallax loaded.
// With a display: a browser window opens on an index of the pages; close it to stop.
// Without one: headless, saving screenshots into demo-screenshots/: a highlighted seed page (and
// the same page in dark colours), the tooltip of a long and of a short claim in light and dark,
// the popup and the options page in light and dark, and the retelling pages. With
// --readme-screenshot it also refreshes the README's pictures: docs/screenshot.png (the page with
// an open tooltip), docs/popup.png and docs/options.png.
import { execSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { readArgs, runScript } from '../node/helpers/args';
import { FIXTURES_DIR, ROOT } from '../node/paths';
import { launchBrowser, startServer } from '../../tests/harness/browser-harness';
import {
  DARK_PAGE_CSS,
  openPopupFor,
  passageMatching,
  passagePoint,
  TooltipProbe,
  waitForFirstScan,
  waitForHighlights,
} from '../../tests/harness/extension-page';
import { SEED_PAGES, STRAITS_TIMES } from '../../tests/harness/seed-pages';

const SCREENSHOTS = join(ROOT, 'demo-screenshots');
const INDEX_URL = 'http://parallax.demo/';

function retellingPages(): { title: string; url: string }[] {
  return readdirSync(join(FIXTURES_DIR, 'pages'))
    .filter((f) => /^retelling.*\.html$/.test(f))
    .map((f) => ({ title: f.replace(/\.html$/, ''), url: `https://news.example/pages/${f}` }));
}

function indexHtml(retellings: { title: string; url: string }[]): string {
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const item = (title: string, url: string) =>
    `<li><a href="${esc(url)}">${esc(title)}</a> <small>${esc(url)}</small></li>`;
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

async function screenshot(page: Page | Locator, name: string): Promise<string> {
  const path = join(SCREENSHOTS, name);
  await page.screenshot({ path });
  return path;
}

/**
 * Opens the tooltip of the first passage whose text matches, with the real mouse, the passage's
 * first line `fromTop` px below the top of the window (room below for the tooltip, context above).
 */
async function openTooltip(page: Page, pattern: RegExp, fromTop: number): Promise<void> {
  let name: 'parallax-differ' | 'parallax-no-difference' = 'parallax-differ';
  let which = await passageMatching(page, name, pattern);
  if (which < 0) {
    name = 'parallax-no-difference';
    which = Math.max(0, await passageMatching(page, name, pattern));
  }
  const first = await passagePoint(page, name, which);
  await page.evaluate((dy) => window.scrollBy(0, dy), Math.round(first.y - fromTop));
  const point = await page.evaluate(
    ({ name, which }) => {
      const rect = ([...(CSS.highlights.get(name) ?? [])][which] as Range).getClientRects()[0]!;
      return { x: rect.left + Math.min(20, rect.width / 2), y: rect.top + rect.height / 2 };
    },
    { name, which },
  );
  await page.mouse.move(point.x, point.y);
  await page.mouse.click(point.x, point.y);
  await (await TooltipProbe.of(page)).waitFor('open');
  await page.waitForTimeout(400);
}

/** Light, then dark (the reader's system colour scheme), restoring light. */
async function inBothSchemes(page: Page, shoot: (scheme: 'light' | 'dark') => Promise<void>): Promise<void> {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.waitForTimeout(200);
    await shoot(scheme);
  }
  await page.emulateMedia({ colorScheme: 'light' });
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
  const readme: [from: string, to: string][] = [];
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 1280, height: 1000 });

  await page.goto(STRAITS_TIMES.url);
  const count = await waitForHighlights(page);
  await waitForFirstScan(page);
  // The caption (not highlighted: it is not the article) and the first paragraphs.
  await page.evaluate(() => document.querySelector('figure')?.scrollIntoView({ block: 'start' }));
  await page.waitForTimeout(300);
  saved.push(await screenshot(page, '1-highlighted-seed-page.png'));

  // A long claim (how many people left: every outlet's figure) and a short one (the few dozen fighters the coalition spoke of).
  await openTooltip(page, /4,000 people/, 300);
  await inBothSchemes(page, async (scheme) => {
    saved.push(await screenshot(page, `2-tooltip-long-${scheme}.png`));
  });
  readme.push([saved.at(-2)!, 'docs/screenshot.png']);
  await page.keyboard.press('Escape');
  await openTooltip(page, /only a few dozen fighters/, 200);
  await inBothSchemes(page, async (scheme) => {
    saved.push(await screenshot(page, `3-tooltip-short-${scheme}.png`));
  });
  await page.keyboard.press('Escape');

  // The highlights on a dark page, for a reader whose system is in dark mode.
  await page.addStyleTag({ content: DARK_PAGE_CSS });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.evaluate(() => document.querySelector('figure')?.scrollIntoView({ block: 'start' }));
  await page.waitForTimeout(300);
  saved.push(await screenshot(page, '4-highlighted-dark-page.png'));
  await page.emulateMedia({ colorScheme: 'light' });
  await page.reload();
  await waitForHighlights(page);
  await waitForFirstScan(page);

  // The toolbar popup for that tab, and the options page, each as large as it is drawn.
  const popup = await openPopupFor(browser, page);
  await popup.setViewportSize({ width: 420, height: 640 });
  await popup.locator('#passages button').first().waitFor();
  await inBothSchemes(popup, async (scheme) => {
    saved.push(await screenshot(popup.locator('main.popup'), `5-popup-${scheme}.png`));
  });
  readme.push([saved.at(-2)!, 'docs/popup.png']);
  await popup.close();
  const options = await browser.context.newPage();
  await options.setViewportSize({ width: 900, height: 900 });
  await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
  await options.locator('#packs .pack-details').first().waitFor();
  await inBothSchemes(options, async (scheme) => {
    saved.push(await screenshot(options.locator('main.options'), `6-options-${scheme}.png`));
  });
  readme.push([saved.at(-2)!, 'docs/options.png']);
  await options.close();

  // The README's pictures are tracked files: refresh them only when asked, so a demo run leaves git clean.
  if (args['readme-screenshot'] === true) for (const [from, to] of readme) copyFileSync(from, join(ROOT, to));

  for (const [i, retelling] of retellings.entries()) {
    await page.goto(retelling.url);
    await waitForFirstScan(page);
    await page.waitForTimeout(200);
    saved.push(await screenshot(page, `${7 + 2 * i}-${retelling.title}.png`));
    if ((await waitForHighlights(page).catch(() => 0)) > 0) {
      const at = await passagePoint(page, 'parallax-differ').catch(() => passagePoint(page, 'parallax-no-difference'));
      await page.mouse.click(at.x, at.y);
      await (await TooltipProbe.of(page)).waitFor('open');
      await page.waitForTimeout(300);
      saved.push(await screenshot(page, `${8 + 2 * i}-${retelling.title}-tooltip.png`));
    }
  }

  await browser.close();
  await server.close();
  console.log(`\nNo display: ran headless. ${count} passages highlighted on the page of ${STRAITS_TIMES.outlet}.`);
  console.log(`Screenshots in ${SCREENSHOTS}/:\n${saved.map((p) => `  ${p}`).join('\n')}`);
  if (args['readme-screenshot'] === true) console.log(`README pictures: ${readme.map(([, to]) => to).join(', ')}`);
  return 0;
}

runScript(import.meta, 'demo', USAGE, main).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
