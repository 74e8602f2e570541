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
  const withoutNul = html.includes('\u0000') ? html.replaceAll('\u0000', '\ufffd') : html;
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
