// Page furniture is not an outlet's reporting: captions, "read more" links, newsletter boxes,
// posts by other people, print-edition lines, bylines. These are the blocks a curator never quotes.
import { describe, expect, it } from 'vitest';
import { extractBlocks } from '../../../src/core/text/extract';
import { classifyFurniture, furnitureOfText } from '../../../src/core/text/furniture';
import { parseHtml } from '../../../src/node/parse-html';

const kindOf = (text: string) => furnitureOfText(text)?.kind ?? null;

describe('furnitureOfText: furniture told by its wording', () => {
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
    ['- Feature: Could Lebanon\'s ISIS Evacuation Deal Turn Iraqis Against Iran?', 'read-more'],
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
    expect(kindOf(text)).toBe(kind);
  });

  it.each([
    'By midnight on Friday, March 14, the village hall was full of wet, frightened and grateful people wrapped in foil blankets.',
    'The Coast Guard said it received a distress call from the ship at 19:41.',
    '- A covoy transporting as many as 4,000 ISIS fighters and their families was allowed to leave Raqqa by the US and its allies',
    'Secretly filmed footage published by the BBC appears to show fighters packed onto the back of a number of lorries.',
    'Published figures show the ferry was fully crewed.',
  ])('reporting stays reporting: %s', (text) => {
    expect(furnitureOfText(text)).toBeNull();
  });
});

describe('classifyFurniture: blocks with their markup and neighbours', () => {
  const page = `<!doctype html><html><head><title>t</title></head><body>
    <header><div class="logo">The Daily Example</div><nav><a href="#">News</a></nav></header>
    <main><article>
      <div class="kicker">Ferry horror</div>
      <h1>Fire on the ferry</h1>
      <div class="article__byline">By Kelly Drummond</div>
      <figure><div></div><figcaption>Smoke over the ship on Friday night.</figcaption></figure>
      <p>Nearly 250 passengers were on board, the union said.</p>
      <p class="read-more">Read more: <a href="#">Gales to batter coast</a></p>
      <blockquote class="twitter-tweet"><p>Just got off the lifeboat.</p></blockquote>
      <div class="newsletter"><p>Get the Beacon in your inbox</p></div>
      <aside><p>Most read: a soap star's wedding</p></aside>
      <p>The firm is offering passengers 200 euros each.</p>
    </article></main>
    <footer><p>About us</p></footer>
  </body></html>`;
  const blocks = extractBlocks(parseHtml(page));
  const verdicts = classifyFurniture(blocks);
  const reporting = blocks.filter((_, i) => verdicts[i] === null).map((b) => b.text);

  it('keeps only the headline and the outlet\'s own paragraphs', () => {
    expect(reporting).toEqual(['Fire on the ferry', 'Nearly 250 passengers were on board, the union said.', 'The firm is offering passengers 200 euros each.']);
  });

  it('says why each furniture block is furniture', () => {
    const why = new Map(blocks.map((b, i) => [b.text, verdicts[i]?.kind ?? null]));
    expect(why.get('The Daily Example')).toBe('outside-article');
    expect(why.get('Ferry horror')).toBe('section-label');
    expect(why.get('By Kelly Drummond')).toBe('byline');
    expect(why.get('Smoke over the ship on Friday night.')).toBe('caption');
    expect(why.get('Read more: Gales to batter coast')).toBe('read-more');
    expect(why.get('Just got off the lifeboat.')).toBe('embedded-post');
    expect(why.get('Get the Beacon in your inbox')).toBe('promo');
    expect(why.get("Most read: a soap star's wedding")).toBe('read-more');
  });

  it('reads class names as words, so a headline is no advertisement', () => {
    const doc = parseHtml('<article><h2 class="headline">A</h2><p class="leading">The ferry caught fire off the coast.</p><div class="ad-slot">Sponsored</div></article>');
    const all = extractBlocks(doc);
    expect(classifyFurniture(all).map((v) => v?.kind ?? null)).toEqual([null, null, 'advertisement']);
  });

  it('takes the line above a post signature as the post, in captured plain text', () => {
    const lines = [
      'The coalition struck a completely different tone.',
      'US-backed SDF struck a deal to let hundreds of fighters escape Raqqa',
      '— DavidKenner (@DavidKenner) November 13, 2017',
    ].map((text) => ({ text }));
    expect(classifyFurniture(lines).map((v) => v?.kind ?? null)).toEqual([null, 'embedded-post', 'embedded-post']);
  });

  it('marks a block repeated by a longer one (a caption cut short, a headline in Title Case)', () => {
    const lines = [
      { text: 'There Was A Huge Number Of Foreigners, A Local Driver Told The BBC.' },
      { text: '"There was a huge number of foreigners," a local driver told the BBC.' },
    ];
    expect(classifyFurniture(lines).map((v) => v?.kind ?? null)).toEqual(['repeated', null]);
  });
});
