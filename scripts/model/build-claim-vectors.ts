// Builds assets/generated/claim-vectors.json: every claim text of the bundled database through the
// shipped encoder, in Node, with the same code the extension runs. For phase 2 of matching by
// meaning, where `npm run build:index` runs it and the extension ships the result; until then it
// is run by hand (npm run model:claim-vectors) and nothing reads it.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Database } from '../../src/core/database/combine';
import { claimTextsOf, serializeClaimVectors, type SerializedClaimVectors } from '../../src/core/meaning/claim-vectors';
import { SHIPPED_MODEL_ID } from '../../src/core/meaning/models';
import type { SentenceEncoder } from '../../src/core/meaning/sentence-encoder';
import { readDatabase } from '../lib/data';
import { loadEncoder } from './load-encoder';
import { modelSha256, PINNED_ARTIFACTS } from './pinned-artifacts';
import { ROOT } from './provisioning';

export async function buildClaimVectors(db: Database, encoder: SentenceEncoder, modelSha256: string): Promise<SerializedClaimVectors> {
  const claims = [];
  for (const { claimId, texts } of claimTextsOf(db)) claims.push({ claimId, vectors: await encoder.embed(texts) });
  return serializeClaimVectors({ id: encoder.model.id, sha256: modelSha256, dimensions: encoder.model.dimensions }, claims);
}

async function main(): Promise<void> {
  const db = readDatabase();
  const { encoder } = await loadEncoder(SHIPPED_MODEL_ID);
  const t0 = performance.now();
  const vectors = await buildClaimVectors(db, encoder, modelSha256(PINNED_ARTIFACTS[SHIPPED_MODEL_ID]));
  const out = join(ROOT, 'assets/generated/claim-vectors.json');
  mkdirSync(dirname(out), { recursive: true });
  const json = JSON.stringify(vectors);
  writeFileSync(out, json);
  console.log(`claim vectors: ${vectors.claims.length} claims, ${vectors.scales.length} texts, ${(json.length / 1024).toFixed(1)} KiB, ${((performance.now() - t0) / 1000).toFixed(1)} s → ${out}`);
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === resolve(import.meta.filename)) void main();
