// Command-line arguments for the scripts, read with node:util parseArgs: unknown options and
// missing values are usage errors, reported the same way by every script (exit status 2).
import { resolve } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';

export class UsageError extends Error {}

/** Parses the command line strictly (process.argv unless `args` is given); a bad one throws a UsageError. */
export function readArgs<const T extends ParseArgsConfig>(config: T): ReturnType<typeof parseArgs<T>> {
  try {
    return parseArgs(config);
  } catch (error) {
    // Node explains how to pass a value that starts with "-"; the first sentence is the reason.
    throw new UsageError((error as Error).message.split('. ')[0]!.replace(/'/g, ''));
  }
}

/** Whether the module with this import.meta is the script node was started with. */
export function isMainModule(meta: ImportMeta): boolean {
  return process.argv[1] !== undefined && resolve(process.argv[1]) === meta.filename;
}

/** An error class whose errors are the script's input at fault (a bad file), not a bug. */
type InputErrorClass = abstract new (...args: never[]) => Error;

/**
 * Runs a script's main function, when its module is the one started (not imported by a test),
 * and sets the exit status: main's return value; 2 with the usage line for a UsageError; 1 with
 * the message for an error of one of `inputErrors` (a pack or article file that cannot be used:
 * the message names the file and the problem). Any other error propagates (a bug, with its stack).
 */
export async function runScript(
  meta: ImportMeta,
  name: string,
  usage: string,
  main: () => number | Promise<number>,
  inputErrors: readonly InputErrorClass[] = [],
): Promise<void> {
  if (!isMainModule(meta)) return;
  try {
    process.exitCode = await main();
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`${name}: ${error.message}\nusage: ${usage}`);
      process.exitCode = 2;
    } else if (inputErrors.some((kind) => error instanceof kind)) {
      console.error(`${name}: ${(error as Error).message}`);
      process.exitCode = 1;
    } else {
      throw error;
    }
  }
}
