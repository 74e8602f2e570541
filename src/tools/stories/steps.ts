// The steps of stories:find, each a function from JSON to JSON, so that one implementation runs
// in this process for a folder (pipeline.ts) and in the engine's tasks for an archive (task.ts,
// driven by ray/find_stories.py):
//
//   list        the archive's article files
//   read        per shard of files: read, judge, names, days, wording, lead           (heavy: parse)
//   plan        all articles' names: how rare each is, the blocks, dealt into shards
//   compare     per shard of blocks: the pairs bounded by names and days, those that may link kept
//   components  their components of three sites or more
//   embed       per shard of the components' articles: the lead's vector              (heavy: encoder)
//   refine      per shard of components: copies joined, stories grouped, 3 outlets   (heavy: all pairs within)
//   draft       per story: pack:build on its sources                                  (heavy: embed, align)
//   write       the stories' folders, their packs, stories.json and the report
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { indexNames, planBlocks, type Block, type BlockingIndex } from './blocking';
import { draftStory } from './draft-step';
import { compareBlocks, components, groupComponent } from './grouping';
import type { SentenceEmbedder } from './pack-build-adapter';
import type { ArticleRecord, DraftedStory, Edge, SetAside, Story } from './records';
import type { Summary } from './write-step';

/** An article file: a saved page or a text. */
export const isArticleFile = (name: string) => /\.(?:x?html?|txt)$/i.test(name);

/** The article files under `archive` (HTML pages and texts, in sub-folders too), as paths inside it, sorted. */
export function listArchive(archive: string): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name.startsWith('.')) continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile() && isArticleFile(entry.name)) files.push(relative(archive, path));
    }
  };
  walk(archive);
  return files.sort();
}

export interface Plan {
  index: BlockingIndex;
  shards: Block[][];
}

/** What plan needs of an article: its site, names and wording, not its lead or vector. */
export type PlanRecord = Pick<ArticleRecord, 'id' | 'site' | 'names' | 'wording'>;

export function planStep(records: readonly PlanRecord[]): Plan {
  const index = indexNames(records);
  return { index, shards: planBlocks(records, index) };
}

/** The ids a shard of blocks needs the records of. */
export function idsOfBlocks(blocks: readonly Block[]): string[] {
  return [...new Set(blocks.flatMap((b) => b.ids))].sort();
}

export function compareStep(input: { blocks: Block[]; records: ArticleRecord[]; index: BlockingIndex }): Edge[] {
  return compareBlocks(input.blocks, input.records, input.index);
}

/** The components that may hold a story; `sites`: each article's site, by id. */
export function componentsStep(edges: readonly Edge[], sites: Readonly<Record<string, string>>): string[][] {
  return components(edges, (id) => sites[id]!);
}

/** Articles per refine shard: its components' pairs are all scored. */
export const REFINE_SHARD_ARTICLES = 2000;

/** Components dealt into shards of about `size` articles. */
export function shardComponents(groups: readonly string[][], size: number): string[][][] {
  const shards: string[][][] = [];
  let current: string[][] = [];
  let count = 0;
  for (const group of groups) {
    if (count > 0 && count + group.length > size) {
      shards.push(current);
      current = [];
      count = 0;
    }
    current.push(group);
    count += group.length;
  }
  if (current.length > 0) shards.push(current);
  return shards;
}

export function refineStep(input: { components: string[][]; records: ArticleRecord[]; index: BlockingIndex }): {
  stories: Story[];
  setAside: SetAside[];
} {
  const byId = new Map(input.records.map((r) => [r.id, r]));
  const stories: Story[] = [];
  const setAside: SetAside[] = [];
  for (const group of input.components) {
    const found = groupComponent(
      group.map((id) => byId.get(id)!),
      input.index,
    );
    stories.push(...found.stories);
    setAside.push(...found.setAside);
  }
  return { stories, setAside };
}

export async function draftStep(
  input: { archive: string; stories: Story[] },
  embedder: SentenceEmbedder | null,
): Promise<DraftedStory[]> {
  const out: DraftedStory[] = [];
  for (const story of input.stories) out.push(await draftStory(input.archive, story, embedder));
  return out;
}

/** Stories' ids made unique (the same headline and year twice gets -2, -3), their packs' too, in a stable order. */
export function uniqueIds(stories: readonly DraftedStory[]): DraftedStory[] {
  const sorted = [...stories].sort((a, b) =>
    a.id < b.id ? -1 : a.id > b.id ? 1 : a.sources[0]!.id < b.sources[0]!.id ? -1 : 1,
  );
  const used = new Map<string, number>();
  return sorted.map((story) => {
    const n = (used.get(story.id) ?? 0) + 1;
    used.set(story.id, n);
    if (n === 1) return story;
    const id = `${story.id}-${n}`;
    return { ...story, id, pack: story.pack === null ? null : { ...(story.pack as object), id } };
  });
}

export interface FinishInput {
  archive: string;
  files: number;
  /** Every article the read step kept. */
  articles: string[];
  /** What the read step set aside, and the refine step (another article by an outlet already in a story). */
  setAside: SetAside[];
  stories: DraftedStory[];
}

/** The summary: ids unique, and everything read that no story holds, with why. */
export function finishStep(input: FinishInput): Summary {
  const stories = uniqueIds(input.stories);
  const inStory = new Set(stories.flatMap((s) => s.sources.flatMap((src) => [src.id, ...src.copies.map((c) => c.id)])));
  const given = new Map(input.setAside.map((s) => [s.id, s]));
  const setAside: SetAside[] = input.setAside.filter((s) => !inStory.has(s.id) && s.reason !== 'same-outlet');
  for (const id of input.articles) {
    if (inStory.has(id)) continue;
    const reason = given.get(id);
    setAside.push(
      reason?.reason === 'same-outlet'
        ? reason
        : { id, reason: 'no-story', why: 'no story that three outlets report holds it' },
    );
  }
  setAside.sort((a, b) => (a.id < b.id ? -1 : 1));
  return { archive: input.archive, files: input.files, stories, setAside };
}
