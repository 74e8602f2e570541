// An article file as curators and the tools meet them: a saved HTML page, a plain text with a
// `key: value` header (outlet:, url:, published:, title:, then a blank line, then the text), or a
// bare captured text (assets/seeds/). Read into the text quotes are checked against, the blocks the
// matcher sees, and what the file says about itself. Used by claims:check, the eval and pack:build.
import { joinBlocks } from '../core/text/joined-blocks';
import { canonicalUrl } from './parse-html';
import { readSavedPage } from './saved-page';

export interface ArticleMeta {
  outlet: string | null;
  url: string | null;
  /** YYYY-MM-DD, or null where the file gives none (a header's `published: unknown`). */
  published: string | null;
  title: string | null;
}

export interface ArticleFile {
  format: 'html' | 'text';
  meta: ArticleMeta;
  /** The article's visible text, what quotes are copied from: an HTML page's blocks joined, a text file's body as written. */
  text: string;
  /** The text as the matcher sees it: one block per extracted block or non-empty line. */
  blocks: string[];
}

const HEADER_KEYS = new Set(['outlet', 'url', 'published', 'title']);
const HEADER_LINE = /^([a-z]+):[ \t]*(.*)$/i;

export function isHtmlFile(name: string, content: string): boolean {
  return /\.x?html?$/i.test(name) || /^\s*</.test(content);
}

export function readArticleFile(name: string, content: string): ArticleFile {
  if (isHtmlFile(name, content)) {
    const page = readSavedPage(content);
    return { format: 'html', meta: htmlMeta(page.document), text: joinBlocks(page.blocks), blocks: page.blocks };
  }
  const { meta, body } = splitHeader(content);
  return {
    format: 'text',
    meta,
    text: body,
    blocks: body
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l !== ''),
  };
}

/** A text file's `key: value` header (when its first line is one) and the body after the blank line. */
function splitHeader(content: string): { meta: ArticleMeta; body: string } {
  const meta: ArticleMeta = { outlet: null, url: null, published: null, title: null };
  const text = content.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const first = HEADER_LINE.exec(text.split('\n', 1)[0]!);
  if (first === null || !HEADER_KEYS.has(first[1]!.toLowerCase())) return { meta, body: text };
  const end = text.search(/\n[ \t]*\n/);
  const header = end < 0 ? text : text.slice(0, end);
  for (const line of header.split('\n')) {
    const m = HEADER_LINE.exec(line.trim());
    if (m === null) continue;
    const key = m[1]!.toLowerCase() as keyof ArticleMeta;
    const value = m[2]!.trim();
    if (!HEADER_KEYS.has(key) || value === '') continue;
    meta[key] = key === 'published' && value.toLowerCase() === 'unknown' ? null : value;
  }
  return { meta, body: end < 0 ? '' : text.slice(end).replace(/^\n[ \t]*\n/, '') };
}

function attribute(document: Document, selector: string, name: string): string | null {
  const value = document.querySelector(selector)?.getAttribute(name)?.trim();
  return value ? value : null;
}

/** YYYY-MM-DD from an ISO date-time ("2025-03-15T08:12:00Z"), or null. */
function isoDay(value: string | null): string | null {
  const m = value === null ? null : /^(\d{4}-\d{2}-\d{2})/.exec(value);
  return m ? m[1]! : null;
}

function htmlMeta(document: Document): ArticleMeta {
  const published =
    isoDay(attribute(document, 'meta[property="article:published_time"]', 'content')) ??
    isoDay(attribute(document, 'article time[datetime], time[datetime]', 'datetime')) ??
    isoDay(attribute(document, 'meta[name="date"], meta[itemprop="datePublished"], meta[name="pubdate"]', 'content'));
  const headline = document.querySelector('article h1, h1')?.textContent?.replace(/\s+/g, ' ').trim();
  return {
    outlet: attribute(document, 'meta[property="og:site_name"]', 'content'),
    url: canonicalUrl(document) ?? attribute(document, 'meta[property="og:url"]', 'content'),
    published,
    title:
      headline ||
      attribute(document, 'meta[property="og:title"]', 'content') ||
      document.querySelector('title')?.textContent?.trim() ||
      null,
  };
}
