// An article file as pack:build reads it: on top of readArticleFile (the text quotes are checked
// against, the same for claims:check, and what the file says about itself), each block's place in
// that text and whether it is page furniture; the metadata a pack needs (outlet, address, date,
// title, byline), with the usual HTML meta tags and JSON-LD as fallbacks and an outlets.json index
// for captured texts without a header; and a clear error naming the file when a pack cannot be
// made from it.
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { FurnitureKind } from '../../core/text/furniture';
import { blockStarts } from '../../core/text/joined-blocks';
import { furnitureOfBlocks } from './curator-furniture';
import { readArticleFile } from '../../node/article-file';
import { decodeHtml, notHtmlReason } from '../../node/decode-html';
import { parseHtml } from '../../node/parse-html';
import { extractPage } from '../../node/saved-page';

export interface SourceMeta {
  outlet: string;
  url: string;
  /** YYYY-MM-DD, or null where the article gives no date. */
  published: string | null;
  title: string;
  byline: string | null;
}

export interface SourceBlock {
  text: string;
  /** Where the block starts in the article's text. */
  start: number;
  /** What furniture the block is (not the outlet's reporting), or null when it is reporting. */
  furniture: FurnitureKind | null;
}

export interface ArticleSource extends SourceMeta {
  /** The path as given. */
  path: string;
  /** The file's name: what a pack's article `source` refers to. */
  name: string;
  format: 'html' | 'text';
  /** The text quotes are taken from and checked against (readArticleFile's). */
  text: string;
  blocks: SourceBlock[];
  /** Metadata that had to be guessed, for the curator to check ("title: the first line of the text"). */
  guessed: string[];
}

/** A file a pack cannot be made from; the message names the file and says what to fix. */
export class ArticleSourceError extends Error {
  constructor(
    readonly path: string,
    reason: string,
  ) {
    super(`${path}: ${reason}`);
    this.name = 'ArticleSourceError';
  }
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
/** The index of a directory of captured texts without headers (assets/seeds/outlets.json). */
const SEEDS_INDEX = 'outlets.json';
const HEADER_HELP = 'a text article starts with outlet:, url:, published: and title: lines, then a blank line';

/** Read an article file for a pack; throws an ArticleSourceError naming the file when it cannot. */
export function readArticleSource(path: string): ArticleSource {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ArticleSourceError(
      path,
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EISDIR'
          ? 'is a directory, not an article file'
          : (error as Error).message,
    );
  }
  const notPage = notHtmlReason(bytes);
  if (notPage?.binary)
    throw new ArticleSourceError(path, `is ${notPage.reason}, not an article (a saved .html page or a .txt file)`);
  const content = decodeHtml(bytes);
  const file = readArticleFile(basename(path), content);
  const source = file.format === 'html' ? fromHtml(path, content, file) : fromText(path, file);
  if (source.blocks.every((b) => b.furniture !== null))
    throw new ArticleSourceError(path, 'has no article text: every block is furniture or empty');
  return source;
}

// ---- Plain text -------------------------------------------------------------------------------

function fromText(path: string, file: ReturnType<typeof readArticleFile>): ArticleSource {
  const guessed: string[] = [];
  const lines = textLines(file.text);
  if (lines.length === 0) throw new ArticleSourceError(path, 'has no article text');
  const verdicts = furnitureOfBlocks(lines);
  const blocks = lines.map((l, i) => ({ ...l, furniture: verdicts[i] ?? null }));

  let { outlet, url, published, title } = file.meta;
  let byline: string | null = null;
  if (outlet === null && url === null) {
    const seed = seedIndexEntry(path);
    if (seed === null)
      throw new ArticleSourceError(path, `has no header: ${HEADER_HELP} (or is listed in an ${SEEDS_INDEX} beside it)`);
    ({ outlet, url } = seed);
    published = seed.published === 'unknown' ? null : seed.published;
    byline = seed.byline ?? null;
  }
  const missing = [outlet === null ? 'outlet:' : null, url === null ? 'url:' : null].filter((m) => m !== null);
  if (missing.length > 0)
    throw new ArticleSourceError(path, `the header has no ${missing.join(' or ')} line (${HEADER_HELP})`);
  if (title === null) {
    // A captured text without a header: its headline is its first line of reporting.
    title = blocks.find((b) => b.furniture === null)!.text.trim();
    guessed.push('title: the first line of the text');
  }
  byline ??= bylineFrom(blocks);
  return finish(path, 'text', { outlet: outlet!, url: url!, published, title, byline }, file.text, blocks, guessed);
}

/** Non-empty lines with their offsets in the text. */
function textLines(text: string): { text: string; start: number }[] {
  const lines: { text: string; start: number }[] = [];
  let at = 0;
  for (const line of text.split('\n')) {
    if (line.trim() !== '') lines.push({ text: line, start: at });
    at += line.length + 1;
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
    throw new ArticleSourceError(index, `cannot be read as JSON: ${(error as Error).message}`);
  }
  const articles = (json as { articles?: unknown }).articles;
  if (!Array.isArray(articles)) return null;
  const entry = articles.find((a: { file?: unknown }) => a?.file === basename(path)) as Partial<SeedEntry> | undefined;
  if (entry === undefined) return null;
  if (typeof entry.outlet !== 'string' || typeof entry.url !== 'string' || typeof entry.published !== 'string') {
    throw new ArticleSourceError(index, `the entry for ${basename(path)} needs outlet, url and published`);
  }
  return entry as SeedEntry;
}

// ---- HTML -------------------------------------------------------------------------------------

function fromHtml(path: string, html: string, file: ReturnType<typeof readArticleFile>): ArticleSource {
  const document = parseHtml(html);
  // The extraction readArticleFile's text is joined from (the extension's, furniture left out), so
  // offsets index the text claims:check reads; the curator's furniture is marked on what is left.
  const extracted = extractPage(document);
  const starts = blockStarts(extracted.map((b) => b.text));
  const verdicts = furnitureOfBlocks(extracted);
  const blocks = extracted.map((b, i) => ({ text: b.text, start: starts[i]!, furniture: verdicts[i] ?? null }));

  const guessed: string[] = [];
  let outlet = file.meta.outlet ?? metaContent(document, ['application-name']) ?? jsonLd(document, 'publisher');
  if (outlet === null) {
    outlet = outletFromTitle(document);
    if (outlet !== null) guessed.push(`outlet: "${outlet}", from the end of the page's <title>`);
  }
  if (outlet === null)
    throw new ArticleSourceError(path, 'names no outlet: add <meta property="og:site_name" content="..."> to the page');
  const url = file.meta.url;
  if (url === null)
    throw new ArticleSourceError(path, 'has no address: add <link rel="canonical" href="https://..."> to the page');
  const published =
    file.meta.published ?? isoDay(metaContent(document, DATE_META) ?? jsonLd(document, 'datePublished'));
  if (published === null) guessed.push('published: the page gives no date');
  const title = file.meta.title;
  if (title === null) throw new ArticleSourceError(path, 'has no headline: the page has no <h1>, og:title or <title>');
  if (document.querySelector('h1') === null) guessed.push("title: from the page's meta tags, no <h1>");
  const byline =
    metaContent(document, ['author', 'article:author']) ?? bylineFrom(blocks.filter((b) => b.furniture === 'byline'));
  return finish(path, 'html', { outlet, url, published, title, byline }, file.text, blocks, guessed);
}

/** "Headline | Outlet" or "Headline - Outlet": the site's name most pages end their <title> with, or null. */
function outletFromTitle(document: Document): string | null {
  const title = (document.querySelector('title')?.textContent ?? '').replace(/\s+/g, ' ').trim();
  const parts = title.split(/\s+[|\u2013\u2014-]\s+/);
  const last = parts.length > 1 ? parts[parts.length - 1]!.trim() : '';
  // A site's name is a few words; a longer tail is the headline's own clause.
  return last !== '' && last.split(' ').length <= 5 ? last : null;
}

/** The `content` of the first <meta property|name|itemprop=...> among the names given, or null. */
function metaContent(document: Document, names: readonly string[]): string | null {
  const metas = Array.from(document.querySelectorAll('meta'));
  for (const name of names) {
    for (const meta of metas) {
      const key = (
        meta.getAttribute('property') ??
        meta.getAttribute('name') ??
        meta.getAttribute('itemprop') ??
        ''
      ).toLowerCase();
      const content = (meta.getAttribute('content') ?? '').replace(/\s+/g, ' ').trim();
      if (key === name.toLowerCase() && content !== '') return content;
    }
  }
  return null;
}

/** A field of the page's JSON-LD ("datePublished"; "publisher" → its name), or null. */
function jsonLd(document: Document, field: 'datePublished' | 'publisher'): string | null {
  for (const script of Array.from(document.querySelectorAll('script[type="application/ld+json"]'))) {
    let data: unknown;
    try {
      data = JSON.parse(script.textContent ?? '');
    } catch {
      continue;
    }
    const items = (
      Array.isArray(data) ? data : [data, ...((data as { '@graph'?: unknown[] } | null)?.['@graph'] ?? [])]
    ) as (Record<string, unknown> | null)[];
    for (const item of items) {
      const value = item?.[field];
      if (typeof value === 'string' && value.trim() !== '') return value.trim();
      const name = (value as { name?: unknown } | undefined)?.name;
      if (typeof name === 'string' && name.trim() !== '') return name.trim();
    }
  }
  return null;
}

/** Date meta tags besides the ones readArticleFile reads. */
const DATE_META = [
  'og:published_time',
  'datepublished',
  'publishdate',
  'publish-date',
  'dc.date.issued',
  'dc.date',
  'sailthru.date',
  'parsely-pub-date',
];

function isoDay(value: string | null): string | null {
  return /^\s*(\d{4}-\d{2}-\d{2})/.exec(value ?? '')?.[1] ?? null;
}

// ---- Both -------------------------------------------------------------------------------------

/** "By Owen Tierney, Chief Reporter" → "Owen Tierney". */
function bylineFrom(blocks: readonly { text: string; furniture: FurnitureKind | null }[]): string | null {
  for (const block of blocks) {
    if (block.furniture !== 'byline') continue;
    const name = /^\s*[Bb][Yy]\s+(\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*)*)/u.exec(block.text);
    if (name !== null) return name[1]!;
  }
  return null;
}

function finish(
  path: string,
  format: 'html' | 'text',
  meta: SourceMeta,
  text: string,
  blocks: SourceBlock[],
  guessed: string[],
): ArticleSource {
  let url: URL | null;
  try {
    url = new URL(meta.url);
  } catch {
    url = null;
  }
  if (url === null || (url.protocol !== 'http:' && url.protocol !== 'https:'))
    throw new ArticleSourceError(path, `url "${meta.url}" is not an http(s) address`);
  if (meta.published !== null && (!ISO_DATE.test(meta.published) || Number.isNaN(Date.parse(meta.published)))) {
    throw new ArticleSourceError(path, `published "${meta.published}" is not a date written YYYY-MM-DD (or "unknown")`);
  }
  return { ...meta, path, name: basename(path), format, text, blocks, guessed };
}
