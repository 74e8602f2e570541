// The reader on an outside outlet's page, in a real Chromium: real articles by outlets the pack
// does not hold (tests/fixtures/outside-pages/raqqa), at their own addresses. The tooltip's chart puts
// the page's own figure first, as the passage writes it, and lets it decide the status; a passage
// of five facts opens on the one it states most fully; no figure Parallax computed stands beside
// an outlet's name as the outlet's own; the popup quotes a passage that opens with its own
// quotation mark without doubling it. A drafted pack (the Thai cave rescue, pack:build's draft)
// is added only once the reader confirms, is marked in the stories card, and no tooltip or popup
// shows its placeholder summaries.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES_DIR } from '../../src/node/paths';
import { launchBrowser, startServer, type ExtensionBrowser, type TestServer } from '../harness/browser-harness';
import {
  openPopupFor,
  passageMatching,
  passagePoint,
  TooltipProbe,
  waitForHighlights,
} from '../harness/extension-page';

const SMM_SYRIA = 'https://smmsyria.com/outside-pages/raqqa/smmsyria.html';
const MEDIA_LINE = 'https://www.themedialine.org/outside-pages/raqqa/medialine.html';
const ARAB_NEWS = 'https://www.arabnews.com/outside-pages/raqqa/arabnews.html';
const DRAFT_PACK = join(FIXTURES_DIR, 'draft-packs/thai-cave-rescue-draft.json');
const DRAFT_TITLE = 'Thai cave rescue completed, July 2018';
const THAI_PAGE = 'https://www.newsheads.in/stories/thai-cave-rescue-2018/pages/012_newsheads-ians.html';

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

async function open(url: string): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(url);
  await waitForHighlights(page);
  return page;
}

/** Opens the tooltip of the first passage whose text matches. */
async function openTooltip(page: Page, pattern: RegExp): Promise<TooltipProbe> {
  const name =
    (await passageMatching(page, 'parallax-differ', pattern)) >= 0 ? 'parallax-differ' : 'parallax-no-difference';
  const which = await passageMatching(page, name, pattern);
  if (which < 0) throw new Error(`no passage matches ${pattern}`);
  const point = await passagePoint(page, name, which);
  await page.mouse.click(point.x, point.y);
  const tooltip = await TooltipProbe.of(page);
  await tooltip.waitFor('open');
  return tooltip;
}

/** Each fact of the open tooltip: its id, status, summary, and its charts' rows (who, the words beside them, what was computed). */
function facts(tooltip: TooltipProbe) {
  return tooltip.evaluate((root) =>
    [...root.querySelectorAll('section.claim')].map((section) => ({
      id: (section as HTMLElement).dataset.claimId ?? '',
      status: section.querySelector('.status')?.textContent ?? '',
      summary: section.querySelector('.summary')?.textContent ?? '',
      charts: [...section.querySelectorAll('table.chart')].map((table) => ({
        title: table.querySelector('caption .kind')?.textContent ?? '',
        rows: [...table.querySelectorAll('tbody tr')].map((tr) => ({
          who: tr.querySelector('th')?.textContent ?? '',
          page: tr.classList.contains('page'),
          values: [...tr.querySelectorAll('.values .value')].map((v) => v.textContent ?? ''),
          computed: [...tr.querySelectorAll('.values .computed')].map((v) => v.textContent ?? ''),
        })),
      })),
      quotes: [...section.querySelectorAll('.report')].map((report) => ({
        outlet: report.querySelector('.outlet')?.textContent ?? '',
        quotes: [...report.querySelectorAll('blockquote.quote')].map((q) => q.textContent ?? ''),
      })),
    })),
  );
}

describe('on the page of an outlet outside the pack', () => {
  it('SMM Syria\'s headline: the chart opens on "This page · 4000", and the outlets differ', async () => {
    const page = await open(SMM_SYRIA);
    const tooltip = await openTooltip(page, /4000 ISIS members/);
    const shown = (await facts(tooltip))!;
    const first = shown[0]!;
    expect(first.status).toMatch(/^Outlets differ on the figures/);
    const chart = first.charts[0]!;
    expect(chart.title).toBe('People');
    expect(chart.rows[0]).toMatchObject({ who: 'This page', page: true, values: ['4000'], computed: [] });
    // Every fact of the headline that counts people shows the page's own 4000 first.
    for (const fact of shown)
      for (const c of fact.charts.filter((c) => c.title === 'People')) expect(c.rows[0]!.values).toEqual(['4000']);
    await page.close();
  });

  it("The Media Line's sentence of five facts opens on the people count, with the page's own words", async () => {
    const page = await open(MEDIA_LINE);
    const tooltip = await openTooltip(page, /about 250 terrorists/);
    const shown = (await facts(tooltip))!;
    expect(shown.length).toBeGreaterThanOrEqual(5);
    expect(shown[0]!.id).toBe('raqqa-convoy-2017/people-who-left');
    expect(shown[0]!.status).toMatch(/^Outlets differ/);
    const people = shown[0]!.charts.find((c) => c.title === 'People')!;
    expect(people.rows[0]).toMatchObject({
      who: 'This page',
      values: ['about 250 terrorists, 3,500 family members'],
      computed: ['sum of its figures: about 3,750'],
    });
    // The facts with nothing to compare come after those the outlets differ on, stated as well.
    expect(shown.findIndex((f) => f.id.endsWith('/western-officer-present'))).toBeGreaterThan(1);
    await page.close();
  });

  it("puts no computed figure beside an outlet's name: each value is words from that outlet's quotes, the sums and ranges apart", async () => {
    const page = await open(MEDIA_LINE);
    const tooltip = await openTooltip(page, /about 250 terrorists/);
    const shown = (await facts(tooltip))!;
    let checked = 0;
    for (const fact of shown) {
      for (const chart of fact.charts) {
        for (const row of chart.rows.filter((r) => !r.page)) {
          const quotes = fact.quotes.filter((q) => q.outlet === row.who).flatMap((q) => q.quotes);
          for (const value of row.values) {
            for (const part of value.split(', ')) {
              expect(
                quotes.some((q) => q.includes(part)),
                `${row.who}: "${part}" in its quotes`,
              ).toBe(true);
              checked += 1;
            }
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(10);
    const computed = shown.flatMap((f) => f.charts.flatMap((c) => c.rows.flatMap((r) => r.computed)));
    expect(computed).toContain('sum of its figures: about 4,250');
    expect(computed.every((c) => /^(?:sum of its figures|range read from|read as)\b/.test(c))).toBe(true);
    await page.close();
  });

  it('the popup quotes a passage that opens with its own quotation mark without a second one', async () => {
    const page = await open(ARAB_NEWS);
    const popup = await openPopupFor(browser, page);
    await popup.locator('#passages button').first().waitFor();
    const snippets = await popup.locator('#passages .snippet').allInnerTexts();
    expect(snippets.length).toBeGreaterThan(3);
    expect(snippets.some((s) => /^“We took around 4,000 people including women and children/.test(s))).toBe(true);
    for (const snippet of snippets) expect(snippet).not.toMatch(/^["“”'‘’]{2}|["“”'‘’]{2}$/);
    await popup.close();
    await page.close();
  });
});

describe('a draft story pack', () => {
  let options: Page;

  beforeAll(async () => {
    options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await options.locator('.packs > li').first().waitFor();
  });

  it('is added only once the reader confirms, having been told it is a draft', async () => {
    await options.locator('#pack-file').setInputFiles(DRAFT_PACK);
    const question = options.locator('#pack-confirm-text');
    await question.waitFor();
    expect(await question.innerText()).toMatch(
      new RegExp(`^“${DRAFT_TITLE}” is a draft\\. A program drafted it .* Add it anyway\\?$`),
    );
    expect(await options.evaluate(() => chrome.storage.local.get(null))).toEqual({});
    await options.getByRole('button', { name: 'Add the draft' }).click();
    await expect
      .poll(() => options.locator('#pack-result').innerText())
      .toMatch(new RegExp(`^Added “${DRAFT_TITLE}”, a draft: `));
  });

  it('the stories card describes every story, the draft marked as one', async () => {
    const rows = options.locator('.packs > li');
    await expect.poll(() => rows.count()).toBe(2);
    expect(await rows.nth(0).locator('.pack-details').innerText()).toBe(
      '12 Oct 2017 · 31 facts from 5 outlets (they differ on 7) · version 1.1.1 · comes with Parallax',
    );
    expect(await rows.nth(0).locator('.pack-mark').count()).toBe(0);
    expect(await rows.nth(1).locator('.pack-title').innerText()).toBe(DRAFT_TITLE);
    expect(await rows.nth(1).locator('.pack-mark').innerText()).toBe('Draft: no person has reviewed it');
    expect(await rows.nth(1).locator('.pack-details').innerText()).toMatch(
      /^23 Jun 2018 · 8 facts from 5 outlets \(they differ on \d\) · version 0\.1\.0 · added by you$/,
    );
    // The switch is read with the mark.
    const described = await options.getByRole('switch', { name: DRAFT_TITLE }).getAttribute('aria-describedby');
    expect(
      await options.evaluate(
        (ids) =>
          ids!
            .split(' ')
            .map((id) => document.getElementById(id)?.textContent)
            .join(' | '),
        described,
      ),
    ).toMatch(/^Draft: no person has reviewed it \| 23 Jun 2018/);
    expect(await options.locator('main').innerText()).not.toMatch(/Fact database|bundled with the extension/);
  });

  it("no tooltip or popup shows its placeholder summaries: an outlet's quote stands in, and the fact says it is a draft's", async () => {
    const page = await open(THAI_PAGE);
    const tooltip = await openTooltip(page, /trapped for 18 days/);
    const shown = (await facts(tooltip))!;
    expect(shown.length).toBeGreaterThan(0);
    for (const fact of shown) {
      expect(fact.summary).not.toMatch(/\[|^Draft:/);
      expect(fact.summary).toMatch(/^“.+” \(.+\)$/);
    }
    expect(await tooltip.texts('.draft')).toContain('From a draft story pack no person has reviewed yet.');
    // This page's 18 days beside the outlets' 17, as the passage writes it.
    const duration = shown.flatMap((f) => f.charts).find((c) => c.title === 'Duration')!;
    expect(duration.rows[0]).toMatchObject({ who: 'This page', values: ['18 days'] });
    const popup = await openPopupFor(browser, page);
    await popup.locator('#passages button').first().waitFor();
    const summaries = await popup.locator('#passages .summary').allInnerTexts();
    expect(summaries.length).toBeGreaterThan(0);
    for (const summary of summaries) expect(summary).not.toMatch(/\[how|\[when|^Draft:/);
    await popup.close();
    await page.close();
  });
});
