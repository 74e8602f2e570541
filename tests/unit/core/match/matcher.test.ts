import { describe, expect, it } from 'vitest';
import { readDatabase, readSeedTexts } from '../../../../src/node/data';
import { raqqa } from '../database/seed-texts';
import type { Database } from '../../../../src/core/database/combine';
import { buildIndex } from '../../../../src/core/match/index-builder';
import { createMatcher } from '../../../../src/core/match/matcher';
import { sourceBlocks } from '../../../../src/tools/eval/labels';

const db: Database = readDatabase();
const matcher = createMatcher(db, JSON.parse(JSON.stringify(buildIndex(db))));

// A retelling by an outlet that is not in the database, in its own words (written for this test).
const retelling = [
  'Secret pact let Islamic State fighters leave Raqqa',
  'Under a deal worked out by local officials, some 250 IS fighters and about 3,500 members of their families left Raqqa in October before the city fell.',
  'Drivers said the convoy stretched six or seven kilometers and was made up of nearly 50 lorries, 13 buses and over 100 of the militants\u2019 own vehicles.',
  'Ten of the trucks were loaded with weapons and ammunition, they said.',
  'The US-led coalition now admits the deal took place.',
];

const claimsOf = (page: ReturnType<typeof matcher.matchPage>): string[] =>
  page.matches.flatMap((m) => m.claims.map((c) => c.claimId));

describe('matcher on a page the database has never seen', () => {
  const page = matcher.matchPage({ url: 'https://unknown-outlet.example/raqqa', blocks: retelling });

  it('passes the story gate and finds paraphrased claims', () => {
    expect(page.onStory).toBe(true);
    expect(page.outletId).toBeNull();
    expect(claimsOf(page)).toEqual(
      expect.arrayContaining(
        ['convoy-length', 'convoy-vehicles', 'weapons-trucks', 'coalition-admits-deal'].map(raqqa),
      ),
    );
  });

  it('reports offsets into the original block text, and only matches found by words', () => {
    for (const m of page.matches) {
      expect(retelling[m.block]!.slice(m.start, m.end)).toBe(m.text);
      expect(m.kind).toBe('words');
      for (const c of m.claims) expect(c.score).toBeGreaterThan(0);
    }
  });

  it('gives one sentence several claims when it states several facts', () => {
    const convoy = page.matches.find((m) => m.block === 2)!;
    expect(convoy.claims.map((c) => c.claimId)).toEqual(
      expect.arrayContaining([raqqa('convoy-length'), raqqa('convoy-vehicles')]),
    );
  });

  it('gives the same answer when blocks are scored one by one and then decided', () => {
    const scored = retelling.map((b) => matcher.scoreBlock(b));
    expect(matcher.decide({ url: 'https://unknown-outlet.example/raqqa', blocks: scored })).toEqual(page);
  });
});

describe('story gate', () => {
  it('keeps a page about something else clean even when sentences share words with claims', () => {
    const page = matcher.matchPage({
      url: 'https://news.example/bridge',
      blocks: [
        'The bridge reopened after four months of repairs, local officials said.',
        'A convoy of almost 50 trucks and 13 buses crossed first, followed by more than 100 cars.',
        'The queue stretched six to seven kilometres, and around 4,000 people watched.',
        'Ten trucks were loaded with asphalt.',
      ],
    });
    expect(page.onStory).toBe(false);
    expect(page.matches).toEqual([]);
  });

  it('keeps the same place and actors in another event clean', () => {
    const page = matcher.matchPage({
      url: 'https://news.example/tabqa',
      blocks: [
        'In May, the Kurdish-led Syrian Democratic Forces let ISIS fighters leave Tabqa under a deal.',
        'The militants dismantled mines at the Tabqa dam in exchange for safe passage, the SDF said.',
        'The US-led coalition said the fighters were later targeted near Raqqa.',
      ],
    });
    expect(page.matches).toEqual([]);
  });
});

describe('on a source article of the database', () => {
  const article = db.articles.find((a) => a.outlet === 'straits-times')!;
  const text = readSeedTexts().get(article.source)!;
  const blocks = text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  const page = matcher.matchPage({ url: article.url, blocks });

  it('anchors the outlet\u2019s reports at their exact place', () => {
    expect(page.outletId).toBe('straits-times');
    const anchored = page.matches.filter((m) => m.kind === 'anchored');
    expect(anchored.length).toBeGreaterThan(5);
    for (const m of anchored) expect(blocks[m.block]!.slice(m.start, m.end)).toBe(m.text);
    const quote = db.claims
      .find((c) => c.id === raqqa('weapons-trucks'))!
      .reports.find((r) => r.article === article.id)!.quote;
    expect(anchored.some((m) => m.text === quote && m.claims.some((c) => c.claimId === raqqa('weapons-trucks')))).toBe(
      true,
    );
  });

  it('never offers a claim only this outlet reports', () => {
    const reportedByOthers = (id: string): boolean =>
      db.claims
        .find((c) => c.id === id)!
        .reports.some((r) => db.articles.find((a) => a.id === r.article)!.outlet !== 'straits-times');
    for (const id of claimsOf(page)) expect(reportedByOthers(id)).toBe(true);
  });
});

describe('serialized index', () => {
  it('refuses an index built for other packs', () => {
    const index = buildIndex({ ...db, claims: db.claims.slice(1) });
    expect(() => createMatcher(db, index)).toThrow(/built for other claim packs/);
  });

  it('refuses an index of another format with a clear error', () => {
    const index = { ...buildIndex(db), format: 1 } as unknown as ReturnType<typeof buildIndex>;
    expect(() => createMatcher(db, index)).toThrow(/format 1.*npm run build:index/);
  });

  it('handles empty and garbage blocks', () => {
    const page = matcher.matchPage({ url: 'not a url', blocks: ['', '\u0000\uFFFD\uFFFD', '.'.repeat(10_000)] });
    expect(page.matches).toEqual([]);
  });
});

describe('several packs matched together', () => {
  const ferryDir = 'tests/fixtures/stories/northern-lark-ferry-fire-2025';
  const both: Database = readDatabase([`${ferryDir}/pack.json`]);
  const together = createMatcher(both, buildIndex(both));
  const storyOf = (page: ReturnType<typeof together.matchPage>) =>
    new Set(claimsOf(page).map((id) => id.split('/')[0]));

  it("keeps each page to its own story: the ferry story's page gets its claims only, a Raqqa page Raqqa's", () => {
    const ferry = sourceBlocks(`${ferryDir}/pages/coastline-today.html`);
    const ferryPage = together.matchPage({ url: ferry.url ?? '', blocks: ferry.blocks });
    expect(ferryPage.matches.length).toBeGreaterThan(5);
    expect(storyOf(ferryPage)).toEqual(new Set(['northern-lark-ferry-fire-2025']));
    const raqqaPage = together.matchPage({ url: 'https://unknown-outlet.example/raqqa', blocks: retelling });
    expect(storyOf(raqqaPage)).toEqual(new Set(['raqqa-convoy-2017']));
  });

  it('finds on the Raqqa page what the Raqqa pack alone finds', () => {
    const alone = matcher.matchPage({ url: 'https://unknown-outlet.example/raqqa', blocks: retelling });
    expect(together.matchPage({ url: 'https://unknown-outlet.example/raqqa', blocks: retelling })).toEqual(alone);
  });
});
