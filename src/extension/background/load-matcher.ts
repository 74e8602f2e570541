// The packs the reader has on, loaded into a matcher: the bundled claim packs and their prebuilt
// index (imported, so they ship inside the extension and are never fetched), with the reader's
// installed packs where there are any (then indexed here).
import indexJson from '../../../assets/generated/claim-index.json';
import { combinePacks } from '../../core/database/combine';
import { compile } from '../../core/database/load';
import { EMPTY_PACK_STORE, mergePacks, type PackStore } from '../../core/database/pack-store';
import type { SerializedIndex } from '../../core/match/index-format';
import { createMatcher } from '../../core/match/matcher';
import { buildClaimView } from '../../core/claim-view/build-claim-view';
import { bundledPacks } from '../packs/bundled-packs';
import { indexFor, type IndexCache } from './index-cache';
import type { MatchingDeps } from './matching-service';

/**
 * The packs the reader has on (the bundled ones and the installed ones in `store`, from the
 * browser's local storage), loaded into a matcher. The prebuilt index covers exactly the bundled
 * packs; any other set is indexed here, which takes milliseconds for a few packs and about 0.2 s
 * for 50 (npm run bench: build ms), or taken from `cache` (kept from the worker's previous life:
 * index-cache.ts). A stored pack that no longer passes the checks is left out.
 */
export function loadMatcher(store: PackStore = EMPTY_PACK_STORE, cache?: IndexCache): MatchingDeps {
  // A stored pack that fails the checks is left out without a word here: the options page lists
  // it as damaged, with its problems, for the reader to remove.
  const { packs } = mergePacks(bundledPacks(), store);
  const db = compile(combinePacks(packs));
  const onlyBundled = packs.length === bundledPacks().length && packs.every((p) => p.origin === 'bundled');
  const index = onlyBundled ? (indexJson as unknown as SerializedIndex) : indexFor(db.combined, cache);
  return { db, matcher: createMatcher(db.combined, index), present: buildClaimView };
}
