// The chart of one kind of figure: every outlet's value on one axis, a point for an exact figure
// and a bar for a range (a hedge makes one: "almost 4,000" is 3,600–4,000, "hundreds" 200–999),
// a bar with no end where the words give none ("more than 100"), this page's own figure apart.
// Positions are percentages of the axis, so the page draws them at any width; the axis's ticks are
// round numbers in the unit a reader expects (km, months, 12 Oct, 19:40).
import { formatDay, formatMoney, formatNumber, formatTime } from '../quantities/format';
import type { ComparedKind, StatedRow, StatedValue } from './types';

export interface ChartMark {
  /** Where the mark starts and ends along the axis, 0–100. A point has from === to. */
  from: number;
  to: number;
  shape: 'point' | 'range';
  /** The range runs on past the axis's end ("more than 100") or before its start ("before 8pm"). */
  openHigh: boolean;
  openLow: boolean;
  differs: boolean;
}

export interface ChartRow extends StatedRow {
  /** One mark per value, in the row's order. */
  marks: ChartMark[];
}

export interface ChartTick {
  /** 0–100 along the axis. */
  at: number;
  label: string;
}

export interface Chart {
  rows: ChartRow[];
  ticks: ChartTick[];
}

const DAY_UNITS: ReadonlyArray<[name: string, days: number]> = [
  ['years', 365.25],
  ['months', 365.25 / 12],
  ['days', 1],
  ['hours', 1 / 24],
  ['minutes', 1 / 1440],
];

/** How ticks step and read, for a measure and the largest value on the axis. */
interface Scale {
  /** Base units per axis unit (durations are kept in days and read in months, hours...). */
  factor: number;
  /** Steps allowed in axis units, smallest first; null for 1-2-5 steps of any size. */
  steps: readonly number[] | null;
  label(value: number, last: boolean): string;
}

function scaleOf(kind: ComparedKind, largest: number): Scale {
  switch (kind.measure) {
    case 'date':
      return { factor: 1, steps: [1, 2, 7, 14, 28, 91, 182, 365], label: (v) => formatDay(v) };
    case 'time':
      return {
        factor: 1,
        steps: [5, 10, 15, 30, 60, 120, 180, 360],
        label: (v) => formatTime(((v % 1440) + 1440) % 1440),
      };
    case 'duration': {
      const [name, days] = DAY_UNITS.find(([, days]) => largest / days >= 2) ?? DAY_UNITS.at(-1)!;
      return { factor: days, steps: null, label: (v, last) => (last ? `${formatNumber(v)} ${name}` : formatNumber(v)) };
    }
    case 'distance':
      return { factor: 1, steps: null, label: (v, last) => (last ? `${formatNumber(v)} km` : formatNumber(v)) };
    case 'age':
      return { factor: 1, steps: null, label: (v, last) => (last ? `${formatNumber(v)} years` : formatNumber(v)) };
    case 'money':
      return { factor: 1, steps: null, label: (v) => formatMoney(formatNumber(v), kind.currency ?? '') };
    default:
      return { factor: 1, steps: null, label: (v) => formatNumber(v) };
  }
}

/** The smallest round step (1, 2 or 5 times a power of ten, or one of `steps`) at least `raw`. */
function niceStep(raw: number, steps: readonly number[] | null, whole: boolean): number {
  if (steps) return steps.find((s) => s >= raw) ?? Math.ceil(raw / steps.at(-1)!) * steps.at(-1)!;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw * (1 - 1e-9))!;
  return whole ? Math.max(1, step) : step;
}

const values = (rows: readonly StatedRow[]): StatedValue[] => rows.flatMap((r) => r.values);

/** At most this many ticks, so that their labels fit under a narrow track. */
const MAX_TICKS = 5;

/** The axis: round numbers around every finite end, with room past the last for an open range to run on. */
function axisOf(kind: ComparedKind): { low: number; high: number; ticks: ChartTick[] } {
  const all = values(kind.rows);
  const finite = all.flatMap((v) => [v.low, v.high]).filter((n): n is number => n !== null);
  if (finite.length === 0) throw new Error(`"${kind.title}" has no figure to draw`);
  let low = Math.min(...finite);
  let high = Math.max(...finite);
  // One figure: an axis around it. (Ticks round the ends outwards; the page insets the axis, so a
  // point on its first or last tick is drawn whole.)
  const pad =
    low === high ? (kind.measure === 'date' ? 1 : kind.measure === 'time' ? 15 : Math.abs(low) * 0.1 || 1) : 0;
  const room = Math.max(high - low, pad) * 0.3;
  // An open range runs on past the last figure: room for it to show that it does.
  const openAbove = all.some((v) => v.high === null && v.low !== null && v.low >= high - room);
  const openBelow = all.some((v) => v.low === null && v.high !== null && v.high <= low + room);
  low -= openBelow ? room : pad;
  high += openAbove ? room : pad;
  // Counts, distances, durations, ages and sums are never negative: an axis below 0 would be made up.
  if (kind.measure !== 'date' && kind.measure !== 'time') low = Math.max(0, low);
  const scale = scaleOf(kind, Math.max(Math.abs(low), Math.abs(high)));
  const from = low / scale.factor;
  const to = high / scale.factor;
  const step = niceStep(
    (to - from) / (MAX_TICKS - 1),
    scale.steps,
    kind.measure === 'count' || kind.measure === 'duration' || kind.measure === 'age',
  );
  const first = Math.floor(from / step + 1e-9) * step;
  const last = Math.ceil(to / step - 1e-9) * step;
  const count = Math.round((last - first) / step);
  const ticks: ChartTick[] = [];
  for (let i = 0; i <= count; i++) {
    const at = first + i * step;
    ticks.push({ at: count === 0 ? 0 : (i / count) * 100, label: scale.label(at, i === count) });
  }
  return { low: first * scale.factor, high: (count === 0 ? first + step : last) * scale.factor, ticks };
}

/** The chart of a kind of figure: marks positioned along one axis, one row per outlet, this page first. */
export function chartOf(kind: ComparedKind): Chart {
  if (kind.type !== 'figures') throw new Error(`"${kind.title}" is a wording, not a figure`);
  const axis = axisOf(kind);
  const at = (n: number) => Math.min(100, Math.max(0, ((n - axis.low) / (axis.high - axis.low)) * 100));
  const markOf = (value: StatedValue): ChartMark => {
    const from = value.low === null ? 0 : at(value.low);
    const to = value.high === null ? 100 : at(value.high);
    return {
      from,
      to,
      shape: value.low !== null && value.low === value.high ? 'point' : 'range',
      openHigh: value.high === null,
      openLow: value.low === null,
      differs: value.differs,
    };
  };
  return {
    rows: kind.rows.map((row) => ({ ...row, marks: row.values.map(markOf) })),
    ticks: axis.ticks,
  };
}
