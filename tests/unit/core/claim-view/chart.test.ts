import { describe, expect, it } from 'vitest';
import { chartOf, type ChartMark } from '../../../../src/core/claim-view/chart';
import type { ComparedKind, StatedRow } from '../../../../src/core/claim-view/types';
import type { ValueKind, ValueMeasure } from '../../../../src/core/quantities/kinds';

const DAY = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;

/** A row of one outlet's figures: [text, low, high] (null: an open end). */
function row(label: string, ...values: Array<[string, number | null, number | null]>): StatedRow {
  return {
    label,
    isPage: label === 'This page',
    values: values.map(([text, low, high]) => ({ text, computed: null, low, high, differs: false })),
  };
}

function figures(
  measure: ValueMeasure,
  rows: StatedRow[],
  kind: ValueKind = measure === 'time' ? 'time-of-day' : (measure as ValueKind),
): ComparedKind {
  return { type: 'figures', kind, of: null, measure, currency: null, title: 'T', status: 'differ', rows };
}

const labels = (kind: ComparedKind) => chartOf(kind).ticks.map((t) => t.label);
/** Each row's first mark. */
const marks = (kind: ComparedKind): ChartMark[] => chartOf(kind).rows.map((r) => r.marks[0]!);

describe('chartOf', () => {
  it('puts exact counts as points on one axis of round ticks that spans them', () => {
    const kind = figures('count', [row('This page', ['a dozen (12)', 12, 12]), row('News Nation', ['13', 13, 13])]);
    const chart = chartOf(kind);
    expect(chart.rows.map((r) => r.label)).toEqual(['This page', 'News Nation']);
    const [page, other] = chart.rows.map((r) => r.marks[0]!);
    expect(page).toMatchObject({ shape: 'point', openLow: false, openHigh: false });
    expect(other!.shape).toBe('point');
    // 13 is drawn to the right of 12, both inside the axis.
    expect(page!.from).toBeGreaterThanOrEqual(0);
    expect(other!.from).toBeGreaterThan(page!.from);
    expect(other!.from).toBeLessThanOrEqual(100);
    expect(chart.ticks[0]!.at).toBe(0);
    expect(chart.ticks.at(-1)!.at).toBe(100);
    for (const tick of chart.ticks) expect(Number(tick.label.replace(/,/g, ''))).toSatisfy(Number.isInteger);
  });

  it('draws a hedge as a range: "almost 4,000" ends where 4,000 stands, "around 4,000" runs past it', () => {
    const kind = figures('count', [
      row('News Nation', ['3,750', 3750, 3750]),
      row('5Pillars', ['almost 4,000', 3600, 4000]),
      row('The Straits Times', ['around 4,000', 3600, 4400]),
    ]);
    const [exact, almost, around] = marks(kind) as [ChartMark, ChartMark, ChartMark];
    expect(almost.shape).toBe('range');
    expect(almost.from).toBeLessThan(exact.from);
    expect(almost.to).toBeGreaterThan(exact.from);
    expect(around.from).toBeCloseTo(almost.from);
    expect(around.to).toBeGreaterThan(almost.to);
    const ticks = labels(kind).map((l) => Number(l.replace(/,/g, '')));
    expect(ticks[0]).toBeLessThanOrEqual(3600);
    expect(ticks.at(-1)).toBeGreaterThanOrEqual(4400);
    expect(ticks.length).toBeLessThanOrEqual(5);
    expect(ticks.every((t) => t % 100 === 0)).toBe(true);
  });

  it('puts "hundreds" and "thousands" on one axis, each a range of its own width', () => {
    const kind = figures('count', [
      row('Al Bawaba', ['thousands (2,000–9,999)', 2000, 9999]),
      row('The Straits Times', ['hundreds (200–999)', 200, 999]),
    ]);
    const [thousands, hundreds] = marks(kind) as [ChartMark, ChartMark];
    expect(hundreds.to).toBeLessThanOrEqual(thousands.from);
    expect(thousands.to - thousands.from).toBeGreaterThan(5 * (hundreds.to - hundreds.from));
    expect(labels(kind)[0]).toBe('0');
  });

  it('draws "more than 100" as a bar open at its high end, with room on the axis past every figure', () => {
    const kind = figures('count', [row('This page', ['157 or more', 157, null]), row('5Pillars', ['163', 163, 163])]);
    const [open, exact] = marks(kind) as [ChartMark, ChartMark];
    expect(open).toMatchObject({ shape: 'range', openHigh: true, openLow: false, to: 100 });
    expect(exact.from).toBeGreaterThan(open.from);
    expect(exact.from).toBeLessThan(100);
  });

  it('reads a date axis in days of the month and a duration axis in months', () => {
    const dates = figures('date', [
      row('A', ['12 Oct 2017', DAY('2017-10-12'), DAY('2017-10-12')]),
      row('B', ['17 Oct 2017', DAY('2017-10-17'), DAY('2017-10-17')]),
    ]);
    expect(labels(dates)[0]).toMatch(/^1[0-2] Oct$/);
    expect(labels(dates).at(-1)).toMatch(/^1[7-9] Oct$/);
    const month = 365.25 / 12;
    const durations = figures('duration', [
      row('A', ['4 months', 4 * month, 4 * month]),
      row('This page', ['more than 4 months', 4 * month, null]),
    ]);
    expect(labels(durations).at(-1)).toMatch(/^\d+ months$/);
    expect(
      labels(durations)
        .slice(0, -1)
        .every((l) => /^\d+$/.test(l)),
    ).toBe(true);
    const [point, open] = marks(durations) as [ChartMark, ChartMark];
    expect(point.shape).toBe('point');
    expect(open.from).toBeCloseTo(point.from);
    expect(open.openHigh).toBe(true);
  });

  it('gives one figure an axis around it, and never an axis below zero for counts', () => {
    const kind = figures('count', [row('A', ['4', 4, 4]), row('B', ['4', 4, 4])]);
    const chart = chartOf(kind);
    expect(chart.rows[0]!.marks[0]!.from).toBeGreaterThan(0);
    expect(chart.rows[0]!.marks[0]!.from).toBeLessThan(100);
    expect(chart.ticks.every((t) => !t.label.startsWith('-'))).toBe(true);
  });

  it('refuses a kind of wording, which has no axis', () => {
    expect(() => chartOf({ ...figures('count', [row('A', ['the SDF', null, null])]), type: 'wordings' })).toThrow(
      'is a wording',
    );
  });
});
