// stories:find on one machine, in this process: the same steps the engine's tasks run
// (steps.ts), one after another, with progress on standard error.
import { SHIPPED_MODEL_ID } from '../../core/meaning/models';
import { loadEncoder } from '../../node/model/load-encoder';
import { draftingEmbedder } from './pack-build-adapter';
import type { ArticleRecord, DraftedStory, ReadResult } from './records';
import {
  compareStep,
  componentsStep,
  draftStep,
  idsOfBlocks,
  listArchive,
  planStep,
  refineStep,
  finishStep,
} from './steps';
import { embedStep, readStep } from './read-step';
import type { Summary } from './write-step';

/** Files read, or leads embedded, per batch (progress is shown after each). */
const READ_BATCH = 50;

const rate = (done: number, since: number) => Math.round(done / ((Date.now() - since) / 1000 || 1));

export interface FindOptions {
  /** Draft the stories' packs (the slowest step); without, stories only. */
  draft?: boolean;
  progress?: (line: string) => void;
}

export async function findStories(archive: string, options: FindOptions = {}): Promise<Summary> {
  const progress = options.progress ?? (() => {});
  const files = listArchive(archive);
  const read: ReadResult[] = [];
  let started = Date.now();
  for (let at = 0; at < files.length; at += READ_BATCH) {
    read.push(readStep(archive, files.slice(at, at + READ_BATCH)));
    const done = Math.min(at + READ_BATCH, files.length);
    progress(`read ${done}/${files.length} files (${rate(done, started)} a second)`);
  }
  const records: ArticleRecord[] = read.flatMap((r) => r.articles);
  const byId = new Map(records.map((r) => [r.id, r]));
  const plan = planStep(records);
  progress(`plan: ${plan.shards.reduce((n, s) => n + s.length, 0)} blocks of two sites or more`);
  const edges = plan.shards.flatMap((blocks) =>
    compareStep({ blocks, records: idsOfBlocks(blocks).map((id) => byId.get(id)!), index: plan.index }),
  );
  const groups = componentsStep(edges, Object.fromEntries(records.map((r) => [r.id, r.site])));
  const toEmbed = groups.flat();
  progress(
    `compare: ${edges.length} pairs may link, into ${groups.length} components of three sites or more (${toEmbed.length} articles)`,
  );
  const { encoder } = await loadEncoder(SHIPPED_MODEL_ID);
  started = Date.now();
  for (let at = 0; at < toEmbed.length; at += READ_BATCH) {
    const vectors = await embedStep(
      toEmbed.slice(at, at + READ_BATCH).map((id) => byId.get(id)!),
      encoder,
    );
    for (const [id, vector] of Object.entries(vectors)) byId.get(id)!.vector = vector;
    const done = Math.min(at + READ_BATCH, toEmbed.length);
    progress(`embed ${done}/${toEmbed.length} leads (${rate(done, started)} a second)`);
  }
  const refined = refineStep({
    components: groups,
    records: groups.flat().map((id) => byId.get(id)!),
    index: plan.index,
  });
  const stories = refined.stories;
  let drafted: DraftedStory[];
  if (options.draft === false) {
    drafted = stories.map((s) => ({ ...s, pack: null, draft: 'not drafted (--no-draft)' }));
  } else {
    const embedder = await draftingEmbedder();
    drafted = [];
    for (const story of stories) {
      drafted.push(...(await draftStep({ archive, stories: [story] }, embedder)));
      progress(`draft ${drafted.length}/${stories.length} stories`);
    }
  }
  return finishStep({
    archive,
    files: files.length,
    articles: records.map((r) => r.id),
    setAside: [...read.flatMap((r) => r.setAside), ...refined.setAside],
    stories: drafted,
  });
}
