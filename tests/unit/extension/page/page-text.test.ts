// Incremental extraction must give exactly what a full extraction of the changed page gives.
// Mutation records are written by hand (linkedom has no MutationObserver); they carry what the
// browser's would: the type, the target and the added nodes.
import { describe, expect, it } from 'vitest';
import { extractBlocks } from '../../../../src/core/text/extract';
import { parseHtml } from '../../../../src/node/parse-html';
import { PageText } from '../../../../src/extension/page/page-text';
import { byPath } from './document-order';
import { UNSLICED } from '../../../../src/extension/page/slices';

const PAGE = `<!doctype html><html><body>
<header><nav><a href="/">Home</a> <a href="/world">World</a></nav></header>
<article>
  <h1>Secret deal let ISIS fighters flee from Raqqa</h1>
  <p>The convoy was <strong>6km to 7km</strong> long, according to another driver.</p>
  <p id="trucks">Ten trucks were loaded with weapons and ammunition alone.</p>
  <div id="feed"></div>
  <button>Share</button>
</article>
<footer><p>© The Straits Times</p></footer>
</body></html>`;

async function setup() {
  const doc = parseHtml(PAGE);
  const text = new PageText(doc.body, {}, byPath);
  await text.full(UNSLICED);
  return {
    doc,
    text,
    texts: () => text.blocks.map((b) => b.text),
    fullTexts: () => extractBlocks(doc.body).map((b) => b.text),
  };
}

const childList = (target: Node, added: Node[] = []) =>
  ({ type: 'childList', target, addedNodes: added, removedNodes: [] }) as unknown as MutationRecord;
const characterData = (target: Node) =>
  ({ type: 'characterData', target, addedNodes: [], removedNodes: [] }) as unknown as MutationRecord;

describe('PageText', () => {
  it('re-extracts only a paragraph added to the article, in its reading place', async () => {
    const { doc, text, texts, fullTexts } = await setup();
    const article = doc.querySelector('article')!;
    const p = doc.createElement('p');
    p.textContent = 'A late paragraph: almost 50 trucks and 13 buses.';
    article.insertBefore(p, doc.querySelector('#trucks'));
    await text.update([childList(article, [p])], UNSLICED);
    expect(text.lastUpdate).toBe('incremental');
    expect(texts()).toEqual(fullTexts());
    expect(texts()).toContain('A late paragraph: almost 50 trucks and 13 buses.');
  });

  it('follows a paragraph whose text node a framework replaced, and edited text', async () => {
    const { doc, text, texts, fullTexts } = await setup();
    const trucks = doc.querySelector('#trucks')!;
    const old = trucks.firstChild!;
    trucks.replaceChildren(doc.createTextNode(trucks.textContent!));
    await text.update([childList(trucks, [trucks.firstChild!])], UNSLICED);
    expect(text.lastUpdate).toBe('incremental');
    expect(texts()).toEqual(fullTexts());
    // The block now maps to the new node, not the removed one.
    const block = text.blocks.find((b) => b.text.startsWith('Ten trucks'))!;
    expect(block.segments[0]!.node).toBe(trucks.firstChild);
    expect(block.segments[0]!.node).not.toBe(old);

    (trucks.firstChild as Text).data = 'Dozens of trucks were loaded with weapons.';
    await text.update([characterData(trucks.firstChild!)], UNSLICED);
    expect(texts()).toEqual(fullTexts());
  });

  it('drops the blocks of removed content', async () => {
    const { doc, text, texts, fullTexts } = await setup();
    const trucks = doc.querySelector('#trucks')!;
    const article = trucks.parentNode!;
    trucks.remove();
    await text.update([childList(article)], UNSLICED);
    expect(texts()).toEqual(fullTexts());
    expect(texts().some((t) => t.startsWith('Ten trucks'))).toBe(false);
  });

  it('does not read an added element inside excluded content (a button)', async () => {
    const { doc, text, texts, fullTexts } = await setup();
    const button = doc.querySelector('button')!;
    const span = doc.createElement('span');
    span.textContent = 'Shared 250 times';
    button.append(span);
    await text.update([childList(button, [span])], UNSLICED);
    expect(texts()).toEqual(fullTexts());
    expect(texts().join(' ')).not.toContain('Shared 250 times');
  });

  it('falls back to a full pass for content in a container that held no text yet', async () => {
    const { doc, text, texts, fullTexts } = await setup();
    const feed = doc.querySelector('#feed')!;
    const p = doc.createElement('p');
    p.textContent = 'First post of the live feed.';
    feed.append(p);
    await text.update([childList(feed, [p])], UNSLICED);
    expect(text.lastUpdate).toBe('full');
    expect(texts()).toEqual(fullTexts());

    // Now the feed holds text: the next post is incremental.
    const next = doc.createElement('p');
    next.textContent = 'Second post of the live feed.';
    feed.append(next);
    await text.update([childList(feed, [next])], UNSLICED);
    expect(text.lastUpdate).toBe('incremental');
    expect(texts()).toEqual(fullTexts());
  });

  it('falls back to a full pass for bare text added to a container', async () => {
    const { doc, text, texts, fullTexts } = await setup();
    const article = doc.querySelector('article')!;
    const bare = doc.createTextNode('Loose text added straight into the article.');
    article.append(bare);
    await text.update([childList(article, [bare])], UNSLICED);
    expect(text.lastUpdate).toBe('full');
    expect(texts()).toEqual(fullTexts());
  });
});
