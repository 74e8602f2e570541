// The claims' sentence vectors: every claim text of a database through an encoder, in Node, with
// the same code and serialisation the extension uses. The build writes the bundled database's
// (src/build/claim-vectors-file.ts); the eval, annotate and the tests build them the same way for
// any other database (node-meaning.ts).
import { createHash } from 'node:crypto';
import type { Database } from '../../core/database/combine';
import {
  claimTextsKey,
  claimTextsOf,
  serializeClaimVectors,
  type SerializedClaimVectors,
} from '../../core/meaning/claim-vectors';
import { ENCODER_MODELS, SHIPPED_MODEL_ID, type EncoderModelId } from '../../core/meaning/models';
import { modelSha256, PINNED_ARTIFACTS } from './pinned-artifacts';

export interface VectorModel {
  id: string;
  sha256: string;
  dimensions: number;
}

/** sha256 of the database's claim texts: the vectors' input besides the model. */
export function claimTextsSha256(db: Database): string {
  return createHash('sha256')
    .update(claimTextsKey(claimTextsOf(db)))
    .digest('hex');
}

/** Every claim text embedded (one call per text; `embed` may cache). */
export async function buildClaimVectors(
  db: Database,
  model: VectorModel,
  embed: (texts: string[]) => Promise<Float32Array[]>,
): Promise<SerializedClaimVectors> {
  const claims = [];
  for (const { claimId, texts } of claimTextsOf(db)) claims.push({ claimId, vectors: await embed(texts) });
  return serializeClaimVectors(model, claims, claimTextsSha256(db));
}

/** An encoder's description as the vectors record it (the shipped one unless told otherwise). */
export function shippedVectorModel(id: EncoderModelId = SHIPPED_MODEL_ID): VectorModel {
  return { id, sha256: modelSha256(PINNED_ARTIFACTS[id]), dimensions: ENCODER_MODELS[id].dimensions };
}
