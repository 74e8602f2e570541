// The claims' sentence vectors, computed when the index is built and shipped with it, so that at
// run time only page sentences go through the model. One vector per text of a claim (its summary
// and each outlet's quote), stored as int8 with one scale per vector: a quarter of float32's size,
// and cosines move by less than 0.01. Plain JSON with base64, readable in the worker and in Node.
import type { Database } from '../database/combine';

export const CLAIM_VECTORS_FORMAT = 1;

export interface SerializedClaimVectors {
  format: typeof CLAIM_VECTORS_FORMAT;
  /** The encoder that made them (its id and model file's sha256): other vectors are meaningless. */
  model: string;
  modelSha256: string;
  dimensions: number;
  claims: string[];
  /** Per claim, where its texts' vectors start in `scales` (and rows of `vectors`); one more at the end. */
  offsets: number[];
  /** Per vector, the factor that turns its int8 values back into the unit vector's floats. */
  scales: number[];
  /** All vectors, int8 row-major, base64. */
  vectors: string;
}

/** The texts a claim is compared with by meaning: its neutral summary and each report's quote. */
export function claimTextsOf(db: Database): { claimId: string; texts: string[] }[] {
  return db.claims.map((c) => ({ claimId: c.id, texts: [c.summary, ...c.reports.map((r) => r.quote)] }));
}

function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

function fromBase64(text: string): Uint8Array {
  const s = atob(text);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

export function serializeClaimVectors(
  model: { id: string; sha256: string; dimensions: number },
  claims: readonly { claimId: string; vectors: readonly Float32Array[] }[],
): SerializedClaimVectors {
  const offsets = [0];
  const scales: number[] = [];
  const rows = claims.reduce((n, c) => n + c.vectors.length, 0);
  const data = new Int8Array(rows * model.dimensions);
  let row = 0;
  for (const c of claims) {
    for (const v of c.vectors) {
      if (v.length !== model.dimensions) throw new Error(`a vector of ${c.claimId} has ${v.length} dimensions, not ${model.dimensions}`);
      let max = 0;
      for (const x of v) max = Math.max(max, Math.abs(x));
      const scale = max > 0 ? max / 127 : 1;
      for (let d = 0; d < v.length; d++) data[row * model.dimensions + d] = Math.round(v[d]! / scale);
      scales.push(scale);
      row++;
    }
    offsets.push(row);
  }
  return {
    format: CLAIM_VECTORS_FORMAT,
    model: model.id,
    modelSha256: model.sha256,
    dimensions: model.dimensions,
    claims: claims.map((c) => c.claimId),
    offsets,
    scales,
    vectors: toBase64(new Uint8Array(data.buffer)),
  };
}

/**
 * Per claim id, its texts' vectors (unit length again after int8). Refuses vectors made by another
 * model than the encoder at hand: the caller then matches by words alone.
 */
export function loadClaimVectors(serialized: SerializedClaimVectors, encoder: { id: string; sha256: string }): Map<string, Float32Array[]> {
  if (serialized.format !== CLAIM_VECTORS_FORMAT) throw new Error(`claim vectors format ${String(serialized.format)} is not ${CLAIM_VECTORS_FORMAT}; rebuild the index`);
  if (serialized.model !== encoder.id || serialized.modelSha256 !== encoder.sha256) {
    throw new Error(`claim vectors were made by ${serialized.model} (${serialized.modelSha256.slice(0, 12)}), not by the encoder at hand, ${encoder.id} (${encoder.sha256.slice(0, 12)}); rebuild the index`);
  }
  const bytes = fromBase64(serialized.vectors);
  const data = new Int8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const dims = serialized.dimensions;
  const out = new Map<string, Float32Array[]>();
  serialized.claims.forEach((claimId, c) => {
    const vectors: Float32Array[] = [];
    for (let row = serialized.offsets[c]!; row < serialized.offsets[c + 1]!; row++) {
      const v = new Float32Array(dims);
      let norm = 0;
      for (let d = 0; d < dims; d++) {
        v[d] = data[row * dims + d]! * serialized.scales[row]!;
        norm += v[d]! * v[d]!;
      }
      const n = Math.sqrt(norm) || 1;
      for (let d = 0; d < dims; d++) v[d] = v[d]! / n;
      vectors.push(v);
    }
    out.set(claimId, vectors);
  });
  return out;
}
