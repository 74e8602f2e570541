import { describe, expect, it } from 'vitest';
import { MAX_NESTING_DEPTH, flattenDeepNesting, nestingDepth } from '../../../src/node/flatten-nesting';

describe('nestingDepth', () => {
  it('counts open elements, not void elements, self-closed tags, comments or tags inside scripts', () => {
    expect(nestingDepth('<div><p>a <b>b</b><br><img src=x><x-y/></p></div>')).toBe(3);
    expect(nestingDepth('<div><!-- <div><div><div> --><script>var s = "<div><div><div>";</script></div>')).toBe(2);
    expect(nestingDepth('<SCRIPT>if (a<b) "<div><div>"</script ><div></div>')).toBe(1);
  });

  it('closes paragraphs and list items that the markup leaves open, as a parser does', () => {
    const unclosed = '<ul>' + '<li><p>item'.repeat(5000) + '</ul>';
    expect(nestingDepth(unclosed)).toBe(3);
    // A nested list is a scope: its items do not close the outer item.
    expect(nestingDepth('<ul><li>a<ul><li>b<li>c</ul><li>d</ul>')).toBe(4);
    expect(nestingDepth('<table>' + '<tr><td>a<td>b'.repeat(1000) + '</table>')).toBe(3);
  });

  it('stays linear on garbage: unterminated tags, lone "<", stray end tags', () => {
    expect(nestingDepth('<a'.repeat(100_000))).toBe(0);
    expect(nestingDepth('< 5 and 3 <4 </>'.repeat(10_000))).toBe(0);
    expect(nestingDepth('</div>'.repeat(10_000) + '<div>')).toBe(1);
  });
});

describe('flattenDeepNesting', () => {
  it('leaves ordinary markup byte for byte unchanged', () => {
    const html =
      '<!DOCTYPE html><html><body><article><p>The <a href="#">convoy</a> left.</p><ul><li>a<li>b</ul></article></body></html>';
    expect(flattenDeepNesting(html)).toBe(html);
  });

  it('unwraps elements past the cap and keeps all of the text', () => {
    const depth = 2000;
    const html = '<div>'.repeat(depth) + 'Deep <b>text</b>.' + '</div>'.repeat(depth) + '<p>After.</p>';
    const flat = flattenDeepNesting(html);
    expect(nestingDepth(flat)).toBe(MAX_NESTING_DEPTH);
    expect(flat.replace(/<[^>]*>/g, '')).toBe('Deep text.After.');
    expect(flat.endsWith('</div><p>After.</p>')).toBe(true);
  });
});
