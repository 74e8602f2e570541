// Plain text laid out for a terminal: lines broken at spaces, continuation lines indented. Used by
// the tools' output and by pack:build's review table, which must not cut what a line says.

/**
 * `text` broken at spaces into lines of at most `width` characters, the first indented by
 * `indent`, the rest by `hang`. A word longer than a line is left whole.
 */
export function wrap(text: string, indent: string, hang: string, width = 100): string[] {
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
