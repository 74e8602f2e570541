// A saved page read in Node the way the extension reads a live one: parsed, its visible text
// extracted as blocks (visibility judged from markup alone), its address and date from the page.
import { extractBlocks, isHiddenByMarkup, type ExtractedBlock } from '../core/text/extract';
import { publishedDay } from '../core/text/page-date';
import { canonicalUrl, parseHtml } from './parse-html';

export interface SavedPage {
  document: Document;
  /** The text of each block, in reading order. */
  blocks: string[];
  /** From <link rel="canonical">, or null. */
  url: string | null;
  /** The day the page says it was published (YYYY-MM-DD), or null (core/text/page-date.ts). */
  published: string | null;
}

export function readSavedPage(html: string): SavedPage {
  const document = parseHtml(html);
  return { document, blocks: pageBlocks(document), url: canonicalUrl(document), published: publishedDay(document) };
}

/** The text of each block of a parsed page, as the CLI, the eval and the benchmark read it. */
export function pageBlocks(document: Document): string[] {
  return extractPage(document).map((block) => block.text);
}

/** A parsed page's blocks with their elements (furniture left out, as in the extension). */
export function extractPage(document: Document): ExtractedBlock[] {
  return extractBlocks(document, { isHidden: isHiddenByMarkup });
}
