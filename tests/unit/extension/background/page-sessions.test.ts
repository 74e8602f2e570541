// The service worker's copy of each page's block texts: built from bounded splices, scored once
// per block, told apart per tab, frame and page load, and bounded in room.
import { describe, expect, it } from 'vitest';
import type { BlockScores } from '../../../../src/core/match/matcher';
import { PageSessions } from '../../../../src/extension/background/page-sessions';
import { BLOCK_STREAM_LIMITS, type BlockSplice } from '../../../../src/extension/messaging/protocol';

function sessions(limits = { sessions: 10, totalChars: 1_000_000 }) {
  const scored: string[] = [];
  const store = new PageSessions((text) => {
    scored.push(text);
    return { text, passages: [], storyNames: [] } as BlockScores;
  }, limits);
  const texts = (frame: string, session: string, version: number) =>
    store.blocks(frame, session, version)?.map((b) => b.text) ?? null;
  return { store, scored, texts };
}

const step = (over: Partial<BlockSplice>): BlockSplice => ({
  session: 's1',
  base: 0,
  version: 1,
  start: 0,
  deleteCount: 0,
  insert: [],
  ...over,
});

describe('PageSessions', () => {
  it('builds a page from splices and scores only the blocks each one brings', () => {
    const { store, scored, texts } = sessions();
    expect(store.splice('1:0', step({ insert: ['a', 'b', 'c'] }))).toEqual({ ok: true });
    expect(store.splice('1:0', step({ base: 1, version: 2, start: 1, deleteCount: 1, insert: ['B', 'B2'] }))).toEqual({
      ok: true,
    });
    expect(texts('1:0', 's1', 2)).toEqual(['a', 'B', 'B2', 'c']);
    expect(scored).toEqual(['a', 'b', 'c', 'B', 'B2']);
  });

  it('asks for the whole list again when it does not hold the version a step builds on', () => {
    const { store, texts } = sessions();
    store.splice('1:0', step({ insert: ['a'] }));
    expect(store.splice('1:0', step({ base: 5, version: 6, insert: ['x'] }))).toEqual({ resync: true });
    expect(store.splice('1:0', step({ session: 'unknown', base: 1, version: 2 }))).toEqual({ resync: true });
    expect(store.splice('1:0', step({ base: 1, version: 2, start: 3, deleteCount: 1 }))).toEqual({ resync: true });
    expect(texts('1:0', 's1', 2)).toBeNull();
    expect(texts('1:0', 's1', 1)).toEqual(['a']);
  });

  it('keeps tabs and frames apart, and a new page load in a frame replaces the old one', () => {
    const { store, texts } = sessions();
    store.splice('1:0', step({ insert: ['tab 1'] }));
    store.splice('2:0', step({ insert: ['tab 2'] }));
    store.splice('1:3', step({ insert: ['tab 1 frame 3'] }));
    expect(texts('1:0', 's1', 1)).toEqual(['tab 1']);
    expect(texts('2:0', 's1', 1)).toEqual(['tab 2']);
    store.splice('1:0', step({ session: 's2', insert: ['next page'] }));
    expect(texts('1:0', 's1', 1)).toBeNull();
    expect(texts('1:0', 's2', 1)).toEqual(['next page']);
    store.dropTab(1);
    expect(texts('1:3', 's1', 1)).toBeNull();
    expect(texts('2:0', 's1', 1)).toEqual(['tab 2']);
  });

  it('drops the least recently used pages past its bounds, never the one in use', () => {
    const { store, texts } = sessions({ sessions: 2, totalChars: 10 });
    store.splice('1:0', step({ insert: ['aaaa'] }));
    store.splice('2:0', step({ insert: ['bbbb'] }));
    store.splice('3:0', step({ insert: ['cccc'] }));
    expect(store.size).toBe(2);
    expect(texts('1:0', 's1', 1)).toBeNull();
    store.splice('4:0', step({ insert: ['x'.repeat(20)] }));
    expect(texts('4:0', 's1', 1)).toEqual(['x'.repeat(20)]);
    expect(store.size).toBe(1);
  });

  it('refuses a step over the bounds or malformed', () => {
    const { store } = sessions();
    const big = 'x'.repeat(BLOCK_STREAM_LIMITS.blockChars + 1);
    expect(() => store.splice('1:0', step({ insert: [big] }))).toThrow(/malformed or oversized/);
    const many = Array.from({ length: 3 }, () => 'y'.repeat(BLOCK_STREAM_LIMITS.spliceChars / 2));
    expect(() => store.splice('1:0', step({ insert: many }))).toThrow(/malformed or oversized/);
    expect(() => store.splice('1:0', step({ version: 0 }))).toThrow();
    expect(() => store.splice('1:0', step({ insert: [7 as unknown as string] }))).toThrow();
  });
});
