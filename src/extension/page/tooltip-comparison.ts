// The comparison at the head of a fact in the tooltip: what the outlets' values are, side by side,
// before their quotes. For each kind of figure, a small chart: one row per outlet (this page's own
// first), a point for an exact figure and a bar for a range on one axis, the figure in the
// outlet's own words beside it (what Parallax computed from them, a sum or a range, in small type). For each kind of wording (a place, a credit, a stance), a short list:
// outlets → their wording. Kinds every outlet states alike are one line each.
//
// The charts are HTML tables: a screen reader reads each row as "outlet, value" (the marks are
// hidden from it, the words say the same). Every string goes in as text; the marks are placed
// with CSSOM properties, never markup.
import { chartOf, type ChartMark, type ChartRow } from '../../core/claim-view/chart';
import type { ClaimView, ComparedKind, StatedRow, StatedValue } from '../../core/claim-view/types';
import { listOf } from '../../core/english/lists';
import { el, type Doc } from './tooltip-dom';

/** Every row says the same single thing: nothing to draw, one line says it. */
function saidAlike(kind: ComparedKind): boolean {
  const texts = new Set(kind.rows.flatMap((row) => row.values.map((v) => v.text)));
  return kind.status === 'agree' && texts.size === 1;
}

function caption(doc: Doc, kind: ComparedKind): HTMLTableCaptionElement {
  const head = el(doc, 'caption');
  head.append(el(doc, 'span', 'kind', kind.title));
  // Said in words too (not by colour alone): which of the fact's kinds the outlets differ on.
  head.append(' ', el(doc, 'span', `verdict ${kind.status}`, kind.status === 'differ' ? 'differ' : 'agree'));
  return head;
}

function rowHead(doc: Doc, row: StatedRow): HTMLTableCellElement {
  const th = el(doc, 'th', row.isPage ? 'who page' : 'who', row.label);
  th.setAttribute('scope', 'row');
  return th;
}

/**
 * A value in the outlet's own words, and below it, in small type, what Parallax read from them
 * and drew (a sum, the range of "thousands"), said as Parallax's, never as the outlet's. (Not
 * highlighted where it differs: the chart and its caption say so, and every figure of a disputed
 * kind would be.)
 */
function said(doc: Doc, value: StatedValue): HTMLElement {
  const line = el(doc, 'span', 'said');
  line.append(el(doc, 'span', 'value', value.text));
  // (The space is for screen readers, which would otherwise read the two as one word.)
  if (value.computed !== null) line.append(' ', el(doc, 'span', 'computed', value.computed));
  return line;
}

function markElement(doc: Doc, mark: ChartMark, page: boolean): HTMLElement {
  const classes = [
    'mark',
    mark.shape,
    page ? 'page' : '',
    mark.openHigh ? 'open-high' : '',
    mark.openLow ? 'open-low' : '',
  ];
  const node = el(doc, 'span', classes.filter(Boolean).join(' '));
  node.style.left = `${mark.from}%`;
  if (mark.shape === 'range') node.style.width = `${mark.to - mark.from}%`;
  return node;
}

/** The axis's lane: where the marks (or the ticks) are placed, inset so an end point is drawn whole. */
function lane(doc: Doc): HTMLElement {
  return el(doc, 'div', 'lane');
}

function chartRow(doc: Doc, row: ChartRow): HTMLTableRowElement {
  const tr = el(doc, 'tr', row.isPage ? 'page' : undefined);
  const track = el(doc, 'td', 'track');
  track.setAttribute('aria-hidden', 'true');
  const marks = lane(doc);
  // Ranges under points, so a point inside a range stays visible.
  const ordered = [...row.marks].sort((a, b) => Number(a.shape === 'point') - Number(b.shape === 'point'));
  for (const mark of ordered) marks.append(markElement(doc, mark, row.isPage));
  track.append(marks);
  const values = el(doc, 'td', 'values');
  for (const value of row.values) values.append(said(doc, value));
  tr.append(rowHead(doc, row), track, values);
  return tr;
}

/** One kind of figure: the outlets' values on one axis. */
export function renderChart(doc: Doc, kind: ComparedKind): HTMLTableElement {
  const chart = chartOf(kind);
  const table = el(doc, 'table', `chart ${kind.status}`);
  table.append(caption(doc, kind));
  const body = el(doc, 'tbody');
  for (const row of chart.rows) body.append(chartRow(doc, row));
  const foot = el(doc, 'tfoot');
  foot.setAttribute('aria-hidden', 'true');
  const axisRow = el(doc, 'tr');
  const axis = el(doc, 'td', 'axis');
  const ticks = lane(doc);
  chart.ticks.forEach((tick, i) => {
    const label = el(
      doc,
      'span',
      i === 0 ? 'tick first' : i === chart.ticks.length - 1 ? 'tick last' : 'tick',
      tick.label,
    );
    label.style.left = `${tick.at}%`;
    ticks.append(label);
  });
  axis.append(ticks);
  axisRow.append(el(doc, 'td'), axis, el(doc, 'td'));
  foot.append(axisRow);
  table.append(body, foot);
  return table;
}

/** One kind of wording: each wording once, beside the outlets that use it, differing ones marked. */
export function renderWordings(doc: Doc, kind: ComparedKind): HTMLTableElement {
  const table = el(doc, 'table', `wordings ${kind.status}`);
  table.append(caption(doc, kind));
  const groups = new Map<string, { value: StatedValue; rows: StatedRow[] }>();
  for (const row of kind.rows) {
    for (const value of row.values) {
      const group = groups.get(value.text) ?? { value, rows: [] };
      group.value = { ...group.value, differs: group.value.differs || value.differs };
      group.rows.push(row);
      groups.set(value.text, group);
    }
  }
  const body = el(doc, 'tbody');
  for (const { value, rows } of groups.values()) {
    const tr = el(doc, 'tr', rows.some((r) => r.isPage) ? 'page' : undefined);
    const th = el(doc, 'th', rows.some((r) => r.isPage) ? 'who page' : 'who', listOf(rows.map((r) => r.label)));
    th.setAttribute('scope', 'row');
    const td = el(doc, 'td', 'values');
    td.append(said(doc, value));
    tr.append(th, td);
    body.append(tr);
  }
  table.append(body);
  return table;
}

/** Kinds every outlet states alike, a line each: "Trucks: almost 50 (News Nation and The Straits Times)". */
function renderAlike(doc: Doc, kinds: readonly ComparedKind[]): HTMLUListElement {
  const list = el(doc, 'ul', 'alike');
  for (const kind of kinds) {
    const item = el(doc, 'li');
    const value = kind.rows[0]!.values[0]!;
    item.append(el(doc, 'span', 'kind', kind.title), ': ', el(doc, 'span', 'value', value.text));
    if (value.computed !== null) item.append(' ', el(doc, 'span', 'computed inline', `(${value.computed})`));
    item.append(' ', el(doc, 'span', 'who', `(${listOf(kind.rows.map((r) => r.label))})`));
    list.append(item);
  }
  return list;
}

/** Said where nothing was compared: the outlets report the fact, which is not agreement. */
export const NOTHING_TO_COMPARE_TEXT =
  'Each outlet words it its own way: no two give a figure or a wording to set side by side.';

/** The comparison of a fact, between its summary and its quotes; null when the fact has no other outlet's report. */
export function renderComparison(doc: Doc, claim: ClaimView): HTMLElement | null {
  const comparison = el(doc, 'div', 'comparison');
  if (claim.compared.length === 0) {
    if (claim.reports.length === 0) return null;
    comparison.append(el(doc, 'p', 'nothing', NOTHING_TO_COMPARE_TEXT));
    return comparison;
  }
  const alike = claim.compared.filter(saidAlike);
  for (const kind of claim.compared) {
    if (alike.includes(kind)) continue;
    comparison.append(kind.type === 'figures' ? renderChart(doc, kind) : renderWordings(doc, kind));
  }
  if (alike.length > 0) comparison.append(renderAlike(doc, alike));
  return comparison;
}
