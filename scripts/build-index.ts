// Builds the claim index shipped with the extension: assets/generated/claim-index.json.
// Run by `npm run build:index` (and before `wxt build`), so the extension never indexes at run time.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { buildIndex } from '../src/core/match/index-builder';
import { readDatabase } from './lib/data';
import { INDEX_PATH } from './lib/paths';

const index = buildIndex(readDatabase());
mkdirSync(dirname(INDEX_PATH), { recursive: true });
const json = JSON.stringify(index);
writeFileSync(INDEX_PATH, json);
console.log(`claim index: ${index.claims.length} claims, ${index.terms.length} terms, ${(json.length / 1024).toFixed(1)} KiB → ${INDEX_PATH}`);
