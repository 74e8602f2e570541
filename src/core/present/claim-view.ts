// What the tooltip and the CLI show for a matched claim: the other outlets' versions, verbatim,
// with the spans that state values marked where they disagree. The page's own outlet is left out:
// a reader of an outlet's page never needs that outlet's version shown back to them.
import type { LoadedDatabase } from '../database/load';
import type { ClaimView, ReportView } from './types';

export interface PresentOptions {
  /** The outlet whose page is being read, or null on a page of no known outlet. */
  excludeOutletId: string | null;
  /** The matcher's score for this claim on this page. */
  score: number;
}

export function presentClaim(db: LoadedDatabase, claimId: string, opts: PresentOptions): ClaimView {
  const claim = db.claimById(claimId);
  if (!claim) throw new Error(`no claim "${claimId}" in the database`);
  const reports = claim.reports
    .filter((report) => report.outletRecord.id !== opts.excludeOutletId)
    .map(
      (report): ReportView => ({
        outletId: report.outletRecord.id,
        outlet: report.outletRecord.name,
        url: report.articleRecord.url,
        published: report.articleRecord.published,
        quote: report.quote,
        attribution: report.attribution,
        values: report.values.map((v) => ({ start: v.start, end: v.end, kind: v.quantity.kind, differs: v.differs })),
      }),
    );
  return {
    id: claim.id,
    summary: claim.summary,
    status: claim.status,
    reasons: [...claim.reasons],
    note: claim.note ?? null,
    score: opts.score,
    reports,
  };
}
