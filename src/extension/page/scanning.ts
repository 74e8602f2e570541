// Keeps the page's text and its matches current. One scan runs at a time:
//  1. bring the blocks up to date (all of them, or only what a batch of mutations touched), in
//     slices, and hand them on at once: the renderer places the highlights again on the new nodes;
//  2. when the text or the address changed since the last match, stream the text to the service
//     worker and hand the new matches on;
//  3. when that answer says sentences await the sentence model ('pending'), ask for the fuller
//     answer without holding up the loop, and hand it on if the page has not moved on meanwhile
//     (it only adds passages: what is drawn stays where it is).
// Changes are batched (debounced) before step 2, but when a change broke a drawn highlight (a
// framework re-rendered the article), step 1 runs at once, in the same task as the change, so the
// highlights are back before the page paints again.
import type { ExtractedBlock } from '../../core/text/extract';
import type { MatchResult } from '../messaging/protocol';
import { debounce } from './observe-changes';
import type { PageText } from './page-text';
import type { Matched } from './passages';
import type { Slicer } from './slices';

/** Quiet time before a batch of changes is matched again, and the longest a batch waits. */
export const RESCAN_DEBOUNCE_MS = 200;
export const RESCAN_MAX_WAIT_MS = 1000;

export interface ScannerDeps {
  view: Window;
  pageText: PageText;
  slicer: Slicer;
  match(url: string, texts: readonly string[]): Promise<MatchResult>;
  /** The fuller answer, by meaning, for the text last matched; null when the worker lost it. */
  matchMeaning?(url: string): Promise<MatchResult | null>;
  /** Whether Parallax runs here (settings); while it does not, nothing is read. */
  active(): boolean;
  alive(): boolean;
  url(): string;
  /** Whether a drawn highlight lost its text, so placing it again cannot wait for the batch. */
  urgent(): boolean;
  onBlocks(blocks: readonly ExtractedBlock[]): void;
  onMatched(matched: Matched | null): void;
  /** Reports a failed scan (the next change starts a new one). */
  onError(error: unknown): void;
}

export interface Scanner {
  /** Reads the whole page again and matches it if it changed (first scan, turned back on, a frame loaded). */
  rescanAll(): Promise<void>;
  /** Matches again if the address changed (a single-page app navigated). */
  recheck(): void;
  /** Matches again even if nothing on the page changed (the reader's claim packs did). */
  rematch(): void;
  changed(records: MutationRecord[]): void;
  stop(): void;
}

function sameTexts(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((text, i) => text === b[i]);
}

export function createScanner(deps: ScannerDeps): Scanner {
  const { pageText, slicer } = deps;
  let pending: MutationRecord[] = [];
  let readAll = false;
  let matchDue = false;
  let matched: Matched | null = null;
  // Bumped by rematch: a match asked for before it no longer stands for the page.
  let packsEpoch = 0;
  let matchedEpoch = 0;
  let running: Promise<void> | null = null;
  let stopped = false;

  const batch = debounce(
    deps.view,
    () => {
      matchDue = true;
      void run();
    },
    RESCAN_DEBOUNCE_MS,
    RESCAN_MAX_WAIT_MS,
  );

  /** Step 3: the answer by meaning replaces `asked` if it is still the latest. */
  const followWithMeaning = (asked: Matched): void => {
    deps
      .matchMeaning?.(asked.url)
      .then((fuller) => {
        if (fuller === null || stopped || !deps.alive() || !deps.active() || matched !== asked) return;
        matched = { result: fuller, texts: asked.texts, url: asked.url };
        deps.onMatched(matched);
      })
      .catch((error: unknown) => {
        // The words' answer stands.
        if (deps.alive()) deps.onError(error);
      });
  };

  const loop = async (): Promise<void> => {
    while (!stopped && deps.alive() && (readAll || pending.length > 0 || matchDue)) {
      if (!deps.active()) {
        // Off here: forget the page; reading it again when turned back on.
        pending = [];
        matchDue = false;
        readAll = false;
        if (matched) {
          matched = null;
          deps.onMatched(null);
        }
        return;
      }
      if (readAll || pending.length > 0) {
        const records = pending;
        const full = readAll || pageText.blocks.length === 0;
        pending = [];
        readAll = false;
        slicer.restart();
        const blocks = full ? await pageText.full(slicer) : await pageText.update(records, slicer);
        deps.onBlocks(blocks);
        continue; // changes that came in meanwhile are read before matching
      }
      matchDue = false;
      const texts = pageText.blocks.map((b) => b.text);
      const url = deps.url();
      const epoch = packsEpoch;
      if (matched && matchedEpoch === epoch && matched.url === url && sameTexts(matched.texts, texts)) continue;
      const result = await deps.match(url, texts);
      if (stopped || !deps.active()) continue;
      matched = { result, texts, url };
      matchedEpoch = epoch;
      deps.onMatched(matched);
      if (result.meaning === 'pending') followWithMeaning(matched);
    }
  };

  const run = (): Promise<void> => {
    if (!running) {
      running = loop()
        .catch((error: unknown) => {
          // Start afresh with the next change rather than retrying what failed.
          readAll = false;
          matchDue = false;
          pending = [];
          if (deps.alive()) deps.onError(error);
        })
        .finally(() => {
          running = null;
        });
    }
    return running;
  };

  return {
    async rescanAll() {
      readAll = true;
      matchDue = true;
      // A scan under way picks this up, or has just finished: run until it is done.
      do await run();
      while (!stopped && deps.alive() && (readAll || matchDue));
    },
    recheck() {
      matchDue = true;
      void run();
    },
    rematch() {
      packsEpoch++;
      matchDue = true;
      void run();
    },
    changed(records) {
      if (!deps.active()) return;
      pending.push(...records);
      if (deps.urgent()) void run();
      batch.schedule();
    },
    stop() {
      stopped = true;
      batch.cancel();
    },
  };
}

/**
 * What else makes the page's text or address change without a mutation Parallax would see: a
 * single-page app's navigation (the Navigation API, where there is one), and a frame that loads
 * after the page. Untrusted (page-dispatched) events are ignored.
 */
export function followPage(
  view: Window,
  signal: AbortSignal,
  scanner: Scanner,
  guard: <A extends unknown[]>(f: (...args: A) => void) => (...args: A) => void,
): void {
  const navigation = (view as { navigation?: EventTarget }).navigation;
  navigation?.addEventListener(
    'currententrychange',
    guard((event: Event) => {
      if (event.isTrusted) scanner.recheck();
    }),
    { signal },
  );
  view.document.addEventListener(
    'load',
    guard((event: Event) => {
      const tag = (event.target as Element | null)?.localName;
      if (event.isTrusted && (tag === 'iframe' || tag === 'frame')) void scanner.rescanAll();
    }),
    { capture: true, signal },
  );
}
