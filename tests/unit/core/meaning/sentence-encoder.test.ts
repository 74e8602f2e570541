// The encoder wrapper on the real shipped model (installed by npm install; missing is a failure).
import { beforeAll, describe, expect, it } from 'vitest';
import { ENCODER_MODELS, SHIPPED_MODEL_ID } from '../../../../src/core/meaning/models';
import { cosine } from '../../../../src/core/meaning/pooling';
import type { SentenceEncoder } from '../../../../src/core/meaning/sentence-encoder';
import { loadEncoder } from '../../../../src/node/model/load-encoder';

let encoder: SentenceEncoder;

beforeAll(async () => {
  ({ encoder } = await loadEncoder(SHIPPED_MODEL_ID));
}, 60_000);

describe('sentence encoder on the real model', () => {
  // Margins are in cosine units; BGE's similarities are compressed (unrelated news ≈ 0.4), so they
  // are set for the tighter of the candidate encoders.
  it('scores a paraphrase of a fact higher than another fact of the story and than unrelated news', async () => {
    const [fact, paraphrase, otherFact, unrelated] = await encoder.embed([
      'ISIS fighters and their families were allowed to leave Raqqa under a secret deal.',
      'Under an arrangement nobody announced, the militants and their relatives were driven out of the city.',
      'The convoy was six or seven kilometres long.',
      'The striker signed a four-year contract with the club on Friday.',
    ]);
    expect(cosine(fact!, paraphrase!)).toBeGreaterThan(cosine(fact!, otherFact!) + 0.1);
    expect(cosine(fact!, paraphrase!)).toBeGreaterThan(cosine(fact!, unrelated!) + 0.1);
    expect(cosine(paraphrase!, otherFact!)).toBeGreaterThan(cosine(paraphrase!, unrelated!));
  });

  it('sees "kept from the public" in a sentence that shares no word with it', async () => {
    const [hidden, keptSecret, unrelated] = await encoder.embed([
      'Great pains were taken to hide it from the world.',
      'The evacuation was kept from the public when the capture of Raqqa was announced.',
      'The striker signed a four-year contract with the club on Friday.',
    ]);
    expect(cosine(hidden!, keptSecret!)).toBeGreaterThan(cosine(hidden!, unrelated!) + 0.1);
  });

  it('gives unit vectors of the model’s size, the same whatever else is in the batch', async () => {
    const texts = [
      'Short one.',
      'A much longer sentence, so that the short one is padded in the same batch as this one.',
      'Middle length sentence here.',
    ];
    const together = await encoder.embed(texts);
    const alone = await Promise.all(texts.map(async (t) => (await encoder.embed([t]))[0]!));
    together.forEach((v, i) => {
      expect(v.length).toBe(ENCODER_MODELS[SHIPPED_MODEL_ID].dimensions);
      expect(cosine(v, v)).toBeCloseTo(1, 5);
      expect(cosine(v, alone[i]!)).toBeGreaterThan(0.9999);
    });
  });

  it('reads at most the model’s token limit of a very long text', async () => {
    const long = 'The convoy left the city at night. '.repeat(100);
    expect(encoder.tokenCount(long)).toBe(ENCODER_MODELS[SHIPPED_MODEL_ID].maxTokens);
    const [v] = await encoder.embed([long]);
    expect(Number.isFinite(cosine(v!, v!))).toBe(true);
  });

  it('embeds nothing for no text', async () => {
    expect(await encoder.embed([])).toEqual([]);
  });
});
