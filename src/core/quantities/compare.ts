// Whether the outlets agree on a claim, computed from the values their words state. Values of the
// same kind are set side by side, unit-aware; two reports differ on a kind when the ranges their
// words allow do not overlap ("13 buses" and "a dozen buses"), and agree when they do (a
// "four-mile" convoy and one "6 to 7 km long"). The comparison is computed once, when the
// database loads; its reasons can be written again with other labels (the tooltip calls the
// page's own outlet "this page") without comparing again.
import { formatNumber, formatValue } from './format';
import { KIND_TOTALS, kindLabel, type QuantityKind } from './kinds';
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

/** Reports that state one kind with the same words for the value ("13", from two outlets). */
export interface ValueGroup {
  display: string;
  /** Report indexes, in the order they were compared. */
  reports: number[];
}

export interface KindComparison {
  kind: QuantityKind;
  status: 'agree' | 'differ';
  groups: ValueGroup[];
  /** "buses: 13 (News Nation, The Straits Times) vs 12 (Watchout News): differ" */
  reason: string;
}

export interface ClaimComparison {
  status: 'agree' | 'differ';
  kinds: KindComparison[];
  reasons: string[];
  /** For each report, for each of its values: whether it disagrees with another report's. */
  differs: boolean[][];
}

function entriesOf(report: ReportValues, reportIndex: number): Map<QuantityKind, Entry[]> {
  const byKind = new Map<QuantityKind, Entry[]>();
  const add = (kind: QuantityKind, entry: Entry) => byKind.set(kind, [...(byKind.get(kind) ?? []), entry]);
  report.values.forEach((value, i) => {
    add(value.kind, { report: reportIndex, valueIndexes: [i], range: value.range, display: formatValue(value) });
  });
  for (const { total, parts } of KIND_TOTALS) {
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

function overlaps(a: Interval, b: Interval): boolean {
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
  const labels = reports.map((r) => r.label);
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
    const status: KindComparison['status'] = differ ? 'differ' : 'agree';
    const groups = groupByDisplay(entries);
    kinds.push({ kind, status, groups, reason: describeKind({ kind, status, groups }, labels) });
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

function groupByDisplay(entries: readonly Entry[]): ValueGroup[] {
  const groups = new Map<string, number[]>();
  for (const entry of entries) groups.set(entry.display, [...(groups.get(entry.display) ?? []), entry.report]);
  return [...groups].map(([display, reports]) => ({ display, reports }));
}

/**
 * "buses: 13 (News Nation, The Straits Times) vs 12 (Watchout News): differ", with `labels[i]`
 * naming report i; a name is written once per value even when the outlet has several reports.
 */
function describeKind(kind: Pick<KindComparison, 'kind' | 'status' | 'groups'>, labels: readonly string[]): string {
  const values = kind.groups.map(({ display, reports }) => {
    const names = [...new Set(reports.map((report) => labels[report] ?? `report ${report}`))];
    return `${display} (${names.join(', ')})`;
  });
  return `${kindLabel(kind.kind)}: ${values.join(' vs ')}: ${kind.status}`;
}

/** The comparison's reasons, with other names for the reports (e.g. "this page"). */
export function describeComparison(comparison: ClaimComparison, labels: readonly string[]): string[] {
  return comparison.kinds.map((kind) => describeKind(kind, labels));
}
