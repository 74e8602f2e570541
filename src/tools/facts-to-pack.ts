// npx tsx src/tools/facts-to-pack.ts <story dir>
// Makes a test story's claim pack (<story dir>/pack.json) from its hand-written ground truth
// (facts.json), its curation (curation.json: lexicon, totals, wordings, credits) and its article
// files: one claim per fact, each outlet's quote with the prefix and suffix read from its article,
// and the values in the pack's kinds. It stands in for npm run pack:build until that exists, so
// the eval can judge the second story now; it then checks the pack as claims:check does and says
// where the computed agree / differ is not what facts.json says.
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { checkPack } from '../core/database/check';
import { formatProblem } from '../core/database/problems';
import type { Pack, PackLexicon, Total, Value } from '../core/database/schema';
import { readArticleFile } from '../node/article-file';
import { readArgs, runScript, UsageError } from '../node/helpers/args';
import { readSeedTexts } from '../node/data';

interface FactValue {
  kind: string;
  of?: string;
  value?: string | number;
  text: string;
  currency?: string;
}

interface Facts {
  story: { id: string; title: string; date: string };
  articles: {
    id: string;
    outlet: string;
    file: string;
    url: string;
    published: string;
    title: string;
    byline: string | null;
  }[];
  facts: {
    id: string;
    summary: string;
    differ: boolean;
    differences?: string[];
    note?: string;
    reports: { article: string; quote: string; values: FactValue[]; credits: string | null }[];
  }[];
}

interface Curation {
  id: string;
  version: string;
  lexicon: PackLexicon;
  totals: Total[];
  /** The one wording for a place, title or source written in several ways. */
  wordings: Record<string, string>;
  /** Whom a credit names, by a pattern of its words. */
  credits: { pattern: string; wording: string }[];
}

const SELECTOR_CONTEXT = 32;

const slug = (words: string): string =>
  words
    .toLowerCase()
    .replace(/&/g, ' ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
const outletId = (name: string): string => slug(name.replace(/^the\s+/i, ''));

/** The quote's one place in the article text, with the text around it. */
function selector(text: string, quote: string, where: string): { prefix: string; suffix: string } {
  const at = text.indexOf(quote);
  if (at < 0) throw new Error(`${where}: the quote is not in the article text: ${quote.slice(0, 60)}`);
  if (text.indexOf(quote, at + 1) >= 0) throw new Error(`${where}: the quote occurs twice in the article text`);
  return {
    prefix: text.slice(Math.max(0, at - SELECTOR_CONTEXT), at),
    suffix: text.slice(at + quote.length, at + quote.length + SELECTOR_CONTEXT),
  };
}

/** The facts' value kinds in the pack's; a year of build is an age, a year of an event a date. */
function toValue(value: FactValue, ageOf: string | undefined, curation: Curation): Value {
  const of = value.of === undefined ? undefined : slug(value.of);
  const wording = (v: string | number | undefined) => {
    const written = String(v ?? '');
    return curation.wordings[written] ?? written;
  };
  switch (value.kind) {
    case 'count':
      return { kind: 'count', of: of ?? 'things', text: value.text };
    case 'distance':
    case 'duration':
    case 'age':
    case 'date':
      return { kind: value.kind, ...(of ? { of } : {}), text: value.text };
    case 'time':
      return { kind: 'time-of-day', text: value.text };
    case 'year':
      return value.of === 'built'
        ? { kind: 'age', ...(ageOf ? { of: ageOf } : {}), text: value.text }
        : { kind: 'date', ...(of ? { of } : {}), text: value.text };
    case 'money':
      return { kind: 'money', text: value.text, ...(value.currency ? { currency: value.currency } : {}) };
    case 'place':
      return { kind: 'place', ...(of ? { of } : {}), text: value.text, value: wording(value.value) };
    case 'title':
      return { kind: 'name', ...(of ? { of } : {}), text: value.text, value: wording(value.value) };
    default:
      throw new Error(`no pack kind for the facts' kind "${value.kind}"`);
  }
}

/** A credit value, where the fact's differences compare credits and the quote names the source. */
function creditValue(credits: string | null, quote: string, curation: Curation): Value[] {
  if (credits === null) return [];
  const entity = curation.credits.find((c) => new RegExp(c.pattern, 'i').test(credits));
  if (entity === undefined) return [];
  for (const words of [credits, credits.split(',')[0]!.trim()]) {
    const at = quote.toLowerCase().indexOf(words.toLowerCase());
    if (at >= 0) return [{ kind: 'credit', text: quote.slice(at, at + words.length), value: entity.wording }];
  }
  return [];
}

export function factsToPack(dir: string): Pack {
  const facts = JSON.parse(readFileSync(join(dir, 'facts.json'), 'utf8')) as Facts;
  const curation = JSON.parse(readFileSync(join(dir, 'curation.json'), 'utf8')) as Curation;
  const texts = new Map(
    facts.articles.map((a) => [a.id, readArticleFile(a.file, readFileSync(join(dir, a.file), 'utf8')).text]),
  );
  const outlets = new Map<string, Pack['outlets'][number]>();
  for (const a of facts.articles) {
    const host = new URL(a.url).hostname.replace(/^www\./, '');
    outlets.set(a.outlet, { id: outletId(a.outlet), name: a.outlet, hosts: [host] });
  }
  return {
    format: 'parallax-pack',
    formatVersion: 1,
    id: curation.id,
    version: curation.version,
    story: { title: facts.story.title, date: facts.story.date },
    lexicon: curation.lexicon,
    totals: curation.totals,
    outlets: [...outlets.values()],
    articles: facts.articles.map((a) => ({
      id: a.id,
      outlet: outletId(a.outlet),
      url: a.url,
      title: a.title,
      published: a.published === 'unknown' ? null : a.published,
      byline: a.byline,
      source: basename(a.file),
    })),
    claims: facts.facts.map((fact) => {
      const ageOf = fact.reports.flatMap((r) => r.values).find((v) => v.kind === 'age' && v.of !== undefined)?.of;
      const comparesCredits = (fact.differences ?? []).some((d) => d.startsWith('credits:'));
      return {
        id: fact.id,
        summary: fact.summary,
        ...(fact.note ? { note: fact.note } : {}),
        reports: fact.reports.map((r) => ({
          article: r.article,
          quote: r.quote,
          ...selector(texts.get(r.article) ?? '', r.quote, `${fact.id}, ${r.article}`),
          attribution: r.credits,
          values: [
            ...r.values.map((v) => toValue(v, ageOf === undefined ? undefined : slug(ageOf), curation)),
            ...(comparesCredits ? creditValue(r.credits, r.quote, curation) : []),
          ],
        })),
      };
    }),
  };
}

function main(): number {
  const { positionals } = readArgs({ options: {}, allowPositionals: true });
  if (positionals.length !== 1) throw new UsageError('give one story folder (with facts.json and curation.json)');
  const dir = resolve(positionals[0]!);
  const pack = factsToPack(dir);
  const facts = JSON.parse(readFileSync(join(dir, 'facts.json'), 'utf8')) as Facts;
  const result = checkPack(pack, readSeedTexts(join(dir, 'articles')));
  for (const problem of result.problems) console.error(`- ${formatProblem(problem)}`);
  if (result.problems.length > 0) return 1;
  for (const claim of result.database!.claims) {
    const expected = facts.facts.find((f) => f.id === claim.localId)!.differ;
    if ((claim.status === 'differ') !== expected)
      console.log(
        `${claim.localId}: computed ${claim.status}, facts.json says ${expected ? 'differ' : 'no difference'}\n  ${claim.reasons.join('\n  ')}`,
      );
  }
  const out = join(dir, 'pack.json');
  writeFileSync(out, JSON.stringify(pack, null, 2) + '\n');
  console.log(`${relative(process.cwd(), out)}: ${pack.claims.length} claims from ${pack.articles.length} articles`);
  return 0;
}

void runScript(import.meta, 'facts-to-pack', 'npx tsx src/tools/facts-to-pack.ts <story dir>', main);
