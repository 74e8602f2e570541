// The bundled claim packs and their prebuilt index (imported, so they ship inside the extension and
// are never fetched), loaded into a matcher, with the reader's installed packs where there are any.
import raqqaConvoy2017 from '../../assets/packs/raqqa-convoy-2017.json';
import indexJson from '../../assets/generated/claim-index.json';
import { loadDatabase } from '../core/database/load';
import { buildIndex } from '../core/match/index-builder';
import type { SerializedIndex } from '../core/match/index-format';
import { createMatcher } from '../core/match/matcher';
import { buildClaimView } from '../core/claim-view/build-claim-view';
import type { MatchingDeps } from './matching-service';

/** The packs in assets/packs/, in file-name order: the order npm run build:index indexes them in. */
export const BUNDLED_PACKS: readonly unknown[] = [raqqaConvoy2017];

/**
 * The bundled packs and the given installed ones (validated again: pass what pack-store's
 * `usablePacks` keeps). The prebuilt index covers the bundled packs alone; with installed packs the
 * index is built here, which takes milliseconds for a few packs (npm run bench: index build).
 */
export function loadBundledMatching(installed: readonly unknown[] = []): MatchingDeps {
  const db = loadDatabase(BUNDLED_PACKS, installed);
  const index = installed.length === 0 ? (indexJson as unknown as SerializedIndex) : buildIndex(db.database);
  return { db, matcher: createMatcher(db.database, index), present: buildClaimView };
}
