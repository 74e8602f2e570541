// Building a draft claim pack from article files: their sentences aligned across outlets by
// meaning, names and figures into facts stated by two or more outlets, one claim per fact, and
// what the builder was unsure of, for the curator's review.
import type { Pack } from '../../core/database/schema';
import type { ArticleSource } from './article-source';
import { alignSentences, type AlignedFact } from './align';
import { proposePack } from './propose';
import { slugify } from './slug';
import { articleSentences, type Sentence } from './sentences';
import { readValue } from '../../core/quantities/read-value';
import { UnreadableValueError } from '../../core/quantities/types';
import { findValues } from '../../core/quantities/find-values';
import { SentenceSimilarity, type SentenceEmbedder, type StatedValue } from './similarity';
import { compileLexicon, GENERIC_LEXICON } from '../../core/terms/lexicon';
import { findNameVariants } from './name-variants';
import { inferStoryDate } from './story-date';
import { draftStoryTitle } from './story-title';
import { ENCODER_TUNING, WORDS_ONLY_TUNING, type BuildTuning } from './tuning';

export interface BuildOptions {
  /** The story's title (drafted from the articles' headlines when absent), id and date. */
  story: { title?: string; id?: string; date?: string };
  /** A sentence encoder, or null to align by words alone. */
  embedder: SentenceEmbedder | null;
  /** Thresholds; by default those calibrated for the encoder (or for words alone). */
  tuning?: BuildTuning;
}

export interface UnsureSentence {
  sentence: Sentence;
  /** The claim it is in, or may belong to. */
  claim: string | null;
  why: string;
}

export interface BuildResult {
  pack: Pack;
  sentences: Sentence[];
  facts: AlignedFact[];
  unsure: UnsureSentence[];
  /** The encoder's model id, or null when the words alone decided. */
  encoder: string | null;
  /** Where the story's date came from ("--date", "the date most articles give", ...). */
  storyDateFrom: string;
}

/** How close to a threshold a score is for the builder to call itself unsure. */
const UNSURE_MARGIN = 0.05;

export async function buildPack(articles: readonly ArticleSource[], options: BuildOptions): Promise<BuildResult> {
  const sentences: Sentence[] = [];
  articles.forEach((article, i) => sentences.push(...articleSentences(article, i, sentences.length)));
  const thresholds = options.tuning ?? tuningFor(options.embedder);
  // The story's own name variants ("MAIO" for the Maritime Accident Investigation Office) count as one word.
  const lexicon = compileLexicon([{ names: findNameVariants(articles.map((a) => a.text)), terms: [] }]);
  const date =
    options.story.date !== undefined
      ? { date: options.story.date, from: '--date' }
      : inferStoryDate(articles, sentences);
  const values = sentences.map((s) =>
    statedValues(s.text, { storyDate: date.date, articleDate: articles[s.article]!.published }),
  );
  const similarity = await SentenceSimilarity.create(
    sentences.map((s) => s.text),
    options.embedder,
    { meaningWeight: thresholds.meaningWeight, storyShare: thresholds.storyShare, lexicon, values },
  );
  const facts = alignSentences(sentences, similarity, thresholds);

  const title =
    options.story.title ??
    draftStoryTitle(
      articles.map((a) => a.title),
      date.date,
    );
  const id = options.story.id ?? defaultPackId(title, date.date);
  const proposal = proposePack({ articles, sentences, facts, story: { id, title, date: date.date } });

  const unsure: UnsureSentence[] = [];
  const claimIds = proposal.pack.claims.map((c) => c.id);
  facts.forEach((fact, f) => {
    for (const member of fact.members) {
      const cohesion = fact.cohesion.get(member) ?? 1;
      if (cohesion < thresholds.joinScore + UNSURE_MARGIN) {
        unsure.push({
          sentence: sentences[member]!,
          claim: claimIds[f]!,
          why: `joined by a narrow margin (score ${cohesion.toFixed(2)})`,
        });
      }
      const attribution = proposal.attributions[member];
      if (attribution?.resolvedFrom !== undefined) {
        unsure.push({
          sentence: sentences[member]!,
          claim: claimIds[f]!,
          why: `credit "${attribution.credit}" read from "${attribution.resolvedFrom}"`,
        });
      }
    }
  });
  const inAnyFact = new Set(facts.flatMap((f) => f.members));
  for (const sentence of sentences) {
    if (inAnyFact.has(sentence.index)) continue;
    let best: { fact: number; score: number } | null = null;
    facts.forEach((fact, f) => {
      if (fact.members.some((m) => sentences[m]!.article === sentence.article)) return;
      const score = fact.members.reduce((sum, m) => sum + similarity.score(sentence.index, m), 0) / fact.members.length;
      if (best === null || score > best.score) best = { fact: f, score };
    });
    const near = best as { fact: number; score: number } | null;
    if (near !== null && near.score >= thresholds.joinScore - 2 * UNSURE_MARGIN) {
      unsure.push({
        sentence,
        claim: claimIds[near.fact]!,
        why: `may also state this claim (score ${near.score.toFixed(2)}, below ${thresholds.joinScore})`,
      });
    }
  }
  for (const check of proposal.toCheck)
    unsure.push({ sentence: sentences[check.sentence]!, claim: check.claim, why: check.why });
  for (const value of proposal.refused) {
    unsure.push({ sentence: sentences[value.sentence]!, claim: value.claim, why: `value left out: ${value.why}` });
  }
  unsure.sort((a, b) => a.sentence.index - b.sentence.index);
  return {
    pack: proposal.pack,
    sentences,
    facts,
    unsure,
    encoder: options.embedder?.model.id ?? null,
    storyDateFrom: date.from,
  };
}

/** The figures a sentence states that the core reads, with their ranges (vague amounts left out). */
function statedValues(text: string, context: { storyDate: string; articleDate: string | null }): StatedValue[] {
  const stated: StatedValue[] = [];
  for (const found of findValues(text, GENERIC_LEXICON)) {
    try {
      const value = readValue(found, context);
      if (value.type === 'figure' && !value.vague)
        stated.push({ key: `${found.kind}/${found.of ?? ''}`, low: value.range.low, high: value.range.high });
    } catch (error) {
      if (!(error instanceof UnreadableValueError)) throw error;
    }
  }
  return stated;
}

/** The thresholds calibrated for an encoder; an encoder without its own takes the shipped one's. */
export function tuningFor(embedder: SentenceEmbedder | null): BuildTuning {
  if (embedder === null) return WORDS_ONLY_TUNING;
  const tuning = ENCODER_TUNING[embedder.model.id];
  if (tuning === undefined)
    throw new Error(
      `no thresholds are calibrated for the encoder ${embedder.model.id} (known: ${Object.keys(ENCODER_TUNING).join(', ')})`,
    );
  return tuning;
}

/** "The Northern Lark ferry fire" in 2025 → "northern-lark-ferry-fire-2025". */
export function defaultPackId(title: string, date: string): string {
  const words = slugify(title.replace(/^the\s+/i, '').replace(/\(.*?\)/g, ''))
    .split('-')
    .filter((w) => w !== '')
    .slice(0, 6);
  const year = date.slice(0, 4);
  if (!words.includes(year)) words.push(year);
  return words.join('-');
}
