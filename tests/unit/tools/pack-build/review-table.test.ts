// The review table a curator reads after pack:build: every line within 100 columns, and nothing a
// line says (which figures differ, each outlet's values) lost to the width.
import { describe, expect, it } from 'vitest';
import type { Pack, Report } from '../../../../src/core/database/schema';
import { reviewTable, type ClaimStatus } from '../../../../src/tools/pack-build/review-table';

function report(article: string, quote: string, attribution: string | null = null): Report {
  return {
    article,
    quote,
    prefix: '',
    suffix: '',
    attribution,
    values: [{ kind: 'count', of: 'passengers', text: 'nearly 250 passengers' }],
  } as Report;
}

function packOf(reports: Report[]): Pack {
  return {
    outlets: [
      { id: 'beacon', name: 'The Daily Beacon' },
      { id: 'ropax', name: 'Ferry & Ro-Pax Review' },
    ],
    articles: [
      { id: 'beacon-1', outlet: 'beacon' },
      { id: 'ropax-1', outlet: 'ropax' },
    ],
    claims: [
      {
        id: 'carrying-crew-northern-lark',
        summary:
          'Draft: how many passengers and crew the Northern Lark was carrying when the fire broke out on its vehicle deck.',
        reports,
      },
    ],
  } as unknown as Pack;
}

const differ: ClaimStatus = {
  status: 'differ',
  reasons: [
    'passenger: Northline News Agency says 212; Channel North says more than 200; The Daily Beacon says nearly 250; Ferry & Ro-Pax Review says 212',
  ],
};

describe('reviewTable', () => {
  const pack = packOf([
    report(
      'beacon-1',
      'The ferry, which can carry 600 passengers, had nearly 250 passengers and a skeleton crew on board when smoke was seen pouring from the car deck.',
      'union bosses',
    ),
    report('ropax-1', 'The Northern Lark was carrying 212 passengers and 31 crew.'),
  ]);
  const table = reviewTable(pack, () => differ, [], ['beacon.html', 'ropax.txt']);
  const lines = table.split('\n');

  it('keeps every line within 100 columns', () => {
    for (const line of lines) expect(line.length, line).toBeLessThanOrEqual(100);
  });

  it('wraps a long line onto indented continuation lines instead of cutting it', () => {
    expect(table).not.toContain('…');
    const joined = lines.map((l) => l.trim()).join(' ');
    expect(joined).toContain(differ.reasons[0]);
    expect(joined).toContain('{count passengers: nearly 250 passengers}');
    expect(joined).toContain('on its vehicle deck.');
    const reasonAt = lines.findIndex((l) => l.startsWith('    passenger:'));
    expect(lines[reasonAt + 1]).toMatch(/^ {6}\S/);
  });

  it('prints a quote that already begins with a quotation mark without doubling the marks, and quotes one whose own marks only close it', () => {
    const quotes = [
      '"There was a huge number of people on deck," she said.',
      '“We were told to stay calm,” said one passenger.',
      'He said it was ‘frightening’',
      'The crew were calm.',
    ];
    const printed = reviewTable(
      packOf(quotes.map((q) => report('beacon-1', q))),
      () => ({ status: 'agree', reasons: [] }),
      [],
      [],
    );
    expect(printed).toContain('The Daily Beacon: "There was a huge number of people on deck," she said.');
    expect(printed).toContain('The Daily Beacon: “We were told to stay calm,” said one passenger.');
    expect(printed).toContain('The Daily Beacon: “He said it was ‘frightening’” {');
    expect(printed).toContain('The Daily Beacon: “The crew were calm.” {');
    expect(printed).not.toMatch(/""|"“|“"|““|””/);
  });
});
