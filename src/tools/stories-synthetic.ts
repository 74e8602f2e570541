// npm run stories:synthetic -- --articles N --out <folder> [--seed S] [--stories K]
// Writes a seeded synthetic news archive for measuring stories:find (src/tools/stories/
// synthetic-archive.ts): K stories of 3 to 20 outlets each (0.3% of N by default), the rest
// single-outlet, and truth.json beside the articles saying which files are which story.
import { existsSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { readArgs, runScript, UsageError } from '../node/helpers/args';
import { generateArchive } from './stories/synthetic-archive';

const USAGE = 'npm run stories:synthetic -- --articles N --out <folder> [--seed S] [--stories K]';

function main(): number {
  const { values: args } = readArgs({
    options: {
      articles: { type: 'string' },
      out: { type: 'string' },
      seed: { type: 'string' },
      stories: { type: 'string' },
    },
  });
  const whole = (name: string, value: string | undefined) => {
    if (value === undefined) return undefined;
    if (!/^\d+$/.test(value)) throw new UsageError(`--${name} must be a whole number`);
    return Number(value);
  };
  const articles = whole('articles', args.articles);
  if (articles === undefined || articles < 1) throw new UsageError('--articles N is required');
  if (args.out === undefined) throw new UsageError('--out <folder> is required');
  const out = resolve(args.out);
  if (existsSync(out) && readdirSync(out).length > 0) throw new UsageError(`${args.out} is not empty`);
  const truth = generateArchive(out, {
    articles,
    seed: whole('seed', args.seed),
    stories: whole('stories', args.stories),
  });
  const inStories = truth.stories.reduce((n, s) => n + s.files.length, 0);
  console.log(
    `wrote ${truth.articles} articles to ${args.out}: ${truth.stories.length} stories (${inStories} articles), the rest single-outlet; truth in truth.json`,
  );
  return 0;
}

void runScript(import.meta, 'stories:synthetic', USAGE, main);
