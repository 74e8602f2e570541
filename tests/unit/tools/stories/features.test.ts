// What the grouping compares of an article: names (pairs of adjacent names as one), days written
// out (with the year they are in), wording (one wire copy is most of the other), the packed vector.
import { describe, expect, it } from 'vitest';
import {
  daysOf,
  minhashOf,
  namesOf,
  packVector,
  unpackVector,
  wordingOverlap,
  cosine,
} from '../../../../src/tools/stories/features';

describe('features', () => {
  it('reads names, pairs of adjacent names, and not the days of the week', () => {
    const names = namesOf(
      'Divers reach boys in Tham Luang cave',
      'The boys were found on Monday in the Tham Luang cave in Chiang Rai, the governor Narongsak Osatanakorn said.',
    );
    expect(Object.keys(names)).toEqual(expect.arrayContaining(['tham luang', 'chiang rai', 'narongsak']));
    expect(names).not.toHaveProperty('monday');
  });

  it('reads a headline in Title Case for no names: every word is capitalised', () => {
    expect(Object.keys(namesOf('Secret Deal Let Fighters Leave The City', 'The deal was agreed in October.'))).toEqual(
      [],
    );
  });

  it('gives a day without its year the publication year, or last year when it would be months ahead', () => {
    expect(daysOf('The fire broke out on Friday, March 14, and an inquiry reports by April 2.', '2025-03-15')).toEqual([
      '2025-03-14',
      '2025-04-02',
    ]);
    expect(daysOf('The strike began on December 30.', '2025-01-04')).toEqual(['2024-12-30']);
    expect(daysOf('On 10 July 2018 the last boys came out.', null)).toEqual(['2018-07-10']);
  });

  it('tells one wire copy on two sites from two outlets reporting the same fact', () => {
    const wire =
      'A fire broke out at the Halvorsen chemical works in Lensbury on Friday night, injuring seven workers and forcing the evacuation of nearby streets, the fire service said. Around 60 firefighters fought the blaze for six hours.';
    const shortened = wire.split('. ')[0] + '.';
    const other =
      'Seven workers were hurt when fire broke out at the Halvorsen chemical plant in Lensbury late on Friday, and crews fought the flames all night.';
    expect(wordingOverlap(minhashOf(wire), minhashOf(wire))).toBe(1);
    expect(wordingOverlap(minhashOf(wire), minhashOf(shortened))).toBeGreaterThan(0.6);
    expect(wordingOverlap(minhashOf(wire), minhashOf(other))).toBeLessThan(0.1);
  });

  it('packs a unit vector into 384 bytes and back within 0.01 of its cosine', () => {
    const v = Float32Array.from({ length: 384 }, (_, i) => Math.sin(i * 1.7));
    const norm = Math.sqrt(v.reduce((s, x) => s + x * x, 0));
    const unit = v.map((x) => x / norm);
    const back = unpackVector(packVector(unit));
    expect(Buffer.from(packVector(unit), 'base64')).toHaveLength(384);
    expect(cosine(unit, back)).toBeGreaterThan(0.99);
  });
});
