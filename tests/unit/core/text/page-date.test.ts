// The page's publication day as the extension and annotate read it from markup (linkedom here,
// the live page in the browser: the same code). What a garbled or hostile page states is ignored.
import { describe, expect, it } from 'vitest';
import { isoDay, publishedDay } from '../../../../src/core/text/page-date';
import { parseHtml } from '../../../../src/node/parse-html';

const day = (head: string, body = '<p>Text.</p>'): string | null =>
  publishedDay(parseHtml(`<!DOCTYPE html><html><head>${head}</head><body>${body}</body></html>`));

describe("a page's publication day", () => {
  it('reads the article:published_time meta', () => {
    expect(day('<meta property="article:published_time" content="2018-07-10T14:05:00+07:00">')).toBe('2018-07-10');
  });

  it('reads JSON-LD datePublished, in an object, a list or an @graph', () => {
    expect(
      day('<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2018-07-11T02:00:00Z"}</script>'),
    ).toBe('2018-07-11');
    expect(
      day(
        '<script type="application/ld+json">[{"@type":"WebPage"},{"@type":"NewsArticle","datePublished":"2018-07-12"}]</script>',
      ),
    ).toBe('2018-07-12');
    expect(
      day(
        '<script type="application/ld+json">{"@graph":[{"@type":"NewsArticle","datePublished":"2018-07-13"}]}</script>',
      ),
    ).toBe('2018-07-13');
  });

  it('reads <time datetime>, preferring the one in the <article>', () => {
    expect(day('', '<article><time datetime="2018-07-10">10 July</time><p>Text.</p></article>')).toBe('2018-07-10');
    expect(
      day(
        '',
        '<aside><time datetime="2016-01-01">old</time></aside><article><time datetime="2018-07-10">10 July</time></article>',
      ),
    ).toBe('2018-07-10');
    expect(day('', '<div><time datetime="2019-12-27">27 December</time></div>')).toBe('2019-12-27');
  });

  it('prefers the meta to JSON-LD and JSON-LD to a <time>', () => {
    expect(
      day(
        '<meta property="article:published_time" content="2018-07-10"><script type="application/ld+json">{"datePublished":"2018-07-11"}</script>',
        '<time datetime="2018-07-12"></time>',
      ),
    ).toBe('2018-07-10');
    expect(
      day(
        '<script type="application/ld+json">{"datePublished":"2018-07-11"}</script>',
        '<article><time datetime="2018-07-12"></time></article>',
      ),
    ).toBe('2018-07-11');
  });

  it('is null on a page that states no date', () => {
    expect(day('<title>No date</title>')).toBeNull();
  });

  it('ignores garbled and hostile values, and falls back to the next source', () => {
    expect(day('<meta property="article:published_time" content="2018-02-30">')).toBeNull();
    expect(day('<meta property="article:published_time" content="<script>alert(1)</script>">')).toBeNull();
    expect(
      day('<meta property="article:published_time" content="20180710">', '<time datetime="2018-13-01"></time>'),
    ).toBeNull();
    expect(day('<script type="application/ld+json">{"datePublished": {"toString": "2018-07-10"}}</script>')).toBeNull();
    expect(
      day(
        '<script type="application/ld+json">{ not json, "datePublished":"2018-07-10"</script>',
        '<time datetime="2018-07-14">',
      ),
    ).toBe('2018-07-14');
    expect(
      day(
        '<meta property="article:published_time" content="yesterday">',
        '<article><time datetime="2018-07-10"></time></article>',
      ),
    ).toBe('2018-07-10');
  });

  it('takes only a real calendar day', () => {
    expect(isoDay('2018-07-10T08:00:00Z')).toBe('2018-07-10');
    expect(isoDay('2018-07-10 08:00')).toBe('2018-07-10');
    expect(isoDay('2018-07-1000')).toBeNull();
    expect(isoDay('0000-01-01')).toBeNull();
    expect(isoDay('')).toBeNull();
    expect(isoDay(null)).toBeNull();
  });
});
