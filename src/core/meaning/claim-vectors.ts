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
  /** sha256 of the claim texts they were made from (claimTextsKey), so a build can skip unchanged ones. */
  textsSha256: string;
  dimensions: number;
  claims: string[];
  /** Per claim, where its texts' vectors start in `scales` (and rows of `vectors`); one more at the end. */
  offsets: number[];
  /** Per vector, the factor that turns its int8 values back into the unit vector's floats. */
  scales: number[];
  /** All vectors, int8 row-major, base64. */
  vectors: string;
}

/** A claim's texts, compared with by meaning. */
export interface ClaimTexts {
  claimId: string;
  texts: string[];
}

/** The texts a claim is compared with by meaning: its neutral summary and each report's quote. */
export function claimTextsOf(db: Database): ClaimTexts[] {
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

/** The claim texts as one string, to hash: what the vectors depend on besides the model. */
export function claimTextsKey(claims: readonly { claimId: string; texts: readonly string[] }[]): string {
  return JSON.stringify(claims.map((c) => [c.claimId, c.texts]));
}

export function serializeClaimVectors(
  model: { id: string; sha256: string; dimensions: number },
  claims: readonly { claimId: string; vectors: readonly Float32Array[] }[],
  textsSha256 = '',
): SerializedClaimVectors {
  const offsets = [0];
  const scales: number[] = [];
  const rows = claims.reduce((n, c) => n + c.vectors.length, 0);
  const data = new Int8Array(rows * model.dimensions);
  let row = 0;
  for (const c of claims) {
    for (const v of c.vectors) {
      if (v.length !== model.dimensions)
        throw new Error(`a vector of ${c.claimId} has ${v.length} dimensions, not ${model.dimensions}`);
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
    textsSha256,
    dimensions: model.dimensions,
    claims: claims.map((c) => c.claimId),
    offsets,
    scales,
    vectors: toBase64(new Uint8Array(data.buffer)),
  };
}

/** What the matcher asks of claim vectors: the nearest of a claim's texts to a sentence. */
export interface ClaimVectorLookup {
  has(claimId: string): boolean;
  /** The highest cosine of a unit vector with the claim's texts; null when the claim has none. */
  nearest(claimId: string, v: Float32Array): number | null;
  /** The claim's texts' vectors as unit floats (none for a claim without vectors): what a story's discriminant is fitted on. */
  texts(claimId: string): Float32Array[];
}

/**
 * The claims' vectors as the matcher compares with them. Rows stay int8 as shipped (a quarter of
 * float32's memory: at 10,000 claims about 23 MB instead of 92), each with one factor that both
 * undoes the quantisation and scales the row back to unit length, so a dot product is a cosine.
 */
export class ClaimVectors implements ClaimVectorLookup {
  readonly model: string;
  readonly dimensions: number;
  private readonly rows: Int8Array;
  private readonly factors: Float32Array;
  /** Per claim id, its texts' rows: [first, end). */
  private readonly ranges = new Map<string, [number, number]>();

  constructor(serialized: SerializedClaimVectors) {
    const bytes = fromBase64(serialized.vectors);
    const dims = serialized.dimensions;
    this.model = serialized.model;
    this.dimensions = dims;
    this.rows = new Int8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const rowCount = serialized.scales.length;
    if (this.rows.length !== rowCount * dims)
      throw new Error(`claim vectors hold ${this.rows.length} values, not ${rowCount}×${dims}`);
    this.factors = new Float32Array(rowCount);
    for (let row = 0; row < rowCount; row++) {
      let norm = 0;
      for (let d = 0; d < dims; d++) norm += this.rows[row * dims + d]! ** 2;
      this.factors[row] = norm > 0 ? 1 / Math.sqrt(norm) : 0;
    }
    serialized.claims.forEach((claimId, c) =>
      this.ranges.set(claimId, [serialized.offsets[c]!, serialized.offsets[c + 1]!]),
    );
  }

  claimIds(): string[] {
    return [...this.ranges.keys()];
  }

  has(claimId: string): boolean {
    return this.ranges.has(claimId);
  }

  /** The highest cosine of a unit vector with the claim's texts; null when the claim has none. */
  nearest(claimId: string, v: Float32Array): number | null {
    const range = this.ranges.get(claimId);
    if (range === undefined || range[0] === range[1]) return null;
    const dims = this.dimensions;
    let best = -Infinity;
    for (let row = range[0]; row < range[1]; row++) {
      let sum = 0;
      const at = row * dims;
      for (let d = 0; d < dims; d++) sum += v[d]! * this.rows[at + d]!;
      best = Math.max(best, sum * this.factors[row]!);
    }
    return best;
  }

  /** The claim's texts' vectors as unit floats. */
  texts(claimId: string): Float32Array[] {
    const [first, end] = this.ranges.get(claimId) ?? [0, 0];
    const out: Float32Array[] = [];
    for (let row = first; row < end; row++) {
      const v = new Float32Array(this.dimensions);
      for (let d = 0; d < this.dimensions; d++) v[d] = this.rows[row * this.dimensions + d]! * this.factors[row]!;
      out.push(v);
    }
    return out;
  }
}

/**
 * The shipped vectors, ready to compare with. Refuses vectors made by another model than the
 * encoder at hand (a cosine between two models' vectors means nothing): the caller then matches
 * by words alone.
 */
export function loadClaimVectors(
  serialized: SerializedClaimVectors,
  encoder: { id: string; sha256: string },
): ClaimVectors {
  if (serialized.format !== CLAIM_VECTORS_FORMAT)
    throw new Error(
      `claim vectors format ${String(serialized.format)} is not ${CLAIM_VECTORS_FORMAT}; rebuild the index`,
    );
  if (serialized.model !== encoder.id || serialized.modelSha256 !== encoder.sha256) {
    throw new Error(
      `claim vectors were made by ${serialized.model} (${serialized.modelSha256.slice(0, 12)}), not by the encoder at hand, ${encoder.id} (${encoder.sha256.slice(0, 12)}); rebuild the index`,
    );
  }
  if (serialized.offsets.length !== serialized.claims.length + 1)
    throw new Error('claim vectors: offsets do not match the claims; rebuild the index');
  return new ClaimVectors(serialized);
}

/**
 * Several sets of claim vectors as one, the first that has a claim answering for it: the vectors
 * shipped with the bundled packs beside those the worker made for packs a reader added.
 */
export class ClaimVectorSets implements ClaimVectorLookup {
  constructor(private readonly sets: readonly ClaimVectorLookup[]) {}

  has(claimId: string): boolean {
    return this.sets.some((set) => set.has(claimId));
  }

  nearest(claimId: string, v: Float32Array): number | null {
    const set = this.sets.find((s) => s.has(claimId));
    return set === undefined ? null : set.nearest(claimId, v);
  }

  texts(claimId: string): Float32Array[] {
    return this.sets.find((s) => s.has(claimId))?.texts(claimId) ?? [];
  }
}
