// Writes the claims' sentence vectors shipped beside the index (assets/generated/claim-vectors.json):
// every claim text of the bundled database through the encoder the build ships. `npm run
// build:index` and every extension build write them (skipped when the claim texts and the model are
// unchanged; without the model, removed, and the extension matches by words alone).
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { SerializedClaimVectors } from '../core/meaning/claim-vectors';
import type { EncoderModelId } from '../core/meaning/models';
import { readDatabase } from '../node/data';
import { buildClaimVectors, claimTextsSha256, shippedVectorModel } from '../node/model/build-claim-vectors';
import { loadEncoder } from '../node/model/load-encoder';
import { PINNED_ARTIFACTS } from '../node/model/pinned-artifacts';
import { checkModelDir, modelDir } from '../node/model/provisioning';
import { CLAIM_VECTORS_PATH } from '../node/paths';
import { modelToShip } from './ship-model';

/**
 * Writes the bundled database's claim vectors with the encoder the build ships (PARALLAX_MODEL, or
 * the shipped one), unless the file already holds them for the same texts and model. Without the
 * model, removes any old file (nothing stale ships) and says so.
 */
export async function writeClaimVectors(
  db = readDatabase(),
  path = CLAIM_VECTORS_PATH,
  id: EncoderModelId = modelToShip(),
): Promise<string> {
  if (checkModelDir(modelDir(id), PINNED_ARTIFACTS[id]).state !== 'installed') {
    rmSync(path, { force: true });
    return `claim vectors: not written, the sentence model ${id} is not installed (npm run model:provision); the extension will match by words alone`;
  }
  const model = shippedVectorModel(id);
  const textsSha256 = claimTextsSha256(db);
  if (existsSync(path)) {
    try {
      const old = JSON.parse(readFileSync(path, 'utf8')) as SerializedClaimVectors;
      if (old.textsSha256 === textsSha256 && old.modelSha256 === model.sha256)
        return `claim vectors: unchanged (${old.claims.length} claims, ${old.scales.length} texts) → ${path}`;
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
