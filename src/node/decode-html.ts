// Reading a saved page's bytes in Node (the command-line tools): the character encoding as a
// browser would sniff it (html-encoding-sniffer implements the WHATWG algorithm), and a plain
// statement when the bytes are not a page at all, so the CLI does not report "no passages" for
// an image or an archive.
import sniffHtmlEncoding from 'html-encoding-sniffer';

/**
 * Decode a saved page: a byte-order mark wins, then a <meta charset> in the first 1024 bytes,
 * then UTF-8 (what pages saved today are; a browser's legacy default would be windows-1252).
 * Invalid sequences become U+FFFD instead of failing, so garbage still parses.
 */
export function decodeHtml(bytes: Uint8Array): string {
  const encoding = sniffHtmlEncoding(bytes, { defaultEncoding: 'UTF-8' });
  // A BOM is the encoding's, not the text's; TextDecoder drops it for UTF-8 and UTF-16.
  return new TextDecoder(encoding, { fatal: false }).decode(bytes);
}

/** File signatures of what people most often pass by mistake. */
const SIGNATURES: ReadonlyArray<{ bytes: readonly number[]; what: string }> = [
  { bytes: [0x25, 0x50, 0x44, 0x46, 0x2d], what: 'a PDF document' },
  { bytes: [0x89, 0x50, 0x4e, 0x47], what: 'a PNG image' },
  { bytes: [0xff, 0xd8, 0xff], what: 'a JPEG image' },
  { bytes: [0x47, 0x49, 0x46, 0x38], what: 'a GIF image' },
  { bytes: [0x50, 0x4b, 0x03, 0x04], what: 'a ZIP archive (or a Word, Excel or EPUB file)' },
  { bytes: [0x1f, 0x8b], what: 'gzip-compressed data' },
];

/** How much of the input the checks look at. */
const SAMPLE_BYTES = 64 * 1024;
/** Share of replacement and control characters past which decoded text is binary data. */
const BINARY_SHARE = 0.1;

/**
 * Why the bytes are not an HTML page ("a PNG image", "binary data", "plain text with no HTML
 * markup"), or null for a page. Text with no markup can still be annotated; binary data cannot.
 */
export function notHtmlReason(bytes: Uint8Array): { binary: boolean; reason: string } | null {
  for (const { bytes: signature, what } of SIGNATURES) {
    if (signature.every((b, i) => bytes[i] === b)) return { binary: true, reason: what };
  }
  const sample = decodeHtml(bytes.subarray(0, SAMPLE_BYTES));
  let odd = 0;
  for (const ch of sample) {
    const code = ch.codePointAt(0)!;
    if (
      code === 0xfffd ||
      code === 0 ||
      (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0c && code !== 0x0d)
    )
      odd += 1;
  }
  if (sample.length > 0 && odd / sample.length > BINARY_SHARE) return { binary: true, reason: 'binary data, not text' };
  if (sample.trim() !== '' && !/<[a-z!/?]/i.test(sample))
    return { binary: false, reason: 'plain text with no HTML markup' };
  return null;
}
