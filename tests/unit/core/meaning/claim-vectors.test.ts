import { describe, expect, it } from 'vitest';
import { loadClaimVectors, serializeClaimVectors } from '../../../../src/core/meaning/claim-vectors';
import { cosine, normalize } from '../../../../src/core/meaning/pooling';

// Deterministic pseudo-random unit vectors of 384 dimensions.
function vectors(n: number, seed: number): Float32Array[] {
  let s = seed;
  const random = (): number => (s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31 - 0.5;
  return Array.from({ length: n }, () => normalize(Float32Array.from({ length: 384 }, random)));
}

const model = { id: 'all-minilm-l6-v2-q', sha256: 'a'.repeat(64), dimensions: 384 };

describe('claim vectors shipped with the index', () => {
  const claims = [
    { claimId: 'people-who-left', vectors: vectors(4, 1) },
    { claimId: 'convoy-length', vectors: vectors(2, 2) },
  ];
  const serialized = serializeClaimVectors(model, claims);

  it('keep each claim’s texts, in order, with cosines within 0.01 after int8', () => {
    const loaded = loadClaimVectors(JSON.parse(JSON.stringify(serialized)), model);
    expect(loaded.claimIds()).toEqual(['people-who-left', 'convoy-length']);
    claims.forEach(({ claimId, vectors: original }) => {
      const back = loaded.texts(claimId);
      expect(back).toHaveLength(original.length);
      back.forEach((v, i) => {
        expect(cosine(v, v)).toBeCloseTo(1, 5);
        expect(cosine(v, original[i]!)).toBeGreaterThan(0.99);
        // Similarities between texts survive too (what the matcher compares).
        expect(Math.abs(cosine(v, back[0]!) - cosine(original[i]!, original[0]!))).toBeLessThan(0.01);
      });
    });
  });

  it('give a sentence its highest cosine with any of the claim’s texts, and nothing for an unknown claim', () => {
    const loaded = loadClaimVectors(serialized, model);
    const probe = claims[0]!.vectors[2]!;
    expect(loaded.nearest('people-who-left', probe)).toBeGreaterThan(0.99);
    const exact = Math.max(...claims[1]!.vectors.map((v) => cosine(v, probe)));
    expect(Math.abs(loaded.nearest('convoy-length', probe)! - exact)).toBeLessThan(0.01);
    expect(loaded.nearest('no-such-claim', probe)).toBeNull();
  });

  it('are a quarter of float32’s size', () => {
    const base64Length = (bytes: number): number => Math.ceil(bytes / 3) * 4;
    expect(serialized.vectors.length).toBe(base64Length(6 * 384));
    expect(serialized.vectors.length * 4).toBeLessThanOrEqual(base64Length(6 * 384 * 4) + 8);
  });

  it('are refused by an encoder of another model or another file', () => {
    expect(() => loadClaimVectors(serialized, { id: 'bge-small-en-v15-q', sha256: model.sha256 })).toThrow(
      /not by the encoder at hand/,
    );
    expect(() => loadClaimVectors(serialized, { id: model.id, sha256: 'b'.repeat(64) })).toThrow(/rebuild the index/);
  });

  it('refuse a vector of the wrong size', () => {
    expect(() => serializeClaimVectors(model, [{ claimId: 'x', vectors: [new Float32Array(10)] }])).toThrow(
      /10 dimensions, not 384/,
    );
  });
});
