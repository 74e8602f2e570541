// The bundled packs are the product: each must pass every check against the seed texts, and the
// Raqqa pack hold every fact two or more seed outlets report, with each of those outlets' versions.
import { describe, expect, it } from 'vitest';
import { bundledPackPaths, readJson as readFile } from '../../../../src/node/data';
import { checkPack } from '../../../../src/core/database/check';
import { formatProblem } from '../../../../src/core/database/problems';
import { raqqa, raqqaPack, readJson, seedTexts } from './seed-texts';

const result = checkPack(raqqaPack(), seedTexts());
const db = result.database!;

const outletsOf = (claimId: string) => new Set(db.claimById(raqqa(claimId))?.reports.map((r) => r.outletRecord.id));

describe('every bundled pack', () => {
  it.each(bundledPackPaths())('%s passes every check against the seed article texts', (path) => {
    expect(checkPack(readFile(path), seedTexts()).problems.map(formatProblem)).toEqual([]);
  });
});

describe('the Raqqa-convoy pack', () => {
  it('passes every check against the seed article texts', () => {
    expect(result.problems.map(formatProblem)).toEqual([]);
  });

  it('has one article per seed file, with the metadata of outlets.json', () => {
    const seeds = (
      readJson('assets/seeds/outlets.json') as {
        articles: Array<{ file: string; url: string; published: string; byline: string | null }>;
      }
    ).articles;
    expect(db.combined.articles).toHaveLength(seeds.length);
    for (const seed of seeds) {
      const article = db.combined.articles.find((a) => a.source === seed.file);
      expect(article).toMatchObject({ url: seed.url, published: seed.published, byline: seed.byline });
      expect(db.outletForHost(new URL(seed.url).hostname)?.id).toBe(article?.outlet);
    }
  });

  it('holds roughly 15 to 30 claims', () => {
    expect(db.claims.length).toBeGreaterThanOrEqual(15);
    expect(db.claims.length).toBeLessThanOrEqual(32);
  });

  // Facts read from the seed texts, each with the outlets that report it.
  it.each([
    ['people-who-left', ['news-nation', 'al-bawaba', 'watchout-news', '5pillars', 'straits-times']],
    ['convoy-length', ['news-nation', 'al-bawaba', '5pillars', 'straits-times']],
    ['convoy-vehicles', ['news-nation', 'watchout-news', '5pillars', 'straits-times']],
    ['weapons-trucks', ['news-nation', 'watchout-news', 'straits-times']],
    ['dillon-strategy-quote', ['news-nation', 'al-bawaba', 'watchout-news', 'straits-times']],
    ['four-foreign-fighters-claim', ['news-nation', 'watchout-news']],
    ['departure-date', ['news-nation', 'watchout-news', '5pillars']],
    ['battle-duration', ['news-nation', 'al-bawaba', 'watchout-news', 'straits-times']],
    ['sdf-said-few-left', ['news-nation', 'watchout-news', 'straits-times']],
    ['french-attacks-vow', ['al-bawaba', 'watchout-news']],
  ])('%s carries the versions of every outlet that reports it', (claimId, outlets) => {
    const found = outletsOf(claimId);
    for (const outlet of outlets) expect(found, `${claimId} lacks ${outlet}`).toContain(outlet);
  });

  it("keeps every summary free of any outlet's figures", () => {
    for (const claim of db.claims) expect(claim.summary, claim.id).not.toMatch(/\d/);
  });

  it('credits who each outlet credits, where it says', () => {
    const dillon = db.claimById(raqqa('four-foreign-fighters-claim'))!;
    for (const report of dillon.reports) expect(report.attribution).toMatch(/Dillon/);
  });

  it('records the contradictions the seed texts state in words as values, so they show as differ', () => {
    const reasons = (id: string) => db.claimById(raqqa(id))!.reasons.join('\n');
    expect(db.claimById(raqqa('coalition-admits-deal'))?.status).toBe('differ');
    expect(reasons('coalition-admits-deal')).toBe(
      'stance (coalition): News Nation, Watchout News and The Straits Times say admitted the deal; 5Pillars says had not commented: differ',
    );
    expect(db.claimById(raqqa('convoy-destination'))?.status).toBe('differ');
    expect(reasons('convoy-destination')).toContain(
      'Al Bawaba says east, towards Iraq; 5Pillars says north, towards Turkey',
    );
    expect(reasons('sdf-said-few-left')).toContain(
      'credited to: News Nation and Watchout News say the SDF; The Straits Times says the coalition: differ',
    );
  });

  it('keeps its story names in its own lexicon', () => {
    expect(db.combined.packs[0]!.lexicon.names.flat()).toEqual(
      expect.arrayContaining(['ISIS', 'ISIL', 'IS', 'Daesh', 'Islamic State']),
    );
  });
});
