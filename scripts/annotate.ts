// npm run annotate -- <page.html> [--url <address>] [--json] [--offsets]
// Annotates a saved page with the same extraction and matching code the extension runs, and prints
// the passages that state claims of the bundled database: for a person to read, or as one JSON
// document (pure JSON on stdout, also through npm: .npmrc sends npm's banner to stderr). The
// page's address (from <link rel="canonical"> unless --url is given) decides which outlet's page
// it is, and that outlet's own reports are never listed.
import { readFileSync } from 'node:fs';
import { buildClaimView } from '../src/core/claim-view/build-claim-view';
import type { ClaimView, ReportView } from '../src/core/claim-view/types';
import { loadDatabase, type LoadedDatabase } from '../src/core/database/load';
import { buildIndex } from '../src/core/match/index-builder';
import { createMatcher } from '../src/core/match/matcher';
import { DEFAULT_TUNING } from '../src/core/match/tuning';
import { blockStarts } from '../src/core/text/joined-blocks';
import { decodeHtml, notHtmlReason } from '../src/node/decode-html';
import { readSavedPage } from '../src/node/saved-page';
import { readArgs, runScript, UsageError } from './lib/args';
import { readJson } from './lib/data';
import { DATABASE_PATH } from './lib/paths';

const USAGE = 'npm run annotate -- <page.html> [--url <address>] [--json] [--offsets]';

/** The JSON shape: a claim view's fields a reader of the output needs. */
export type AnnotatedReport = Pick<ReportView, 'outlet' | 'url' | 'published' | 'quote' | 'attribution'>;

export interface AnnotatedClaim extends Pick<ClaimView, 'id' | 'summary' | 'status' | 'score'> {
  reports: AnnotatedReport[];
}

export interface AnnotatedMatch {
  text: string;
  /** Offsets in the page text: the extracted blocks joined by BLOCK_SEPARATOR. */
  start: number;
  end: number;
  claims: AnnotatedClaim[];
}

export interface Annotation {
  url: string;
  matches: AnnotatedMatch[];
}

let bundled: { db: LoadedDatabase; matcher: ReturnType<typeof createMatcher> } | null = null;

function bundledMatcher(): NonNullable<typeof bundled> {
  if (bundled === null) {
    const db = loadDatabase(readJson(DATABASE_PATH));
    bundled = { db, matcher: createMatcher(db.database, buildIndex(db.database)) };
  }
  return bundled;
}

/** Annotates one page's HTML. `url` overrides the page's canonical address. */
export function annotateHtml(html: string, url?: string): { annotation: Annotation; outlet: string | null } {
  const { db, matcher } = bundledMatcher();
  const saved = readSavedPage(html);
  const pageUrl = url ?? saved.url ?? '';
  const page = matcher.matchPage({ url: pageUrl, blocks: saved.blocks });
  const starts = blockStarts(saved.blocks);
  const matches = page.matches.map((m): AnnotatedMatch => ({
    text: m.text,
    start: starts[m.block]! + m.start,
    end: starts[m.block]! + m.end,
    claims: m.claims.map((c): AnnotatedClaim => {
      const view = buildClaimView(db, c.claimId, { excludeOutletId: page.outletId, score: c.score });
      return {
        id: view.id,
        summary: view.summary,
        status: view.status,
        score: view.score,
        reports: view.reports.map((r) => ({ outlet: r.outlet, url: r.url, published: r.published, quote: r.quote, attribution: r.attribution })),
      };
    }),
  }));
  const outlet = db.database.outlets.find((o) => o.id === page.outletId)?.name ?? null;
  return { annotation: { url: pageUrl, matches }, outlet };
}

const MARK = { agree: '=', differ: '≠' } as const;

/** The annotation as a person reads it: what the page is, a legend, then each passage. */
export function formatForReading(annotation: Annotation, outlet: string | null, withOffsets: boolean): string {
  const page = annotation.url === ''
    ? 'Page: no address (give one with --url to leave out its outlet\u2019s own reports)'
    : `Page: ${annotation.url}${outlet ? ` (${outlet}: its own reports are left out)` : ''}`;
  const count = annotation.matches.length;
  if (count === 0) return `${page}\nNo passage on this page states a fact held in the claim database.`;
  const lines = [
    page,
    `${count} passage${count === 1 ? '' : 's'} on this page state${count === 1 ? 's' : ''} facts held in the claim database.`,
    `Under each passage, the facts it states: ${MARK.agree} the outlets agree on the fact's figures, ${MARK.differ} they differ;`,
    `score: how closely the passage states the fact (1 = exactly; ${DEFAULT_TUNING.threshold} is the least shown).`,
  ];
  if (withOffsets) lines.push('[start–end]: character offsets in the page text (its blocks joined by a blank line).');
  annotation.matches.forEach((m, i) => {
    lines.push('', `${i + 1}. ${withOffsets ? `[${m.start}–${m.end}] ` : ''}"${m.text}"`);
    for (const c of m.claims) {
      lines.push(`   ${MARK[c.status]} ${c.summary}  (${c.id}, score ${c.score.toFixed(2)})`);
      for (const r of c.reports) {
        lines.push(`       ${r.outlet}, ${r.published}: "${r.quote}"${r.attribution ? ` (credits ${r.attribution})` : ''}`);
      }
    }
  });
  return lines.join('\n');
}

function readPage(file: string): Uint8Array | string {
  try {
    return readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : code === 'EACCES' ? 'permission denied' : (error as Error).message;
  }
}

function main(): number {
  const { values: args, positionals } = readArgs({
    options: { url: { type: 'string' }, json: { type: 'boolean' }, offsets: { type: 'boolean' } },
    allowPositionals: true,
  });
  if (positionals.length === 0) throw new UsageError('no page given');
  if (positionals.length > 1) throw new UsageError(`one page at a time (got ${positionals.join(', ')})`);
  const file = positionals[0]!;
  const bytes = readPage(file);
  if (typeof bytes === 'string') {
    console.error(`annotate: cannot read ${file}: ${bytes}`);
    return 1;
  }
  const notHtml = notHtmlReason(bytes);
  if (notHtml?.binary) {
    console.error(`annotate: cannot annotate ${file}: it is ${notHtml.reason}, not an HTML page`);
    return 1;
  }
  if (notHtml) console.error(`annotate: ${file} is ${notHtml.reason}; reading it as the text of a page`);
  const { annotation, outlet } = annotateHtml(decodeHtml(bytes), args.url);
  console.log(args.json ? JSON.stringify(annotation, null, 2) : formatForReading(annotation, outlet, args.offsets === true));
  return 0;
}

void runScript(import.meta, 'annotate', USAGE, main);
