// HTML parsing for Node (CLI, eval, tests), with linkedom, so saved pages go through the same
// extraction code as the live page. linkedom builds no implicit <html>/<body> and throws on
// `document.body` for a fragment, so anything that is not a well-formed document is wrapped in
// one; text that linkedom places outside <body> is still under `document`, which is the root
// callers should extract from.

import { parseHTML } from 'linkedom';
import { flattenDeepNesting } from './flatten-nesting';

/** A document prologue (BOM, comments, doctype) followed by <html>: parse as written. */
const LOOKS_LIKE_DOCUMENT = /^\ufeff?\s*(?:<!--[^]*?-->\s*|<!doctype[^>]*>\s*|<\?xml[^>]*>\s*)*<html[\s>]/i;
/** How much of the input the document check looks at: the prologue is short. */
const PROLOGUE_LIMIT = 4096;

/** Parse HTML into a document with a body, whatever the input: fragment, garbage or empty. */
export function parseHtml(html: string): Document {
  // NUL is not allowed in HTML text; browsers drop or replace it, and it confuses consumers.
  const withoutNul = html.includes('\u0000') ? html.replace(/\u0000/g, '\ufffd') : html;
  // linkedom's parser is quadratic in nesting depth; cap it as browsers do.
  const source = flattenDeepNesting(withoutNul);
  if (LOOKS_LIKE_DOCUMENT.test(source.slice(0, PROLOGUE_LIMIT))) {
    const document = parseHTML(source).document as unknown as Document;
    if (hasBody(document)) return document;
  }
  return parseHTML(`<!DOCTYPE html><html><head></head><body>${source}</body></html>`).document as unknown as Document;
}

function hasBody(document: Document): boolean {
  try {
    return document.documentElement?.localName === 'html' && document.body != null;
  } catch {
    return false; // linkedom's body getter throws on some malformed trees
  }
}

/**
 * Decode a saved page's bytes: a byte-order mark wins, then a <meta charset> in the first 1024
 * bytes, then UTF-8. Invalid sequences become U+FFFD instead of failing, so garbage still parses.
 */
export function decodeHtml(bytes: Uint8Array): string {
  return new TextDecoder(sniffEncoding(bytes), { fatal: false }).decode(bytes);
}

function sniffEncoding(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  const declared = /<meta[^>]+charset\s*=\s*["']?\s*([a-z0-9_:.-]+)/i.exec(head)?.[1];
  if (declared !== undefined) {
    try {
      // Validates the label; unknown labels throw. A page that declares UTF-16 in ASCII is UTF-8.
      const encoding = new TextDecoder(declared).encoding;
      return encoding.startsWith('utf-16') ? 'utf-8' : encoding;
    } catch {
      return 'utf-8';
    }
  }
  return 'utf-8';
}

/**
 * The page's address from `<link rel="canonical" href>`, absolute, or null when there is none
 * or it cannot be resolved (a relative href with no absolute <base href>).
 */
export function canonicalUrl(document: Document): string | null {
  for (const link of Array.from(document.querySelectorAll('link[rel][href]'))) {
    const rel = (link.getAttribute('rel') ?? '').toLowerCase().split(/\s+/);
    if (!rel.includes('canonical')) continue;
    const href = (link.getAttribute('href') ?? '').trim();
    if (href === '') continue;
    const resolved = resolveUrl(href, baseHref(document));
    if (resolved !== null) return resolved;
  }
  return null;
}

function baseHref(document: Document): string | undefined {
  const href = document.querySelector('base[href]')?.getAttribute('href')?.trim();
  return href === undefined || resolveUrl(href) === null ? undefined : href;
}

function resolveUrl(href: string, base?: string): string | null {
  try {
    const url = new URL(href, base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}
