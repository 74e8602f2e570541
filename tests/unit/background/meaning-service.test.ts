// The worker's meaning service: loads the model once, when first needed; remembers a failure (the
// worker then matches by words alone); embeds each sentence once, one model call at a time.
import { describe, expect, it, vi } from 'vitest';
import { createMeaningService, type MeaningEngine } from '../../../src/background/meaning-service';
import { loadClaimVectors, serializeClaimVectors } from '../../../src/core/meaning/claim-vectors';

const model = { id: 'test-model', sha256: 't'.repeat(64), dimensions: 2 };
const claimVectors = loadClaimVectors(serializeClaimVectors(model, [{ claimId: 'c', vectors: [Float32Array.of(1, 0)] }]), model);

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
});
