// The one place stories:find calls pack:build's library: reading an article file the way
// pack:build reads it, and drafting a story's pack from its articles. Kept small so that when
// pack:build changes (drafted titles, claims per fact), this file is the only one to follow it.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { checkPack } from '../../core/database/check';
import type { Pack } from '../../core/database/schema';
import { formatProblem } from '../../core/database/problems';
import { ENCODER_MODELS, SHIPPED_MODEL_ID, type EncoderModelId } from '../../core/meaning/models';
import { loadEncoder } from '../../node/model/load-encoder';
import { modelDir } from '../../node/model/provisioning';
import { ArticleSourceError, readArticleSource, type ArticleSource } from '../pack-build/article-source';
import { buildPack } from '../pack-build/build-pack';
import type { SentenceEmbedder } from '../pack-build/similarity';
import { StoryDateError } from '../pack-build/story-date';
import { PACK_BUILD_MODEL } from '../pack-build/tuning';

export type { ArticleSource, SentenceEmbedder };

/** An article file as pack:build reads it (the extension's extraction), or why it cannot be read. */
export function readSource(path: string): { source: ArticleSource } | { error: string } {
  try {
    return { source: readArticleSource(path) };
  } catch (error) {
    if (error instanceof ArticleSourceError) return { error: error.message.slice(error.path.length + 2) };
    throw error;
  }
}

/** The encoder pack:build drafts with: its own when provisioned, else the shipped one. */
export async function draftingEmbedder(): Promise<SentenceEmbedder> {
  const installed = (id: EncoderModelId) => existsSync(resolve(modelDir(id), ENCODER_MODELS[id].modelFile));
  return (await loadEncoder(installed(PACK_BUILD_MODEL) ? PACK_BUILD_MODEL : SHIPPED_MODEL_ID)).encoder;
}

export type Draft =
  | { ok: true; pack: Pack; claims: number; unsure: number; dateFrom: string; encoder: string | null }
  | { ok: false; why: string };

/**
 * pack:build on a story's articles: the draft pack, checked as claims:check checks it (quotes
 * against the same texts), or why there is none. `hosts` adds, per article file name, the other
 * sites that carried the same copy, so that a reader of any of them is never shown it back.
 */
export async function draftPack(
  sources: readonly ArticleSource[],
  story: { id: string; title: string; date?: string },
  embedder: SentenceEmbedder | null,
  hosts: ReadonlyMap<string, readonly string[]> = new Map(),
): Promise<Draft> {
  let result;
  try {
    result = await buildPack(sources, { story: { title: story.title, id: story.id, date: story.date }, embedder });
  } catch (error) {
    if (error instanceof StoryDateError) return { ok: false, why: error.message };
    throw error;
  }
  const pack = result.pack;
  if (pack.claims.length === 0)
    return { ok: false, why: 'pack:build found no fact that two of its outlets state alike' };
  for (const article of pack.articles) {
    const more = hosts.get(article.source) ?? [];
    const outlet = pack.outlets.find((o) => o.id === article.outlet);
    if (outlet !== undefined) outlet.hosts = [...new Set([...outlet.hosts, ...more])];
  }
  const check = checkPack(pack, new Map(sources.map((s) => [s.name, s.text])));
  if (check.problems.length > 0)
    return { ok: false, why: `the draft fails the pack check: ${check.problems.map(formatProblem).join('; ')}` };
  return {
    ok: true,
    pack,
    claims: pack.claims.length,
    unsure: result.unsure.length,
    dateFrom: result.storyDateFrom,
    encoder: result.encoder,
  };
}
