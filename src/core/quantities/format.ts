// How a read figure is written for a reader: the outlet's hedge and its figure as it printed it
// ("almost 4,000", "13", "a dozen (12)"), for other units the converted figure too ("four-mile"
// reads "4 mi (6.4 km)"), a total an outlet implies as one figure ("3,750", "about 4,250"), and the
// numbers on a chart's axis.
import { toBase, unitLabel } from './units';
import type { Hedge, Interval, Unit } from './types';

// One formatter for every number: toLocaleString with options builds a new one per call, which
// was most of the cost of loading a pack with many values.
const NUMBER_FORMAT = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });

export function formatNumber(n: number): string {
  if (n === Infinity) return '∞';
  return NUMBER_FORMAT.format(n);
}

export function formatInterval(low: number, high: number): string {
  return low === high ? formatNumber(low) : `${formatNumber(low)}–${formatNumber(high)}`;
}

/**
 * Words an outlet may mean loosely are kept beside their figure: "a dozen buses" may be eleven or
 * thirteen to its reader, so it reads "a dozen (12)", not "12". Plain number words ("ten") and
 * digits read as the figure.
 */
function keepsWords(figureWords: string): boolean {
  return /\bdozen\b/.test(figureWords) || /^(?:a|an|half)\b/.test(figureWords);
}

/** "almost 50", "a dozen (12)", "dozens (24–99)", "6–7 km", "4 mi (6.4 km)", "four-month" as "4 months". */
export function formatFigure(parts: {
  hedgeWords: string | null;
  hedgeAfter?: boolean;
  figureWords: string;
  vague: boolean;
  low: number;
  high: number;
  unit: Unit;
}): string {
  const figure =
    parts.vague || keepsWords(parts.figureWords)
      ? `${parts.figureWords} (${formatInterval(parts.low, parts.high)})`
      : formatInterval(parts.low, parts.high);
  const unit = unitLabel(parts.unit, parts.high !== 1);
  const text = withHedge(`${figure}${unit ? ` ${unit}` : ''}`, parts.hedgeWords, parts.hedgeAfter === true);
  if (parts.unit === 'mi' || parts.unit === 'm' || parts.unit === 'nmi') {
    const factor = toBase(parts.unit);
    return `${text} (${formatInterval(parts.low * factor, parts.high * factor)} km)`;
  }
  return text;
}

/** The hedge where the outlet put it: "almost 50", "200 or more", "20 March at the earliest". */
export function withHedge(text: string, hedgeWords: string | null, after: boolean): string {
  if (!hedgeWords) return text;
  return after ? `${text} ${hedgeWords}` : `${hedgeWords} ${text}`;
}

/** What a part of a total says: its figure as printed, and the hedge's meaning. */
export interface TotalPart {
  hedge: Hedge | null;
  vague: boolean;
  stated: Interval;
  range: Interval;
}

/**
 * A total an outlet implies (250 fighters and 3,500 family members), as one figure a reader takes
 * in at a glance, never as a sum: "3,750" when every part is exact, "158 or more" when a part has
 * no upper bound ("more than 100"), "almost 8,000" when every part carries the same hedge, and
 * "about 4,250" (the sum of the printed figures) when the hedges are mixed.
 */
export function formatTotal(parts: readonly TotalPart[]): string {
  const sum = (pick: (p: TotalPart) => number) => parts.reduce((total, p) => total + pick(p), 0);
  const low = sum((p) => p.range.low);
  const high = sum((p) => p.range.high);
  if (high === Infinity) return `${formatNumber(low)} or more`;
  const exact = (p: TotalPart) =>
    !p.vague && (p.hedge === null || p.hedge === 'only' || p.hedge === 'exactly') && p.stated.low === p.stated.high;
  if (parts.every(exact)) return formatInterval(low, high);
  if (parts.some((p) => p.vague)) return formatInterval(low, high);
  const stated = formatInterval(
    sum((p) => p.stated.low),
    sum((p) => p.stated.high),
  );
  const hedges = new Set(parts.map((p) => (exact(p) ? null : p.hedge)));
  const [only] = hedges;
  if (hedges.size === 1 && only) return `${only} ${stated}`;
  return `about ${stated}`;
}

/** Minutes since midnight as "19:41". */
export function formatTime(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = Math.round(minutes % 60);
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Days since 1970-01-01 as "12 Oct", with the year when asked ("12 Oct 2017"). */
export function formatDay(days: number, withYear = false): string {
  const date = new Date(Math.round(days) * 86_400_000);
  const text = `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]}`;
  return withYear ? `${text} ${date.getUTCFullYear()}` : text;
}

const CURRENCY_SIGNS: Readonly<Record<string, string>> = { EUR: '€', GBP: '£', USD: '$' };

/** "€250", "$1.2 million" as "$1,200,000", "250 JPY". */
export function formatMoney(amount: string, currency: string): string {
  const sign = CURRENCY_SIGNS[currency];
  return sign === undefined ? `${amount} ${currency}` : `${sign}${amount}`;
}
