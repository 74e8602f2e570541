import { describe, expect, it } from 'vitest';
import { extractBlocks } from '../../../src/core/text/extract';
import { decodeHtml } from '../../../src/node/decode-html';
import { canonicalUrl, parseHtml } from '../../../src/node/parse-html';

const blockTexts = (document: Document): string[] => extractBlocks(document).map((block) => block.text);

describe('parseHtml', () => {
  it('parses a full page as written, with its head and body', () => {
    const document = parseHtml(
      '<!DOCTYPE html>\n<!-- saved page --><html lang="en"><head><title>Raqqa</title></head><body><p>The convoy left.</p></body></html>',
    );
    expect(document.documentElement.getAttribute('lang')).toBe('en');
    expect(document.body.querySelector('p')?.textContent).toBe('The convoy left.');
    expect(blockTexts(document)).toEqual(['The convoy left.']);
  });

  it('gives fragments, plain text and empty input a document with a body', () => {
    expect(blockTexts(parseHtml('<p>hi <b>there</b></p>'))).toEqual(['hi there']);
    expect(blockTexts(parseHtml('just text'))).toEqual(['just text']);
    const empty = parseHtml('');
    expect(empty.body).not.toBeNull();
    expect(blockTexts(empty)).toEqual([]);
  });

  it('survives binary garbage, NUL bytes and unclosed markup', () => {
    let seed = 1;
    const bytes = new Uint8Array(1 << 20).map(() => (seed = (seed * 48271) % 2147483647) & 255);
    const garbage = decodeHtml(bytes);
    expect(() => extractBlocks(parseHtml(garbage))).not.toThrow();
    expect(blockTexts(parseHtml('a\u0000b <p>open <div>unclosed <<>>&&; <p'))).toEqual([
      'a\ufffdb',
      'open',
      'unclosed <<>>&&;',
    ]);
  });

  it('parses 100,000 levels of nesting, capped as a browser does, keeping all the text', () => {
    const depth = 100_000;
    const document = parseHtml(
      '<div>'.repeat(depth) + 'Deep <em>text</em>.' + '</div>'.repeat(depth) + '<p>After.</p>',
    );
    expect(blockTexts(document)).toEqual(['Deep text.', 'After.']);
  });
});

describe('canonicalUrl', () => {
  it('reads <link rel="canonical">, among other rel tokens and in any case', () => {
    const document = parseHtml(
      '<html><head><link rel="stylesheet" href="/s.css"><link rel="Canonical alternate" href=" https://www.albawaba.com/loop/x-1047814 "></head><body></body></html>',
    );
    expect(canonicalUrl(document)).toBe('https://www.albawaba.com/loop/x-1047814');
  });

  it('resolves a relative canonical against <base href> and otherwise gives null', () => {
    const withBase = parseHtml(
      '<html><head><base href="https://5pillarsuk.com/news/"><link rel="canonical" href="/2017/11/14/x/"></head><body></body></html>',
    );
    expect(canonicalUrl(withBase)).toBe('https://5pillarsuk.com/2017/11/14/x/');
    expect(
      canonicalUrl(parseHtml('<html><head><link rel="canonical" href="/relative"></head><body></body></html>')),
    ).toBeNull();
    expect(
      canonicalUrl(
        parseHtml('<html><head><link rel="canonical" href="javascript:alert(1)"></head><body></body></html>'),
      ),
    ).toBeNull();
    expect(canonicalUrl(parseHtml('<p>No head at all</p>'))).toBeNull();
  });
});
