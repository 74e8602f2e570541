// Runs a script as a user would, in a child process from the repository's root.
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { ROOT } from '../../../scripts/lib/paths';

export interface ScriptRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** `tsx scripts/<script> ...args`. */
export function runScript(script: string, ...args: string[]): ScriptRun {
  return spawn(resolve(ROOT, 'node_modules/.bin/tsx'), [resolve(ROOT, 'scripts', script), ...args]);
}

/** `npm run <name> -- ...args`, with npm's own output as configured by the repository's .npmrc. */
export function runNpmScript(name: string, ...args: string[]): ScriptRun {
  return spawn('npm', ['run', name, '--', ...args]);
}

function spawn(command: string, args: string[]): ScriptRun {
  const run = spawnSync(command, args, { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}
