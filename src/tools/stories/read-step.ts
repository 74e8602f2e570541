// The read step: each article file read the way pack:build reads it (the extension's extraction,
// its furniture, the curator's), judged (language, live blog, no article), and reduced to what the
// grouping compares; and the embed step: the lead of each article blocking proposes through the
// sentence encoder, once (an article that shares no rare name and no wording with another cannot
// be in a story, and is not embedded: most of an archive).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { daysOf, minhashOf, namesOf, packSignature, packVector } from './features';
import { readSource, type SentenceEmbedder } from './pack-build-adapter';
import { pageVerdict } from './page-kind';
import type { ArticleRecord, ReadResult } from './records';

/** The words of the lead the encoder reads: the headline and the opening, about what the model reads at most. */
const LEAD_WORDS = 40;

/** "https://www.bbc.co.uk/news/x" → "bbc.co.uk". */
export function siteOf(url: string): string {
  try {
    return new URL(url).hostname.toLowerCase().replace(/^www\d?\./, '');
  } catch {
    return url;
  }
}

/** The headline and the first words of the reporting: what a reader takes the article to be about. */
export function leadOf(title: string, reporting: readonly string[]): string {
  const words = reporting
    .join(' ')
    .split(/\s+/)
    .filter((w) => w !== '');
  // The headline is often the first block too: it is not read twice.
  const body = words.join(' ').startsWith(title) ? words.slice(title.split(/\s+/).length) : words;
  return `${title}. ${body.slice(0, LEAD_WORDS).join(' ')}`;
}

export function readStep(archive: string, files: readonly string[]): ReadResult {
  const result: ReadResult = { articles: [], setAside: [] };
  for (const file of files) {
    const path = join(archive, file);
    const read = readSource(path);
    if ('error' in read) {
      result.setAside.push({ id: file, reason: 'unreadable', why: read.error });
      continue;
    }
    const source = read.source;
    const verdict = pageVerdict(source, source.format === 'html' ? readFileSync(path, 'latin1') : null);
    if (verdict.kind !== 'article') {
      result.setAside.push({ id: file, reason: verdict.kind, why: verdict.why });
      continue;
    }
    const reporting = source.blocks.filter((b) => b.furniture === null).map((b) => b.text);
    const body = reporting.join('\n');
    const record: ArticleRecord = {
      id: file,
      outlet: source.outlet,
      site: siteOf(source.url),
      url: source.url,
      published: source.published,
      title: source.title,
      chars: body.length,
      names: namesOf(source.title, body),
      days: daysOf(body, source.published),
      wording: packSignature(minhashOf(body)),
      lead: leadOf(source.title, reporting),
      vector: '',
    };
    if (verdict.note !== undefined) record.note = verdict.note;
    result.articles.push(record);
  }
  return result;
}

/** The embed step: each lead's vector, packed, by article id. */
export async function embedStep(
  leads: readonly { id: string; lead: string }[],
  embedder: SentenceEmbedder,
): Promise<Record<string, string>> {
  const vectors = await embedder.embed(leads.map((l) => l.lead));
  return Object.fromEntries(leads.map((l, i) => [l.id, packVector(vectors[i]!)]));
}
