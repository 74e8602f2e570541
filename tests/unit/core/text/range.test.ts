import { describe, expect, it } from 'vitest';
import { extractBlocks, type ExtractedBlock } from '../../../../src/core/text/extract';
import { parseHtml } from '../../../../src/node/parse-html';
import { toBlockOffset, toNodeRange } from '../../../../src/core/text/range';
import { splitSentences } from '../../../../src/core/text/segment';

const firstBlock = (body: string): ExtractedBlock => {
  const [block] = extractBlocks(parseHtml(`<!DOCTYPE html><html><body>${body}</body></html>`));
  if (block === undefined) throw new Error('no block');
  return block;
};

/** The page text a node range covers, read node by node in document order. */
function rangeText(block: ExtractedBlock, start: number, end: number): string | null {
  const range = toNodeRange(block, start, end);
  if (range === null) return null;
  const nodes = block.segments.map((segment) => segment.node).filter((node, index, all) => all.indexOf(node) === index);
  let text = '';
  let inside = false;
  for (const node of nodes) {
    if (node === range.startNode) inside = true;
    if (!inside) continue;
    const from = node === range.startNode ? range.startOffset : 0;
    const to = node === range.endNode ? range.endOffset : node.data.length;
    text += node.data.slice(from, to);
    if (node === range.endNode) break;
  }
  return text;
}

describe('toNodeRange', () => {
  const html =
    '<p>Footage  shows <a href="#">lorries\n towing <em>trailers</em></a> crammed with armed men. Ten trucks were loaded with <b>weapons</b>.</p>';

  it('maps every sentence of a block back to DOM text that reads the same', () => {
    const block = firstBlock(html);
    const sentences = splitSentences(block.text).map(({ start, end }) =>
      rangeText(block, start, end)?.replace(/\s+/g, ' '),
    );
    expect(sentences).toEqual([
      'Footage shows lorries towing trailers crammed with armed men.',
      'Ten trucks were loaded with weapons.',
    ]);
  });

  it('returns node positions inside the right text nodes across element boundaries', () => {
    const block = firstBlock(html);
    const start = block.text.indexOf('towing');
    const end = block.text.indexOf(' crammed');
    const range = toNodeRange(block, start, end)!;
    expect(range.startNode.data).toBe('lorries\n towing ');
    expect(range.startOffset).toBe('lorries\n '.length);
    expect(range.endNode.data).toBe('trailers');
    expect(range.endOffset).toBe('trailers'.length);
  });

  it('moves ends that fall on a <br> line break inward to real characters', () => {
    const block = firstBlock('<p>Raqqa<br>Convoy left</p>');
    expect(block.text).toBe('Raqqa\nConvoy left');
    expect(rangeText(block, 5, 12)).toBe('Convoy');
    expect(rangeText(block, 3, 6)).toBe('qa');
    expect(toNodeRange(block, 5, 6)).toBeNull();
  });

  it('rejects empty, reversed, fractional and out-of-range spans', () => {
    const block = firstBlock(html);
    expect(toNodeRange(block, 3, 3)).toBeNull();
    expect(toNodeRange(block, 5, 2)).toBeNull();
    expect(toNodeRange(block, -1, 4)).toBeNull();
    expect(toNodeRange(block, 0, block.text.length + 1)).toBeNull();
    expect(toNodeRange(block, 0.5, 4)).toBeNull();
    expect(toNodeRange({ text: 'no nodes', segments: [] }, 0, 2)).toBeNull();
  });

  it('finds positions by binary search in a block of thousands of segments', () => {
    const body = Array.from({ length: 5000 }, (_, index) => `<b>w${index}</b>`).join('  ');
    const block = firstBlock(`<p>${body}</p>`);
    const start = block.text.indexOf('w4321');
    expect(rangeText(block, start, start + 'w4321 w4322'.length)).toBe('w4321  w4322');
  });
});

describe('toBlockOffset', () => {
  it('is the inverse of toNodeRange for positions on characters', () => {
    const block = firstBlock('<p>Footage  shows <a href="#">lorries\n towing <em>trailers</em></a> crammed.</p>');
    for (let offset = 0; offset < block.text.length; offset += 1) {
      const range = toNodeRange(block, offset, offset + 1)!;
      expect(toBlockOffset(block, range.startNode, range.startOffset)).toBe(offset);
    }
  });

  it('maps a position inside collapsed whitespace to the next character, and unknown nodes to null', () => {
    const block = firstBlock('<p>Footage    shows</p>');
    const node = block.segments[0]!.node;
    expect(block.text).toBe('Footage shows');
    expect(toBlockOffset(block, node, 9)).toBe(8);
    expect(toBlockOffset(block, node, node.data.length)).toBe(block.text.length);
    expect(toBlockOffset(block, parseHtml('<p>x</p>').createTextNode('x'), 0)).toBeNull();
  });
});
