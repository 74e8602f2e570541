import { describe, expect, it } from 'vitest';
import { buildClaimView } from '../../../../src/core/claim-view/build-claim-view';
import type { ClaimView, ComparedKind } from '../../../../src/core/claim-view/types';
import { loadDatabase } from '../../../../src/core/database/load';
import { parseHtml } from '../../../../src/node/parse-html';
import { renderComparison } from '../../../../src/extension/page/tooltip-comparison';
import { raqqa, raqqaPack } from '../../core/database/seed-texts';

const doc = parseHtml('<!doctype html><html><body></body></html>');
const db = loadDatabase([raqqaPack()]);
const view = (id: string, page: string | null = null): ClaimView =>
  buildClaimView(db, raqqa(id), { excludeOutletId: page, score: 1 });

/** What a screen reader is given: the text outside aria-hidden parts, cell by cell. */
function spoken(node: Element): string {
  if (node.getAttribute('aria-hidden') === 'true') return '';
  const parts: string[] = [];
  for (const child of node.childNodes) {
    if (child.nodeType === 3) parts.push(child.textContent ?? '');
    else if (child.nodeType === 1) parts.push(spoken(child as Element));
  }
  const block = ['TH', 'TD', 'CAPTION', 'TR', 'LI', 'P'].includes(node.tagName);
  return block ? ` ${parts.join('')} ` : parts.join('');
}
const said = (node: Element) => spoken(node).replace(/\s+/g, ' ').trim();

const chartTitled = (root: Element, title: string) =>
  [...root.querySelectorAll('table.chart')].find((t) => t.querySelector('caption .kind')!.textContent === title)!;

describe('renderComparison', () => {
  it('draws one chart per kind of figure, one row per outlet named once, this page first and marked apart', () => {
    const root = renderComparison(doc, view('people-who-left', 'watchout-news'))!;
    expect([...root.querySelectorAll('table.chart caption .kind')].map((c) => c.textContent)).toEqual([
      'People',
      'Family members',
      'Fighters',
    ]);
    const people = chartTitled(root, 'People');
    const rows = [...people.querySelectorAll('tbody tr')];
    const names = rows.map((r) => r.querySelector('th')!.textContent);
    expect(names).toEqual(['This page', 'News Nation', 'Al Bawaba', '5Pillars', 'The Straits Times']);
    expect(new Set(names).size).toBe(names.length);
    expect(rows[0]!.className).toBe('page');
    expect(rows[0]!.querySelectorAll('.mark.page')).toHaveLength(1);
    expect(rows.slice(1).every((r) => r.querySelector('.mark.page') === null)).toBe(true);
    // A hedge is a range, an exact figure a point; Al Bawaba's three figures are three marks.
    const marksOf = (name: string) => [
      ...rows.find((r) => r.querySelector('th')!.textContent === name)!.querySelectorAll('.mark'),
    ];
    expect(marksOf('5Pillars').map((m) => m.className)).toEqual(['mark range']);
    expect(marksOf('News Nation').map((m) => m.className)).toEqual(['mark point']);
    expect(marksOf('Al Bawaba')).toHaveLength(3);
    // An implied total: the outlet's own words beside its name, the sum Parallax drew in small type, as its own.
    const newsNation = rows[1]!.querySelector('.values')!;
    expect(newsNation.querySelector('.value')!.textContent).toBe('250 fighters, 3,500 family members');
    expect(newsNation.querySelector('.computed')!.textContent).toBe('sum of its figures: 3,750');
    // No figure Parallax computed stands beside an outlet's name as its own.
    const values = [...root.querySelectorAll('.values .value')].map((v) => v.textContent);
    expect(values).not.toContain('3,750');
    expect(values.filter((v) => /^(?:about )?4,250$/.test(v ?? ''))).toEqual([]);
    expect(root.textContent).not.toMatch(/=|\+| vs /);
    expect(people.querySelectorAll('tfoot .tick').length).toBeGreaterThanOrEqual(2);
  });

  it('places marks by their figure: a larger figure further along the axis', () => {
    const root = renderComparison(doc, view('convoy-vehicles', 'watchout-news'))!;
    const buses = chartTitled(root, 'Buses');
    const left = (name: string) =>
      parseFloat(
        [...buses.querySelectorAll('tbody tr')]
          .find((r) => r.querySelector('th')!.textContent === name)!
          .querySelector<HTMLElement>('.mark')!.style.left,
      );
    expect(left('News Nation')).toBeGreaterThan(left('This page'));
    // "more than 100 of their own vehicles" in each outlet's total: a bar open at its high end.
    const totals = [...chartTitled(root, 'Vehicles').querySelectorAll('tbody tr')];
    const openness = totals.map((r) => [
      r.querySelector('th')!.textContent,
      r.querySelector('.mark')!.classList.contains('open-high'),
    ]);
    expect(openness).toEqual([
      ['This page', true],
      ['News Nation', true],
      ['5Pillars', false],
      ['The Straits Times', true],
    ]);
  });

  it('gives the chart a text alternative: the kind, and each outlet with its figure in words, the drawing hidden', () => {
    const buses = chartTitled(renderComparison(doc, view('convoy-vehicles', 'watchout-news'))!, 'Buses');
    expect(buses.querySelector('caption')).not.toBeNull();
    expect([...buses.querySelectorAll('tbody th')].every((th) => th.getAttribute('scope') === 'row')).toBe(true);
    expect([...buses.querySelectorAll('td.track')].every((td) => td.getAttribute('aria-hidden') === 'true')).toBe(true);
    expect(buses.querySelector('tfoot')!.getAttribute('aria-hidden')).toBe('true');
    expect(said(buses)).toBe('Buses differ This page a dozen read as 12 News Nation 13 The Straits Times 13');
  });

  it('lists whom each outlet credits where they differ, each wording once beside its outlets', () => {
    const root = renderComparison(doc, view('sdf-said-few-left'))!;
    const credits = root.querySelector('table.wordings')!;
    expect(credits.querySelector('caption')!.textContent).toBe('Whom they credit differ');
    expect([...credits.querySelectorAll('tbody tr')].map((tr) => said(tr))).toEqual([
      'News Nation and Watchout News the SDF',
      'The Straits Times the coalition',
    ]);
    expect(credits.querySelector('.track')).toBeNull();
  });

  it('says a value every outlet states alike in one line, without a chart', () => {
    const root = renderComparison(doc, view('departure-date'))!;
    expect(root.querySelector('table')).toBeNull();
    expect(root.querySelector('.alike li')!.textContent).toBe(
      'Date: October 12 (News Nation, Watchout News and 5Pillars)',
    );
  });

  it("says there is nothing to compare, never agreement, for a fact stated in each outlet's own words", () => {
    const root = renderComparison(doc, view('deal-brokered-by-local-officials'))!;
    expect(root.querySelector('.nothing')!.textContent).toMatch(/no two give a figure or a wording/);
    expect(root.textContent).not.toMatch(/agree/i);
  });

  it('inserts outlet names and wordings as text, never as markup', () => {
    const hostile = '<img src=x onerror="alert(1)">';
    const kind = (type: ComparedKind['type']): ComparedKind => ({
      type,
      kind: type === 'figures' ? 'count' : 'credit',
      of: null,
      measure: type === 'figures' ? 'count' : 'words',
      currency: null,
      title: `${hostile} title`,
      status: 'differ',
      rows: [
        {
          label: hostile,
          isPage: false,
          values: [
            {
              text: `${hostile} 12`,
              computed: `${hostile} sum`,
              low: type === 'figures' ? 12 : null,
              high: type === 'figures' ? 12 : null,
              differs: true,
            },
          ],
        },
        {
          label: 'B',
          isPage: false,
          values: [
            {
              text: '13',
              computed: null,
              low: type === 'figures' ? 13 : null,
              high: type === 'figures' ? 13 : null,
              differs: true,
            },
          ],
        },
      ],
    });
    const base = view('convoy-vehicles');
    const root = renderComparison(doc, { ...base, compared: [kind('figures'), kind('wordings')] })!;
    expect(root.querySelector('img')).toBeNull();
    expect(root.querySelectorAll('table')).toHaveLength(2);
    expect(root.querySelector('caption .kind')!.textContent).toBe(`${hostile} title`);
    expect(root.querySelector('tbody th')!.textContent).toBe(hostile);
    expect(root.querySelector('.computed')!.textContent).toBe(`${hostile} sum`);
  });
});
