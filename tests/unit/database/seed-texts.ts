// Reads the seed article texts and database files the way scripts/claims-check.ts does.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';

export const repoRoot = path.resolve(import.meta.dirname, '../../..');

export function seedTexts(): Map<string, string> {
  const dir = path.join(repoRoot, 'assets/seeds');
  return new Map(readdirSync(dir).map((f) => [f, readFileSync(path.join(dir, f), 'utf8')]));
}

export function readJson(relative: string): unknown {
  return JSON.parse(readFileSync(path.join(repoRoot, relative), 'utf8'));
}

export const bundledDatabase = () => readJson('assets/database/raqqa-convoy-2017.json');
export const brokenDatabase = (name: string) => readJson(`tests/fixtures/broken-databases/${name}.json`);
