import { describe, expect, it } from 'vitest';
import { checkPack } from '../../../../src/core/database/check';
import { formatProblem } from '../../../../src/core/database/problems';
import { brokenPack, seedTexts } from './seed-texts';

const texts = seedTexts();
const messages = (name: string) => checkPack(brokenPack(name), texts).problems.map(formatProblem);

describe('checkPack on deliberately broken files', () => {
  it('passes the valid file the broken ones are made from', () => {
    const result = checkPack(brokenPack('valid-minimal'), texts);
    expect(result.problems).toEqual([]);
    expect(result.database?.claims.map((c) => c.localId)).toEqual(['convoy-length', 'weapons-trucks']);
  });

  it.each([
    [
      'schema-unknown-kind',
      'claim "weapons-trucks", report 0 (article straits-times-2017-11-15), values[0].kind: unknown kind "lorries": it must be one of "count", "distance"',
    ],
    ['schema-missing-quote', 'claim "convoy-length", report 0 (article straits-times-2017-11-15), quote: missing'],
    [
      'quote-not-verbatim',
      'claim "convoy-length", report 0 (article straits-times-2017-11-15), quote: not found verbatim in the article text',
    ],
    [
      'quote-straight-quotes',
      'claim "weapons-trucks", report 0 (article straits-times-2017-11-15), quote: not found verbatim in the article text (it differs only in quotation marks',
    ],
    [
      'prefix-mismatch',
      'claim "weapons-trucks", report 0 (article straits-times-2017-11-15), prefix: does not match the text before the quote',
    ],
    [
      'suffix-mismatch',
      'claim "convoy-length", report 0 (article straits-times-2017-11-15), suffix: does not match the text after the quote: the pack has ", with nearly 50 trucks", the article has ", with almost 50 trucks"',
    ],
    ['duplicate-claim-id', 'claim "convoy-length", id: id "convoy-length" is used by more than one claim'],
    [
      'unreadable-value',
      'claim "convoy-length", report 0 (article straits-times-2017-11-15), values[0].text: cannot read a value from "convoy carrying": no figure found',
    ],
    [
      'value-not-in-quote',
      'claim "weapons-trucks", report 0 (article straits-times-2017-11-15), values[0].text: "Twelve trucks" is not in the quote',
    ],
    [
      'unknown-article',
      'claim "weapons-trucks", report 0 (article straits-times-2017-11-16), article: unknown article "straits-times-2017-11-16"',
    ],
  ])('%s: names the claim, report and field', (name, expected) => {
    const found = messages(name);
    expect(found).toHaveLength(1);
    expect(found[0]).toContain(expected);
  });

  it('reports a missing article text by article and field', () => {
    const result = checkPack(brokenPack('valid-minimal'), new Map());
    expect(result.problems.map(formatProblem)).toEqual([
      'article "straits-times-2017-11-15", source: no article text "004_212cb8e24626c95d.txt" was found',
    ]);
  });

  it('refuses any other JSON file in one sentence, naming the format it expects', () => {
    const old = { version: '1.0.0', stories: [], outlets: [], articles: [], claims: [] };
    expect(checkPack(old, texts).problems.map(formatProblem)).toEqual([
      'pack, format: not a Parallax claim pack: its "format" must be "parallax-pack"',
    ]);
    const future = { ...(brokenPack('valid-minimal') as object), formatVersion: 2 };
    expect(checkPack(future, texts).problems.map(formatProblem)).toEqual(['pack, formatVersion: must be 1']);
  });

  it('names the claim and field of a value of a kind that needs what it is of, or a wording', () => {
    const pack = brokenPack('valid-minimal') as { claims: Array<{ reports: Array<{ values: unknown[] }> }> };
    pack.claims[1]!.reports[0]!.values = [{ kind: 'count', text: 'Ten trucks' }];
    pack.claims[0]!.reports[0]!.values = [{ kind: 'place', text: 'convoy' }];
    expect(checkPack(pack, texts).problems.map(formatProblem)).toEqual([
      'claim "convoy-length", report 0 (article straits-times-2017-11-15), values[0].value: missing: it must be text',
      'claim "weapons-trucks", report 0 (article straits-times-2017-11-15), values[0].of: missing: it must be text',
    ]);
  });

  it('accepts a quote that occurs twice when the prefix picks the second occurrence', () => {
    const text = 'Ten trucks left. Later, ten trucks came back. Ten trucks left again.';
    const pack = brokenPack('valid-minimal') as { claims: Array<{ reports: Array<Record<string, unknown>> }> };
    const report = pack.claims[1]!.reports[0]!;
    Object.assign(report, { quote: 'Ten trucks left', prefix: 'came back. ', suffix: ' again.', values: [] });
    const texts2 = new Map([
      ...texts,
      ['004_212cb8e24626c95d.txt', text + '\n' + (texts.get('004_212cb8e24626c95d.txt') ?? '')],
    ]);
    const problems = checkPack(pack, texts2).problems.map(formatProblem);
    expect(problems.filter((p) => p.includes('weapons-trucks'))).toEqual([]);
  });
});
