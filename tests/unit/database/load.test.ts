import { describe, expect, it } from 'vitest';
import { loadDatabase } from '../../../src/core/database/load';
import { DatabaseError } from '../../../src/core/database/problems';
import { brokenDatabase, bundledDatabase } from './seed-texts';

const db = loadDatabase(bundledDatabase());

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

  it('looks up claims and articles by id', () => {
    expect(db.claimById('convoy-length')?.summary).toMatch(/convoy/);
    expect(db.claimById('no-such-claim')).toBeUndefined();
    expect(db.articleById('5pillars-2017-11-16')?.outlet).toBe('5pillars');
  });

  it('places each value in its quote and marks the ones other outlets contradict', () => {
    const vehicles = db.claimById('convoy-vehicles')!;
    expect(vehicles.status).toBe('differ');
    const watchout = vehicles.reports.find((r) => r.outletRecord.id === 'watchout-news')!;
    const buses = watchout.values.find((v) => v.quantity.kind === 'buses')!;
    expect(watchout.quote.slice(buses.start, buses.end)).toBe('a dozen buses');
    expect(buses.differs).toBe(true);
    expect(watchout.values.find((v) => v.quantity.kind === 'trucks')?.differs).toBe(false);
  });

  it('computes agree and differ from the values the outlets state', () => {
    expect(db.claimById('convoy-length')?.status).toBe('agree');
    expect(db.claimById('people-who-left')?.status).toBe('differ');
    expect(db.claimById('weapons-trucks')?.status).toBe('differ');
    expect(db.claimById('sdf-said-few-left')?.status).toBe('differ');
    expect(db.claimById('departure-date')?.status).toBe('agree');
  });

  it('throws a DatabaseError listing every problem, placed by claim, report and field', () => {
    expect(() => loadDatabase(brokenDatabase('unreadable-value'))).toThrow(DatabaseError);
    expect(() => loadDatabase(brokenDatabase('unreadable-value'))).toThrow(
      'claim "convoy-length", report 0 (article straits-times-2017-11-15), quantities[0].text: cannot read a value from "convoy carrying"',
    );
    expect(() => loadDatabase({ version: '1' })).toThrow(/version: must be a semantic version/);
    expect(() => loadDatabase(null)).toThrow(DatabaseError);
  });
});
