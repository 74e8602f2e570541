// npm run bench:stories -- [--quality] [--scale] [--sizes 1000,10000,100000] [--workers 1,2] [--draft]
// Measures stories:find and prints the figures:
// - quality: the real mixed folder (every real article the project has, with the negative pages:
//   src/tools/stories/real-mix.ts), grouped in this process; the stories found against the three
//   known ones, article by article, and the margin around the join score;
// - scale: seeded synthetic archives (synthetic-archive.ts) of each size, on a local Ray instance
//   with each number of workers: seconds, articles per second, each step's seconds, peak memory per
//   worker, and the stories found against the known ones (exact stories, pair precision and recall).
// Without --quality or --scale, both. The machine's load average is printed beside each figure.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { readArgs, runScript, UsageError } from '../node/helpers/args';
import { ROOT } from '../node/paths';
import { indexNames } from './stories/blocking';
import { comparablesOf } from './stories/grouping';
import { findStories } from './stories/pipeline';
import { assembleRealMix } from './stories/real-mix';
import { pythonForRay, RAY_DRIVER, RayMissingError } from './stories/ray-driver';
import { listArchive } from './stories/steps';
import { embedStep, readStep } from './stories/read-step';
import { GROUPING, scorePair } from './stories/similarity';
import { generateArchive, type SyntheticTruth } from './stories/synthetic-archive';
import { loadEncoder } from '../node/model/load-encoder';

const USAGE = 'npm run bench:stories -- [--quality] [--scale] [--sizes 1000,10000,100000] [--workers 1,2] [--draft]';
const load = () => loadavg()[0]!.toFixed(1);

/** Each found story's articles (sources and their copies). */
function storyMembers(
  stories: readonly { sources: readonly { id: string; copies: readonly { id: string }[] }[] }[],
): string[][] {
  return stories.map((s) => s.sources.flatMap((src) => [src.id, ...src.copies.map((c) => c.id)]).sort());
}

async function quality(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'parallax-real-mix-'));
  try {
    const truth = assembleRealMix(dir);
    const started = Date.now();
    const summary = await findStories(dir, { draft: false });
    const seconds = (Date.now() - started) / 1000;
    const found = storyMembers(summary.stories);
    console.log(
      `Quality: the real mixed folder, ${truth.size} files (${[...truth.values()].filter((s) => s === null).length} negative pages), grouped in ${seconds.toFixed(1)} s (load ${load()})`,
    );
    console.log('');
    console.log('| story | articles | found in one story | missing | from elsewhere | negative pages in it |');
    console.log('| --- | --- | --- | --- | --- | --- |');
    const names = [...new Set([...truth.values()].filter((s): s is string => s !== null))].sort();
    for (const name of names) {
      const expected = [...truth].filter(([, s]) => s === name).map(([f]) => f);
      // The found story holding most of its articles.
      const best =
        [...found].sort(
          (a, b) => b.filter((f) => truth.get(f) === name).length - a.filter((f) => truth.get(f) === name).length,
        )[0] ?? [];
      const inIt = best.filter((f) => truth.get(f) === name);
      const missing = expected.filter((f) => !best.includes(f));
      const other = best.filter((f) => truth.get(f) !== name && truth.get(f) !== null);
      const negatives = best.filter((f) => truth.get(f) === null);
      console.log(
        `| ${name} | ${expected.length} | ${inIt.length}/${expected.length} | ${missing.join(', ') || '–'} | ${other.join(', ') || '–'} | ${negatives.join(', ') || '–'} |`,
      );
    }
    const extra = found.filter((members) => !names.some((name) => members.some((f) => truth.get(f) === name)));
    console.log('');
    console.log(
      `stories found: ${found.length} (expected ${names.length}); stories of negative pages only: ${extra.length}; negative pages in any story: ${found.flat().filter((f) => truth.get(f) === null).length}`,
    );
    const reasons = new Map<string, number>();
    for (const s of summary.setAside) reasons.set(s.reason, (reasons.get(s.reason) ?? 0) + 1);
    console.log(`set aside: ${[...reasons].map(([r, n]) => `${r} ${n}`).join(', ')}`);

    // The margin: each story's weakest article (its mean score with the rest of its story) against
    // the strongest outsider (an article of another story or a negative page, with any story).
    const read = readStep(dir, listArchive(dir));
    const vectors = await embedStep(read.articles, (await loadEncoder()).encoder);
    for (const article of read.articles) article.vector = vectors[article.id]!;
    const items = comparablesOf(read.articles, indexNames(read.articles));
    const mean = (id: string, members: readonly string[]) => {
      const others = members.filter((m) => m !== id);
      return others.reduce((sum, m) => sum + scorePair(items.get(id)!, items.get(m)!).score, 0) / others.length;
    };
    let weakest = { score: Infinity, id: '' };
    let strongest = { score: -Infinity, id: '', story: '' };
    for (const name of names) {
      const members = [...items.keys()].filter((id) => truth.get(id) === name);
      for (const id of members) if (mean(id, members) < weakest.score) weakest = { score: mean(id, members), id };
      for (const id of [...items.keys()].filter((f) => truth.get(f) !== name)) {
        const s = mean(id, [...members, id]);
        if (s > strongest.score) strongest = { score: s, id, story: name };
      }
    }
    console.log(
      `margin: weakest member ${weakest.score.toFixed(3)} (${weakest.id}), join score ${GROUPING.joinScore}, strongest outsider ${strongest.score.toFixed(3)} (${strongest.id} with ${strongest.story})`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A cached synthetic archive of `size` articles (seed 1), generated on first use. */
function syntheticArchive(size: number): { dir: string; truth: SyntheticTruth } {
  const dir = resolve(ROOT, '.cache/bench-stories', String(size));
  if (!existsSync(join(dir, 'truth.json'))) {
    rmSync(dir, { recursive: true, force: true });
    generateArchive(dir, { articles: size, seed: 1 });
  }
  return { dir, truth: JSON.parse(readFileSync(join(dir, 'truth.json'), 'utf8')) as SyntheticTruth };
}

interface RaySummary {
  files: number;
  embedded: number;
  seconds: number;
  filesPerSecond: number;
  steps: Record<string, number>;
  peakMbPerWorker: Record<string, number>;
  retries: number;
}

function pairsOf(groups: readonly string[][]): Set<string> {
  const pairs = new Set<string>();
  for (const g of groups)
    for (let i = 0; i < g.length; i++)
      for (let j = i + 1; j < g.length; j++) pairs.add(g[i]! < g[j]! ? `${g[i]}|${g[j]}` : `${g[j]}|${g[i]}`);
  return pairs;
}

function scale(sizes: readonly number[], workers: readonly number[], draft: boolean): void {
  const python = pythonForRay();
  console.log('');
  console.log(
    `Scale: synthetic archives (seed 1), on a local Ray instance; ${draft ? 'stories drafted' : 'stories found, not drafted (--draft to draft)'}`,
  );
  console.log('');
  console.log(
    '| articles | workers | seconds | articles/s | read | compare | embed (articles) | refine | draft | start+plan+components+write | peak MB per worker | stories exact / expected | found | pair precision | pair recall | load before → after |',
  );
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const size of sizes) {
    const { dir, truth } = syntheticArchive(size);
    for (const w of workers) {
      const out = mkdtempSync(join(tmpdir(), 'parallax-stories-bench-'));
      const before = load();
      const args = [
        RAY_DRIVER,
        dir,
        '--out',
        join(out, 'stories'),
        '--workers',
        String(w),
        '--summary',
        join(out, 'summary.json'),
      ];
      if (!draft) args.push('--no-draft');
      const run = spawnSync(python, args, { encoding: 'utf8', maxBuffer: 1 << 30 });
      if (run.status !== 0) throw new Error(`the Ray run of ${size} articles failed:\n${run.stderr.slice(-3000)}`);
      const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')) as RaySummary;
      const found = storyMembers(
        (
          JSON.parse(readFileSync(join(out, 'stories', 'stories.json'), 'utf8')) as {
            stories: { sources: { id: string; copies: { id: string }[] }[] }[];
          }
        ).stories,
      );
      // A known story three outlets reach is expected; one of fewer outlets is not.
      const expected = truth.stories
        .filter((s) => new Set(s.files.map((f) => f.split('/')[0])).size >= 3)
        .map((s) => [...s.files].sort());
      const exact = expected.filter((e) =>
        found.some((f) => f.length === e.length && f.every((x, i) => x === e[i])),
      ).length;
      const truePairs = pairsOf(expected);
      const foundPairs = pairsOf(found);
      const right = [...foundPairs].filter((p) => truePairs.has(p)).length;
      const s = summary.steps;
      const fixed = (s.start ?? 0) + (s.plan ?? 0) + (s.components ?? 0) + (s.write ?? 0);
      const peaks = Object.values(summary.peakMbPerWorker)
        .map((m) => Math.round(m))
        .sort((a, b) => b - a);
      console.log(
        `| ${summary.files} | ${w} | ${summary.seconds.toFixed(0)} | ${summary.filesPerSecond.toFixed(1)} | ${s.read?.toFixed(0)} | ${s.compare?.toFixed(0)} | ${s.embed?.toFixed(0)} (${summary.embedded}) | ${s.refine?.toFixed(0)} | ${(s.draft ?? 0).toFixed(0)} | ${fixed.toFixed(0)} | ${peaks.join(', ')} | ${exact}/${expected.length} | ${found.length} | ${foundPairs.size === 0 ? '–' : (right / foundPairs.size).toFixed(3)} | ${truePairs.size === 0 ? '–' : (right / truePairs.size).toFixed(3)} | ${before} → ${load()} |`,
      );
      rmSync(out, { recursive: true, force: true });
    }
  }
}

async function main(): Promise<number> {
  const { values: args } = readArgs({
    options: {
      quality: { type: 'boolean' },
      scale: { type: 'boolean' },
      sizes: { type: 'string' },
      workers: { type: 'string' },
      draft: { type: 'boolean' },
    },
  });
  const list = (name: string, value: string | undefined, fallback: number[]) => {
    if (value === undefined) return fallback;
    if (!/^\d+(?:,\d+)*$/.test(value)) throw new UsageError(`--${name} is a list of whole numbers such as 1000,10000`);
    return value.split(',').map(Number);
  };
  const sizes = list('sizes', args.sizes, [1000, 10000, 100000]);
  const workers = list('workers', args.workers, [1, 2]);
  const both = args.quality !== true && args.scale !== true;
  if (both || args.quality === true) await quality();
  if (both || args.scale === true) scale(sizes, workers, args.draft === true);
  return 0;
}

void runScript(import.meta, 'bench:stories', USAGE, main, [RayMissingError]);
