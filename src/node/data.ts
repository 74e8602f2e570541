// Reading the repository's data files: the claim packs and the article texts their quotes are
// checked against.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { combinePacks, type Database, type PackInSet } from '../core/database/combine';
import { MAX_PACK_FILE_BYTES } from '../core/database/limits';
import { readPack } from '../core/database/load';
import type { Pack } from '../core/database/schema';
import { readArticleFile } from './article-file';
import { PACKS_DIR, ROOT, SEEDS_DIR } from './paths';

/** A JSON file; a relative path is taken from the repository's root. */
export function readJson(path: string): unknown {
  return JSON.parse(readFileSync(resolve(ROOT, path), 'utf8'));
}

/** A file that cannot be used as a claim pack; the message says which file and why. */
export class PackFileError extends Error {}

/** The bundled packs' files (assets/packs/*.json), in name order. */
export function bundledPackPaths(): string[] {
  return readdirSync(PACKS_DIR)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => join(PACKS_DIR, f));
}

/** A path as a message shows it: relative to where the command runs, when it is below it. */
function shownPath(full: string): string {
  const near = relative(process.cwd(), full);
  return near === '' || near.startsWith('..') ? full : near;
}

/**
 * A pack file's JSON, unchecked. A file larger than any pack may be (limits.ts) is refused before
 * it is read, as the options page refuses it: reading a 200 MB file whole took 82 s and 3.5 GB.
 */
export function readPackJson(path: string): unknown {
  const full = resolve(ROOT, path);
  const shown = shownPath(full);
  try {
    const { size } = statSync(full);
    if (size > MAX_PACK_FILE_BYTES) {
      throw new PackFileError(
        `${shown}: ${(size / 1024 / 1024).toFixed(1)} MB, larger than the ${MAX_PACK_FILE_BYTES / 1024 / 1024} MB a claim pack may be; not read`,
      );
    }
    return JSON.parse(readFileSync(full, 'utf8'));
  } catch (error) {
    if (error instanceof PackFileError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new PackFileError(
      `${shown}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : `cannot be read as JSON: ${(error as Error).message}`}`,
    );
  }
}

/** A pack file, validated (schema, ids, values, bounds): a PackFileError names the file and every problem. */
export function readPackFile(path: string): Pack {
  const shown = shownPath(resolve(ROOT, path));
  const json = readPackJson(path);
  try {
    return readPack(json);
  } catch (error) {
    throw new PackFileError(`${shown}: ${(error as Error).message}`);
  }
}

/** The bundled packs, then the given ones; a given pack with a bundled pack's id takes its place. */
export function readPacks(extra: readonly string[] = []): PackInSet[] {
  const given = extra.map((path): PackInSet => ({ pack: readPackFile(path), origin: 'installed' }));
  const bundled = bundledPackPaths()
    .map((path): PackInSet => ({ pack: readPackFile(path), origin: 'bundled' }))
    .filter(({ pack }) => !given.some((g) => g.pack.id === pack.id));
  return [...bundled, ...given];
}

/** The set of packs the extension matches against (the bundled ones), plus any given. */
export function readDatabase(extra: readonly string[] = []): Database {
  return combinePacks(readPacks(extra));
}

/**
 * Article texts by file name, as packs' `source` fields name them: the text quotes are copied
 * from (an HTML page's visible text, a headed text file's body, a bare text as it is).
 */
export function readSeedTexts(dir = SEEDS_DIR): Map<string, string> {
  const texts = new Map<string, string>();
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (!statSync(path).isFile() || name.endsWith('.json') || name.endsWith('.md')) continue;
    texts.set(name, readArticleFile(name, readFileSync(path, 'utf8')).text);
  }
  return texts;
}
