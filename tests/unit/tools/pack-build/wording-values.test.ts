// The values in words pack:build gives a claim's reports, and the statuses that follow from them:
// one party credited agrees, two differ; a governor and a former governor differ; two translations
// of one statement differ, the same words agree; one outlet's wording alone is nothing to compare.
import { describe, expect, it } from 'vitest';
import { compareReports } from '../../../../src/core/quantities/compare';
import { attributeSentences } from '../../../../src/core/quantities/credits';
import { readValue } from '../../../../src/core/quantities/read-value';
import { namesIn } from '../../../../src/tools/pack-build/propose';
import { wordingValues } from '../../../../src/tools/pack-build/wording-values';

const ARTICLES = [
  'It was first reported by the BBC.',
  'Navy SEALs led the rescue, and the SEALs said so.',
  'The route is run by Brackwater Ferries, a company of the island.',
];
const isName = namesIn(ARTICLES);

function statusOf(quotes: string[]) {
  const reports = quotes.map((quote) => ({ quote, attribution: attributeSentences([quote])[0] ?? null }));
  const values = wordingValues(reports, isName);
  const comparison = compareReports(
    values.map((vs, i) => ({ label: `outlet ${i}`, values: vs.map((v) => readValue(v)) })),
  );
  return { values, status: comparison.status, reasons: comparison.reasons };
}

describe('wordingValues', () => {
  it('compares whom outlets credit: one party written two ways agrees, two parties differ', () => {
    const same = statusOf([
      '“All 12 are out,” the SEALs said.',
      'All 12 are out of the cave now, the Thai Navy SEALS said.',
    ]);
    expect(same.values.flat().map((v) => [v.kind, v.value])).toEqual([
      ['credit', 'the Thai Navy SEALS'],
      ['credit', 'the Thai Navy SEALS'],
    ]);
    expect(same.status).toBe('agree');
    const two = statusOf([
      'They will stay in hospital for a week, according to the BBC.',
      'They will stay in hospital for a week, the SEALs said.',
    ]);
    expect(two.status).toBe('differ');
  });

  it('does not set a party named beside one described: "Brackwater" may be "the company"', () => {
    expect(
      statusOf(['Everyone will be refunded, according to the company.', 'Everyone will be refunded, Brackwater said.'])
        .status,
    ).toBe('not-compared');
  });

  it('compares the titles outlets give one person, spelt differently', () => {
    const titles = statusOf([
      'The rescue was led by Governor Narongsak Osottanakorn, who spoke late.',
      'Narongsak Osatanaskorn, the former governor who has led the rescue, spoke late.',
    ]);
    expect(titles.values.flat().map((v) => v.value)).toEqual(['governor', 'former governor']);
    expect(titles.status).toBe('differ');
  });

  it('compares the words outlets quote for one statement', () => {
    const translations = statusOf([
      '“We are not sure if this is a miracle, a science, or what. All the thirteen Wild Boars are now out of the cave,” the SEALs wrote.',
      '“All 12 Wild Boars and coach have been extracted from the cave,” the SEALs said in a Facebook post.',
      'They announced: "All 12 Wild Boars and coach have been extracted from the cave. All are safe."',
    ]);
    const quoted = translations.values.map((vs) => vs.find((v) => v.kind === 'quotation')?.value);
    expect(quoted[1]).toBe(quoted[2]);
    expect(quoted[0]).not.toBe(quoted[1]);
    expect(translations.status).toBe('differ');
  });

  it('compares where a movement ended, and leaves a lone wording uncompared', () => {
    expect(
      statusOf(['Passengers were landed at Skelby overnight.', 'Passengers were taken back to Port Carrow overnight.'])
        .status,
    ).toBe('differ');
    expect(
      statusOf(['Passengers were landed at Skelby overnight.', 'Passengers were landed at Skelby pier.']).status,
    ).toBe('agree');
    expect(statusOf(['Passengers were landed at Skelby overnight.', 'Everyone was safe by midnight.']).status).toBe(
      'not-compared',
    );
  });
});
