// The worker's meaning service: loads the model once, when first needed; remembers a failure (the
// worker then matches by words alone); embeds each sentence once, one model call at a time.
import { describe, expect, it, vi } from 'vitest';
import { createMeaningService, type MeaningEngine } from '../../../../src/extension/meaning/meaning-service';
import { loadClaimVectors, serializeClaimVectors } from '../../../../src/core/meaning/claim-vectors';

const model = { id: 'test-model', sha256: 't'.repeat(64), dimensions: 2 };
const claimVectors = loadClaimVectors(
  serializeClaimVectors(model, [{ claimId: 'c', vectors: [Float32Array.of(1, 0)] }]),
  model,
);

function engine() {
  let running = 0;
  let overlapped = false;
  const embed = vi.fn(async (text: string) => {
    running++;
    if (running > 1) overlapped = true;
    await new Promise((r) => setTimeout(r, 1));
    running--;
    return Float32Array.of(text.length, 1);
  });
  const loaded: MeaningEngine = { model: 'test-model', embed, claimVectors };
  return { loaded, embed, overlapped: () => overlapped };
}

describe('meaning service', () => {
  it('loads nothing until a sentence needs a vector, then once', async () => {
    const { loaded } = engine();
    const load = vi.fn(async () => loaded);
    const service = createMeaningService(load);
    expect(service.stats().state).toBe('idle');
    expect(service.known(['a'])).toEqual(new Map());
    expect(load).not.toHaveBeenCalled();
    await Promise.all([service.vectors(['a']), service.vectors(['b'])]);
    expect(load).toHaveBeenCalledTimes(1);
    expect(service.stats()).toMatchObject({ state: 'ready', model: 'test-model', embedded: 2 });
    expect(service.claimVectors).toBe(claimVectors);
  });

  it('embeds each text once, one call at a time, and knows it afterwards without the model', async () => {
    const { loaded, embed, overlapped } = engine();
    const service = createMeaningService(async () => loaded);
    const first = await service.vectors(['one', 'two', 'one']);
    await Promise.all([service.vectors(['three', 'four']), service.vectors(['five', 'two'])]);
    expect(embed.mock.calls.map((c) => c[0]).sort()).toEqual(['five', 'four', 'one', 'three', 'two']);
    expect(overlapped()).toBe(false);
    expect([...first!.keys()]).toEqual(['one', 'two']);
    expect(service.known(['two', 'six']).size).toBe(1);
  });

  it('remembers that the model could not be loaded, and stops asking', async () => {
    const load = vi.fn(async (): Promise<MeaningEngine> => {
      throw new Error('this browser has no WebAssembly');
    });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const service = createMeaningService(load);
    expect(await service.vectors(['a'])).toBeNull();
    expect(await service.vectors(['b'])).toBeNull();
    expect(load).toHaveBeenCalledTimes(1);
    expect(service.usable).toBe(false);
    expect(service.stats()).toMatchObject({ state: 'failed', error: 'this browser has no WebAssembly' });
    expect(warn).toHaveBeenCalledTimes(1);
    warn.mockRestore();
  });

  it('gives the claims of an added pack vectors of their texts, never embedding a claim the build shipped', async () => {
    const { loaded, embed } = engine();
    const service = createMeaningService(async () => loaded);
    const lookup = await service.claimVectorsFor([
      { claimId: 'c', texts: ['shipped claim text'] },
      { claimId: 'added/d', texts: ['ab', 'abcd'] },
    ]);
    expect(embed.mock.calls.map((call) => call[0])).toEqual(['ab', 'abcd']);
    // The shipped claim answers with its shipped vector (1, 0); the added one with its nearest text.
    expect(lookup!.nearest('c', Float32Array.of(1, 0))).toBeCloseTo(1, 2);
    const unit = (x: number, y: number) => Float32Array.of(x / Math.hypot(x, y), y / Math.hypot(x, y));
    expect(lookup!.nearest('added/d', unit(2, 1))).toBeCloseTo(1, 2);
    expect(lookup!.nearest('added/d', unit(4, 1))).toBeCloseTo(1, 2);
    expect(lookup!.nearest('added/d', unit(0, 1))).toBeLessThan(0.5);
    expect(lookup!.nearest('unknown', unit(1, 0))).toBeNull();
    // Made again (the pack switched off and on): its texts are known, nothing is embedded.
    await service.claimVectorsFor([{ claimId: 'added/d', texts: ['ab', 'abcd'] }]);
    expect(embed).toHaveBeenCalledTimes(2);
  });

  it('gives no claim vectors when the model cannot be loaded', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const service = createMeaningService(async () => Promise.reject(new Error('no model in this build')));
    expect(await service.claimVectorsFor([{ claimId: 'added/d', texts: ['ab'] }])).toBeNull();
    warn.mockRestore();
  });
});
