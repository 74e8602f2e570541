// Handing the page's text to the service worker: every message within the bounds, only what
// changed after the first, and the whole list again when the worker lost it.
import { describe, expect, it } from 'vitest';
import type { BlockScores } from '../../../../src/core/match/matcher';
import { PageSessions } from '../../../../src/extension/background/page-sessions';
import type { BlockSplice, MatchResult } from '../../../../src/extension/messaging/protocol';
import { BlockStream, boundTexts, chunk, diffLists } from '../../../../src/extension/page/block-stream';

const LIMITS = { spliceChars: 10, spliceBlocks: 3, blockChars: 6, pageChars: 30 };

describe('the stream’s pieces', () => {
  it('diffLists keeps the common head and tail', () => {
    expect(diffLists(['a', 'b', 'c', 'd'], ['a', 'x', 'y', 'd'])).toEqual({
      start: 1,
      deleteCount: 2,
      insert: ['x', 'y'],
    });
    expect(diffLists(['a', 'b'], ['a', 'b', 'c'])).toEqual({ start: 2, deleteCount: 0, insert: ['c'] });
    expect(diffLists(['a', 'a'], ['a'])).toEqual({ start: 1, deleteCount: 1, insert: [] });
    expect(diffLists([], [])).toEqual({ start: 0, deleteCount: 0, insert: [] });
  });

  it('chunk keeps every message within its characters and blocks', () => {
    const chunks = chunk(['aaaa', 'bbbb', 'cc', 'd', 'e', 'f', 'gggggg'], LIMITS);
    expect(chunks).toEqual([['aaaa', 'bbbb', 'cc'], ['d', 'e', 'f'], ['gggggg']]);
    for (const c of chunks) {
      expect(c.join('').length).toBeLessThanOrEqual(LIMITS.spliceChars);
      expect(c.length).toBeLessThanOrEqual(LIMITS.spliceBlocks);
    }
  });

  it('boundTexts cuts long blocks at their start and the page at its limit', () => {
    expect(boundTexts(['123456789', 'abc', 'x'.repeat(6), 'y'.repeat(6), 'z'.repeat(6), 'w'], LIMITS)).toEqual([
      '123456',
      'abc',
      'xxxxxx',
      'yyyyyy',
      'zzzzzz',
      'w',
    ]);
    expect(
      boundTexts(
        Array.from({ length: 10 }, () => 'abcdef'),
        LIMITS,
      ),
    ).toHaveLength(5);
  });
});

function worker() {
  let sessions = new PageSessions((text) => ({ text, passages: [], storyNames: [] }) as BlockScores);
  const sent: BlockSplice[] = [];
  const frame = '7:0';
  const stream = new BlockStream(
    {
      splice: async (step) => {
        sent.push(step);
        return sessions.splice(frame, step);
      },
      match: async ({ session, version }) => {
        const blocks = sessions.blocks(frame, session, version);
        if (!blocks) return { resync: true };
        // What the worker matched on, returned in place of a real result.
        return {
          page: { outletId: null, onStory: false, matches: [] },
          claims: {},
          texts: blocks.map((b) => b.text),
        } as unknown as MatchResult;
      },
      matchMeaning: async ({ session, version }) => {
        const blocks = sessions.blocks(frame, session, version);
        if (!blocks) return { resync: true };
        return {
          page: { outletId: null, onStory: false, matches: [] },
          claims: {},
          meaning: 'done',
          texts: blocks.map((b) => b.text),
        } as unknown as MatchResult;
      },
    },
    LIMITS,
  );
  return {
    stream,
    sent,
    restart: () => (sessions = new PageSessions((text) => ({ text, passages: [], storyNames: [] }) as BlockScores)),
  };
}

const seen = (result: MatchResult) => (result as unknown as { texts: string[] }).texts;

describe('BlockStream', () => {
  it('asks for the answer by meaning on the text last matched, and gets nothing once the worker lost it', async () => {
    const { stream, restart } = worker();
    expect(await stream.matchMeaning('https://x.example/')).toBeNull();
    await stream.match('https://x.example/', ['one', 'two']);
    const fuller = await stream.matchMeaning('https://x.example/');
    expect(fuller?.meaning).toBe('done');
    expect(seen(fuller!)).toEqual(['one', 'two']);
    restart();
    expect(await stream.matchMeaning('https://x.example/')).toBeNull();
  });

  it('sends the page in bounded steps, then only what changed', async () => {
    const { stream, sent } = worker();
    const page = ['one', 'two', 'three', 'four', 'five', 'six'];
    expect(seen(await stream.match('https://x.example/', page))).toEqual(page);
    expect(sent.length).toBeGreaterThan(1);
    for (const step of sent) expect(step.insert.join('').length).toBeLessThanOrEqual(LIMITS.spliceChars);
    sent.length = 0;
    const changed = ['one', 'two', 'THREE', 'four', 'five', 'six'];
    expect(seen(await stream.match('https://x.example/', changed))).toEqual(changed);
    expect(sent.map((s) => [s.start, s.deleteCount, s.insert])).toEqual([[2, 1, ['THREE']]]);
  });

  it('sends the whole page again when the worker lost it (restarted)', async () => {
    const { stream, sent, restart } = worker();
    await stream.match('https://x.example/', ['one', 'two']);
    restart();
    sent.length = 0;
    expect(seen(await stream.match('https://x.example/', ['one', 'two', 'three']))).toEqual(['one', 'two', 'three']);
    expect(sent[0]!.base).toBe(1); // tried the change first
    const again = sent.findIndex((s) => s.base === 0); // then the whole list, from the start
    expect(again).toBeGreaterThan(0);
    expect(sent.slice(again).flatMap((s) => s.insert)).toEqual(['one', 'two', 'three']);
  });
});
