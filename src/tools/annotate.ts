// npm run annotate -- <page.html> [--pack <pack.json>]... [--url <address>] [--json] [--out <file>]
//   [--offsets] [--no-meaning]
// Annotates a saved page with the same extraction and matching code the extension runs (by words,
// and by meaning when the sentence model is installed, with the claim vectors the extension ships),
// and prints the passages that state claims of the bundled packs (and any given with --pack, as if
// the reader had installed them): for a person to read, or as one JSON document, on stdout or into
// the file --out names. npm prints its "> parallax@0.1.0 annotate" banner on stdout before the
// script's output: `npm run --silent annotate -- --json ...` (or --out) gives the JSON alone. The
// page's address (from <link rel="canonical"> unless --url is given) decides which outlet's page
// it is, and that outlet's own reports are never listed.
import { readFileSync, writeFileSync } from 'node:fs';
import { buildClaimView } from '../core/claim-view/build-claim-view';
import { orderFacts } from '../core/claim-view/order';
import type { ClaimView, ReportView } from '../core/claim-view/types';
import { statusHeadline, STATUS_WORDS } from '../core/claim-view/words';
import { compile, type LoadedDatabase } from '../core/database/load';
import { buildIndex } from '../core/match/index-builder';
import { createMatcher } from '../core/match/matcher';
import { DEFAULT_TUNING } from '../core/match/tuning';
import { DEFAULT_MEANING_TUNING } from '../core/meaning/tuning';
import { blockStarts } from '../core/text/joined-blocks';
import { decodeHtml, notHtmlReason } from '../node/decode-html';
import { readSavedPage } from '../node/saved-page';
import { readArgs, runScript, UsageError } from '../node/helpers/args';
import { PackFileError, readDatabase } from '../node/data';
import {
  loadNodeMeaning,
  matchPageWithMeaning,
  meaningUnavailable,
  type NodeMeaning,
} from '../node/model/node-meaning';
import { quoted } from '../core/english/lists';

const USAGE =
  'npm run annotate -- <page.html> [--pack <pack.json>]... [--url <address>] [--json] [--out <file>] [--offsets] [--no-meaning]';

/** The JSON shape: a claim view's fields a reader of the output needs. */
export type AnnotatedReport = Pick<ReportView, 'outlet' | 'url' | 'published' | 'quote' | 'attribution'>;

export interface AnnotatedClaim extends Pick<ClaimView, 'id' | 'summary' | 'status' | 'score'> {
  /** The status in the tooltip's words: "Outlets differ on the figures", "Same fact, nothing to compare". */
  statusText: string;
  /**
   * Each kind of value set side by side, as the tooltip's charts and lists: its title, whether the
   * outlets differ, and one row per outlet ("This page" first where the page states one), each
   * value in the outlet's words with what Parallax computed from them apart.
   */
  compared: {
    title: string;
    status: 'agree' | 'differ';
    rows: { label: string; values: { text: string; computed: string | null }[] }[];
  }[];
  /** How the passage was found to state the claim: its words, or its meaning (the sentence encoder). */
  by: 'words' | 'meaning';
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
  /** Whether meaning was used: the model's id, or null (words only) with the reason. */
  meaning: { model: string } | { model: null; why: string };
  matches: AnnotatedMatch[];
}

const matchers = new Map<string, { db: LoadedDatabase; matcher: ReturnType<typeof createMatcher> }>();

/** The bundled packs and the given ones, loaded and indexed once per set. */
function packMatcher(packs: readonly string[]): { db: LoadedDatabase; matcher: ReturnType<typeof createMatcher> } {
  const key = packs.join('\u0000');
  let loaded = matchers.get(key);
  if (loaded === undefined) {
    const db = compile(readDatabase(packs));
    loaded = { db, matcher: createMatcher(db.combined, buildIndex(db.combined)) };
    matchers.set(key, loaded);
  }
  return loaded;
}

/**
 * Annotates one page's HTML. `url` overrides the page's canonical address; `packs` are pack files
 * added to the bundled ones. With `meaning`, by words and meaning as the extension does; without,
 * by words alone (`why` says why).
 */
export async function annotateHtml(
  html: string,
  options: { url?: string; packs?: readonly string[]; meaning: NodeMeaning | null; why?: string },
): Promise<{ annotation: Annotation; outlet: string | null }> {
  const { db, matcher } = packMatcher(options.packs ?? []);
  const saved = readSavedPage(html);
  const pageUrl = options.url ?? saved.url ?? '';
  const input = { url: pageUrl, blocks: saved.blocks, published: saved.published };
  const meaning = options.meaning;
  const page = meaning
    ? await matchPageWithMeaning(matcher, input, meaning, () => meaning.claimVectors(db.combined))
    : matcher.matchPage(input);
  const starts = blockStarts(saved.blocks);
  const matches = page.matches.map((m): AnnotatedMatch => {
    // The passage's facts as the tooltip orders them, each with this page's values read from the passage.
    const facts = m.claims.map((c) => ({
      view: buildClaimView(db, c.claimId, { excludeOutletId: page.outletId, score: c.score, passage: m.text }),
      score: c.score,
      byMeaning: c.byMeaning === true,
    }));
    return {
      text: m.text,
      start: starts[m.block]! + m.start,
      end: starts[m.block]! + m.end,
      claims: orderFacts(facts).map(({ view, byMeaning }): AnnotatedClaim => ({
        id: view.id,
        summary: view.summary,
        status: view.status,
        statusText: statusHeadline(view),
        score: view.score,
        by: byMeaning ? 'meaning' : 'words',
        compared: view.compared.map((k) => ({
          title: k.title,
          status: k.status,
          rows: k.rows.map((r) => ({
            label: r.label,
            values: r.values.map((v) => ({ text: v.text, computed: v.computed })),
          })),
        })),
        reports: view.reports.map((r) => ({
          outlet: r.outlet,
          url: r.url,
          published: r.published,
          quote: r.quote,
          attribution: r.attribution,
        })),
      })),
    };
  });
  const outlet = db.combined.outlets.find((o) => o.id === page.outletId)?.name ?? null;
  const used: Annotation['meaning'] = meaning
    ? { model: meaning.model.id }
    : { model: null, why: options.why ?? 'words only' };
  return { annotation: { url: pageUrl, meaning: used, matches }, outlet };
}

const MARK = { agree: '=', differ: '≠', 'not-compared': '·' } as const;

/** The annotation as a person reads it: what the page is, a legend, then each passage. */
export function formatForReading(annotation: Annotation, outlet: string | null, withOffsets: boolean): string {
  const page =
    annotation.url === ''
      ? 'Page: no address (give one with --url to leave out its outlet\u2019s own reports)'
      : `Page: ${annotation.url}${outlet ? ` (${outlet}: its own reports are left out)` : ''}`;
  const how =
    annotation.meaning.model === null
      ? `Matched by words only (${annotation.meaning.why}).`
      : `Matched by words and by meaning (sentence encoder ${annotation.meaning.model}).`;
  const count = annotation.matches.length;
  if (count === 0) return `${page}\n${how}\nNo passage on this page states a fact held in the claim packs.`;
  const lines = [
    page,
    how,
    `${count} passage${count === 1 ? '' : 's'} on this page state${count === 1 ? 's' : ''} facts held in the claim packs.`,
    `Under each passage, the facts it states, marked as the tooltip says: ${MARK.differ} ${STATUS_WORDS.differ} (on what),`,
    `${MARK.agree} ${STATUS_WORDS.agree}, ${MARK['not-compared']} ${STATUS_WORDS['not-compared']} (never called agreement);`,
    `score: how closely the passage states the fact (1 = exactly; ${DEFAULT_TUNING.threshold} is the least shown);`,
    `"by meaning": found by the sentence encoder where the words fell short (its score is the hybrid's; ${DEFAULT_MEANING_TUNING.threshold} is the least shown).`,
  ];
  if (withOffsets) lines.push('[start–end]: character offsets in the page text (its blocks joined by a blank line).');
  annotation.matches.forEach((m, i) => {
    lines.push('', `${i + 1}. ${withOffsets ? `[${m.start}–${m.end}] ` : ''}${quoted(m.text)}`);
    for (const c of m.claims) {
      lines.push(
        `   ${MARK[c.status]} ${c.summary}  (${c.id}, ${c.by === 'meaning' ? 'by meaning, ' : ''}score ${c.score.toFixed(2)})`,
        `     ${c.statusText}`,
      );
      for (const k of c.compared) {
        const rows = k.rows.map(
          (r) =>
            `${r.label} ${r.values.map((v) => (v.computed === null ? v.text : `${v.text} [${v.computed}]`)).join('; ')}`,
        );
        lines.push(`     ${k.title} (${k.status}): ${rows.join(' · ')}`);
      }
      for (const r of c.reports) {
        lines.push(
          `       ${r.outlet}, ${r.published ?? 'undated'}: ${quoted(r.quote)}${r.attribution ? ` (credits ${r.attribution})` : ''}`,
        );
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
    return code === 'ENOENT'
      ? 'no such file'
      : code === 'EISDIR'
        ? 'is a directory'
        : code === 'EACCES'
          ? 'permission denied'
          : (error as Error).message;
  }
}

async function main(): Promise<number> {
  const { values: args, positionals } = readArgs({
    options: {
      url: { type: 'string' },
      json: { type: 'boolean' },
      out: { type: 'string' },
      offsets: { type: 'boolean' },
      pack: { type: 'string', multiple: true },
      'no-meaning': { type: 'boolean' },
    },
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
  const why = args['no-meaning'] === true ? '--no-meaning' : meaningUnavailable();
  const meaning = why === null ? loadNodeMeaning() : null;
  const { annotation, outlet } = await annotateHtml(decodeHtml(bytes), {
    url: args.url,
    packs: args.pack ?? [],
    meaning,
    why: why ?? undefined,
  });
  const output = args.json
    ? JSON.stringify(annotation, null, 2)
    : formatForReading(annotation, outlet, args.offsets === true);
  if (args.out === undefined) {
    console.log(output);
    return 0;
  }
  try {
    writeFileSync(args.out, `${output}\n`);
  } catch (error) {
    console.error(`annotate: cannot write ${args.out}: ${(error as Error).message}`);
    return 1;
  }
  return 0;
}

void runScript(import.meta, 'annotate', USAGE, main, [PackFileError]);
