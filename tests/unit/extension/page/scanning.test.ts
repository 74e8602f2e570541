// The scan loop: a change that broke a drawn highlight is read at once (before the page paints
// again); other changes wait for the batch; text that did not change is not matched again.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parseHtml } from '../../../../src/node/parse-html';
import type { MatchResult } from '../../../../src/extension/messaging/protocol';
import { PageText } from '../../../../src/extension/page/page-text';
import { createScanner, RESCAN_DEBOUNCE_MS, type ScannerDeps } from '../../../../src/extension/page/scanning';
import { UNSLICED } from '../../../../src/extension/page/slices';
import { byPath } from './document-order';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

/** Lets pending promise callbacks run, as they do before the browser paints. */
const microtasks = async () => {
  for (let i = 0; i < 20; i++) await Promise.resolve();
};

function setup() {
  const doc = parseHtml(
    '<html><body><article><p id="a">First paragraph.</p><p id="b">Second paragraph.</p></article></body></html>',
  );
  const pageText = new PageText(doc.body, {}, byPath);
  let urgent = false;
  const blocks: string[][] = [];
  const matched: string[][] = [];
  const deps: ScannerDeps = {
    view: { setTimeout, clearTimeout, performance } as unknown as Window,
    pageText,
    slicer: UNSLICED,
    match: vi.fn(
      async (_url: string, _texts: readonly string[]) =>
        ({ page: { outletId: null, onStory: false, matches: [] }, claims: {} }) as MatchResult & {
          texts?: readonly string[];
        },
    ),
    active: () => true,
    alive: () => true,
    url: () => 'https://x.example/',
    urgent: () => urgent,
    onBlocks: (b) => blocks.push(b.map((x) => x.text)),
    onMatched: (m) => matched.push([...(m?.texts ?? [])]),
    onError: (error) => {
      throw error;
    },
  };
  const scanner = createScanner(deps);
  const childList = (target: Node, added: Node[] = []) =>
    ({ type: 'childList', target, addedNodes: added, removedNodes: [] }) as unknown as MutationRecord;
  return { doc, scanner, deps, blocks, matched, childList, setUrgent: (u: boolean) => (urgent = u) };
}

describe('createScanner', () => {
  it('reads and matches the page, and does not match the same text again', async () => {
    const { scanner, deps, matched } = setup();
    await scanner.rescanAll();
    expect(matched).toEqual([['First paragraph.', 'Second paragraph.']]);
    await scanner.rescanAll();
    expect(deps.match).toHaveBeenCalledTimes(1);
  });

  it('reads a change that broke a highlight at once, and matches it with the batch', async () => {
    const { doc, scanner, deps, blocks, childList, setUrgent } = setup();
    await scanner.rescanAll();
    const p = doc.getElementById('b')!;
    p.replaceChildren(doc.createTextNode('Second paragraph, re-rendered.'));
    setUrgent(true);
    scanner.changed([childList(p)]);
    await microtasks();
    expect(blocks.at(-1)).toEqual(['First paragraph.', 'Second paragraph, re-rendered.']);
    expect(deps.match).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(RESCAN_DEBOUNCE_MS + 10);
    expect(deps.match).toHaveBeenCalledTimes(2);
  });

  it('leaves other changes for the batch', async () => {
    const { doc, scanner, blocks, childList } = setup();
    await scanner.rescanAll();
    const reads = blocks.length;
    const p = doc.getElementById('a')!;
    p.textContent = 'First paragraph, edited.';
    scanner.changed([childList(p)]);
    await microtasks();
    expect(blocks.length).toBe(reads);
    await vi.advanceTimersByTimeAsync(RESCAN_DEBOUNCE_MS + 10);
    expect(blocks.at(-1)).toEqual(['First paragraph, edited.', 'Second paragraph.']);
  });
});

describe('the answer by meaning', () => {
  const words = (meaning: MatchResult['meaning']) =>
    ({ page: { outletId: null, onStory: true, matches: [] }, claims: {}, meaning }) as MatchResult;

  function withMeaning(first: MatchResult['meaning']) {
    const base = setup();
    const results: MatchResult[] = [];
    const answers: ((r: MatchResult | null) => void)[] = [];
    base.deps.match = vi.fn(async () => words(first));
    base.deps.matchMeaning = vi.fn(() => new Promise<MatchResult | null>((resolve) => answers.push(resolve)));
    base.deps.onMatched = (m) => {
      if (m) results.push(m.result);
    };
    /** Answers the n-th request for meaning (0: the first). */
    return { ...base, results, answer: (r: MatchResult | null, n = 0) => answers[n]!(r) };
  }

  it('follows a pending answer with the fuller one, without holding up the scan', async () => {
    const { scanner, deps, results, answer } = withMeaning('pending');
    await scanner.rescanAll();
    expect(deps.matchMeaning).toHaveBeenCalledTimes(1);
    expect(results.map((r) => r.meaning)).toEqual(['pending']);
    answer(words('done'));
    await microtasks();
    expect(results.map((r) => r.meaning)).toEqual(['pending', 'done']);
  });

  it('drops the fuller answer when the page moved on while the model ran', async () => {
    const { doc, scanner, results, answer, childList } = withMeaning('pending');
    await scanner.rescanAll();
    const p = doc.getElementById('a')!;
    p.textContent = 'A late edit.';
    scanner.changed([childList(p)]);
    await vi.advanceTimersByTimeAsync(RESCAN_DEBOUNCE_MS + 10);
    expect(results).toHaveLength(2);
    answer(words('done'), 0);
    await microtasks();
    // The late answer by meaning was for the old text: dropped. The new text's is taken.
    expect(results.map((r) => r.meaning)).toEqual(['pending', 'pending']);
    answer(words('done'), 1);
    await microtasks();
    expect(results.map((r) => r.meaning)).toEqual(['pending', 'pending', 'done']);
  });

  it('asks nothing more of a page no model runs for', async () => {
    const { scanner, deps } = withMeaning('none');
    await scanner.rescanAll();
    expect(deps.matchMeaning).not.toHaveBeenCalled();
  });
});

describe('rematch (the reader’s claim packs changed)', () => {
  it('matches the unchanged page again, once', async () => {
    const { scanner, deps, matched } = setup();
    await scanner.rescanAll();
    scanner.rematch();
    await microtasks();
    expect(deps.match).toHaveBeenCalledTimes(2);
    expect(matched).toHaveLength(2);
    await scanner.rescanAll();
    expect(deps.match).toHaveBeenCalledTimes(2);
  });

  it('does not let a match asked for before the change stand for the page', async () => {
    const { scanner, deps, matched } = setup();
    let answer!: () => void;
    (deps.match as ReturnType<typeof vi.fn>).mockImplementationOnce(
      () =>
        new Promise(
          (done) => (answer = () => done({ page: { outletId: null, onStory: false, matches: [] }, claims: {} })),
        ),
    );
    const first = scanner.rescanAll();
    await microtasks();
    scanner.rematch(); // while the first match is still with the worker
    answer();
    await first;
    await microtasks();
    expect(deps.match).toHaveBeenCalledTimes(2);
    expect(matched).toHaveLength(2);
  });
});
