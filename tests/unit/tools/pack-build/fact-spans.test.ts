// Splitting a sentence into the facts it states: the parts English marks as clauses or asides, and
// the runs of them that a claim can quote; quotations and brackets are never cut.
import { describe, expect, it } from 'vitest';
import { factSpans, hasVerb, isCreditOnly, sentenceParts } from '../../../../src/tools/pack-build/fact-spans';

const parts = (text: string) => sentenceParts(text).map((p) => text.slice(p.start, p.end));
const spans = (text: string) => factSpans(text).map((p) => text.slice(p.start, p.end));

describe('sentenceParts', () => {
  it('cuts a sentence of several facts at its clauses: a participle, "that" and "and" before a verb', () => {
    const text =
      'A daring rescue mission in a flooded cave in northern Thailand has saved all 12 boys and their soccer coach, ending a grueling 18-day ordeal that claimed the life of an experienced volunteer diver and riveted people around the world.';
    expect(parts(text)).toEqual([
      'A daring rescue mission in a flooded cave in northern Thailand has saved all 12 boys and their soccer coach',
      'ending a grueling 18-day ordeal',
      'claimed the life of an experienced volunteer diver',
      'riveted people around the world.',
    ]);
  });

  it('cuts at an aside between commas, a subordinate clause and a dash, not inside a list or a number', () => {
    expect(
      parts(
        'The 12 boys, aged from 11 to 16, and their coach, ventured into the cave on June 23 after football practice.',
      ),
    ).toEqual([
      'The 12 boys',
      'aged from 11 to 16',
      'their coach',
      'ventured into the cave on June 23 after football practice.',
    ]);
    expect(
      parts('It was a highly risky situation as most of the boys could not swim and had no scuba-diving knowledge.'),
    ).toEqual(['It was a highly risky situation', 'most of the boys could not swim', 'had no scuba-diving knowledge.']);
    expect(
      parts('American, British, and local Kurdish forces have sneaked out hundreds of fighters out of the city.'),
    ).toEqual(['American, British, and local Kurdish forces have sneaked out hundreds of fighters out of the city.']);
    expect(parts('The convoy carried 3,500 family members and 250 fighters towards the east.')).toHaveLength(1);
  });

  it('never cuts a quotation or a bracket', () => {
    const text =
      '“We are not sure if this is a miracle, a science, or what. All the thirteen Wild Boars are now out of the cave,” the SEALs wrote, referring to the team.';
    expect(parts(text)).toEqual([
      '“We are not sure if this is a miracle, a science, or what. All the thirteen Wild Boars are now out of the cave,” the SEALs wrote',
      'referring to the team.',
    ]);
    expect(parts('The shelf was more than four kilometres (2.5 miles, and deep) inside the cave system.')).toHaveLength(
      1,
    );
  });

  it('leaves a short sentence whole: it states one fact', () => {
    expect(parts('They had been stranded in the cave for 17 days.')).toEqual([
      'They had been stranded in the cave for 17 days.',
    ]);
  });
});

describe('factSpans', () => {
  it('gives the whole sentence first, then runs of neighbouring parts that state something', () => {
    const text =
      'The team of 90 divers must come up with a plan to extract the boys, many of whom cannot swim, through a tunnel network that is completely flooded.';
    const all = spans(text);
    expect(all[0]).toBe(text);
    expect(all).toContain('many of whom cannot swim');
    expect(all).toContain(
      'The team of 90 divers must come up with a plan to extract the boys, many of whom cannot swim',
    );
    // A part that names something but states nothing is no fact on its own.
    expect(all).not.toContain('through a tunnel network');
  });

  it('does not offer a span that only credits a source', () => {
    const text =
      'A medic and three navy SEALs who had stayed with the boys have left the cave as well, Chiang Rai Gov. Narongsak Osatanakorn said.';
    expect(spans(text)).not.toContain('Chiang Rai Gov. Narongsak Osatanakorn said.');
    expect(isCreditOnly('Chiang Rai Gov. Narongsak Osatanakorn said.')).toBe(true);
    expect(isCreditOnly('The fire service said the blaze started in a lorry.')).toBe(false);
  });

  it('knows a span with a verb from one without', () => {
    expect(hasVerb('aged from 11 to 16')).toBe(true);
    expect(hasVerb('ending a grueling 18-day ordeal')).toBe(true);
    expect(hasVerb('Members of the Wild Boars football team')).toBe(false);
  });
});
