// Laying out the tools' text output: padded table cells, and lines wrapped to a terminal width.
import { wrap as wrapText } from '../../core/text/wrap';

/** The width the tools' readable output fits in. */
const TERMINAL_COLUMNS = 100;

/** A cell padded on the right (text) or the left (numbers). */
export const pad = (s: string | number, n: number): string => String(s).padEnd(n);
export const padl = (s: string | number, n: number): string => String(s).padStart(n);

/** `text` broken at spaces into lines of at most `width` (100) characters; see src/core/text/wrap.ts. */
export function wrap(text: string, indent: string, hang: string, width = TERMINAL_COLUMNS): string[] {
  return wrapText(text, indent, hang, width);
}
