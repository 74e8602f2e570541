// The claim view: how a matched claim is shown to a reader (tooltip) and printed (CLI).
import type { ComparisonStatus } from '../quantities/compare';

/** A span of a quote that states a value; `differs` when other outlets disagree with it. */
export interface ValueSpan {
  start: number;
  end: number;
  /** The value kind ("count", "place", "credit"). */
  kind: string;
  differs: boolean;
}

export interface ReportView {
  outletId: string;
  outlet: string;
  url: string;
  /** YYYY-MM-DD, or null when the article gives no date. */
  published: string | null;
  quote: string;
  attribution: string | null;
  values: ValueSpan[];
}

export interface ClaimView {
  id: string;
  summary: string;
  /**
   * From the outlets' values: differ (some contradict), agree (compared, consistent), or
   * not-compared (the outlets report the fact but give no values to set side by side: not agreement).
   */
  status: ComparisonStatus;
  /** Why, in words a reader follows, each outlet named once per line: "buses: 13 (News Nation) vs 12 (Watchout News): differ". */
  reasons: string[];
  note: string | null;
  score: number;
  /** Every report except the page's own outlet's. */
  reports: ReportView[];
}
