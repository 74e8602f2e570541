// The claim view: how a matched claim is shown to a reader (tooltip) and printed (CLI).

/** A span of a quote that states a value; `differs` when other outlets disagree with it. */
export interface ValueSpan {
  start: number;
  end: number;
  kind: string;
  differs: boolean;
}

export interface ReportView {
  outletId: string;
  outlet: string;
  url: string;
  /** YYYY-MM-DD */
  published: string;
  quote: string;
  attribution: string | null;
  values: ValueSpan[];
}

export interface ClaimView {
  id: string;
  summary: string;
  status: 'agree' | 'differ';
  /** Why: computed from the values ("convoy length: 6–7 km vs 4 mi (6.4 km) agree"). */
  reasons: string[];
  note: string | null;
  score: number;
  /** Every report except the page's own outlet's. */
  reports: ReportView[];
}
