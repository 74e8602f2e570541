// npm run pack:build:tune -- [--model <encoder> | --words-only] [--stories <stories.json>]
// How pack:build's thresholds (src/tools/pack-build/tuning.ts) are chosen: every setting of a grid of
// seed, join and sure scores builds each story's draft, measured against the story's curated
// reading (a pack, a facts.json, or a facts file of markers); the settings are printed best first
// by the mean, over the stories, of the F1 of facts found and reports that belong to their fact.
// Deterministic: the same articles and encoder give the same table. The stories are the two the
// repository holds (the Raqqa seeds and the Northern Lark ferry fire), and any given in a
// stories.json ([{ "name", "files": [...], "against": "..." }], paths relative to that file), such as
// a story's eval kept outside the repository.
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { ENCODER_MODELS, isEncoderModelId, type EncoderModelId } from '../core/meaning/models';
import { readArticleSource, type ArticleSource } from './pack-build/article-source';
import { buildPack, tuningFor } from './pack-build/build-pack';
import { markedFacts, scoreAgainstMarkers, scorePack, spannedClaims } from './pack-build/score';
import type { SentenceEmbedder } from './pack-build/similarity';
import { PACK_BUILD_MODEL, type BuildTuning } from './pack-build/tuning';
import { loadEncoder } from '../node/model/load-encoder';
import { readArgs, runScript, UsageError } from '../node/helpers/args';

const USAGE = 'npm run pack:build:tune -- [--model <encoder> | --words-only] [--stories <stories.json>]';

interface Story {
  name: string;
  files: string[];
  against: string;
}

const FERRY = 'tests/fixtures/stories/northern-lark-ferry-fire-2025';
const REPOSITORY_STORIES: Story[] = [
  {
    name: 'Raqqa',
    files: readdirSync('assets/seeds')
      .filter((f) => f.endsWith('.txt'))
      .map((f) => join('assets/seeds', f)),
    against: 'assets/packs/raqqa-convoy-2017.json',
  },
  {
    name: 'ferry',
    files: readdirSync(`${FERRY}/articles`)
      .sort()
      .map((f) => join(FERRY, 'articles', f)),
    against: `${FERRY}/facts.json`,
  },
];

/** The grid: every combination of these. */
const SEED_SCORES = [0.35, 0.4, 0.45];
const JOIN_SCORES = [0.25, 0.3, 0.33, 0.38, 0.42];
const SURE_SCORES = [0, 0.45];

const f1 = (precision: number, recall: number) =>
  precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);

/** An encoder whose vectors are computed once per text for the whole grid. */
function cached(embedder: SentenceEmbedder): SentenceEmbedder {
  const vectors = new Map<string, Float32Array>();
  return {
    model: embedder.model,
    async embed(texts) {
      const missing = [...new Set(texts.filter((t) => !vectors.has(t)))];
      if (missing.length > 0) (await embedder.embed(missing)).forEach((v, i) => vectors.set(missing[i]!, v));
      return texts.map((t) => vectors.get(t)!);
    },
  };
}

/** A draft's recall (facts found) and precision (reports that belong) against the story's reading. */
function measure(
  pack: Awaited<ReturnType<typeof buildPack>>['pack'],
  articles: readonly ArticleSource[],
  against: string,
): { recall: number; precision: number; line: string } {
  const json: unknown = JSON.parse(readFileSync(against, 'utf8'));
  const marked = markedFacts(json);
  if (marked !== null) {
    const s = scoreAgainstMarkers(pack.claims, marked);
    return {
      recall: s.held.length / s.required.length,
      precision: s.reports === 0 ? 0 : s.onFact / s.reports,
      line: `${s.held.length}/${s.required.length} facts, ${s.onFact}/${s.reports} on fact`,
    };
  }
  const texts = new Map(articles.map((a) => [a.url, { url: a.url, text: a.text }]));
  const s = scorePack(spannedClaims(pack, texts).claims, spannedClaims(json, texts).claims);
  return {
    recall: s.found.length / s.findable.length,
    precision: s.reports === 0 ? 0 : s.reportsThatBelong / s.reports,
    line: `${s.found.length}/${s.findable.length} found, ${s.reportsThatBelong}/${s.reports} belong`,
  };
}

async function main(): Promise<number> {
  const { values: args } = readArgs({
    options: { model: { type: 'string' }, 'words-only': { type: 'boolean' }, stories: { type: 'string' } },
  });
  if (args.model !== undefined && !isEncoderModelId(args.model))
    throw new UsageError(`unknown encoder "${args.model}" (known: ${Object.keys(ENCODER_MODELS).join(', ')})`);
  const stories = [...REPOSITORY_STORIES];
  if (args.stories !== undefined) {
    const base = dirname(resolve(args.stories));
    for (const s of JSON.parse(readFileSync(args.stories, 'utf8')) as Story[])
      stories.push({ name: s.name, files: s.files.map((f) => resolve(base, f)), against: resolve(base, s.against) });
  }
  const embedder =
    args['words-only'] === true
      ? null
      : cached((await loadEncoder((args.model ?? PACK_BUILD_MODEL) as EncoderModelId)).encoder);
  const base = tuningFor(embedder);
  const loaded = stories.map((s) => ({ ...s, articles: s.files.map((f) => readArticleSource(f)) }));
  const rows: { tuning: BuildTuning; mean: number; lines: string[] }[] = [];
  for (const seedScore of SEED_SCORES) {
    for (const joinScore of JOIN_SCORES) {
      for (const sureScore of SURE_SCORES) {
        const tuning: BuildTuning = { ...base, seedScore, joinScore, sureScore };
        const lines: string[] = [];
        let sum = 0;
        for (const story of loaded) {
          const { pack } = await buildPack(story.articles, { story: { title: story.name }, embedder, tuning });
          const m = measure(pack, story.articles, story.against);
          sum += f1(m.precision, m.recall);
          lines.push(`${story.name}: ${m.line}, F1 ${f1(m.precision, m.recall).toFixed(3)}`);
        }
        rows.push({ tuning, mean: sum / loaded.length, lines });
      }
    }
  }
  rows.sort((a, b) => b.mean - a.mean);
  console.log(
    `pack:build thresholds for ${embedder === null ? 'words alone' : embedder.model.id}, best first (mean F1 over ${loaded.map((s) => s.name).join(', ')}):`,
  );
  for (const row of rows) {
    const t = row.tuning;
    console.log(
      `  seed ${t.seedScore} join ${t.joinScore} sure ${t.sureScore ?? 0}: mean F1 ${row.mean.toFixed(3)}; ${row.lines.join('; ')}`,
    );
  }
  return 0;
}

void runScript(import.meta, 'pack:build:tune', USAGE, main);
