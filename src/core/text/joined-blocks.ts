// The page text as one string: its blocks joined by BLOCK_SEPARATOR. Offsets across blocks (the
// CLI's output, the eval's labels, an outlet's quote anchored on its own page) index this string.

export const BLOCK_SEPARATOR = '\n\n';

export function joinBlocks(blocks: readonly string[]): string {
  return blocks.join(BLOCK_SEPARATOR);
}

/** Where each block starts in the joined text. */
export function blockStarts(blocks: readonly string[]): number[] {
  const starts: number[] = [];
  let offset = 0;
  for (const text of blocks) {
    starts.push(offset);
    offset += text.length + BLOCK_SEPARATOR.length;
  }
  return starts;
}
