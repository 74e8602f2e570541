// npm run annotate -- <page.html> [--url <address>] [--json]
// Annotates a saved page with the same extraction and matching code the extension runs, and prints
// the passages that state claims of the bundled database: for a person to read, or as one JSON
// document. The page's address (from <link rel="canonical"> unless --url is given) decides which
// outlet's page it is, and that outlet's own reports are never listed.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadDatabase, type LoadedDatabase } from '../src/core/database/load';
import { buildIndex } from '../src/core/match/index-builder';
import { createMatcher } from '../src/core/match/matcher';
import { buildClaimView } from '../src/core/claim-view/build-claim-view';
import { extractBlocks, isHiddenByMarkup } from '../src/core/text/extract';
import { canonicalUrl, decodeHtml, parseHtml } from '../src/node/parse-html';
import { BLOCK_SEPARATOR } from '../src/core/text/joined-blocks';

export interface AnnotatedReport {
  outlet: string;
  url: string;
  published: string;
  quote: string;
  attribution: string | null;
}

export interface AnnotatedClaim {
  id: string;
  summary: string;
  status: 'agree' | 'differ';
  score: number;
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

const root = resolve(import.meta.dirname, '..');
let bundled: { db: LoadedDatabase; matcher: ReturnType<typeof createMatcher> } | null = null;

function bundledMatcher(): NonNullable<typeof bundled> {
  if (bundled === null) {
    const db = loadDatabase(JSON.parse(readFileSync(resolve(root, 'assets/database/raqqa-convoy-2017.json'), 'utf8')));
    bundled = { db, matcher: createMatcher(db.database, buildIndex(db.database)) };
  }
  return bundled;
}

/** Annotates one page's HTML. `url` overrides the page's canonical address. */
export function annotateHtml(html: string, url?: string): Annotation {
  const { db, matcher } = bundledMatcher();
  const document = parseHtml(html);
  const pageUrl = url ?? canonicalUrl(document) ?? '';
  const blocks = extractBlocks(document, { isHidden: isHiddenByMarkup }).map((b) => b.text);
  const page = matcher.matchPage({ url: pageUrl, blocks });
  const blockStarts: number[] = [];
  let offset = 0;
  for (const text of blocks) {
    blockStarts.push(offset);
    offset += text.length + BLOCK_SEPARATOR.length;
  }
  const matches = page.matches.map((m): AnnotatedMatch => ({
    text: m.text,
    start: blockStarts[m.block]! + m.start,
    end: blockStarts[m.block]! + m.end,
    claims: m.claims.map((c): AnnotatedClaim => {
      const view = buildClaimView(db, c.claimId, { excludeOutletId: page.outletId, score: c.score });
      return {
        id: view.id,
        summary: view.summary,
        status: view.status,
        score: view.score,
        reports: view.reports
          .filter((r) => r.outletId !== page.outletId)
          .map((r) => ({ outlet: r.outlet, url: r.url, published: r.published, quote: r.quote, attribution: r.attribution })),
      };
    }),
  }));
  return { url: pageUrl, matches };
}

function formatForReading(annotation: Annotation): string {
  const lines = [`${annotation.url || '(no address)'}: ${annotation.matches.length} passage(s) state facts in the database`];
  for (const m of annotation.matches) {
    lines.push('', `[${m.start}–${m.end}] "${m.text}"`);
    for (const c of m.claims) {
      lines.push(`  ${c.status === 'differ' ? '≠' : '='} ${c.summary}  (${c.id}, score ${c.score.toFixed(2)})`);
      for (const r of c.reports) {
        lines.push(`      ${r.outlet}, ${r.published}: "${r.quote}"${r.attribution ? ` (credits ${r.attribution})` : ''}`);
      }
    }
  }
  return lines.join('\n');
}

interface CliArgs {
  file: string;
  url?: string;
  json: boolean;
}

function parseArgs(argv: string[]): CliArgs {
  let file: string | undefined;
  let url: string | undefined;
  let json = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--json') json = true;
    else if (arg === '--url') {
      url = argv[++i];
      if (url === undefined) throw new UsageError('--url needs an address');
    } else if (arg.startsWith('--url=')) url = arg.slice('--url='.length);
    else if (arg.startsWith('--')) throw new UsageError(`unknown option ${arg}`);
    else if (file === undefined) file = arg;
    else throw new UsageError(`unexpected argument ${arg}`);
  }
  if (file === undefined) throw new UsageError('no page given');
  return { file, url, json };
}

class UsageError extends Error {}

function main(argv: string[]): number {
  let args: CliArgs;
  try {
    args = parseArgs(argv);
  } catch (error) {
    console.error(`annotate: ${(error as Error).message}\nusage: npm run annotate -- <page.html> [--url <address>] [--json]`);
    return 2;
  }
  let html: string;
  try {
    html = decodeHtml(readFileSync(args.file));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : code === 'EACCES' ? 'permission denied' : (error as Error).message;
    console.error(`annotate: cannot read ${args.file}: ${why}`);
    return 1;
  }
  const annotation = annotateHtml(html, args.url);
  console.log(args.json ? JSON.stringify(annotation, null, 2) : formatForReading(annotation));
  return 0;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  process.exitCode = main(process.argv.slice(2));
}
