// Whether the outlets agree on a claim, computed from the values their words state. Values of the
// same kind are set side by side, unit-aware; two reports differ on a kind when the ranges their
// words allow do not overlap ("13 buses" and "a dozen buses"), and agree when they do (a
// "four-mile" convoy and one "6 to 7 km long").
import type { QuantityKind } from '../database/schema';
import { formatNumber, formatValue, kindLabel } from './format';
import type { Interval, ReadValue } from './types';

export interface ReportValues {
  /** Who the report is from, as a reason names it ("The Straits Times"). */
  label: string;
  values: readonly ReadValue[];
}

/** One report's value of one kind: stated outright, or summed from its parts. */
interface Entry {
  report: number;
  /** Indexes into the report's values that make up this entry. */
  valueIndexes: number[];
  range: Interval;
  display: string;
}

export interface KindComparison {
  kind: QuantityKind;
  status: 'agree' | 'differ';
  reason: string;
}

export interface ClaimComparison {
  status: 'agree' | 'differ';
  kinds: KindComparison[];
  reasons: string[];
  /** For each report, for each of its values: whether it disagrees with another report's. */
  differs: boolean[][];
}

/**
 * Totals an outlet implies without stating: "250 fighters and 3,500 family members" is 3,750
 * people in all, to be set beside "almost 4,000 militants and their families". Derived only when a
 * report gives every part, so a partial count is never mistaken for a total.
 */
const TOTALS: ReadonlyArray<{ total: QuantityKind; parts: QuantityKind[] }> = [
  { total: 'people', parts: ['fighters', 'family-members'] },
  { total: 'all-vehicles', parts: ['trucks', 'buses', 'vehicles'] },
];

function entriesOf(report: ReportValues, reportIndex: number): Map<QuantityKind, Entry[]> {
  const byKind = new Map<QuantityKind, Entry[]>();
  const add = (kind: QuantityKind, entry: Entry) => byKind.set(kind, [...(byKind.get(kind) ?? []), entry]);
  report.values.forEach((value, i) => {
    add(value.kind, { report: reportIndex, valueIndexes: [i], range: value.range, display: formatValue(value) });
  });
  for (const { total, parts } of TOTALS) {
    if (byKind.has(total)) continue;
    const partEntries = parts.map((kind) => byKind.get(kind));
    if (partEntries.some((e) => e === undefined || e.length !== 1)) continue;
    const chosen = partEntries.map((e) => (e as Entry[])[0] as Entry);
    add(total, {
      report: reportIndex,
      valueIndexes: chosen.flatMap((e) => e.valueIndexes),
      range: {
        low: chosen.reduce((sum, e) => sum + e.range.low, 0),
        high: chosen.reduce((sum, e) => sum + e.range.high, 0),
      },
      display: `${formatSum(chosen)} = ${chosen.map((e) => e.display).join(' + ')}`,
    });
  }
  return byKind;
}

function formatSum(entries: Entry[]): string {
  const low = entries.reduce((sum, e) => sum + e.range.low, 0);
  const high = entries.reduce((sum, e) => sum + e.range.high, 0);
  if (high === Infinity) return `${formatNumber(low)} or more`;
  return low === high ? formatNumber(low) : `${formatNumber(low)}–${formatNumber(high)}`;
}

export function overlaps(a: Interval, b: Interval): boolean {
  const slack = 1e-9 * Math.max(1, Math.abs(a.low), Math.abs(b.low));
  return a.low <= b.high + slack && b.low <= a.high + slack;
}

export function compareReports(reports: readonly ReportValues[]): ClaimComparison {
  const differs = reports.map((r) => r.values.map(() => false));
  const byKind = new Map<QuantityKind, Entry[]>();
  reports.forEach((report, i) => {
    for (const [kind, entries] of entriesOf(report, i)) byKind.set(kind, [...(byKind.get(kind) ?? []), ...entries]);
  });

  const kinds: KindComparison[] = [];
  // A set: a total that differs from several outlets' is marked once.
  const differingTotals = new Set<Entry>();
  for (const [kind, entries] of byKind) {
    if (new Set(entries.map((e) => e.report)).size < 2) continue;
    let differ = false;
    for (const a of entries) {
      for (const b of entries) {
        if (a.report === b.report || overlaps(a.range, b.range)) continue;
        differ = true;
        if (a.valueIndexes.length === 1) differs[a.report]![a.valueIndexes[0]!] = true;
        else differingTotals.add(a);
      }
    }
    const status = differ ? 'differ' : 'agree';
    kinds.push({ kind, status, reason: `${kindLabel(kind)}: ${describeEntries(entries, reports)}: ${status}` });
  }
  // A summed total that differs is marked on the parts disputed in their own right: where the
  // fighters agree (250) and the family counts do not, the dispute is in "3,500 family members".
  // Where no part is disputed on its own, the total is the dispute, and all its parts are marked.
  for (const total of differingTotals) {
    const disputed = total.valueIndexes.filter((i) => differs[total.report]![i]);
    for (const i of disputed.length > 0 ? disputed : total.valueIndexes) differs[total.report]![i] = true;
  }
  const status = kinds.some((k) => k.status === 'differ') ? 'differ' : 'agree';
  return { status, kinds, reasons: kinds.map((k) => k.reason), differs };
}

/** "13 (News Nation, The Straits Times) vs 12 (Watchout News)": identical values grouped. */
function describeEntries(entries: readonly Entry[], reports: readonly ReportValues[]): string {
  const groups = new Map<string, string[]>();
  for (const entry of entries) {
    const label = reports[entry.report]?.label ?? `report ${entry.report}`;
    const names = groups.get(entry.display) ?? [];
    if (!names.includes(label)) names.push(label);
    groups.set(entry.display, names);
  }
  return [...groups].map(([display, names]) => `${display} (${names.join(', ')})`).join(' vs ');
}
