import { describe, expect, it } from 'vitest';
import { loadDatabase, readPack } from '../../../../src/core/database/load';
import { PackError } from '../../../../src/core/database/problems';
import { brokenPack, raqqa, raqqaPack } from './seed-texts';

const db = loadDatabase([raqqaPack()]);

describe('loadDatabase', () => {
  it('maps a page host to its outlet, with www. and other subdomains', () => {
    expect(db.outletForHost('www.straitstimes.com')?.id).toBe('straits-times');
    expect(db.outletForHost('straitstimes.com')?.id).toBe('straits-times');
    expect(db.outletForHost('english.newsnationtv.com')?.id).toBe('news-nation');
    expect(db.outletForHost('WWW.ALBAWABA.COM.')?.id).toBe('al-bawaba');
    expect(db.outletForHost('notstraitstimes.com')).toBeNull();
    expect(db.outletForHost('straitstimes.com.evil.example')).toBeNull();
    expect(db.outletForHost('localhost')).toBeNull();
  });

  it('looks up claims and articles by their pack and id', () => {
    expect(db.claimById(raqqa('convoy-length'))?.summary).toMatch(/convoy/);
    expect(db.claimById(raqqa('convoy-length'))?.localId).toBe('convoy-length');
    expect(db.claimById('convoy-length')).toBeUndefined();
    expect(db.claimById(raqqa('no-such-claim'))).toBeUndefined();
    expect(db.articleById(raqqa('5pillars-2017-11-16'))?.outlet).toBe('5pillars');
  });

  it('places each value in its quote and marks the ones other outlets contradict', () => {
    const vehicles = db.claimById(raqqa('convoy-vehicles'))!;
    expect(vehicles.status).toBe('differ');
    const watchout = vehicles.reports.find((r) => r.outletRecord.id === 'watchout-news')!;
    const buses = watchout.values.find((v) => v.spec.kind === 'count' && v.spec.of === 'buses')!;
    expect(watchout.quote.slice(buses.start, buses.end)).toBe('a dozen buses');
    expect(buses.differs).toBe(true);
    expect(watchout.values.find((v) => v.spec.kind === 'count' && v.spec.of === 'trucks')?.differs).toBe(false);
  });

  it('computes agree, differ and nothing to compare from the values the outlets state', () => {
    expect(db.claimById(raqqa('convoy-length'))?.status).toBe('agree');
    expect(db.claimById(raqqa('people-who-left'))?.status).toBe('differ');
    expect(db.claimById(raqqa('weapons-trucks'))?.status).toBe('differ');
    expect(db.claimById(raqqa('sdf-said-few-left'))?.status).toBe('differ');
    expect(db.claimById(raqqa('departure-date'))?.status).toBe('agree');
    // Reported by four outlets, with no value two of them share: not agreement.
    expect(db.claimById(raqqa('dillon-strategy-quote'))?.status).toBe('not-compared');
  });

  it('throws a PackError listing every problem, placed by claim, report and field', () => {
    expect(() => loadDatabase([brokenPack('unreadable-value')])).toThrow(PackError);
    expect(() => loadDatabase([brokenPack('unreadable-value')])).toThrow(
      'claim "convoy-length", report 0 (article straits-times-2017-11-15), values[0].text: cannot read a value from "convoy carrying"',
    );
    expect(() => readPack({ format: 'parallax-pack', version: '1' })).toThrow(/version: must be a semantic version/);
    expect(() => readPack(null)).toThrow(PackError);
  });

  it('joins several packs: claims keep their pack, an installed pack is marked so, ids may repeat across packs', () => {
    const other = structuredClone(brokenPack('valid-minimal')) as { id: string };
    other.id = 'another-story';
    const both = loadDatabase([raqqaPack()], [other]);
    expect(both.combined.packs.map((s) => [s.id, s.origin])).toEqual([
      ['raqqa-convoy-2017', 'bundled'],
      ['another-story', 'installed'],
    ]);
    expect(both.claimById(raqqa('convoy-length'))?.pack).toBe('raqqa-convoy-2017');
    expect(both.claimById('another-story/convoy-length')?.pack).toBe('another-story');
    // The Straits Times is one outlet, whichever pack names it.
    expect(new Set(both.combined.articles.filter((a) => a.url.includes('straitstimes')).map((a) => a.outlet))).toEqual(
      new Set(['straits-times']),
    );
    expect(() => loadDatabase([raqqaPack(), raqqaPack()])).toThrow('two packs have the id "raqqa-convoy-2017"');
  });
});
