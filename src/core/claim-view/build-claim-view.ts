// The claim view: what the tooltip and the CLI show for a matched claim, the other outlets'
// versions, verbatim, with the spans that state values marked where they disagree. The page's own
// outlet is left out: a reader of an outlet's page never needs that outlet's version shown back.
import type { LoadedClaim, LoadedDatabase } from '../database/load';
import { describeComparison } from '../quantities/compare';
import type { ClaimView, ReportView } from './types';

export interface ClaimViewOptions {
  /** The outlet whose page is being read, or null on a page of no known outlet. */
  excludeOutletId: string | null;
  /** The matcher's score for this claim on this page. */
  score: number;
}

export function buildClaimView(db: LoadedDatabase, claimId: string, opts: ClaimViewOptions): ClaimView {
  const claim = db.claimById(claimId);
  if (!claim) throw new Error(`no claim "${claimId}" in the claim packs`);
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
        values: report.values.map((v) => ({ start: v.start, end: v.end, kind: v.spec.kind, differs: v.differs })),
      }),
    );
  return {
    id: claim.id,
    summary: claim.summary,
    status: claim.status,
    reasons: reasonsFor(claim, opts.excludeOutletId),
    note: claim.note ?? null,
    score: opts.score,
    reports,
  };
}

/**
 * The reader knows which page they are on: where the page's own outlet is one side of a
 * comparison, call it "this page" rather than naming it back to them.
 */
function reasonsFor(claim: LoadedClaim, pageOutletId: string | null): string[] {
  if (!claim.reports.some((r) => r.outletRecord.id === pageOutletId)) return [...claim.reasons];
  const labels = claim.reports.map((r) => (r.outletRecord.id === pageOutletId ? 'this page' : r.outletRecord.name));
  return describeComparison(claim.comparison, labels);
}
