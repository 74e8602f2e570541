// Article files as pack:build reads them: the metadata a pack needs, each block's place in the
// text claims:check reads and whether it is furniture, and a clear error naming a bad file.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readArticleFile } from '../../../../src/node/article-file';
import { ArticleSourceError, readArticleSource } from '../../../../src/tools/pack-build/article-source';

const dir = mkdtempSync(join(tmpdir(), 'article-source-'));
const file = (name: string, content: string | Uint8Array) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};
const STORY = 'tests/fixtures/stories/northern-lark-ferry-fire-2025/articles';

describe('readArticleSource: HTML pages', () => {
  it('reads outlet, address, date and headline from the usual meta tags, and the byline', () => {
    const source = readArticleSource(`${STORY}/daily-beacon.html`);
    expect(source).toMatchObject({
      format: 'html',
      outlet: 'The Daily Beacon',
      url: 'https://www.dailybeacon.example/news/2025/03/15/inferno-at-sea-northern-lark-ferry-fire-hensey',
      published: '2025-03-15',
      title: 'Inferno at sea: Terror as flames rip through packed Hensey ferry',
      byline: 'Kelly Drummond',
      guessed: [],
    });
  });

  it('falls back to JSON-LD for the publisher and the date, and to <title> for the headline', () => {
    const path = file(
      'jsonld.html',
      `<!doctype html><html><head><title>Bridge closed after crash | The Example Post</title>
       <link rel="canonical" href="https://example-post.example/bridge">
       <script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2024-06-02T10:00:00Z","publisher":{"@type":"Organization","name":"The Example Post"}}</script>
       </head><body><article><p>The bridge was closed on Sunday after a lorry hit its railing.</p></article></body></html>`,
    );
    expect(readArticleSource(path)).toMatchObject({
      outlet: 'The Example Post',
      published: '2024-06-02',
      title: 'Bridge closed after crash | The Example Post',
    });
  });

  it('gives each block its place in the text claims:check reads, and marks furniture', () => {
    const source = readArticleSource(`${STORY}/channel-north-news.html`);
    const text = readArticleFile(
      'channel-north-news.html',
      readFileSync(`${STORY}/channel-north-news.html`, 'utf8'),
    ).text;
    expect(source.text).toBe(text);
    for (const block of source.blocks)
      expect(text.slice(block.start, block.start + block.text.length)).toBe(block.text);
    const furniture = new Map(source.blocks.map((b) => [b.text, b.furniture]));
    // The extension's extraction leaves the embedded post and the caption out of the text...
    expect(text).not.toContain('Our volunteer crews from Skelby');
    expect(text).not.toContain('Lifeboat footage shows passengers');
    // ... and the curator's rules mark what it keeps but no claim quotes: the byline and time.
    expect(furniture.get('Coast reporter Aisling Brennan · Saturday 15 March 2025, 09:05')).toBe('timestamp');
    expect(
      furniture.get('Fourteen people were treated in hospital, two of whom are in a serious condition.'),
    ).toBeNull();
  });
});

describe('readArticleSource: texts', () => {
  it('reads the key: value header, and "published: unknown" as no date', () => {
    const source = readArticleSource(`${STORY}/carrow-examiner.txt`);
    expect(source).toMatchObject({
      format: 'text',
      outlet: 'The Carrow Examiner',
      published: null,
      title: 'Skelby opens its doors as Northern Lark passengers come ashore',
      byline: 'Owen Tierney',
    });
    expect(source.text.startsWith('Village hall becomes a rescue centre')).toBe(true);
    expect(source.blocks.find((b) => b.text.startsWith('Read more:'))?.furniture).toBe('read-more');
  });

  it('places blocks in a text written with CRLF line ends as claims:check reads it', () => {
    const path = file(
      'crlf.txt',
      'outlet: The Example\r\nurl: https://example.example/a\r\npublished: 2024-01-02\r\ntitle: A\r\n\r\nFirst paragraph of the report.\r\nSecond paragraph of the report.\r\n',
    );
    const source = readArticleSource(path);
    expect(source.blocks.map((b) => source.text.slice(b.start, b.start + b.text.length))).toEqual([
      'First paragraph of the report.',
      'Second paragraph of the report.',
    ]);
  });

  it('takes a captured text without a header from the outlets.json beside it, its title from its first line', () => {
    const source = readArticleSource('assets/seeds/004_212cb8e24626c95d.txt');
    expect(source).toMatchObject({
      outlet: 'The Straits Times',
      published: '2017-11-15',
      title: 'Secret deal let ISIS fighters flee from Raqqa',
      guessed: ['title: the first line of the text'],
    });
  });
});

describe('readArticleSource: a bad file is a clear error naming it', () => {
  const error = (path: string): ArticleSourceError => {
    try {
      readArticleSource(path);
    } catch (e) {
      if (e instanceof ArticleSourceError) return e;
      throw e;
    }
    throw new Error(`${path} was read`);
  };

  it.each([
    ['missing.txt', null, /missing\.txt: no such file/],
    [
      'picture.html',
      new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]),
      /picture\.html: is a PNG image, not an article/,
    ],
    [
      'no-outlet.html',
      '<!doctype html><html><head><link rel="canonical" href="https://a.example/x"></head><body><h1>A</h1><p>The ferry caught fire off the coast.</p></body></html>',
      /no-outlet\.html: names no outlet: add <meta property="og:site_name"/,
    ],
    [
      'no-address.html',
      '<!doctype html><html><head><meta property="og:site_name" content="A"></head><body><h1>A</h1><p>The ferry caught fire off the coast.</p></body></html>',
      /no-address\.html: has no address: add <link rel="canonical"/,
    ],
    [
      'bare.txt',
      'Just some text about a ferry.\n',
      /bare\.txt: has no header: a text article starts with outlet:, url:, published: and title: lines/,
    ],
    [
      'no-url.txt',
      'outlet: The Example\npublished: 2024-01-02\ntitle: A\n\nText.\n',
      /no-url\.txt: the header has no url: line/,
    ],
    [
      'bad-date.txt',
      'outlet: The Example\nurl: https://example.example/a\npublished: 2 January 2024\ntitle: A\n\nText of the report.\n',
      /bad-date\.txt: published "2 January 2024" is not a date written YYYY-MM-DD/,
    ],
    [
      'ftp.txt',
      'outlet: The Example\nurl: ftp://example.example/a\npublished: 2024-01-02\ntitle: A\n\nText of the report.\n',
      /ftp\.txt: url "ftp:\/\/example\.example\/a" is not an http\(s\) address/,
    ],
  ])('%s', (name, content, message) => {
    const path = content === null ? join(dir, name) : file(name, content);
    expect(error(path).message).toMatch(message);
  });
});
