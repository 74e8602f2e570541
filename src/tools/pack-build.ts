// npm run pack:build -- <article files...> [--story "<title>"] --out <pack.json>
//                       [--id <slug>] [--date YYYY-MM-DD] [--model <encoder> | --words-only]
//                       [--score-against <curated pack or facts.json>]
// The curator's tool: builds a draft claim pack from article files (saved HTML pages, texts with
// a `key: value` header, or captured texts listed in an outlets.json beside them), writes it, and
// prints a review table (claims, outlets, status, and the sentences it was unsure of). With
// --score-against it also measures the draft against a curated pack or a story's facts.json.
import { existsSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { checkPack } from '../core/database/check';
import type { LoadedClaim } from '../core/database/load';
import { formatProblem } from '../core/database/problems';
import { ENCODER_MODELS, isEncoderModelId, SHIPPED_MODEL_ID, type EncoderModelId } from '../core/meaning/models';
import { ArticleSourceError, readArticleSource, type ArticleSource } from './pack-build/article-source';
import { buildPack, type BuildResult } from './pack-build/build-pack';
import { reviewTable } from './pack-build/review-table';
import { addressKey, markedFacts, placeQuote, scoreAgainstMarkers, scorePack, spannedClaims } from './pack-build/score';
import type { SentenceEmbedder } from './pack-build/similarity';
import { StoryDateError } from './pack-build/story-date';
import { PACK_BUILD_MODEL } from './pack-build/tuning';
import { loadEncoder } from '../node/model/load-encoder';
import { modelDir } from '../node/model/provisioning';
import { readArgs, runScript, UsageError } from '../node/helpers/args';
import { wrap } from '../node/helpers/columns';
import { PackFileError, readPackJson } from '../node/data';

const USAGE =
  'npm run pack:build -- <article files...> [--story "<title>"] --out <pack.json> [--id <slug>] [--date YYYY-MM-DD] [--model <encoder> | --words-only] [--score-against <pack or facts.json>]';

const STATUS_WORDS = { agree: 'agree', differ: 'differ', 'not-compared': 'nothing to compare' } as const;

/** A path as a word to paste into a shell: quoted when it holds a space or another special character. */
function shellWord(path: string): string {
  return /^[\w./@%+=:,-]+$/.test(path) ? path : `'${path.replace(/'/g, `'\\''`)}'`;
}

/** The encoder to build with: the one asked for, else pack:build's own, else the shipped one; null for words only. */
async function chooseEncoder(
  asked: string | undefined,
  wordsOnly: boolean,
): Promise<{ embedder: SentenceEmbedder | null; note: string | null }> {
  if (wordsOnly) return { embedder: null, note: null };
  if (asked !== undefined && !isEncoderModelId(asked))
    throw new UsageError(`unknown encoder "${asked}" (known: ${Object.keys(ENCODER_MODELS).join(', ')})`);
  const installed = (id: EncoderModelId) => existsSync(resolve(modelDir(id), ENCODER_MODELS[id].modelFile));
  const wanted = (asked ?? PACK_BUILD_MODEL) as EncoderModelId;
  if (installed(wanted)) return { embedder: (await loadEncoder(wanted)).encoder, note: null };
  const provision = `npm run model:provision${wanted === SHIPPED_MODEL_ID ? '' : ` -- --model ${wanted}`}`;
  if (asked !== undefined) throw new UsageError(`the encoder ${wanted} is not installed: run ${provision}`);
  if (installed(SHIPPED_MODEL_ID)) {
    return {
      embedder: (await loadEncoder(SHIPPED_MODEL_ID)).encoder,
      note: `${wanted} is not installed (${provision}); built with ${SHIPPED_MODEL_ID}, which finds fewer facts`,
    };
  }
  return {
    embedder: null,
    note: `no sentence encoder is installed (${provision}); built from the words alone, which finds fewer facts`,
  };
}

function statusLines(claims: readonly LoadedClaim[]): Map<string, { status: string; reasons: readonly string[] }> {
  return new Map(claims.map((c) => [c.localId, { status: STATUS_WORDS[c.status], reasons: c.reasons }]));
}

/** The measurement against a curated pack or facts.json, as lines to print. */
function measurement(result: BuildResult, articles: readonly ArticleSource[], curatedPath: string): string[] {
  const json = readPackJson(curatedPath);
  const share = (n: number, d: number) => `${n}/${d} = ${d === 0 ? '–' : (n / d).toFixed(3)}`;
  // A facts file of markers (a story eval's): which facts one claim holds in two or more outlets.
  const marked = markedFacts(json);
  if (marked !== null) {
    const score = scoreAgainstMarkers(result.pack.claims, marked);
    const missed = score.required.filter((id) => !score.held.includes(id));
    return [
      `Measured against ${curatedPath} (facts by marker):`,
      `  facts held by one claim in two or more outlets: ${share(score.held.length, score.required.length)}`,
      `  reports that state their claim's fact:          ${share(score.onFact, score.reports)}`,
      ...(missed.length > 0 ? wrap(`not held: ${missed.join(', ')}`, '  ', '    ') : []),
    ];
  }
  const texts = new Map(articles.map((a) => [a.url, { url: a.url, text: a.text }]));
  const curated = spannedClaims(json, texts);
  const proposed = spannedClaims(result.pack, texts);
  const score = scorePack(proposed.claims, curated.claims);
  const reports = result.pack.claims.flatMap((c) => c.reports);
  const urlOf = new Map(result.pack.articles.map((a) => [a.id, a.url]));
  const textOf = new Map(articles.map((a) => [addressKey(a.url), a.text]));
  const verbatim = reports.filter((r) => {
    const text = textOf.get(addressKey(urlOf.get(r.article) ?? ''));
    const at = text === undefined ? -1 : placeQuote(text, r.quote, r.prefix, r.suffix);
    return at >= 0 && text!.slice(0, at).endsWith(r.prefix) && text!.startsWith(r.suffix, at + r.quote.length);
  }).length;
  const lines = [
    `Measured against ${curatedPath}:`,
    `  curated claims found (two or more outlets):  ${share(score.found.length, score.findable.length)}   (goal >= 0.8)`,
    `  proposed claims that are real facts:          ${share(score.real.length, result.pack.claims.length)}   (goal >= 0.8)`,
    `  quotes verbatim, prefix and suffix in place:  ${share(verbatim, reports.length)}   (goal 1.000)`,
    `  reports that belong to the fact they are in:  ${share(score.reportsThatBelong, score.reports)}`,
  ];
  if (score.singleOutlet.length > 0)
    lines.push(...wrap(`not counted (one outlet only): ${score.singleOutlet.join(', ')}`, '  ', '    '));
  if (score.missed.length > 0) lines.push(...wrap(`missed: ${score.missed.join(', ')}`, '  ', '    '));
  if (score.unreal.length > 0) lines.push(...wrap(`not a curated fact: ${score.unreal.join(', ')}`, '  ', '    '));
  if (curated.unplaced.length > 0)
    lines.push(...wrap(`curated quotes not found in the articles: ${curated.unplaced.length}`, '  ', '    '));
  return lines;
}

async function main(): Promise<number> {
  const { values: args, positionals: files } = readArgs({
    options: {
      story: { type: 'string' },
      out: { type: 'string' },
      id: { type: 'string' },
      date: { type: 'string' },
      model: { type: 'string' },
      'words-only': { type: 'boolean' },
      'score-against': { type: 'string' },
    },
    allowPositionals: true,
  });
  if (files.length < 2)
    throw new UsageError('give two or more article files: a fact is what two or more outlets state');
  if (args.story !== undefined && args.story.trim() === '')
    throw new UsageError(
      '--story "<title>" is empty: give the story\'s title, or leave --story out to have one drafted from the headlines',
    );
  if (args.out === undefined) throw new UsageError('--out <pack.json> is required');
  if (args.date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(args.date))
    throw new UsageError(`--date "${args.date}" is not a date written YYYY-MM-DD`);
  if (args.id !== undefined && !/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(args.id))
    throw new UsageError(`--id "${args.id}" is not a lower-case slug such as "ferry-fire-2025"`);
  if (args['score-against'] !== undefined && !existsSync(args['score-against']))
    throw new UsageError(`--score-against: no such file ${args['score-against']}`);

  const articles = files.map((file) => readArticleSource(file));
  const names = new Map<string, string>();
  for (const article of articles) {
    const clash = names.get(article.name);
    if (clash !== undefined) {
      console.error(
        `pack:build: ${article.path} and ${clash} have the same file name; a pack names its articles' files, so they must differ`,
      );
      return 1;
    }
    names.set(article.name, article.path);
  }

  const { embedder, note } = await chooseEncoder(args.model, args['words-only'] === true);
  if (note !== null) console.error(`pack:build: ${note}`);
  const result = await buildPack(articles, {
    story: { title: args.story?.trim(), id: args.id, date: args.date },
    embedder,
  });

  // The draft must pass claims:check: the same check, on the same article texts.
  const check = checkPack(result.pack, new Map(articles.map((a) => [a.name, a.text])));
  if (check.problems.length > 0 || check.database === null) {
    console.error('pack:build: the draft fails the pack check (a bug in pack:build):');
    for (const problem of check.problems) console.error(wrap(`- ${formatProblem(problem)}`, '  ', '    ').join('\n'));
    return 1;
  }
  const out = resolve(args.out);
  writeFileSync(out, `${JSON.stringify(result.pack, null, 2)}\n`);

  const statuses = statusLines(check.database.claims);
  const count = (word: string) => [...statuses.values()].filter((s) => s.status === word).length;
  console.log(
    reviewTable(
      result.pack,
      (id) => statuses.get(id) ?? { status: '?', reasons: [] },
      result.unsure,
      articles.map((a) => a.outlet),
    ),
  );
  console.log('');
  console.log(
    `${result.pack.claims.length} claims from ${articles.length} articles (${result.sentences.length} sentences and clauses): ` +
      `${count('differ')} differ, ${count('agree')} agree, ${count('nothing to compare')} nothing to compare; ${result.unsure.length} sentences to check`,
  );
  const guessed = articles.flatMap((a) => a.guessed.map((g) => `${a.name}: ${g}`));
  for (const line of guessed) console.log(`guessed ${line}`);
  if (args.story === undefined)
    console.log(`story title drafted from the headlines: "${result.pack.story.title}" (give your own with --story)`);
  console.log(
    `story date ${result.pack.story.date} (${result.storyDateFrom}); aligned by ${result.encoder === null ? 'words alone' : `meaning (${result.encoder}) and words`}`,
  );
  // The paths as the curator wrote them: relative to where they ran the command, or absolute.
  console.log(
    `wrote ${args.out}; check it with npm run claims:check -- ${shellWord(args.out)} --seeds ${shellWord(dirname(files[0]!))}`,
  );
  if (args['score-against'] !== undefined) {
    console.log('');
    for (const line of measurement(result, articles, args['score-against'])) console.log(line);
  }
  return 0;
}

void runScript(import.meta, 'pack:build', USAGE, main, [ArticleSourceError, StoryDateError, PackFileError]);
