// A story's own map of the encoder's space, fitted from its pack alone: what tells its facts apart.
// In a one-story database every sentence is close to every claim (the encoder sees "about the Raqqa
// deal" far better than "states this fact of it"). Every outlet's quote of one fact is a paraphrase
// of the others', and the story's other facts are the hardest negatives, so the pack itself says
// which directions carry "which fact" and which carry "how this outlet put it": a linear
// discriminant. The space is whitened by the scatter of the texts around their own fact's mean
// (shrunk halfway to the identity: a pack has a few texts per fact, far fewer than dimensions), and
// the directions along which the facts' means spread most in that space are kept, one fewer than
// the facts. Sentences and claim texts are compared by cosine after centring on the story's mean
// and projecting: what all of the story's sentences share is gone.
import { EigenvalueDecomposition, Matrix } from 'ml-matrix';

export interface StoryDiscriminant {
  /** The story's mean text vector, subtracted before projecting. */
  mean: Float32Array;
  /** Rows of the projection (each `dimensions` long), strongest first. */
  directions: Float32Array[];
}

/** How far the within-fact scatter is shrunk towards the identity (0: not at all; 1: no whitening). */
export const DISCRIMINANT_SHRINKAGE = 0.5;

/**
 * The discriminant of one story from its claims' text vectors (unit vectors; claims with one text
 * still give their mean). At most `facts - 1` directions (the rank of the facts' means), fewer
 * when `maxDirections` says so. Null when the story has fewer than three facts: nothing to tell apart.
 */
export function fitDiscriminant(
  claims: readonly (readonly Float32Array[])[],
  options: { shrinkage?: number; maxDirections?: number } = {},
): StoryDiscriminant | null {
  const facts = claims.filter((texts) => texts.length > 0);
  if (facts.length < 3) return null;
  const d = facts[0]![0]!.length;
  const shrinkage = options.shrinkage ?? DISCRIMINANT_SHRINKAGE;
  const keep = Math.min(facts.length - 1, options.maxDirections ?? facts.length - 1, d);

  const means = facts.map((texts) => {
    const m = new Float64Array(d);
    for (const v of texts) for (let j = 0; j < d; j++) m[j] = m[j]! + v[j]! / texts.length;
    return m;
  });
  const mean = new Float64Array(d);
  for (const m of means) for (let j = 0; j < d; j++) mean[j] = mean[j]! + m[j]! / means.length;

  // The within-fact scatter is X'X, X's rows each text's offset from its fact's mean, weighted so
  // that every fact counts the same whatever its number of texts. It has rank at most the number
  // of texts (far below d), so everything is computed in the texts' span, through X X' (texts ×
  // texts) instead of X'X (d × d): milliseconds, where a d × d decomposition takes seconds.
  const rows: Float64Array[] = [];
  facts.forEach((texts, c) => {
    const w = 1 / Math.sqrt(texts.length * facts.length);
    for (const v of texts) rows.push(Float64Array.from({ length: d }, (_, j) => (v[j]! - means[c]![j]!) * w));
  });
  const gram = new Matrix(rows.length, rows.length);
  for (let a = 0; a < rows.length; a++)
    for (let b = a; b < rows.length; b++) gram.set(a, b, dot(rows[a]!, rows[b]!)).set(b, a, gram.get(a, b));
  const { vectors: u, values } = symmetricEigen(gram);
  const trace = values.reduce((sum, v) => sum + Math.max(v, 0), 0);
  // Shrunk to the identity at the scatter's own average variance, so the shrinkage is scale-free:
  // S = a·X'X + b·I, and S^(-1/2) = b^(-1/2)·I + Σ_k q_k q_k' ((a·λ_k + b)^(-1/2) − b^(-1/2)).
  const a = trace > 0 ? ((1 - shrinkage) * d) / trace : 0;
  const b = shrinkage;
  const basis: { q: Float64Array; gain: number }[] = [];
  values.forEach((lambda, k) => {
    if (!(lambda > 1e-10 * Math.max(trace, 1e-300))) return;
    const q = new Float64Array(d);
    rows.forEach((row, i) => {
      const f = u.get(i, k);
      if (f !== 0) for (let j = 0; j < d; j++) q[j] = q[j]! + f * row[j]!;
    });
    const norm = Math.sqrt(lambda);
    for (let j = 0; j < d; j++) q[j] = q[j]! / norm;
    basis.push({ q, gain: 1 / Math.sqrt(a * lambda + b) - 1 / Math.sqrt(b) });
  });
  const whiten = (x: Float64Array): Float64Array => {
    const out = x.map((v) => v / Math.sqrt(b));
    for (const { q, gain } of basis) {
      const f = dot(q, x) * gain;
      for (let j = 0; j < d; j++) out[j] = out[j]! + f * q[j]!;
    }
    return out;
  };

  // The facts' means in the whitened space, and the directions they spread along most (again
  // through their Gram matrix: facts × facts).
  const whitened = means.map((m) => whiten(m.map((v, j) => v - mean[j]!)));
  const between = new Matrix(whitened.length, whitened.length);
  for (let i = 0; i < whitened.length; i++)
    for (let k = i; k < whitened.length; k++)
      between.set(i, k, dot(whitened[i]!, whitened[k]!)).set(k, i, between.get(i, k));
  const spread = symmetricEigen(between);
  const order = spread.values
    .map((v, i) => [v, i] as const)
    .filter(([v]) => v > 1e-12)
    .sort((x, y) => y[0] - x[0])
    .slice(0, keep);
  const directions = order.map(([lambda, k]) => {
    // A unit direction in the whitened space, taken back to the encoder's (W is symmetric: row u'W = (Wu)').
    const dir = new Float64Array(d);
    whitened.forEach((w, i) => {
      const f = spread.vectors.get(i, k) / Math.sqrt(lambda);
      for (let j = 0; j < d; j++) dir[j] = dir[j]! + f * w[j]!;
    });
    return Float32Array.from(whiten(dir));
  });
  return { mean: Float32Array.from(mean), directions };
}

function dot(x: ArrayLike<number>, y: ArrayLike<number>): number {
  let s = 0;
  for (let j = 0; j < x.length; j++) s += x[j]! * y[j]!;
  return s;
}

/** A vector in the story's discriminant space (centred, projected, unit length). */
export function project(discriminant: StoryDiscriminant, v: Float32Array): Float32Array {
  const { mean, directions } = discriminant;
  const out = new Float32Array(directions.length);
  let norm = 0;
  directions.forEach((row, k) => {
    let s = 0;
    for (let j = 0; j < row.length; j++) s += row[j]! * (v[j]! - mean[j]!);
    out[k] = s;
    norm += s * s;
  });
  const inv = norm > 0 ? 1 / Math.sqrt(norm) : 0;
  for (let k = 0; k < out.length; k++) out[k] = out[k]! * inv;
  return out;
}

function symmetricEigen(m: Matrix): { vectors: Matrix; values: number[] } {
  const e = new EigenvalueDecomposition(m, { assumeSymmetric: true });
  return { vectors: e.eigenvectorMatrix, values: e.realEigenvalues };
}

/**
 * A story's claims in its discriminant space: fitted once from the claims' text vectors (as the
 * index ships them, or as the worker made them for a reader's packs), their texts projected, and
 * a page sentence compared with each claim's nearest text there.
 */
export class StorySpace {
  private readonly projected = new Map<string, Float32Array[]>();

  private constructor(
    private readonly discriminant: StoryDiscriminant,
    claims: ReadonlyMap<string, readonly Float32Array[]>,
  ) {
    for (const [id, texts] of claims)
      this.projected.set(
        id,
        texts.map((v) => project(discriminant, v)),
      );
  }

  /** The story's space from its claims' text vectors; null when it has too few facts to tell apart. */
  static fit(claims: ReadonlyMap<string, readonly Float32Array[]>): StorySpace | null {
    const discriminant = fitDiscriminant([...claims.values()]);
    return discriminant === null ? null : new StorySpace(discriminant, claims);
  }

  /** A sentence's unit vector, projected once and compared with many claims. */
  project(v: Float32Array): Float32Array {
    return project(this.discriminant, v);
  }

  /** The highest cosine of a projected sentence with the claim's projected texts; null for a claim not fitted. */
  nearest(claimId: string, projected: Float32Array): number | null {
    const texts = this.projected.get(claimId);
    if (texts === undefined || texts.length === 0) return null;
    let best = -Infinity;
    for (const t of texts) best = Math.max(best, dot(t, projected));
    return best;
  }
}
