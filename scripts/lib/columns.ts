// Laying out the scripts' text output: padded table cells, and lines wrapped to a terminal width.

/** The width the scripts' readable output fits in. */
const TERMINAL_COLUMNS = 100;

/** A cell padded on the right (text) or the left (numbers). */
export const pad = (s: string | number, n: number): string => String(s).padEnd(n);
export const padl = (s: string | number, n: number): string => String(s).padStart(n);

/**
 * `text` broken at spaces into lines of at most `width` characters, the first indented by
 * `indent`, the rest by `hang`. A word longer than a line is left whole.
 */
export function wrap(text: string, indent: string, hang: string, width = TERMINAL_COLUMNS): string[] {
  const lines: string[] = [];
  let line = indent;
  let empty = true;
  for (const word of text.split(' ').filter((w) => w !== '')) {
    if (!empty && line.length + 1 + word.length > width) {
      lines.push(line);
      line = hang;
      empty = true;
    }
    line += (empty ? '' : ' ') + word;
    empty = false;
  }
  lines.push(line);
  return lines;
}
