// Runs a script as a user would, in a child process from the repository's root. Asynchronously:
// a test worker blocked for minutes in spawnSync (the model loads in several of these runs) cannot
// answer its runner, which then reports a timeout.
import { spawn as spawnChild } from 'node:child_process';
import { resolve } from 'node:path';
import { ROOT } from '../../../src/node/paths';

export interface ScriptRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** `tsx src/tools/<script> ...args`. */
export function runScript(script: string, ...args: string[]): Promise<ScriptRun> {
  return spawn(resolve(ROOT, 'node_modules/.bin/tsx'), [resolve(ROOT, 'src/tools', script), ...args]);
}

/** `npm run [--silent] <name> -- ...args`: npm prints its banner on stdout unless --silent. */
export function runNpmScript(name: string, options: { silent: boolean }, ...args: string[]): Promise<ScriptRun> {
  return spawn('npm', ['run', ...(options.silent ? ['--silent'] : []), name, '--', ...args]);
}

function spawn(command: string, args: string[]): Promise<ScriptRun> {
  return new Promise((done, fail) => {
    const child = spawnChild(command, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], timeout: 60_000 });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', fail);
    child.on('close', (status) => done({ status, stdout, stderr }));
  });
}
