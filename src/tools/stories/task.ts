// One step of stories:find as a task of the engine: `node --import tsx src/tools/stories/task.ts
// <step>` reads the step's input as JSON on standard input and writes its output as JSON on
// standard output (steps.ts says what each takes and gives). The Ray driver
// (ray/find_stories.py) runs it inside its tasks, so the work is this project's TypeScript, the
// same as in one process; a failure exits non-zero with the reason on standard error.
import { SHIPPED_MODEL_ID } from '../../core/meaning/models';
import { loadEncoder } from '../../node/model/load-encoder';
import { isMainModule } from '../../node/helpers/args';
import { draftingEmbedder } from './pack-build-adapter';
import { embedStep, readStep } from './read-step';
import {
  compareStep,
  componentsStep,
  shardComponents,
  REFINE_SHARD_ARTICLES,
  draftStep,
  finishStep,
  listArchive,
  planStep,
  refineStep,
  type FinishInput,
} from './steps';
import { writeStories } from './write-step';

export const STEPS = ['list', 'read', 'plan', 'compare', 'components', 'embed', 'refine', 'draft', 'write'] as const;
export type StepName = (typeof STEPS)[number];

/** Runs one step on its input (parsed JSON); returns its output. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the input is the step's JSON, shaped by the driver
export async function runStep(step: StepName, input: any): Promise<unknown> {
  switch (step) {
    case 'list':
      return listArchive(input.archive);
    case 'read':
      return readStep(input.archive, input.files);
    case 'embed':
      return embedStep(input.leads, (await loadEncoder(SHIPPED_MODEL_ID)).encoder);
    case 'plan':
      return planStep(input.records);
    case 'compare':
      return compareStep(input);
    case 'components':
      return shardComponents(componentsStep(input.edges, input.sites), REFINE_SHARD_ARTICLES);
    case 'refine':
      return refineStep(input);
    case 'draft':
      return draftStep(input, input.stories.length === 0 ? null : await draftingEmbedder());
    case 'write': {
      const summary = finishStep(input as FinishInput);
      return {
        report: writeStories(input.out, summary),
        stories: summary.stories.length,
        setAside: summary.setAside.length,
      };
    }
  }
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

if (isMainModule(import.meta)) {
  const step = process.argv[2] as StepName;
  if (!STEPS.includes(step)) {
    console.error(`stories task: unknown step "${process.argv[2] ?? ''}" (known: ${STEPS.join(', ')})`);
    process.exit(2);
  }
  const output = JSON.stringify(await runStep(step, JSON.parse(await readStdin())));
  // Standard output may be a pipe: write it all before exiting.
  process.stdout.write(output, () => process.exit(0));
}
