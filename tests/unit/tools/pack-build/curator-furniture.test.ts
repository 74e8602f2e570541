// Furniture the curator never quotes, beyond what the extraction leaves out of every page:
// bylines, timestamps, "read more" lines, credits, call-outs, embedded posts in captured text.
import { describe, expect, it } from 'vitest';
import { extractBlocks } from '../../../../src/core/text/extract';
import { furnitureOfLine } from '../../../../src/core/text/furniture';
import { parseHtml } from '../../../../src/node/parse-html';
import { curatorFurnitureOfLine, furnitureOfBlocks } from '../../../../src/tools/pack-build/curator-furniture';

describe('curatorFurnitureOfLine: furniture told by its wording', () => {
  it.each([
    ['By Owen Tierney, Chief Reporter', 'byline'],
    ['by Rosie Alfatlawi', 'byline'],
    ['News Nation Bureau | Edited By : Tahir Qureshi | Updated on: 18 Nov 2017, 11:50:34 PM', 'byline'],
    ['Updated: May 28', 'timestamp'],
    ['First Published : 18 Nov 2017, 10:26:08 PM', 'timestamp'],
    ['Read more: Hensey islanders rally round as ferry disruption bites', 'read-more'],
    ['Related: Reefer plug-in checks: what the new guidance asks of crews', 'read-more'],
    ['Previous articleIsraeli minister praises Grand Mufti', 'read-more'],
    ['The remarkable report can be seen here.', 'read-more'],
    ["- Feature: Could Lebanon's ISIS Evacuation Deal Turn Iraqis Against Iran?", 'read-more'],
    ['Subscribe to our newsletter and stay updated on the latest news', 'promo'],
    ["Join ST's Telegram channel and get the latest breaking news delivered to you.", 'promo'],
    ['For all the Latest World News, Download News Nation Android and iOS Mobile Apps.', 'promo'],
    ['© Northline News Agency 2025. All rights reserved.', 'copyright'],
    ['This article appeared in the Monday print edition of The Carrow Examiner.', 'print-edition'],
    ['(Reporting by Ruth Almqvist; additional reporting by Jonas Pell; Editing by Tom Hale)', 'credits'],
    ['(With PTI inputs)', 'credits'],
    ["Do you have photographs of Friday night's rescue? Send them to newsdesk@carrowexaminer.example", 'call-out'],
    ['— DavidKenner (@DavidKenner) November 13, 2017', 'embedded-post'],
    ['Did the US government know? If yes, this is a massive scandal. https://t.co/rRFR8NyTIm', 'embedded-post'],
    ['164 views0 comments', 'comments'],
    ['News Nation Logo', 'logo'],
    ['Safety | Ro-pax | Incident report', 'section-label'],
    ['The deal brokered by local officials sought to safeguard SDF fighters. PHOTO: REUTERS', 'caption'],
  ])('%s → %s', (text, kind) => {
    expect(curatorFurnitureOfLine(text)).toBe(kind);
  });

  it.each([
    'By midnight on Friday, March 14, the village hall was full of wet, frightened and grateful people wrapped in foil blankets.',
    'The Coast Guard said it received a distress call from the ship at 19:41.',
    '- A covoy transporting as many as 4,000 ISIS fighters and their families was allowed to leave Raqqa by the US and its allies',
    'Secretly filmed footage published by the BBC appears to show fighters packed onto the back of a number of lorries.',
    'Published figures show the ferry was fully crewed.',
  ])('reporting stays reporting: %s', (text) => {
    expect(curatorFurnitureOfLine(text)).toBeNull();
  });

  it("applies the page rules too, and adds its own only for the curator (a reader's page keeps a byline)", () => {
    const print =
      'A version of this article appears in print on Nov. 15, 2017, Section A, Page 1 of the New York edition';
    expect(furnitureOfLine(print)).toBe('print-edition');
    expect(curatorFurnitureOfLine(print)).toBe('print-edition');
    expect(furnitureOfLine('By Owen Tierney, Chief Reporter')).toBeNull();
  });
});

describe("furnitureOfBlocks: one article's blocks with their markup and neighbours", () => {
  const page = `<!doctype html><html><head><title>t</title></head><body>
    <div class="ticker"><p>BREAKING: Lotto jackpot rolls over again</p></div>
    <main><article>
      <div class="kicker">Ferry horror</div>
      <h1>Fire on the ferry</h1>
      <div class="article__byline">Kelly Drummond, Chief Reporter</div>
      <div class="meta">Coast reporter Aisling Brennan · Saturday 15 March 2025</div>
      <figure><div></div><figcaption>Smoke over the ship on Friday night.</figcaption></figure>
      <p>Nearly 250 passengers were on board, the union said.</p>
      <p class="read-more">Read more: <a href="#">Gales to batter coast</a></p>
      <blockquote class="twitter-tweet"><p>Just got off the lifeboat.</p></blockquote>
      <p>Got a story? Email tips@dailybeacon.example or WhatsApp us.</p>
      <p>The firm is offering passengers 200 euros each.</p>
    </article></main>
  </body></html>`;
  // As pack:build reads a saved page: the extension's extraction (its furniture already left out).
  const blocks = extractBlocks(parseHtml(page));
  const verdicts = furnitureOfBlocks(blocks);
  const kinds = new Map(blocks.map((b, i) => [b.text, verdicts[i]]));

  it("keeps only the headline and the outlet's own paragraphs", () => {
    expect(blocks.filter((_, i) => verdicts[i] === null).map((b) => b.text)).toEqual([
      'Fire on the ferry',
      'Nearly 250 passengers were on board, the union said.',
      'The firm is offering passengers 200 euros each.',
    ]);
  });

  it("marks what the extraction keeps on a reader's page but a curator never quotes", () => {
    expect(kinds.get('BREAKING: Lotto jackpot rolls over again')).toBe('outside-article');
    expect(kinds.get('Ferry horror')).toBe('section-label');
    expect(kinds.get('Kelly Drummond, Chief Reporter')).toBe('byline');
    expect(kinds.get('Coast reporter Aisling Brennan · Saturday 15 March 2025')).toBe('timestamp');
    expect(kinds.get('Got a story? Email tips@dailybeacon.example or WhatsApp us.')).toBe('call-out');
    // Left out by the extraction itself, as on every page.
    expect(kinds.has('Smoke over the ship on Friday night.')).toBe(false);
    expect(kinds.has('Read more: Gales to batter coast')).toBe(false);
    expect(kinds.has('Just got off the lifeboat.')).toBe(false);
  });

  it('reads class names as whole words, so a headline or a "metadata-free" box is not furniture', () => {
    const all = extractBlocks(
      parseHtml(
        '<article><h2 class="headline">A</h2><p class="leading">The ferry caught fire off the coast.</p><p class="authorised">The owner said the crew was complete.</p></article>',
      ),
    );
    expect(furnitureOfBlocks(all)).toEqual([null, null, null]);
  });

  it('reads no class words of the page around the article (a body "author-admin" names no block)', () => {
    const all = extractBlocks(
      parseHtml(
        '<html><body class="single author-admin"><div class="content"><p>The ferry caught fire off the coast.</p></div></body></html>',
      ),
    );
    expect(furnitureOfBlocks(all)).toEqual([null]);
  });

  it('takes the line above a post signature as the post, in captured plain text', () => {
    const lines = [
      'The coalition struck a completely different tone.',
      'US-backed SDF struck a deal to let hundreds of fighters escape Raqqa',
      '— DavidKenner (@DavidKenner) November 13, 2017',
    ].map((text) => ({ text }));
    expect(furnitureOfBlocks(lines)).toEqual([null, 'embedded-post', 'embedded-post']);
  });

  it('marks a block repeated by a longer one (a caption cut short, a headline in Title Case)', () => {
    const lines = [
      { text: 'There Was A Huge Number Of Foreigners, A Local Driver Told The BBC.' },
      { text: '"There was a huge number of foreigners," a local driver told the BBC.' },
    ];
    expect(furnitureOfBlocks(lines)).toEqual(['repeated', null]);
  });
});
