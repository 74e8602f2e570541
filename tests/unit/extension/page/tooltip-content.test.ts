import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../../../src/node/parse-html';
import type { ClaimView } from '../../../../src/core/claim-view/types';
import { belowText, renderClaim, renderQuote } from '../../../../src/extension/page/tooltip-content';

const doc = parseHtml('<!doctype html><html><body></body></html>');

function html(node: Node): string {
  const box = doc.createElement('div');
  box.append(node);
  return box.innerHTML;
}

const claim: ClaimView = {
  id: 'convoy-length',
  summary: 'The convoy was several kilometres long.',
  draft: false,
  pageKinds: 0,
  status: 'differ',
  reasons: ['people: 5Pillars says almost 4,000; News Nation says 3,750: differ'],
  compared: [
    {
      type: 'figures',
      kind: 'count',
      of: 'people',
      measure: 'count',
      currency: null,
      title: 'People',
      status: 'differ',
      rows: [
        {
          label: '5Pillars',
          isPage: false,
          values: [{ text: 'almost 4,000', computed: null, low: 3600, high: 4000, differs: true }],
        },
        {
          label: 'News Nation',
          isPage: false,
          values: [{ text: '3,900', computed: null, low: 3900, high: 3900, differs: true }],
        },
      ],
    },
  ],
  note: 'One outlet gives miles.',
  score: 0.8,
  reports: [
    {
      outletId: 'five-pillars',
      outlet: '5Pillars',
      url: 'https://5pillarsuk.com/2017/11/16/x/',
      published: '2017-11-16',
      quote: 'Almost 4,000 ISIS militants and their families were reportedly allowed to leave in a four-mile convoy',
      attribution: null,
      values: [
        { start: 7, end: 12, kind: 'people', differs: true },
        { start: 88, end: 97, kind: 'length', differs: false },
      ],
    },
    {
      outletId: 'news-nation',
      outlet: 'News Nation',
      url: 'https://english.newsnationtv.com/world/x.html',
      published: '2017-11-18',
      quote: 'the convoy was six to seven kilometres long',
      attribution: 'a local driver',
      values: [],
    },
  ],
};

describe('renderQuote', () => {
  it('keeps the quote verbatim and marks only the values other outlets report differently', () => {
    const quote = claim.reports[0]!.quote;
    const fragment = renderQuote(doc, quote, claim.reports[0]!.values);
    const box = doc.createElement('div');
    box.append(fragment);
    expect(box.textContent).toBe(quote);
    expect([...box.querySelectorAll('mark')].map((m) => m.textContent)).toEqual(['4,000']);
  });

  it('inserts markup-looking text as text, never as elements', () => {
    const quote = '<img src=x onerror="alert(1)"> 250 fighters';
    const out = html(renderQuote(doc, quote, [{ start: 31, end: 34, kind: 'people', differs: true }]));
    expect(out).not.toContain('<img');
    expect(out).toContain('&lt;img');
    expect(out).toContain('<mark');
  });

  it('ignores spans outside the quote and overlapping spans after the first', () => {
    const box = doc.createElement('div');
    box.append(
      renderQuote(doc, 'ten trucks and 13 buses', [
        { start: 0, end: 10, kind: 'vehicles', differs: true },
        { start: 4, end: 15, kind: 'vehicles', differs: true },
        { start: 20, end: 99, kind: 'vehicles', differs: true },
      ]),
    );
    expect(box.textContent).toBe('ten trucks and 13 buses');
    expect([...box.querySelectorAll('mark')].map((m) => m.textContent)).toEqual(['ten trucks']);
  });
});

describe('renderClaim', () => {
  const section = renderClaim(doc, claim);

  it('states what outlets differ on, the summary, the comparison and the curator’s note, and no arithmetic', () => {
    expect(section.querySelector('.status')!.textContent).toBe('Outlets differ on the figures');
    expect(section.querySelector('.summary')!.textContent).toBe(claim.summary);
    expect(section.querySelector('.comparison table.chart caption')!.textContent).toContain('People');
    expect(section.querySelector('.comparison')!.textContent).not.toMatch(/[=+]| vs /);
    expect(section.querySelector('.note')!.textContent).toContain('One outlet gives miles.');
  });

  it('lists each report with outlet, date, quote, credit and a link that opens in a new tab', () => {
    const reports = [...section.querySelectorAll('li.report')];
    expect(reports).toHaveLength(2);
    expect(reports.map((r) => r.querySelector('.outlet')!.textContent)).toEqual(['5Pillars', 'News Nation']);
    expect(reports[0]!.querySelector('time')!.getAttribute('datetime')).toBe('2017-11-16');
    expect(reports[0]!.querySelector('.attribution')).toBeNull();
    expect(reports[1]!.querySelector('.attribution')!.textContent).toBe('Credits: a local driver');
    const link = reports[1]!.querySelector('a')!;
    expect(link.getAttribute('href')).toBe(claim.reports[1]!.url);
    expect(link.getAttribute('target')).toBe('_blank');
    expect(link.getAttribute('rel')).toBe('noopener noreferrer');
  });

  it('shows an address that is not http(s) as text, never as a link, even if storage held one past the checks', () => {
    const hostile: ClaimView = {
      ...claim,
      reports: [
        { ...claim.reports[0]!, url: 'javascript:alert(document.cookie)//news-nation-2017-11-18' },
        { ...claim.reports[1]!, url: 'data:text/html,<script>alert(1)</script>' },
        { ...claim.reports[1]!, url: 'file:///etc/passwd', published: '2017-11-19', quote: 'Another quote.' },
      ],
    };
    const rendered = renderClaim(doc as unknown as Document, hostile);
    expect(rendered.querySelectorAll('a')).toHaveLength(0);
    expect([...rendered.querySelectorAll('.outlet')].map((o) => [o.tagName, o.textContent])).toEqual([
      ['SPAN', '5Pillars'],
      ['SPAN', 'News Nation'],
    ]);
    expect(html(rendered)).not.toMatch(/javascript:|data:|file:/);
  });

  it('names each outlet once, as the link to its article', () => {
    for (const report of section.querySelectorAll('li.report')) {
      const outlet = report.querySelector('.outlet')!.textContent!;
      expect(report.textContent!.split(outlet)).toHaveLength(2);
      expect(report.querySelector('a.outlet')).not.toBeNull();
      expect(report.querySelectorAll('a')).toHaveLength(1);
    }
  });

  it('groups an outlet’s several quotes under its one name, each with its credit', () => {
    const second = { ...claim.reports[1]!, quote: 'a second quote', attribution: 'the BBC' };
    const other = {
      ...claim.reports[1]!,
      quote: 'from another article',
      attribution: null,
      url: 'https://english.newsnationtv.com/other.html',
      published: '2017-11-20',
    };
    const grouped = renderClaim(doc, { ...claim, reports: [claim.reports[1]!, claim.reports[0]!, second, other] });
    const items = [...grouped.querySelectorAll('li.report')];
    expect(items.map((i) => i.querySelector('.outlet')!.textContent)).toEqual(['News Nation', '5Pillars']);
    expect([...items[0]!.querySelectorAll('blockquote')].map((q) => q.textContent)).toEqual([
      'the convoy was six to seven kilometres long',
      'a second quote',
      'from another article',
    ]);
    expect([...items[0]!.querySelectorAll('.attribution')].map((a) => a.textContent)).toEqual([
      'Credits: a local driver',
      'Credits: the BBC',
    ]);
    expect(items[0]!.querySelector('a.other-article')!.getAttribute('href')).toBe(
      'https://english.newsnationtv.com/other.html',
    );
    expect(items[0]!.querySelector('a.other-article')!.textContent).toBe('Another article, 20 Nov 2017');
  });

  it('says once that every outlet credits the same source, unless the comparison lists whom each credits', () => {
    const credited = { ...claim, reports: claim.reports.map((r) => ({ ...r, attribution: 'the SDF' })) };
    expect(renderClaim(doc, credited).querySelector('.attribution.all')!.textContent).toBe('All credit the SDF');
    const credits = {
      ...claim.compared[0]!,
      type: 'wordings' as const,
      kind: 'credit' as const,
      of: null,
      measure: 'words' as const,
      title: 'Whom they credit',
    };
    const listed = renderClaim(doc, { ...credited, compared: [credits] });
    expect(listed.querySelector('.attribution.all')).toBeNull();
    expect(listed.querySelectorAll('li.report .attribution')).toHaveLength(0);
  });

  it('puts the comparison between the summary and the quotes, and ids the dialog can point at', () => {
    const withIds = renderClaim(doc, claim, 'd1-claim-0');
    expect([...withIds.children].map((child) => child.className)).toEqual([
      'status differ',
      'summary',
      'comparison',
      'note',
      'reports',
    ]);
    expect(withIds.querySelector('.status')!.id).toBe('d1-claim-0-status');
    expect(withIds.querySelector('.summary')!.id).toBe('d1-claim-0-summary');
  });

  it('says so when outlets agree, and that there is nothing to compare, not agreement, when there is not', () => {
    const agreeing = renderClaim(doc, {
      ...claim,
      status: 'agree',
      note: null,
      compared: claim.compared.map((k) => ({ ...k, status: 'agree' as const })),
    });
    expect(agreeing.querySelector('.status')!.textContent).toBe('Outlets agree');
    expect(agreeing.querySelector('.note')).toBeNull();
    const uncompared = renderClaim(doc, { ...claim, status: 'not-compared', note: null, reasons: [], compared: [] });
    expect(uncompared.querySelector('.status')!.textContent).toBe('Same fact, nothing to compare');
    expect(uncompared.querySelector('.status')!.className).toBe('status not-compared');
    expect(uncompared.querySelector('.comparison .nothing')!.textContent).toMatch(/no two give a figure/);
    expect(uncompared.querySelector('table')).toBeNull();
  });
});

describe('belowText', () => {
  it('says a fact comes from a draft no person has reviewed', () => {
    expect(renderClaim(doc, claim).querySelector('.draft')).toBeNull();
    expect(renderClaim(doc, { ...claim, draft: true }).querySelector('.draft')!.textContent).toBe(
      'From a draft story pack no person has reviewed yet.',
    );
  });

  it('says what is still below the fold, in words a reader understands', () => {
    expect(belowText({ claims: 0, reports: 3 }, true)).toBe('3 more outlets');
    expect(belowText({ claims: 0, reports: 1 }, true)).toBe('1 more outlet');
    expect(belowText({ claims: 1, reports: 0 }, true)).toBe('1 more fact');
    expect(belowText({ claims: 2, reports: 1 }, true)).toBe('1 more outlet, 2 more facts');
    expect(belowText({ claims: 0, reports: 0 }, true)).toBe('More below');
    expect(belowText({ claims: 0, reports: 0 }, false)).toBeNull();
  });
});
