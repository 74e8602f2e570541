import { describe, expect, it } from 'vitest';
import type { QuantityKind } from '../../../src/core/quantities/kinds';
import { compareReports } from '../../../src/core/quantities/compare';
import { readValue } from '../../../src/core/quantities/read-value';

function report(label: string, ...values: Array<[QuantityKind, string]>) {
  return { label, values: values.map(([kind, words]) => readValue(words, kind, { storyDate: '2017-10-12' })) };
}

describe('compareReports', () => {
  it('a "four-mile" convoy agrees with one "6 to 7 km long"', () => {
    const result = compareReports([report('5Pillars', ['convoy-length', 'four-mile']), report('Straits Times', ['convoy-length', '6km to 7km long'])]);
    expect(result.status).toBe('agree');
    expect(result.reasons[0]).toContain('4 mi (6.4 km)');
    expect(result.reasons[0]).toContain('6–7 km');
    expect(result.differs).toEqual([[false], [false]]);
  });

  it('a ten-mile convoy differs from one 6 to 7 km long', () => {
    const result = compareReports([report('A', ['convoy-length', 'ten-mile']), report('B', ['convoy-length', 'six to seven kilometres'])]);
    expect(result.status).toBe('differ');
  });

  it('"a dozen buses" differs from "13 buses", and only the buses are marked', () => {
    const result = compareReports([
      report('Watchout News', ['trucks', 'almost 50 of their trucks'], ['buses', 'a dozen buses']),
      report('News Nation', ['trucks', 'almost 50 trucks'], ['buses', '13 buses']),
    ]);
    expect(result.status).toBe('differ');
    expect(result.differs).toEqual([[false, true], [false, true]]);
    const buses = result.kinds.find((k) => k.kind === 'buses');
    expect(buses?.reason).toBe('buses: 12 (Watchout News) vs 13 (News Nation): differ');
    expect(result.kinds.find((k) => k.kind === 'trucks')?.status).toBe('agree');
  });

  it('sets "almost 4,000 militants and their families" beside "250 fighters and 3,500 family members"', () => {
    const result = compareReports([
      report('5Pillars', ['people', 'Almost 4,000']),
      report('News Nation', ['fighters', '250 fighters'], ['family-members', '3,500 family members']),
    ]);
    const people = result.kinds.find((k) => k.kind === 'people');
    expect(people?.reason).toContain('3,750 = 250 + 3,500 (News Nation)');
    expect(people?.reason).toContain('almost 4,000 (5Pillars)');
    expect(people?.status).toBe('agree');
  });

  it('marks the parts of a summed total when the total differs', () => {
    const result = compareReports([
      report('Al Bawaba', ['people', '4,000 people']),
      report('News Nation', ['fighters', '250 fighters'], ['family-members', '3,500 family members']),
    ]);
    expect(result.status).toBe('differ');
    expect(result.differs).toEqual([[true], [true, true]]);
  });

  it('marks only the disputed part of a differing total, not a part every outlet agrees on', () => {
    const result = compareReports([
      report('Watchout News', ['fighters', 'about 250 ISIS fighters'], ['family-members', 'almost 4,000 members of their families']),
      report('News Nation', ['fighters', '250 fighters'], ['family-members', '3,500 family members']),
      report('Al Bawaba', ['people', '4,000 people']),
    ]);
    expect(result.kinds.find((k) => k.kind === 'fighters')?.status).toBe('agree');
    expect(result.kinds.find((k) => k.kind === 'people')?.status).toBe('differ');
    // 250 fighters agree everywhere: only the family counts (and Al Bawaba's total) are marked.
    expect(result.differs).toEqual([[false, true], [false, true], [true]]);
  });

  it('does not sum a total from some of its parts only', () => {
    const result = compareReports([report('A', ['people', '4,000']), report('B', ['fighters', '250'])]);
    expect(result.kinds).toEqual([]);
    expect(result.status).toBe('agree');
  });

  it('"only a handful" differs from "only a few dozen"; "ten trucks" from "dozens of trucks"', () => {
    expect(compareReports([report('A', ['fighters', 'only a handful of fighters']), report('B', ['fighters', 'only a few dozen fighters'])]).status).toBe('differ');
    expect(compareReports([report('A', ['weapons-trucks', 'Ten trucks']), report('B', ['weapons-trucks', 'dozens of trucks'])]).status).toBe('differ');
  });

  it('"more than four months" agrees with "four-month"; different dates differ', () => {
    expect(compareReports([report('A', ['duration', 'More than four months']), report('B', ['duration', 'four-month'])]).status).toBe('agree');
    expect(compareReports([report('A', ['date', 'October 12']), report('B', ['date', 'October 17'])]).status).toBe('differ');
  });

  it('never compares values of different kinds, nor a report with itself', () => {
    const result = compareReports([report('A', ['trucks', '13'], ['buses', '12'])]);
    expect(result.kinds).toEqual([]);
    expect(result.status).toBe('agree');
  });
});
