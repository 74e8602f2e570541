// npm run stories:find -- <folder of saved articles> --out <folder> [--no-draft]
//                         [--ray [--address <ray address>] [--workers N] [--shard-size N]]
// From a folder of articles about everything to the stories three outlets or more report, each
// with its sources, a title and date, and a drafted pack (pack:build on its articles), and a
// report of what was set aside and why. In this process by default; with --ray, on Ray: a local
// instance with N workers, or the cluster at --address (see README: on a cluster, submit
// src/tools/stories/ray/find_stories.py with `ray job submit`).
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { readArgs, runScript, UsageError } from '../node/helpers/args';
import { findStories } from './stories/pipeline';
import { pythonForRay, RAY_DRIVER, RayMissingError } from './stories/ray-driver';
import { writeStories } from './stories/write-step';

const USAGE =
  'npm run stories:find -- <folder> --out <folder> [--no-draft] [--ray [--address <address>] [--workers N] [--shard-size N]]';

async function main(): Promise<number> {
  const { values: args, positionals } = readArgs({
    options: {
      out: { type: 'string' },
      'no-draft': { type: 'boolean' },
      ray: { type: 'boolean' },
      address: { type: 'string' },
      workers: { type: 'string' },
      'shard-size': { type: 'string' },
    },
    allowPositionals: true,
  });
  if (positionals.length !== 1) throw new UsageError('give one folder of saved articles');
  const archive = resolve(positionals[0]!);
  if (!existsSync(archive) || !statSync(archive).isDirectory())
    throw new UsageError(`${positionals[0]} is not a folder`);
  if (args.out === undefined) throw new UsageError('--out <folder> is required');
  for (const option of ['workers', 'shard-size'] as const) {
    if (args[option] !== undefined && !/^[1-9]\d*$/.test(args[option]))
      throw new UsageError(`--${option} must be a whole number`);
  }
  if (args.ray !== true && (args.address ?? args.workers ?? args['shard-size']) !== undefined)
    throw new UsageError('--address, --workers and --shard-size go with --ray');

  if (args.ray === true) {
    const python = pythonForRay();
    const driverArgs = [RAY_DRIVER, archive, '--out', resolve(args.out)];
    if (args['no-draft'] === true) driverArgs.push('--no-draft');
    if (args.address !== undefined) driverArgs.push('--address', args.address);
    if (args.workers !== undefined) driverArgs.push('--workers', args.workers);
    if (args['shard-size'] !== undefined) driverArgs.push('--shard-size', args['shard-size']);
    return spawnSync(python, driverArgs, { stdio: 'inherit' }).status ?? 1;
  }

  const summary = await findStories(archive, {
    draft: args['no-draft'] !== true,
    progress: (line) => process.stderr.write(`stories:find: ${line}\n`),
  });
  console.log(writeStories(resolve(args.out), summary));
  return 0;
}

void runScript(import.meta, 'stories:find', USAGE, main, [RayMissingError]);
