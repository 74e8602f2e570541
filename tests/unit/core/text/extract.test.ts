import { describe, expect, it } from 'vitest';
import { extractBlocks, extractBlocksIn, type ExtractedBlock } from '../../../../src/core/text/extract';
import { parseHtml } from '../../../../src/node/parse-html';
import { toNodeRange } from '../../../../src/core/text/range';

const page = (body: string): Document =>
  parseHtml(`<!DOCTYPE html><html><head><title>T</title></head><body>${body}</body></html>`);
const texts = (blocks: ExtractedBlock[]): string[] => blocks.map((block) => block.text);

/** Every segment must slice its node's data to the same characters as the block text (whitespace aside). */
function expectExactSegments(block: ExtractedBlock): void {
  for (const segment of block.segments) {
    const fromNode = segment.node.data.slice(segment.nodeStart, segment.nodeStart + segment.length);
    const fromBlock = block.text.slice(segment.start, segment.start + segment.length);
    expect(fromNode.replace(/[ \t\n\r\f]/g, ' ')).toBe(fromBlock);
  }
}

/** The DOM text a block range covers, read from the nodes the range points at. */
function domTextOf(block: ExtractedBlock, start: number, end: number): string {
  const range = toNodeRange(block, start, end);
  if (range === null) throw new Error('no range');
  const document = range.startNode.ownerDocument;
  const walker = document.createTreeWalker(document, 4 /* SHOW_TEXT */);
  let text = '';
  let inside = false;
  for (let node = walker.nextNode() as Text | null; node !== null; node = walker.nextNode() as Text | null) {
    if (node === range.startNode) inside = true;
    if (!inside) continue;
    const from = node === range.startNode ? range.startOffset : 0;
    const to = node === range.endNode ? range.endOffset : node.data.length;
    text += node.data.slice(from, to);
    if (node === range.endNode) break;
  }
  return text.replace(/[ \t\n\r\f]+/g, ' ');
}

describe('extractBlocks', () => {
  it('keeps a sentence that crosses links and emphasis in one block, mapped exactly', () => {
    const document = page(
      '<p>But a local driver told <a href="https://bbc.co.uk">the <strong>BBC</strong></a> that the convoy was <em>six to seven kilometres</em> long.</p>',
    );
    const blocks = extractBlocks(document);
    expect(texts(blocks)).toEqual([
      'But a local driver told the BBC that the convoy was six to seven kilometres long.',
    ]);
    const block = blocks[0]!;
    expect(block.element?.localName).toBe('p');
    expect(block.segments.length).toBe(6);
    expectExactSegments(block);
    const start = block.text.indexOf('the BBC');
    const end = block.text.indexOf(' long.');
    expect(domTextOf(block, start, end)).toBe('the BBC that the convoy was six to seven kilometres');
  });

  it('keeps curly quotes and non-breaking spaces as written', () => {
    const document = page('<p>“Great pains were taken to hide it,” said the BBC’s team —\u00a04,000 people left.</p>');
    expect(texts(extractBlocks(document))).toEqual([
      '“Great pains were taken to hide it,” said the BBC’s team —\u00a04,000 people left.',
    ]);
  });

  it('collapses whitespace as a browser renders it and keeps the map exact', () => {
    const document = page('<p>\n   The   SDF\n\thad <b> cleared </b>  Raqqa\n of media.  \n</p>');
    const [block] = extractBlocks(document);
    expect(block!.text).toBe('The SDF had cleared Raqqa of media.');
    expectExactSegments(block!);
    expect(domTextOf(block!, 4, 19)).toBe('SDF had cleared');
  });

  it('gives each paragraph, heading, list item and cell its own block, in reading order', () => {
    const document = page(`
      <article>
        <h1>Raqqa's dirty secret</h1>
        <p>First paragraph.</p>
        <blockquote>A quoted paragraph.</blockquote>
        <ul><li>One item</li><li>Two item</li></ul>
        <table><tr><td>Cell A</td><th>Cell B</th></tr></table>
        <figure><img alt="not text"><figcaption>A caption</figcaption></figure>
        <p>Last paragraph.</p>
      </article>`);
    // (A caption is furniture, left out by default: kept here to show where its block falls.)
    expect(texts(extractBlocks(document, { keepFurniture: true }))).toEqual([
      "Raqqa's dirty secret",
      'First paragraph.',
      'A quoted paragraph.',
      'One item',
      'Two item',
      'Cell A',
      'Cell B',
      'A caption',
      'Last paragraph.',
    ]);
  });

  it("splits a div's own text around nested blocks and keeps the div as their element", () => {
    const document = page('<div id="d">Before <p>Inside.</p> after</div>');
    const blocks = extractBlocks(document);
    expect(texts(blocks)).toEqual(['Before', 'Inside.', 'after']);
    expect(blocks.map((block) => block.element?.id || block.element?.localName)).toEqual(['d', 'p', 'd']);
  });

  it('turns <br> into a line break that is in the text but in no segment', () => {
    const document = page('<p>Raqqa, Syria<br>  <br>The convoy left at night.<br></p>');
    const [block] = extractBlocks(document);
    expect(block!.text).toBe('Raqqa, Syria\nThe convoy left at night.');
    expectExactSegments(block!);
    expect(block!.segments.map((segment) => segment.start)).toEqual([0, 13]);
  });

  it('skips scripts, styles, form fields, embeds and other non-text elements', () => {
    const document = page(`
      <p>Visible one.</p>
      <script>var claim = "250 fighters";</script>
      <style>p { color: red }</style>
      <noscript>Enable JavaScript</noscript>
      <template><p>Template text</p></template>
      <form><label>Name</label><input value="typed"><textarea>Draft text</textarea>
        <select><option>Option text</option></select><button>Subscribe</button></form>
      <svg><text>SVG text</text></svg>
      <iframe>Frame text</iframe>
      <p>Visible two.</p>`);
    expect(texts(extractBlocks(document))).toEqual(['Visible one.', 'Name', 'Visible two.']);
  });

  it('skips hidden nodes: hidden attribute, aria-hidden, inline display and visibility, closed dialogs, editable regions', () => {
    const document = page(`
      <p>Shown.</p>
      <p hidden>Hidden attribute.</p>
      <p aria-hidden="true">Aria hidden.</p>
      <p style="color: red; display : none">Display none.</p>
      <p style="visibility:hidden !important">Visibility hidden.</p>
      <dialog>Closed dialog.</dialog>
      <dialog open>Open dialog.</dialog>
      <div contenteditable="true">Reader's draft.</div>
      <div contenteditable="false">Not editable.</div>
      <p>Also <span style="display:none">secret </span>shown.</p>`);
    expect(texts(extractBlocks(document))).toEqual(['Shown.', 'Open dialog.', 'Not editable.', 'Also shown.']);
  });

  it("skips the extension's own UI by default and honours custom hidden and skip checks", () => {
    const document = page(`
      <p>Article text.</p>
      <parallax-tooltip><p>Other outlets said 4,000.</p></parallax-tooltip>
      <div data-parallax-ui><p>Popup text.</p></div>
      <p class="boxed">Boxed text.</p>`);
    expect(texts(extractBlocks(document))).toEqual(['Article text.', 'Boxed text.']);
    const custom = extractBlocks(document, {
      isHidden: (element) => element.getAttribute('class') === 'boxed',
      skip: () => false,
    });
    expect(texts(custom)).toEqual(['Article text.', 'Other outlets said 4,000.', 'Popup text.']);
  });

  it('leaves out page furniture: captions, asides, navigation, promos, embedded posts, page chrome, print-edition lines', () => {
    const document = page(`
      <header class="masthead"><p>The Daily Example</p></header>
      <nav><a href="/">World</a></nav>
      <main><article>
        <header><h1>Convoy left Raqqa</h1></header>
        <figure><div class="photo"></div><figcaption>Fighters leave the city. PHOTO: REUTERS</figcaption></figure>
        <p>Some 4,000 people left in the convoy.</p>
        <div class="wp-caption-text">A caption by class.</div>
        <blockquote class="twitter-tweet"><p>A post by someone else about 4,000 fighters.</p></blockquote>
        <div class="newsletter-signup"><p>Get the briefing every morning.</p></div>
        <ul class="article__related"><li>Another story about the convoy</li></ul>
        <div role="complementary"><p>Complementary text.</p></div>
        <p>Sign up for our daily newsletter.</p>
        <footer><p>The article's own footer.</p></footer>
      </article></main>
      <aside><p class="promo">U.S.-backed forces celebrate defeat of ISIS in Raqqa</p></aside>
      <footer class="site-footer"><p>A version of this article appeared in the print edition of The Daily Example on November 15, 2017.</p></footer>`);
    expect(texts(extractBlocks(document))).toEqual([
      'Convoy left Raqqa',
      'Some 4,000 people left in the convoy.',
      "The article's own footer.",
    ]);
    expect(texts(extractBlocks(document, { keepFurniture: true }))).toHaveLength(14);
  });

  it('knows a changed subtree inside the article from page chrome when extracting it alone', () => {
    const document = page(
      '<article><footer id="inside"><p>Article footer.</p></footer></article><footer id="outside"><p>Site footer.</p></footer>',
    );
    const roots = [document.getElementById('inside')!, document.getElementById('outside')!];
    expect(texts(extractBlocksIn(roots))).toEqual(['Article footer.']);
  });

  it('re-extracts only the given subtrees', () => {
    const document = page('<p id="a">First.</p><p id="b">Second <em>changed</em>.</p><p id="c">Third.</p>');
    const changed = [document.getElementById('c')!, document.getElementById('b')!];
    const blocks = extractBlocksIn(changed);
    expect(texts(blocks)).toEqual(['Third.', 'Second changed.']);
    expect(blocks.map((block) => block.element?.id)).toEqual(['c', 'b']);
  });

  it('reads text that a broken document puts outside <body>', () => {
    const document = parseHtml(
      '<!DOCTYPE html><html><head></head><body><p>In body.</p></body></html><p>After html.</p>',
    );
    expect(texts(extractBlocks(document))).toEqual(['In body.', 'After html.']);
  });

  it('returns no blocks for an empty page or one with only whitespace and markup', () => {
    expect(extractBlocks(parseHtml(''))).toEqual([]);
    expect(extractBlocks(page('<div>  \n <p> </p><span>\t</span><br></div>'))).toEqual([]);
  });

  it('walks 100,000 levels of nesting without overflowing the stack', () => {
    // Built node by node: linkedom's parser is quadratic in depth (see parse-html.test.ts).
    const document = page('<main></main>');
    let parent: Element = document.querySelector('main')!;
    for (let level = 0; level < 100_000; level += 1) {
      const child = document.createElement(level % 2 === 0 ? 'div' : 'span');
      parent.appendChild(child);
      parent = child;
    }
    parent.appendChild(document.createTextNode('Deep '));
    parent.appendChild(document.createElement('b')).appendChild(document.createTextNode('text'));
    parent.appendChild(document.createTextNode('.'));
    document.body.appendChild(document.createElement('p')).appendChild(document.createTextNode('After.'));
    const blocks = extractBlocks(document);
    expect(texts(blocks)).toEqual(['Deep text.', 'After.']);
    expectExactSegments(blocks[0]!);
  });

  it('extracts 5 MB of text in one paragraph whole, with exact segments', () => {
    const paragraph = 'The convoy left Raqqa and nobody saw it '.repeat(131_072); // 5 MiB
    const blocks = extractBlocks(page(`<p>${paragraph}</p>`));
    expect(blocks).toHaveLength(1);
    expect(blocks[0]!.text).toBe(paragraph.trim());
    expectExactSegments(blocks[0]!);
  });

  it('extracts a page of binary garbage without throwing', () => {
    let seed = 7;
    const bytes = new Uint8Array(1 << 20).map(() => (seed = (seed * 1103515245 + 12345) % 2147483648) & 255);
    const garbage = new TextDecoder('utf-8').decode(bytes);
    const blocks = extractBlocks(parseHtml(garbage));
    for (const block of blocks) expectExactSegments(block);
    expect(blocks.reduce((sum, block) => sum + block.text.length, 0)).toBeGreaterThan(0);
  });
});
