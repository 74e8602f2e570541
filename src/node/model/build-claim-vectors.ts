// The claims' sentence vectors shipped beside the index (assets/generated/claim-vectors.json):
// every claim text of the database through the shipped encoder, in Node, with the same code the
// extension runs. `npm run build:index` and every extension build write them (skipped when the
// claim texts and the model are unchanged; without the model, removed, and the extension matches
// by words alone). The eval builds them per held-out database the same way (scripts/lib/meaning.ts).
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Database } from '../../core/database/combine';
import { claimTextsKey, claimTextsOf, serializeClaimVectors, type SerializedClaimVectors } from '../../core/meaning/claim-vectors';
import { ENCODER_MODELS, SHIPPED_MODEL_ID, type EncoderModelId } from '../../core/meaning/models';
import { readDatabase } from '../data';
import { CLAIM_VECTORS_PATH } from '../paths';
import { loadEncoder } from './load-encoder';
import { modelSha256, PINNED_ARTIFACTS } from './pinned-artifacts';
import { checkModelDir, modelDir } from './provisioning';
import { modelToShip } from '../../build/ship-model';

export interface VectorModel {
  id: string;
  sha256: string;
  dimensions: number;
}

/** sha256 of the database's claim texts: the vectors' input besides the model. */
export function claimTextsSha256(db: Database): string {
  return createHash('sha256').update(claimTextsKey(claimTextsOf(db))).digest('hex');
}

/** Every claim text embedded (one call per text; `embed` may cache). */
export async function buildClaimVectors(db: Database, model: VectorModel, embed: (texts: string[]) => Promise<Float32Array[]>): Promise<SerializedClaimVectors> {
  const claims = [];
  for (const { claimId, texts } of claimTextsOf(db)) claims.push({ claimId, vectors: await embed(texts) });
  return serializeClaimVectors(model, claims, claimTextsSha256(db));
}

/** An encoder's description as the vectors record it (the shipped one unless told otherwise). */
export function shippedVectorModel(id: EncoderModelId = SHIPPED_MODEL_ID): VectorModel {
  return { id, sha256: modelSha256(PINNED_ARTIFACTS[id]), dimensions: ENCODER_MODELS[id].dimensions };
}

/**
 * Writes the bundled database's claim vectors with the encoder the build ships (PARALLAX_MODEL, or
 * the shipped one), unless the file already holds them for the same texts and model. Without the
 * model, removes any old file (nothing stale ships) and says so.
 */
export async function writeClaimVectors(db = readDatabase(), path = CLAIM_VECTORS_PATH, id: EncoderModelId = modelToShip()): Promise<string> {
  if (checkModelDir(modelDir(id), PINNED_ARTIFACTS[id]).state !== 'installed') {
    rmSync(path, { force: true });
    return `claim vectors: not written, the sentence model ${id} is not installed (npm run model:provision); the extension will match by words alone`;
  }
  const model = shippedVectorModel(id);
  const textsSha256 = claimTextsSha256(db);
  if (existsSync(path)) {
    try {
      const old = JSON.parse(readFileSync(path, 'utf8')) as SerializedClaimVectors;
      if (old.textsSha256 === textsSha256 && old.modelSha256 === model.sha256) return `claim vectors: unchanged (${old.claims.length} claims, ${old.scales.length} texts) → ${path}`;
    } catch {
      // Unreadable: rebuilt below.
    }
  }
  const t0 = performance.now();
  const { encoder, runner } = await loadEncoder(id);
  try {
    const vectors = await buildClaimVectors(db, model, (texts) => encoder.embed(texts));
    mkdirSync(dirname(path), { recursive: true });
    const json = JSON.stringify(vectors);
    writeFileSync(path, json);
    return `claim vectors: ${vectors.claims.length} claims, ${vectors.scales.length} texts, ${(json.length / 1024).toFixed(1)} KiB, ${((performance.now() - t0) / 1000).toFixed(1)} s → ${path}`;
  } finally {
    await runner.release();
  }
}
