// Reading the repository's data files: the claim database and the seed article texts.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DatabaseSchema, type Database } from '../../src/core/database/schema';
import { DATABASE_PATH, ROOT, SEEDS_DIR } from './paths';

/** A JSON file; a relative path is taken from the repository's root. */
export function readJson(path: string): unknown {
  return JSON.parse(readFileSync(resolve(ROOT, path), 'utf8'));
}

/** The bundled database, schema-checked (the integrity checks are loadDatabase's). */
export function readDatabase(path = DATABASE_PATH): Database {
  return DatabaseSchema.parse(readJson(path));
}

/** Article texts by file name, as the database's `source` fields name them. */
export function readSeedTexts(dir = SEEDS_DIR): Map<string, string> {
  return new Map(readdirSync(dir).map((f) => [f, readFileSync(join(dir, f), 'utf8')]));
}
