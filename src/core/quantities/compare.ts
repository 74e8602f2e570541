// Whether the outlets agree on a claim, computed from the values their words state. Values of the
// same kind and of the same thing are set side by side: figures unit-aware, as ranges that agree
// when they overlap ("a four-mile convoy" and one "6 to 7 km long") and differ when they do not
// ("13 buses" and "a dozen buses"); wordings by the curator's normalised wording ("the SDF" and
// "the coalition" differ). Where no two reports state a value of one kind there is nothing to
// compare, which is not agreement. The comparison is computed once, when the pack loads; its
// reasons can be written again with other labels (the tooltip calls the page's own outlet "this
// page") without comparing again.
import { formatTotal } from './format';
import { valueLabel, type ValueKind } from './kinds';
import type { FigureValue, Interval, ReadValue } from './types';
import { listOf } from '../english/lists';

export interface ReportValues {
  /** Who the report is from, as a reason names it ("The Straits Times"). */
  label: string;
  values: readonly ReadValue[];
}

/** A count outlets give as the sum of others (a pack's `totals`): people = fighters + family members. */
export interface CountTotal {
  of: string;
  parts: readonly string[];
}

/** One report's value of one kind: stated outright, or summed from its parts. */
interface Entry {
  report: number;
  /** Indexes into the report's values that make up this entry. */
  valueIndexes: number[];
  /** A figure's range, or null for a wording. */
  range: Interval | null;
  /** A wording's comparison key. */
  key: string | null;
  display: string;
  /** The outlet's own words for the value (`FigureValue.said`), or a wording as the curator gives it. */
  said: string;
  /** A summed total's parts as the outlet wrote them, with what each counts ("250 fighters", "almost 4,000 members of their families"). */
  parts: string[] | null;
  /** The figures it was read from: one, or a total's parts. Empty for a wording. */
  figures: FigureValue[];
}

/** One report's value of a kind, as a chart or a list shows it. */
export interface ComparedEntry {
  report: number;
  /** A figure's range in the measure's base unit (an open end is ±Infinity), or null for a wording. */
  range: Interval | null;
  /** As a reason writes it ("almost 4,000", "a dozen (12)", "the SDF"); a total as one figure ("3,750"). */
  display: string;
  /** The outlet's own words: a figure's ("almost 4,000", "a dozen", "Thousands"), a wording as the curator gives it. */
  said: string;
  /** A summed total's parts in the outlet's words ("250 fighters", "3,500 family members"), or null. */
  parts: string[] | null;
  /** The figures the value was read from (a total's parts), for the words that say what Parallax computed. */
  figures: FigureValue[];
  /** Whether another report's value of the kind disagrees with this one. */
  differs: boolean;
}

/** The outlets that give the same value(s) of a kind, named once. */
export interface ValueGroup {
  /** Each value the outlets in the group give, as written in a reason ("13", "almost 50"). */
  displays: string[];
  /** Report indexes, in the order they were compared. */
  reports: number[];
}

export type ComparisonStatus = 'agree' | 'differ' | 'not-compared';

export interface KindComparison {
  kind: ValueKind;
  of: string | null;
  /** The currency of sums of money (only sums in one currency are compared), else null. */
  currency: string | null;
  status: 'agree' | 'differ';
  groups: ValueGroup[];
  /** Every report's value(s) of the kind, in report order. */
  entries: ComparedEntry[];
  /** "buses: News Nation and The Straits Times say 13; Watchout News says a dozen (12): differ" */
  reason: string;
}

export interface ClaimComparison {
  /** differ: some values contradict; agree: values were compared and fit; not-compared: none to compare. */
  status: ComparisonStatus;
  kinds: KindComparison[];
  reasons: string[];
  /** For each report, for each of its values: whether it disagrees with another report's. */
  differs: boolean[][];
}

/** Said of a claim whose outlets state no value two of them share: there is nothing to set side by side. */
export const NOTHING_TO_COMPARE = 'nothing to compare: no two outlets give a figure or other value of the same kind';

const keyOf = (kind: ValueKind, of: string | null, currency: string | null): string =>
  `${kind}\u0000${of ?? ''}\u0000${currency ?? ''}`;

interface Slot {
  kind: ValueKind;
  of: string | null;
  currency: string | null;
  entries: Entry[];
}

function entriesOf(report: ReportValues, reportIndex: number, totals: readonly CountTotal[]): Map<string, Slot> {
  const byKey = new Map<string, Slot>();
  const add = (kind: ValueKind, of: string | null, currency: string | null, entry: Entry) => {
    const key = keyOf(kind, of, currency);
    const slot = byKey.get(key) ?? { kind, of, currency, entries: [] };
    slot.entries.push(entry);
    byKey.set(key, slot);
  };
  report.values.forEach((value, i) => {
    if (value.type === 'figure')
      add(value.kind, value.of, value.currency, {
        report: reportIndex,
        valueIndexes: [i],
        range: value.range,
        key: null,
        display: value.display,
        said: value.said,
        parts: null,
        figures: [value],
      });
    else
      add(value.kind, value.of, null, {
        report: reportIndex,
        valueIndexes: [i],
        range: null,
        key: value.key,
        display: value.display,
        said: value.display,
        parts: null,
        figures: [],
      });
  });
  for (const { of, parts } of totals) {
    if (byKey.has(keyOf('count', of, null))) continue;
    const partEntries = parts.map((part) => byKey.get(keyOf('count', part, null))?.entries);
    if (partEntries.some((e) => e === undefined || e.length !== 1)) continue;
    const chosen = partEntries.map((e) => e![0]!);
    const range = {
      low: chosen.reduce((sum, e) => sum + e.range!.low, 0),
      high: chosen.reduce((sum, e) => sum + e.range!.high, 0),
    };
    // A total is said as one figure, its parts beside it: "3,750" (250 fighters, 3,500 family members).
    const figures = chosen.map((e) => report.values[e.valueIndexes[0]!] as FigureValue);
    // Its parts in the outlet's words, what each counts included ("250 ISIS militants"); a part
    // whose words name no more than its figure is said with what the pack says it counts.
    const partWords = figures.map((f, i) =>
      f.words.trim() === f.said ? `${f.said} ${parts[i]!.replace(/-/g, ' ')}` : f.words.trim(),
    );
    add('count', of, null, {
      report: reportIndex,
      valueIndexes: chosen.flatMap((e) => e.valueIndexes),
      range,
      key: null,
      display: formatTotal(figures),
      said: partWords.join(', '),
      parts: partWords,
      figures,
    });
  }
  return byKey;
}

/** Rounding slack when two bounds meet (6.437 km against four miles): relative to their finite size. */
const tolerance = (x: number, y: number): number =>
  1e-9 * Math.max(1, Number.isFinite(x) ? Math.abs(x) : 0, Number.isFinite(y) ? Math.abs(y) : 0);

/** Whether a value ending at `high` falls short of one starting at `low`. */
const below = (high: number, low: number): boolean => low > high + tolerance(low, high);

/**
 * For each entry, whether another report's entry of the slot disagrees with it: a wording of
 * another key, a range that does not overlap. Near-linear in the entries (a claim may have many
 * reports): a wording differs when some other report gives another key, counted; a range differs
 * when the lowest top or the highest bottom among the other reports misses it (`below` grows
 * with its bound, so those two are the only ones to try).
 */
function differingEntries(entries: readonly Entry[]): boolean[] {
  if (entries.some((e) => e.key !== null)) {
    const count = <K>(map: Map<K, number>, key: K) => map.set(key, (map.get(key) ?? 0) + 1);
    const byKey = new Map<string | null, number>();
    const byReport = new Map<number, number>();
    const byReportKey = new Map<string, number>();
    const reportKey = (e: Entry) => `${e.report}\u0000${e.key}`;
    for (const e of entries) {
      count(byKey, e.key);
      count(byReport, e.report);
      count(byReportKey, reportKey(e));
    }
    // Entries of another key, less those of this entry's own report.
    return entries.map(
      (e) => entries.length - byKey.get(e.key)! - (byReport.get(e.report)! - byReportKey.get(reportKey(e))!) > 0,
    );
  }
  // The two lowest tops and the two highest bottoms from different reports: for any entry, one of
  // each pair is another report's.
  type Best = { value: number; report: number };
  const keep = (best: Best[], value: number, report: number, better: (x: number, y: number) => boolean) => {
    const same = best.findIndex((b) => b.report === report);
    if (same >= 0) {
      if (better(value, best[same]!.value)) best[same] = { value, report };
    } else best.push({ value, report });
    best.sort((x, y) => (better(x.value, y.value) ? -1 : better(y.value, x.value) ? 1 : 0));
    best.length = Math.min(best.length, 2);
  };
  const lowestTops: Best[] = [];
  const highestBottoms: Best[] = [];
  for (const e of entries) {
    keep(lowestTops, e.range!.high, e.report, (x, y) => x < y);
    keep(highestBottoms, e.range!.low, e.report, (x, y) => x > y);
  }
  const other = (best: Best[], report: number) => best.find((b) => b.report !== report);
  return entries.map((e) => {
    const top = other(lowestTops, e.report);
    const bottom = other(highestBottoms, e.report);
    return (
      (top !== undefined && below(top.value, e.range!.low)) ||
      (bottom !== undefined && below(e.range!.high, bottom.value))
    );
  });
}

export function compareReports(reports: readonly ReportValues[], totals: readonly CountTotal[] = []): ClaimComparison {
  const differs = reports.map((r) => r.values.map(() => false));
  const byKey = new Map<string, Slot>();
  reports.forEach((report, i) => {
    for (const [key, slot] of entriesOf(report, i, totals)) {
      const into = byKey.get(key) ?? { ...slot, entries: [] };
      into.entries.push(...slot.entries);
      byKey.set(key, into);
    }
  });

  const kinds: KindComparison[] = [];
  const labels = reports.map((r) => r.label);
  // A set: a total that differs from several outlets' is marked once.
  const differingTotals = new Set<Entry>();
  for (const { kind, of, currency, entries } of byKey.values()) {
    if (new Set(entries.map((e) => e.report)).size < 2) continue;
    // One wording is shown as the first outlet's curator wrote it: "the SDF" and "The SDF" are one.
    const shown = new Map<string, string>();
    for (const e of entries)
      if (e.key !== null) e.display = e.said = shown.get(e.key) ?? (shown.set(e.key, e.display), e.display);
    const entryDiffers = differingEntries(entries);
    entries.forEach((a, i) => {
      if (!entryDiffers[i]) return;
      if (a.valueIndexes.length === 1) differs[a.report]![a.valueIndexes[0]!] = true;
      else differingTotals.add(a);
    });
    const status: KindComparison['status'] = entryDiffers.includes(true) ? 'differ' : 'agree';
    const groups = groupByDisplay(entries);
    const compared = entries.map(({ report, range, display, said, parts, figures }, i): ComparedEntry => ({
      report,
      range,
      display,
      said,
      parts,
      figures,
      differs: entryDiffers[i]!,
    }));
    kinds.push({
      kind,
      of,
      currency,
      status,
      groups,
      entries: compared,
      reason: describeKind({ kind, of, status, groups }, labels),
    });
  }
  // A summed total that differs is marked on the parts disputed in their own right: where the
  // fighters agree (250) and the family counts do not, the dispute is in "3,500 family members".
  // Where no part is disputed on its own, the total is the dispute, and all its parts are marked.
  for (const total of differingTotals) {
    const disputed = total.valueIndexes.filter((i) => differs[total.report]![i]);
    for (const i of disputed.length > 0 ? disputed : total.valueIndexes) differs[total.report]![i] = true;
  }
  const status: ComparisonStatus =
    kinds.length === 0 ? 'not-compared' : kinds.some((k) => k.status === 'differ') ? 'differ' : 'agree';
  return { status, kinds, reasons: reasonsOf(status, kinds, labels), differs };
}

/** Reports grouped by the values they give; a report giving several (Al Bawaba: 3,750 and 4,000) is one group. */
function groupByDisplay(entries: readonly Entry[]): ValueGroup[] {
  const displaysOf = new Map<number, Set<string>>();
  for (const entry of entries) {
    const set = displaysOf.get(entry.report) ?? new Set<string>();
    set.add(entry.display);
    displaysOf.set(entry.report, set);
  }
  const groups = new Map<string, ValueGroup>();
  for (const [report, set] of displaysOf) {
    const displays = [...set];
    const key = displays.join('\u0000');
    const group = groups.get(key) ?? { displays, reports: [] };
    group.reports.push(report);
    groups.set(key, group);
  }
  return [...groups.values()];
}

/**
 * "buses: News Nation and The Straits Times say 13; Watchout News says a dozen (12): differ", with
 * `labels[i]` naming report i. Each outlet is named once, with all its values: an outlet with
 * several reports is one label, its values gathered under it ("Al Bawaba says 3,750, as many as
 * 4,000 and 4,000"). A total is one figure, never a sum written out.
 */
function describeKind(
  kind: Pick<KindComparison, 'kind' | 'of' | 'status' | 'groups'>,
  labels: readonly string[],
): string {
  const byLabel = new Map<string, Set<string>>();
  for (const { displays, reports } of kind.groups) {
    for (const report of reports) {
      const label = labels[report] ?? `report ${report}`;
      const set = byLabel.get(label) ?? new Set<string>();
      for (const d of displays) set.add(d);
      byLabel.set(label, set);
    }
  }
  const sides = new Map<string, { displays: string[]; names: string[] }>();
  for (const [label, set] of byLabel) {
    const displays = [...set];
    const key = displays.join('\u0000');
    const side = sides.get(key) ?? { displays, names: [] };
    side.names.push(label);
    sides.set(key, side);
  }
  const said = [...sides.values()].map(
    ({ displays, names }) => `${listOf(names)} ${names.length === 1 ? 'says' : 'say'} ${listOf(displays)}`,
  );
  return `${valueLabel(kind.kind, kind.of)}: ${said.join('; ')}: ${kind.status}`;
}

function reasonsOf(status: ComparisonStatus, kinds: readonly KindComparison[], labels: readonly string[]): string[] {
  if (status === 'not-compared') return [NOTHING_TO_COMPARE];
  return kinds.map((k) => describeKind(k, labels));
}

/** The comparison's reasons, with other names for the reports (e.g. "this page"). */
export function describeComparison(comparison: ClaimComparison, labels: readonly string[]): string[] {
  return reasonsOf(comparison.status, comparison.kinds, labels);
}
