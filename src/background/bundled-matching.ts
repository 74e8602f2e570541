// The bundled database and its prebuilt index (imported, so they ship inside the extension and are
// never fetched), loaded into a matcher.
import databaseJson from '../../assets/database/raqqa-convoy-2017.json';
import indexJson from '../../assets/generated/claim-index.json';
import { loadDatabase } from '../core/database/load';
import type { SerializedIndex } from '../core/match/index-format';
import { createMatcher } from '../core/match/matcher';
import { buildClaimView } from '../core/claim-view/build-claim-view';
import type { MatchingDeps } from './matching-service';

export function loadBundledMatching(): MatchingDeps {
  const db = loadDatabase(databaseJson);
  const matcher = createMatcher(db.database, indexJson as unknown as SerializedIndex);
  return { db, matcher, present: buildClaimView };
}
