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
import { readStep } from './read-step';
import type { Summary } from './write-step';

/** Files read per batch (progress is shown after each). */
const READ_BATCH = 50;

export interface FindOptions {
  /** Draft the stories' packs (the slowest step); without, stories only. */
  draft?: boolean;
  progress?: (line: string) => void;
}

export async function findStories(archive: string, options: FindOptions = {}): Promise<Summary> {
  const progress = options.progress ?? (() => {});
  const files = listArchive(archive);
  const { encoder } = await loadEncoder(SHIPPED_MODEL_ID);
  const read: ReadResult[] = [];
  const started = Date.now();
  for (let at = 0; at < files.length; at += READ_BATCH) {
    read.push(await readStep(archive, files.slice(at, at + READ_BATCH), encoder));
    const done = Math.min(at + READ_BATCH, files.length);
    progress(
      `read ${done}/${files.length} files (${Math.round(done / ((Date.now() - started) / 1000 || 1))} a second)`,
    );
  }
  const records: ArticleRecord[] = read.flatMap((r) => r.articles);
  const byId = new Map(records.map((r) => [r.id, r]));
  const plan = planStep(records);
  progress(`plan: ${plan.shards.reduce((n, s) => n + s.length, 0)} blocks in ${plan.shards.length} shards`);
  const edges = plan.shards.flatMap((blocks) =>
    compareStep({ blocks, records: idsOfBlocks(blocks).map((id) => byId.get(id)!), index: plan.index }),
  );
  const groups = componentsStep(edges);
  progress(`compare: ${edges.length} linking pairs, ${groups.length} components of three or more`);
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
