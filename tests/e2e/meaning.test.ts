// Matching by meaning in a real Chromium with the built extension. The sentence encoder runs in
// the service worker from the extension's own files, under a CSP that allows WebAssembly and
// nothing more, computes the same vectors as the Node tools, loads only when a page names a known
// story, and highlights what words alone miss: on the retelling page, "Their purpose, those
// involved say, was to stop the killing…" states that the deal was meant to spare lives, though it
// shares too few words with any outlet's version to be found by words (annotate.test.ts checks
// that words alone do not find it).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  EXTENSION_PATH,
  launchBrowser,
  startServer,
  type ExtensionBrowser,
  type TestServer,
} from '../harness/browser-harness';
import { TooltipProbe, waitForFirstScan } from '../harness/extension-page';
import { loadEncoder } from '../../src/node/model/load-encoder';
import { cosine } from '../../src/core/meaning/pooling';
import type { MeaningProbe } from '../../src/extension/meaning/probe';

const RETELLING = 'https://www.meridian-daily.test/pages/retelling-meridian-daily.html';
const UNRELATED = 'https://news.example/pages/unrelated-news.html';
// A real short article (four paragraphs) by an outlet outside the pack, in its own words: the
// story gate used to leave it blank (issue 19).
const SHORT_OUTSIDE = 'https://news.unclesamsmisguidedchildren.com/outside-pages/raqqa/milblog.html';
const CONVOY_FIGURES = 'The 47 truck, 13 bus convoy (plus ISIS vehicles) loaded up at the City hospital';
const CONVOY_VEHICLES = 'How many trucks, buses and other vehicles made up the convoy.';
const BY_MEANING_ONLY = 'Their purpose, those involved say, was to stop the killing';
const SPARE_LIVES = 'The deal was meant to spare the lives of the forces attacking Raqqa and end the fighting.';

const SENTENCES = [
  'The fighters were allowed to leave Raqqa with their families.',
  'A deal let the militants and their relatives depart the city.',
  'The club signed a new striker before the transfer window closed.',
];

// Chromium's own plumbing talks through the proxy whatever the extension does (as in quiet.test.ts).
const BROWSER_HOSTS = ['update.googleapis.com', 'accounts.google.com', 'clients2.google.com'];
const notBrowserPlumbing = (url: string): boolean => !BROWSER_HOSTS.includes(new URL(url).hostname);

let server: TestServer;
let browser: ExtensionBrowser;
const workerProblems: string[] = [];
const requested: string[] = [];

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser({ proxyPort: server.port, testHooks: true });
  browser.serviceWorker.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') workerProblems.push(m.text());
  });
  browser.context.on('request', (r) => requested.push(r.url()));
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

function probe<T>(script: (p: MeaningProbe, texts: string[]) => Promise<T> | T, texts: string[] = []): Promise<T> {
  return browser.serviceWorker.evaluate(
    ([source, texts]) => {
      const p = (globalThis as unknown as { parallaxMeaning: MeaningProbe }).parallaxMeaning;
      return (
        new Function('p', 'texts', `return (${source})(p, texts)`) as (p: MeaningProbe, t: string[]) => Promise<unknown>
      )(p, texts);
    },
    [script.toString(), texts] as const,
  ) as Promise<T>;
}

/** The texts of the ranges drawn now, agree and differ. */
function drawnTexts(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    ['parallax-no-difference', 'parallax-differ'].flatMap((name) =>
      [...(CSS.highlights.get(name) ?? [])].map((r) => (r as Range).toString()),
    ),
  );
}

describe('matching by meaning in the browser', () => {
  it('allows WebAssembly and nothing more in the manifest', () => {
    const manifest = JSON.parse(readFileSync(join(EXTENSION_PATH, 'manifest.json'), 'utf8')) as {
      content_security_policy?: { extension_pages?: string };
    };
    expect(manifest.content_security_policy?.extension_pages).toBe(
      "script-src 'self' 'wasm-unsafe-eval'; object-src 'self';",
    );
  });

  it('runs no model for a page about nothing the database knows', async () => {
    const page = await browser.context.newPage();
    await page.goto(UNRELATED);
    await waitForFirstScan(page);
    await page.waitForTimeout(500);
    expect((await probe((p) => p.stats())).state).toBe('idle');
    expect(await page.evaluate(() => performance.getEntriesByName('parallax:meaning-wait').length)).toBe(0);
    await page.close();
  });

  it('highlights a paraphrase found by meaning, after the words’ highlights, which stay where they are', async () => {
    const before = server.requests.length;
    const page = await browser.context.newPage();
    await page.goto(RETELLING);
    await waitForFirstScan(page);
    const byWords = await drawnTexts(page);
    expect(byWords.length).toBeGreaterThanOrEqual(3);
    // The model loads on this first page that names the story (cold: seconds on a busy machine).
    await page.waitForFunction(() => performance.getEntriesByName('parallax:meaning-drawn').length > 0, undefined, {
      timeout: 60_000,
    });
    const withMeaning = await drawnTexts(page);
    for (const text of byWords) expect(withMeaning).toContain(text);
    const passage = withMeaning.find((t) => t.startsWith(BY_MEANING_ONLY));
    expect(passage, 'the paraphrase is highlighted').toBeDefined();

    // Its tooltip offers the fact meaning found, with the other outlets' versions.
    const point = await page.evaluate((start) => {
      const range = ['parallax-no-difference', 'parallax-differ']
        .flatMap((name) => [...(CSS.highlights.get(name) ?? [])] as Range[])
        .find((r) => r.toString().startsWith(start))!;
      range.startContainer.parentElement!.scrollIntoView({ block: 'center' });
      const rect = range.getClientRects()[0]!;
      return { x: rect.left + Math.min(20, rect.width / 2), y: rect.top + rect.height / 2 };
    }, BY_MEANING_ONLY);
    await page.mouse.click(point.x, point.y);
    const tooltip = await TooltipProbe.of(page);
    await tooltip.waitFor('open');
    expect(await tooltip.texts('.summary')).toContain(SPARE_LIVES);
    expect((await tooltip.texts('.outlet')).length).toBeGreaterThan(0);

    const stats = await probe((p) => p.stats());
    expect(stats.state).toBe('ready');
    expect(stats.embedded).toBeGreaterThan(0);
    console.log(
      `[meaning] model loaded in the service worker in ${stats.loadMs?.toFixed(0)} ms; ${stats.embedded} sentences embedded in ${stats.embedMs.toFixed(0)} ms`,
    );
    // Everything from the extension's own files: nothing was asked of any host but the pages' own.
    const pageHosts = [RETELLING, UNRELATED].map((u) => new URL(u).hostname);
    const elsewhere = (u: string): boolean => notBrowserPlumbing(u) && !pageHosts.includes(new URL(u).hostname);
    expect(server.requests.slice(before).filter(elsewhere)).toEqual([]);
    expect(requested.filter((u) => !u.startsWith('chrome-extension://')).filter(elsewhere)).toEqual([]);
    expect(workerProblems).toEqual([]);
    await page.close();
  });

  it('highlights a short article by an outlet outside the pack, and its tooltip gives the other outlets’ versions', async () => {
    const page = await browser.context.newPage();
    await page.goto(SHORT_OUTSIDE);
    await waitForFirstScan(page);
    await page
      .waitForFunction(() => performance.getEntriesByName('parallax:meaning-drawn').length > 0, undefined, {
        timeout: 60_000,
      })
      .catch(() => undefined);
    const drawn = await drawnTexts(page);
    expect(drawn.length).toBeGreaterThanOrEqual(3);
    expect(drawn.some((t) => t.startsWith(CONVOY_FIGURES))).toBe(true);
    const point = await page.evaluate((start) => {
      const range = ['parallax-agree', 'parallax-differ']
        .flatMap((name) => [...(CSS.highlights.get(name) ?? [])] as Range[])
        .find((r) => r.toString().startsWith(start))!;
      range.startContainer.parentElement!.scrollIntoView({ block: 'center' });
      const rect = range.getClientRects()[0]!;
      return { x: rect.left + Math.min(20, rect.width / 2), y: rect.top + rect.height / 2 };
    }, CONVOY_FIGURES);
    await page.mouse.click(point.x, point.y);
    const tooltip = await TooltipProbe.of(page);
    await tooltip.waitFor('open');
    expect(await tooltip.texts('.summary')).toContain(CONVOY_VEHICLES);
    // Other outlets' figures ("almost 50 trucks, 13 buses"), none from this outlet.
    const outlets = await tooltip.texts('.outlet');
    expect(outlets.length).toBeGreaterThan(1);
    expect(outlets.join(' ')).not.toMatch(/Misguided/);
    await page.close();
  });

  it('computes the same vectors in the service worker as in Node', async () => {
    const { vectors } = await probe((p, texts) => p.embed(texts), SENTENCES);
    const [allowedToLeave, dealLetDepart, football] = vectors.map((v) => Float32Array.from(v));
    expect(cosine(allowedToLeave!, dealLetDepart!)).toBeGreaterThan(cosine(allowedToLeave!, football!) + 0.1);
    const { encoder } = await loadEncoder();
    const inNode = await encoder.embed(SENTENCES);
    inNode.forEach((v, i) => expect(cosine(v, Float32Array.from(vectors[i]!))).toBeGreaterThan(0.9999));
  });
});
