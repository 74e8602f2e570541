// The packs the reader has on, loaded into a matcher: the bundled claim packs and their prebuilt
// index (imported, so they ship inside the extension and are never fetched), with the reader's
// installed packs where there are any (then indexed here).
import indexJson from '../../../assets/generated/claim-index.json';
import { combinePacks } from '../../core/database/combine';
import { compile } from '../../core/database/load';
import { EMPTY_PACK_STORE, mergePacks, type PackStore, type SlowPack } from '../../core/database/pack-store';
import { PackBudget, PackTooSlow } from '../../core/database/pack-budget';
import type { SerializedIndex } from '../../core/match/index-format';
import { createMatcher } from '../../core/match/matcher';
import { buildClaimView } from '../../core/claim-view/build-claim-view';
import { bundledPacks } from '../packs/bundled-packs';
import { indexFor, type IndexCache } from './index-cache';
import type { MatchingDeps } from './matching-service';

/**
 * How long one added pack may take to be checked, compiled and indexed (pack-budget.ts): a pack
 * of the ferry story's size takes about 0.1 s, the costliest the bounds allow several seconds
 * (npm run bench:packs); a slow machine gets a real pack well inside it.
 */
export const PACK_PREPARE_BUDGET_MS = 3000;

/** The worker's memory of packs that took too long, and where it reports a new one. */
export interface SlowPackWatch {
  /** Packs found too slow before in this browser session: left out at once. */
  slow: readonly SlowPack[];
  /** Told of a pack found too slow now. */
  onSlow(pack: SlowPack): void;
  budgetMs?: number;
  now?: () => number;
}

/**
 * The packs the reader has on (the bundled ones and the installed ones in `store`, from the
 * browser's local storage), loaded into a matcher. The prebuilt index covers exactly the bundled
 * packs; any other set is indexed here, which takes milliseconds for a few packs and about 0.2 s
 * for 50 (npm run bench: build ms), or taken from `cache` (kept from the worker's previous life:
 * index-cache.ts). A stored pack that no longer passes the checks is left out, and so is one that
 * takes longer than its budget to prepare: the work so far is dropped and the set loaded again
 * without it, and `watch` is told, so that it is left out at once next time.
 */
export function loadMatcher(
  store: PackStore = EMPTY_PACK_STORE,
  cache?: IndexCache,
  watch?: SlowPackWatch,
): MatchingDeps {
  const bundled = bundledPacks();
  const isBundled = (pack: string) => bundled.some((p) => p.id === pack);
  const slow = [...(watch?.slow ?? [])];
  for (;;) {
    const budget = new PackBudget(
      watch?.budgetMs ?? PACK_PREPARE_BUDGET_MS,
      watch?.now ?? (() => performance.now()),
      isBundled,
    );
    try {
      // A stored pack that fails the checks is left out without a word here: the options page
      // lists it as damaged, with its problems, for the reader to remove.
      const { packs } = mergePacks(bundled, store, { slow, budget });
      const db = compile(combinePacks(packs), budget);
      const onlyBundled = packs.length === bundled.length && packs.every((p) => p.origin === 'bundled');
      const index = onlyBundled ? (indexJson as unknown as SerializedIndex) : indexFor(db.combined, cache, budget);
      return { db, matcher: createMatcher(db.combined, index), present: buildClaimView };
    } catch (error) {
      if (!(error instanceof PackTooSlow)) throw error;
      const stored = store.installed.find((p) => p.pack.id === error.pack)?.pack as { version?: unknown } | undefined;
      const found: SlowPack = {
        id: error.pack,
        version: String(stored?.version),
        seconds: Math.round(error.elapsedMs / 100) / 10,
      };
      slow.push(found);
      console.warn(
        `[Parallax] Left out the story pack "${found.id}" ${found.version}: it took more than ${found.seconds} s to prepare.`,
      );
      watch?.onSlow(found);
    }
  }
}
