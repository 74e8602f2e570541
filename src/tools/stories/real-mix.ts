// The folder of every real article the project has, mixed with its negative pages, as the bench
// and the tests assemble it: which folder each file comes from is the truth the grouping is
// measured against (the pipeline never sees it: it reads the files alone).
import { cpSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { FIXTURES_DIR, ROOT, SEEDS_DIR, STORIES_DIR } from '../../node/paths';
import { isArticleFile } from './steps';

/** The shared evaluation data, beside the repository (PARALLAX_SHARED_EVAL elsewhere). */
export const SHARED_EVAL_DIR =
  process.env.PARALLAX_SHARED_EVAL ??
  [resolve(ROOT, '../shared/eval'), '/work/shared/eval'].find((d) => existsSync(d)) ??
  resolve(ROOT, '../shared/eval');

export interface MixPart {
  /** The sub-folder the files are copied into. */
  folder: string;
  from: string;
  /** The story the files report, or null for negative pages. */
  story: string | null;
  /** Only these files (else every article file). */
  only?: (name: string) => boolean;
}

const RAQQA_OUTSIDE = join(SHARED_EVAL_DIR, 'raqqa-outside-outlets');
const THAI = join(SHARED_EVAL_DIR, 'thai-cave-2018');
const FERRY = join(STORIES_DIR, 'northern-lark-ferry-fire-2025');

export const REAL_MIX: readonly MixPart[] = [
  { folder: 'raqqa-seeds', from: SEEDS_DIR, story: 'raqqa' },
  { folder: 'raqqa-outside', from: RAQQA_OUTSIDE, story: 'raqqa', only: (n) => !n.startsWith('neg-') },
  { folder: 'raqqa-negatives', from: RAQQA_OUTSIDE, story: null, only: (n) => n.startsWith('neg-') },
  { folder: 'thai-cave', from: join(THAI, 'articles'), story: 'thai-cave' },
  { folder: 'thai-negatives', from: join(THAI, 'negatives'), story: null },
  { folder: 'ferry-articles', from: join(FERRY, 'articles'), story: 'ferry' },
  { folder: 'ferry-pages', from: join(FERRY, 'pages'), story: 'ferry' },
  { folder: 'negative-pages', from: join(FIXTURES_DIR, 'negative-pages'), story: null },
];

/**
 * Copies the mix into `dir` (the seeds' outlets.json with them) and returns the truth: each
 * copied file's path inside `dir` and the story it reports (null for a negative page).
 */
export function assembleRealMix(dir: string, parts: readonly MixPart[] = REAL_MIX): Map<string, string | null> {
  const truth = new Map<string, string | null>();
  for (const part of parts) {
    if (!existsSync(part.from))
      throw new Error(`the real mix needs ${part.from} (set PARALLAX_SHARED_EVAL to the shared eval folder)`);
    const to = resolve(dir, part.folder);
    mkdirSync(to, { recursive: true });
    for (const name of readdirSync(part.from)) {
      if (name === 'outlets.json') cpSync(join(part.from, name), join(to, name));
      if (!isArticleFile(name) || (part.only !== undefined && !part.only(name))) continue;
      cpSync(join(part.from, name), join(to, name));
      truth.set(`${part.folder}/${name}`, part.story);
    }
  }
  return truth;
}
