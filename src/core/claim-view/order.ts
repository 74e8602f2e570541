// The order of the facts one passage states, as the tooltip, the popup and the CLI list them: the
// fact the passage states best first; among facts it states about equally well, those the outlets
// differ on before those they agree on, and those before facts with nothing to compare. A reader
// opening "about 250 terrorists ... along with 3,500 family members and ... a Western official was
// present" meets the count of people first, not the official.
import type { ClaimView } from './types';

/** One of a passage's facts: its view, how closely the passage states it, and whether the sentence encoder alone found it. */
export interface PassageFact {
  view: ClaimView;
  /** The matcher's score for the fact in this passage. */
  score: number;
  byMeaning: boolean;
}

/**
 * Scores this close to a better one count as stating the fact as well (the matcher's lexical
 * scores run from its threshold, 0.45, to 1; a tenth of that is well within what rewording moves).
 */
export const EQUALLY_WELL = 0.1;

const STATUS_RANK: Readonly<Record<ClaimView['status'], number>> = { differ: 0, agree: 1, 'not-compared': 2 };

/**
 * How well the passage states each fact: how many of its kinds of value the passage itself gives
 * (its "This page" rows), then whether its words found it (the encoder's scores are on another
 * scale, and come after), then its score. Facts as well stated, in runs of scores within
 * EQUALLY_WELL of the run's best, go differ, agree, nothing to compare.
 */
export function orderFacts<F extends PassageFact>(facts: readonly F[]): F[] {
  const best = [...facts].sort(
    (a, b) => b.view.pageKinds - a.view.pageKinds || Number(a.byMeaning) - Number(b.byMeaning) || b.score - a.score,
  );
  const ordered: F[] = [];
  let at = 0;
  while (at < best.length) {
    const top = best[at]!;
    let end = at + 1;
    while (
      end < best.length &&
      best[end]!.view.pageKinds === top.view.pageKinds &&
      best[end]!.byMeaning === top.byMeaning &&
      top.score - best[end]!.score <= EQUALLY_WELL + 1e-9
    ) {
      end += 1;
    }
    const run = best.slice(at, end);
    ordered.push(
      ...run
        .map((fact, i) => ({ fact, i }))
        .sort((a, b) => STATUS_RANK[a.fact.view.status] - STATUS_RANK[b.fact.view.status] || a.i - b.i)
        .map(({ fact }) => fact),
    );
    at = end;
  }
  return ordered;
}
