// How a read value is written in a reason or a summary table: the outlet's hedge, the figure,
// and for other units the converted figure, so "four-mile" reads "4 mi (6.4 km)".
import { toBase, unitLabel } from './units';
import type { ReadValue } from './types';

export function formatNumber(n: number): string {
  if (n === Infinity) return '∞';
  return n.toLocaleString('en-US', { maximumFractionDigits: 1 });
}

function formatInterval(low: number, high: number): string {
  return low === high ? formatNumber(low) : `${formatNumber(low)}–${formatNumber(high)}`;
}

export function formatValue(value: ReadValue): string {
  if (value.unit === 'date') return value.figureWords;
  const hedge = value.hedgeWords ? `${value.hedgeWords} ` : '';
  const figure = value.vague
    ? `${value.figureWords} (${formatInterval(value.stated.low, value.stated.high)})`
    : formatInterval(value.stated.low, value.stated.high);
  const plural = value.stated.high !== 1;
  const unit = unitLabel(value.unit, plural);
  const text = `${hedge}${figure}${unit ? ` ${unit}` : ''}`;
  if (value.unit === 'mi' || value.unit === 'm') {
    const factor = toBase(value.unit);
    const km = formatInterval(value.stated.low * factor, value.stated.high * factor);
    return `${text} (${km} km)`;
  }
  return text;
}
