// Writes the claim index shipped with the extension, assets/generated/claim-index.json, from the
// bundled database. Called by `npm run build:index` and by a WXT hook before every build (`wxt`,
// `wxt build`, `wxt zip`, any browser), so a fresh clone builds by any route.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { DatabaseSchema } from '../../src/core/database/schema';
import { buildIndex } from '../../src/core/match/index-builder';

const root = resolve(import.meta.dirname, '../..');
export const DATABASE_PATH = resolve(root, 'assets/database/raqqa-convoy-2017.json');
export const CLAIM_INDEX_PATH = resolve(root, 'assets/generated/claim-index.json');

/** Builds and writes the index; returns a one-line summary for the build log. */
export function writeClaimIndex(): string {
  const db = DatabaseSchema.parse(JSON.parse(readFileSync(DATABASE_PATH, 'utf8')));
  const index = buildIndex(db);
  mkdirSync(dirname(CLAIM_INDEX_PATH), { recursive: true });
  const json = JSON.stringify(index);
  writeFileSync(CLAIM_INDEX_PATH, json);
  return `claim index: ${index.claims.length} claims, ${index.terms.length} terms, ${(json.length / 1024).toFixed(1)} KiB → ${CLAIM_INDEX_PATH}`;
}
