// The claim view: how a matched claim is shown to a reader (tooltip) and printed (CLI). It crosses
// from the service worker to the page as a message, so it holds plain data only (no Infinity: an
// open end of a range is null).
import type { ComparisonStatus } from '../quantities/compare';
import type { ValueKind, ValueMeasure } from '../quantities/kinds';

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

/** One value an outlet (or this page) states of a kind. */
export interface StatedValue {
  /**
   * The outlet's own words, nothing added: a figure's ("almost 4,000", "a dozen", "Thousands",
   * "4000"), a total's parts ("250 fighters, 3,500 family members"); a wording as the curator
   * gives it ("the SDF").
   */
  text: string;
  /**
   * What Parallax read from the words, said as its own and shown in small type, never as the
   * outlet's: "sum of its figures: 3,750", "range read from ‘thousands’: 2,000–9,999", "read as
   * 12"; null when the words say it themselves.
   */
  computed: string | null;
  /** A figure's range in the measure's base unit; null ends are open ("more than 100": high null). Null both for a wording. */
  low: number | null;
  high: number | null;
  /** Whether another outlet's value of the kind disagrees with it. */
  differs: boolean;
}

/** One outlet's values of a kind, the outlet named once; or this page's own. */
export interface StatedRow {
  /** The outlet's name, or "This page". */
  label: string;
  /** The page's own values (its outlet's reports, or read from the highlighted passage): drawn apart, never named. */
  isPage: boolean;
  values: StatedValue[];
}

/** One kind of value the outlets state of a fact, set side by side. */
export interface ComparedKind {
  /** figures are drawn on one axis; wordings listed side by side. */
  type: 'figures' | 'wordings';
  kind: ValueKind;
  of: string | null;
  measure: ValueMeasure;
  /** The currency of sums of money, else null. */
  currency: string | null;
  /** How a reader calls it: "Buses", "People", "Distance (convoy)", "Whom they credit", "The coalition's stance". */
  title: string;
  status: 'agree' | 'differ';
  /** The page's own row first (when it states one), then one per outlet in the order of the claim's reports. */
  rows: StatedRow[];
}

export interface ClaimView {
  id: string;
  /** The pack's summary; for a draft's placeholder ("[how many]", "Draft: …") an outlet's quote, quoted and named, instead. */
  summary: string;
  /** From a draft pack no person has reviewed (`draft: true`). */
  draft: boolean;
  /**
   * How many kinds of value this page states in the comparison (its "This page" rows): how fully
   * the passage states the fact, what puts it first among the passage's facts.
   */
  pageKinds: number;
  /**
   * From the outlets' values: differ (some contradict), agree (compared, consistent), or
   * not-compared (the outlets report the fact but give no values to set side by side: not agreement).
   */
  status: ComparisonStatus;
  /** Why, each outlet named once per line: "buses: News Nation says 13; Watchout News says a dozen (12): differ". */
  reasons: string[];
  /** Each kind of value compared, those the outlets differ on first. Empty when nothing was compared. */
  compared: ComparedKind[];
  note: string | null;
  score: number;
  /** Every report except the page's own outlet's. */
  reports: ReportView[];
}
