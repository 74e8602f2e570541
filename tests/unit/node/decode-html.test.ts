import { describe, expect, it } from 'vitest';
import { decodeHtml, notHtmlReason } from '../../../src/node/decode-html';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('decodeHtml', () => {
  it('decodes UTF-8, honours a byte-order mark and a declared charset, and replaces invalid bytes', () => {
    expect(decodeHtml(new TextEncoder().encode('“4,000” – Raqqa'))).toBe('“4,000” – Raqqa');
    expect(decodeHtml(Uint8Array.from([0xff, 0xfe, 0x41, 0x00, 0x42, 0x00]))).toBe('AB');
    // As UTF-8 the lone 0xE9 would be U+FFFD; the declared charset makes it "é".
    const latin1 = Uint8Array.from([...new TextEncoder().encode('<meta charset="windows-1252"><p>caf'), 0xe9, 0x21]);
    expect(decodeHtml(latin1)).toBe('<meta charset="windows-1252"><p>café!');
    expect(decodeHtml(Uint8Array.from([0x61, 0xc3, 0x28, 0x62]))).toBe('a\ufffd(b');
  });
});

describe('notHtmlReason', () => {
  it('names images, documents and archives by their signature', () => {
    expect(notHtmlReason(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toEqual({
      binary: true,
      reason: 'a PNG image',
    });
    expect(notHtmlReason(utf8('%PDF-1.7\n%âãÏÓ'))?.reason).toBe('a PDF document');
    expect(notHtmlReason(Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]))?.reason).toMatch(/^a ZIP archive/);
  });

  it('calls bytes that do not decode to text binary data', () => {
    let seed = 7;
    const noise = new Uint8Array(4096).map(() => (seed = (seed * 48271) % 2147483647) & 255);
    expect(notHtmlReason(noise)).toEqual({ binary: true, reason: 'binary data, not text' });
  });

  it('tells plain text apart from a page, and accepts pages and fragments', () => {
    expect(notHtmlReason(utf8('The convoy left Raqqa on 12 October.\n'))).toEqual({
      binary: false,
      reason: 'plain text with no HTML markup',
    });
    expect(notHtmlReason(utf8('<!doctype html><html><body><p>The convoy left.</p></body></html>'))).toBeNull();
    expect(notHtmlReason(utf8('<p>The convoy left.</p>'))).toBeNull();
    expect(notHtmlReason(utf8('“Curly” text in Latin-1 é, and <b>markup</b>'))).toBeNull();
  });
});
