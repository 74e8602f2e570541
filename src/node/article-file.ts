// Reading an article file for the curator's tools (pack:build, claims:check): a saved HTML page or
// plain text with a `key: value` header, turned into the article's metadata (outlet, address,
// date, title), its text (what quotes are checked against and prefixes and suffixes are taken
// from) and its blocks, each marked when it is page furniture rather than the outlet's reporting.
//
// The text of an HTML page is its visible text as the extension extracts it, blocks joined by a
// blank line, so a quote found here is found on the live page. The text of a plain-text article is
// everything after the header's blank line, as written; one block per non-empty line.
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { classifyFurniture, type Furniture } from '../core/text/furniture';
import { extractBlocks, isHiddenByMarkup } from '../core/text/extract';
import { blockStarts, joinBlocks } from '../core/text/joined-blocks';
import { decodeHtml, notHtmlReason } from './decode-html';
import { canonicalUrl, parseHtml } from './parse-html';

export interface ArticleMeta {
  outlet: string;
  url: string;
  /** YYYY-MM-DD, or 'unknown' where the article gives no date. */
  published: string;
  title: string;
  byline: string | null;
}

export interface ArticleBlock {
  text: string;
  /** Where the block starts in the article's text. */
  start: number;
  /** Why the block is not the outlet's reporting, or null when it is. */
  furniture: Furniture | null;
}

export interface ArticleFile extends ArticleMeta {
  /** The path as given. */
  path: string;
  /** The file's name: what a pack's article `source` refers to. */
  name: string;
  format: 'html' | 'text';
  /** The text quotes are taken from and checked against. */
  text: string;
  blocks: ArticleBlock[];
  /** Metadata that had to be guessed, for the curator to check ("title: the first line of the text"). */
  guessed: string[];
}

/** A file that cannot be read as an article; the message names the file and says what to fix. */
export class ArticleFileError extends Error {
  constructor(
    readonly path: string,
    reason: string,
  ) {
    super(`${path}: ${reason}`);
    this.name = 'ArticleFileError';
  }
}

const HEADER_KEYS = ['outlet', 'url', 'published', 'title', 'byline'] as const;
type HeaderKey = (typeof HEADER_KEYS)[number];
const REQUIRED_HEADER_KEYS: readonly HeaderKey[] = ['outlet', 'url', 'published', 'title'];
const HEADER_LINE = /^([A-Za-z][\w-]*):[ \t]*(.*?)[ \t]*$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
/** The index of a directory of captured texts without headers (assets/seeds/outlets.json). */
const SEEDS_INDEX = 'outlets.json';

export function isHtmlFile(path: string): boolean {
  return /\.x?html?$/i.test(path);
}

/** Read an article file; throws an ArticleFileError naming the file when it cannot. */
export function readArticleFile(path: string): ArticleFile {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ArticleFileError(path, code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory, not an article file' : (error as Error).message);
  }
  const notPage = notHtmlReason(bytes);
  if (notPage?.binary) throw new ArticleFileError(path, `is ${notPage.reason}, not an article (a saved .html page or a .txt file)`);
  const content = decodeHtml(bytes);
  if (isHtmlFile(path) || (notPage === null && /^\ufeff?\s*</.test(content))) return readHtmlArticle(path, content);
  return readTextArticle(path, content, seedIndexEntry(path));
}

/** The text quotes are checked against, for any file in a directory of articles (claims:check --seeds). */
export function articleTextOf(path: string, content: string): string {
  if (isHtmlFile(path)) return htmlArticleText(parseHtml(content));
  const header = splitHeader(content);
  return header === null ? content : header.body;
}

// ---- Plain text -------------------------------------------------------------------------------

interface Header {
  fields: Map<string, { value: string; line: number }>;
  body: string;
}

/**
 * The `key: value` lines at the top of a text article and the body after the blank line that
 * ends them, or null when the text does not start with a known key.
 */
export function splitHeader(content: string): Header | null {
  const text = content.replace(/^\ufeff/, '');
  const firstLine = HEADER_LINE.exec(text.slice(0, text.search(/\r?\n|$/)));
  if (firstLine === null || !(HEADER_KEYS as readonly string[]).includes(firstLine[1]!.toLowerCase())) return null;
  const fields = new Map<string, { value: string; line: number }>();
  let at = 0;
  let line = 1;
  while (at < text.length) {
    const newline = text.indexOf('\n', at);
    const end = newline < 0 ? text.length : newline;
    const raw = text.slice(at, end).replace(/\r$/, '');
    at = end + 1;
    if (raw.trim() === '') return { fields, body: text.slice(at) };
    const match = HEADER_LINE.exec(raw);
    if (match === null) throw new HeaderError(`line ${line} is not a "key: value" line, and the header must end with a blank line before the text`);
    fields.set(match[1]!.toLowerCase(), { value: match[2]!, line });
    line += 1;
  }
  return { fields, body: '' };
}

class HeaderError extends Error {}

function readTextArticle(path: string, content: string, seed: SeedEntry | null): ArticleFile {
  let header: Header | null;
  try {
    header = splitHeader(content);
  } catch (error) {
    if (error instanceof HeaderError) throw new ArticleFileError(path, error.message);
    throw error;
  }
  const guessed: string[] = [];
  let meta: Partial<ArticleMeta>;
  let text: string;
  if (header !== null) {
    for (const [key, { line }] of header.fields) {
      if (!(HEADER_KEYS as readonly string[]).includes(key)) throw new ArticleFileError(path, `unknown header key "${key}" on line ${line} (known: ${HEADER_KEYS.join(', ')})`);
    }
    const missing = REQUIRED_HEADER_KEYS.filter((k) => (header.fields.get(k)?.value ?? '') === '');
    if (missing.length > 0) throw new ArticleFileError(path, `the header has no ${missing.map((k) => `${k}:`).join(', ')} line${missing.length === 1 ? '' : 's'} (a text article starts with outlet:, url:, published: and title: lines, then a blank line)`);
    const get = (key: HeaderKey) => header.fields.get(key)?.value ?? '';
    meta = { outlet: get('outlet'), url: get('url'), published: get('published'), title: get('title'), byline: get('byline') || null };
    text = header.body;
  } else if (seed !== null) {
    meta = { outlet: seed.outlet, url: seed.url, published: seed.published, byline: seed.byline ?? null };
    text = content;
  } else {
    throw new ArticleFileError(path, `no header: a text article starts with outlet:, url:, published: and title: lines, then a blank line (or is listed in an ${SEEDS_INDEX} beside it)`);
  }

  const lines = textLines(text);
  if (lines.every((l) => l.text.trim() === '')) throw new ArticleFileError(path, 'has no article text after its header');
  const verdicts = classifyFurniture(lines);
  const blocks = lines.map((l, i) => ({ ...l, furniture: verdicts[i] ?? null }));
  if (meta.title === undefined) {
    // A captured text without a header: its headline is its first line of reporting.
    const first = blocks.find((b) => b.furniture === null);
    meta.title = first?.text.trim() ?? basename(path);
    guessed.push('title: the first line of the text');
  }
  if (meta.byline === null) meta.byline = bylineFrom(blocks);
  return finish(path, 'text', checkMeta(path, meta as ArticleMeta), text, blocks, guessed);
}

/** Non-empty lines with their offsets. */
function textLines(text: string): { text: string; start: number }[] {
  const lines: { text: string; start: number }[] = [];
  let at = 0;
  for (const raw of text.split('\n')) {
    const line = raw.replace(/\r$/, '');
    if (line.trim() !== '') lines.push({ text: line, start: at });
    at += raw.length + 1;
  }
  return lines;
}

interface SeedEntry {
  outlet: string;
  url: string;
  published: string;
  byline?: string | null;
}

/** The file's entry in an outlets.json beside it (the seeds' index), or null. */
function seedIndexEntry(path: string): SeedEntry | null {
  const index = join(dirname(path), SEEDS_INDEX);
  if (!existsSync(index)) return null;
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(index, 'utf8'));
  } catch (error) {
    throw new ArticleFileError(index, `cannot be read as JSON: ${(error as Error).message}`);
  }
  const articles = (json as { articles?: unknown }).articles;
  if (!Array.isArray(articles)) return null;
  const entry = articles.find((a: { file?: unknown }) => a?.file === basename(path)) as Partial<SeedEntry> | undefined;
  if (entry === undefined) return null;
  if (typeof entry.outlet !== 'string' || typeof entry.url !== 'string' || typeof entry.published !== 'string') {
    throw new ArticleFileError(index, `the entry for ${basename(path)} needs outlet, url and published`);
  }
  return entry as SeedEntry;
}

// ---- HTML -------------------------------------------------------------------------------------

/** The visible text of a parsed page, blocks joined by a blank line (what the extension reads). */
function htmlArticleText(document: Document): string {
  return joinBlocks(extractBlocks(document, { isHidden: isHiddenByMarkup }).map((b) => b.text));
}

function readHtmlArticle(path: string, html: string): ArticleFile {
  const document = parseHtml(html);
  const extracted = extractBlocks(document, { isHidden: isHiddenByMarkup });
  const texts = extracted.map((b) => b.text);
  const starts = blockStarts(texts);
  const verdicts = classifyFurniture(extracted);
  const blocks = extracted.map((b, i) => ({ text: b.text, start: starts[i]!, furniture: verdicts[i] ?? null }));
  if (blocks.every((b) => b.furniture !== null)) throw new ArticleFileError(path, 'has no article text: every block of the page is furniture or empty');

  const guessed: string[] = [];
  const outlet = metaContent(document, ['og:site_name', 'application-name']) ?? jsonLd(document, 'publisher');
  if (outlet === null) throw new ArticleFileError(path, 'names no outlet: add <meta property="og:site_name" content="..."> to the page');
  const url = canonicalUrl(document) ?? absoluteUrl(metaContent(document, ['og:url']));
  if (url === null) throw new ArticleFileError(path, 'has no address: add <link rel="canonical" href="https://..."> to the page');
  const published = publishedDate(document);
  if (published === 'unknown') guessed.push('published: the page gives no date');
  let title = headline(document);
  if (title === null) {
    title = metaContent(document, ['og:title', 'twitter:title']) ?? stripSiteName(document.querySelector('title')?.textContent ?? '', outlet);
    guessed.push('title: from the page\'s meta tags, no <h1>');
  }
  if (title === '') throw new ArticleFileError(path, 'has no headline: the page has no <h1>, og:title or <title>');
  const byline = metaContent(document, ['author', 'article:author']) ?? bylineFrom(blocks.filter((b) => b.furniture?.kind === 'byline'));
  return finish(path, 'html', checkMeta(path, { outlet, url, published, title, byline }), joinBlocks(texts), blocks, guessed);
}

/** content of the first <meta property|name=...> among the names given, trimmed, or null. */
function metaContent(document: Document, names: readonly string[]): string | null {
  for (const name of names) {
    for (const meta of Array.from(document.querySelectorAll('meta'))) {
      const key = (meta.getAttribute('property') ?? meta.getAttribute('name') ?? meta.getAttribute('itemprop') ?? '').toLowerCase();
      const content = collapse(meta.getAttribute('content') ?? '');
      if (key === name.toLowerCase() && content !== '') return content;
    }
  }
  return null;
}

/** A field of the page's JSON-LD NewsArticle ("datePublished", "publisher" → its name), or null. */
function jsonLd(document: Document, field: 'datePublished' | 'publisher'): string | null {
  for (const script of Array.from(document.querySelectorAll('script[type="application/ld+json"]'))) {
    let data: unknown;
    try {
      data = JSON.parse(script.textContent ?? '');
    } catch {
      continue;
    }
    const items = (Array.isArray(data) ? data : [data, ...((data as { '@graph'?: unknown[] })?.['@graph'] ?? [])]) as Record<string, unknown>[];
    for (const item of items) {
      const value = item?.[field];
      if (typeof value === 'string' && value.trim() !== '') return value.trim();
      const name = (value as { name?: unknown } | undefined)?.name;
      if (typeof name === 'string' && name.trim() !== '') return name.trim();
    }
  }
  return null;
}

const DATE_META = ['article:published_time', 'og:published_time', 'datepublished', 'date', 'pubdate', 'publishdate', 'publish-date', 'dc.date.issued', 'dc.date', 'sailthru.date', 'parsely-pub-date'];

/** The date the page was published, YYYY-MM-DD, from its meta tags, JSON-LD or <time datetime>; 'unknown' when none. */
function publishedDate(document: Document): string {
  const candidates = [
    metaContent(document, DATE_META),
    jsonLd(document, 'datePublished'),
    ...Array.from(document.querySelectorAll('time[datetime]')).map((t) => t.getAttribute('datetime')),
  ];
  for (const candidate of candidates) {
    const date = /^\s*(\d{4}-\d{2}-\d{2})/.exec(candidate ?? '');
    if (date !== null) return date[1]!;
  }
  return 'unknown';
}

/** The article's <h1> (inside <article> or <main> when the page has one), whitespace collapsed. */
function headline(document: Document): string | null {
  const h1 = document.querySelector('article h1') ?? document.querySelector('main h1') ?? document.querySelector('h1');
  const text = collapse(h1?.textContent ?? '');
  return text === '' ? null : text;
}

/** "Headline | The Daily Beacon" → "Headline". */
function stripSiteName(title: string, outlet: string): string {
  const text = collapse(title);
  const cut = text.lastIndexOf(outlet);
  return cut > 0 ? text.slice(0, cut).replace(/\s*[|–—:-]\s*$/, '') : text;
}

function absoluteUrl(href: string | null): string | null {
  if (href === null) return null;
  try {
    const url = new URL(href);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

const collapse = (text: string): string => text.replace(/\s+/g, ' ').trim();

// ---- Both -------------------------------------------------------------------------------------

/** "By Owen Tierney, Chief Reporter" → "Owen Tierney". */
function bylineFrom(blocks: readonly { text: string; furniture?: Furniture | null }[]): string | null {
  for (const block of blocks) {
    if (block.furniture !== undefined && block.furniture?.kind !== 'byline') continue;
    const name = /^\s*[Bb][Yy]\s+(\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*)*)/u.exec(block.text);
    if (name !== null) return name[1]!;
  }
  return null;
}

function checkMeta(path: string, meta: ArticleMeta): ArticleMeta {
  if (absoluteUrl(meta.url) === null) throw new ArticleFileError(path, `url "${meta.url}" is not an http(s) address`);
  if (meta.published !== 'unknown' && (!ISO_DATE.test(meta.published) || Number.isNaN(Date.parse(meta.published)))) {
    throw new ArticleFileError(path, `published "${meta.published}" is not a date written YYYY-MM-DD (or "unknown")`);
  }
  return meta;
}

function finish(path: string, format: 'html' | 'text', meta: ArticleMeta, text: string, blocks: ArticleBlock[], guessed: string[]): ArticleFile {
  return { ...meta, path, name: basename(path), format, text, blocks, guessed };
}
