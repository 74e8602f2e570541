// Writes the claim index shipped with the extension, assets/generated/claim-index.json, from the
// bundled database. Called by `npm run build:index` and by a WXT hook before every build (`wxt`,
// `wxt build`, `wxt zip`, any browser), so a fresh clone builds by any route.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { buildIndex } from '../../src/core/match/index-builder';
import { readDatabase } from './data';
import { INDEX_PATH } from './paths';

/** Builds and writes the index; returns a one-line summary for the build log. */
export function writeClaimIndex(): string {
  const index = buildIndex(readDatabase());
  mkdirSync(dirname(INDEX_PATH), { recursive: true });
  const json = JSON.stringify(index);
  writeFileSync(INDEX_PATH, json);
  return `claim index: ${index.claims.length} claims, ${index.terms.length} terms, ${(json.length / 1024).toFixed(1)} KiB → ${INDEX_PATH}`;
}
