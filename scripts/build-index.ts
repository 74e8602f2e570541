// Builds the claim index shipped with the extension: assets/generated/claim-index.json.
// Run by `npm run build:index` (and before `wxt build`), so the extension never indexes at run time.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { DatabaseSchema } from '../src/core/database/schema';
import { buildIndex } from '../src/core/match/index-builder';

const root = resolve(import.meta.dirname, '..');
const databasePath = resolve(root, 'assets/database/raqqa-convoy-2017.json');
const outputPath = resolve(root, 'assets/generated/claim-index.json');

const db = DatabaseSchema.parse(JSON.parse(readFileSync(databasePath, 'utf8')));
const index = buildIndex(db);
mkdirSync(dirname(outputPath), { recursive: true });
const json = JSON.stringify(index);
writeFileSync(outputPath, json);
console.log(`claim index: ${index.claims.length} claims, ${index.terms.length} terms, ${(json.length / 1024).toFixed(1)} KiB → ${outputPath}`);
