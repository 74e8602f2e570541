import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchBrowser, startServer } from './lib/browser-harness';
const server = await startServer();
const b = await launchBrowser({ proxyPort: server.port });
const ferryPath = 'tests/fixtures/stories/northern-lark-ferry-fire-2025/pack.json';
const dir = mkdtempSync(join(tmpdir(), 'shots-'));
const bad = JSON.parse(readFileSync(ferryPath, 'utf8'));
bad.claims[5].reports[1].values[0].text = 'a time nobody wrote';
bad.claims[9].reports[0].values[0].text = 'a hundred lifeboats';
delete bad.claims[3].reports[2].quote;
writeFileSync(join(dir, 'ferry-with-mistakes.json'), JSON.stringify(bad));
const bad2 = JSON.parse(readFileSync(ferryPath, 'utf8'));
bad2.claims[5].reports[1].values[0].text = 'a time nobody wrote';
bad2.claims[9].reports[0].values[0].text = 'a hundred lifeboats';
writeFileSync(join(dir, 'ferry-with-mistakes2.json'), JSON.stringify(bad2));
const older = JSON.parse(readFileSync(ferryPath, 'utf8')); older.version = '0.0.9';
writeFileSync(join(dir, 'ferry-older.json'), JSON.stringify(older));
const page = await b.context.newPage();
await page.setViewportSize({ width: 900, height: 1100 });
await page.goto(`chrome-extension://${b.extensionId}/options.html`);
await page.waitForSelector('.packs li');
for (const scheme of ['light', 'dark'] as const) {
  await page.emulateMedia({ colorScheme: scheme });
  await page.screenshot({ path: `demo-screenshots/options-stories-empty-${scheme}.png`, fullPage: true });
}
await page.emulateMedia({ colorScheme: 'light' });
await page.locator('#pack-file').setInputFiles(join(dir, 'ferry-with-mistakes2.json'));
await page.waitForSelector('.pack-problems');
for (const scheme of ['light', 'dark'] as const) {
  await page.emulateMedia({ colorScheme: scheme });
  await page.screenshot({ path: `demo-screenshots/options-stories-refused-${scheme}.png`, fullPage: true });
}
await page.locator('#pack-file').setInputFiles(ferryPath);
await page.waitForSelector('.packs li:nth-child(2)');
await page.waitForTimeout(300);
await page.getByRole('switch', { name: 'The Raqqa convoy deal, October 2017' }).click();
await page.waitForTimeout(300);
for (const scheme of ['light', 'dark'] as const) {
  await page.emulateMedia({ colorScheme: scheme });
  await page.screenshot({ path: `demo-screenshots/options-stories-added-${scheme}.png`, fullPage: true });
}
await page.locator('#pack-file').setInputFiles(join(dir, 'ferry-older.json'));
await page.waitForSelector('.pack-confirm:not([hidden])');
for (const scheme of ['light', 'dark'] as const) {
  await page.emulateMedia({ colorScheme: scheme });
  await page.screenshot({ path: `demo-screenshots/options-stories-confirm-${scheme}.png`, fullPage: true });
}
await b.close(); await server.close();
