// Calibration of the hybrid on labelled pages: a logistic model of "this sentence states this
// claim", fitted by Newton's method (iteratively reweighted least squares: seven parameters, a
// few thousand pairs, exact convergence in a dozen steps; a library would add more than it saves).
import { FEATURE_NAMES, type MeaningWeights } from '../../src/core/meaning/hybrid';

export interface Example {
  x: number[];
  stated: boolean;
}

/** Solves A·x = b for a small symmetric positive-definite A (Gaussian elimination with pivoting). */
function solve(a: number[][], b: number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]!]);
  for (let c = 0; c < n; c++) {
    let pivot = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r]![c]!) > Math.abs(m[pivot]![c]!)) pivot = r;
    [m[c], m[pivot]] = [m[pivot]!, m[c]!];
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = m[r]![c]! / m[c]![c]!;
      for (let k = c; k <= n; k++) m[r]![k] = m[r]![k]! - f * m[c]![k]!;
    }
  }
  return m.map((row, i) => row[n]! / row[i]!);
}

/** Ridge-regularised logistic regression (the intercept is not penalised). Deterministic. */
export function fitWeights(examples: readonly Example[], options: { ridge?: number; iterations?: number } = {}): MeaningWeights {
  const { ridge = 1e-2, iterations = 25 } = options;
  const d = FEATURE_NAMES.length + 1; // features, then the intercept
  let w = new Array<number>(d).fill(0);
  for (let it = 0; it < iterations; it++) {
    const grad = new Array<number>(d).fill(0);
    const hess = Array.from({ length: d }, () => new Array<number>(d).fill(0));
    for (const e of examples) {
      const x = [...e.x, 1];
      const z = x.reduce((s, xi, j) => s + xi * w[j]!, 0);
      const p = 1 / (1 + Math.exp(-z));
      const err = p - (e.stated ? 1 : 0);
      const curvature = Math.max(p * (1 - p), 1e-9);
      for (let j = 0; j < d; j++) {
        grad[j] = grad[j]! + err * x[j]!;
        for (let k = 0; k < d; k++) hess[j]![k] = hess[j]![k]! + curvature * x[j]! * x[k]!;
      }
    }
    for (let j = 0; j < d - 1; j++) {
      grad[j] = grad[j]! + ridge * w[j]!;
      hess[j]![j] = hess[j]![j]! + ridge;
    }
    const step = solve(hess, grad);
    w = w.map((wj, j) => wj - step[j]!);
    if (Math.max(...step.map(Math.abs)) < 1e-8) break;
  }
  const out = { bias: w[d - 1]! } as MeaningWeights;
  FEATURE_NAMES.forEach((name, j) => (out[name] = w[j]!));
  return out;
}
