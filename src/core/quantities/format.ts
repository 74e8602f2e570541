// How a read figure is written in a reason or a summary table: the outlet's hedge, the figure,
// and for other units the converted figure, so "four-mile" reads "4 mi (6.4 km)".
import { toBase, unitLabel } from './units';
import type { Unit } from './types';

export function formatNumber(n: number): string {
  if (n === Infinity) return '∞';
  return n.toLocaleString('en-US', { maximumFractionDigits: 1 });
}

export function formatInterval(low: number, high: number): string {
  return low === high ? formatNumber(low) : `${formatNumber(low)}–${formatNumber(high)}`;
}

/** "almost 50", "dozens (24–99)", "6–7 km", "4 mi (6.4 km)", "four-month" as "4 months". */
export function formatFigure(parts: { hedgeWords: string | null; hedgeAfter?: boolean; figureWords: string; vague: boolean; low: number; high: number; unit: Unit }): string {
  const figure = parts.vague ? `${parts.figureWords} (${formatInterval(parts.low, parts.high)})` : formatInterval(parts.low, parts.high);
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

/** Minutes since midnight as "19:41". */
export function formatTime(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = Math.round(minutes % 60);
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}

const CURRENCY_SIGNS: Readonly<Record<string, string>> = { EUR: '€', GBP: '£', USD: '$' };

/** "€250", "$1.2 million" as "$1,200,000", "250 JPY". */
export function formatMoney(amount: string, currency: string): string {
  const sign = CURRENCY_SIGNS[currency];
  return sign === undefined ? `${amount} ${currency}` : `${sign}${amount}`;
}
