// The words a reader is shown for a claim's comparison: what each kind of value is called, and the
// claim's status as a sentence ("Outlets differ on the figures and whom they credit"), the same in
// the tooltip, the popup and the CLI. Nothing to compare is never called agreement.
import type { ComparedEntry } from '../quantities/compare';
import { formatFigure, formatInterval, formatNumber } from '../quantities/format';
import type { ValueKind } from '../quantities/kinds';
import { VALUE_KINDS } from '../quantities/kinds';
import type { ClaimView, ReportView } from './types';
import { listOf, plural, quoted } from '../english/lists';

const words = (slug: string): string => slug.replace(/-/g, ' ');
const capitalised = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);
const possessive = (noun: string): string => (noun.endsWith('s') ? `${noun}’` : `${noun}’s`);

/**
 * What a count counts, as a chart's title: plural, as a person writes it ("boy" from a drafted
 * pack is "Boys"; "trucks-of-weapons" is "Trucks of weapons").
 */
function countedThings(of: string): string {
  const [head = '', ...rest] = words(of).split(' of ');
  const headWords = head.split(' ');
  headWords.push(plural(headWords.pop() ?? ''));
  return [headWords.join(' '), ...rest].join(' of ');
}

/** "Buses", "Boys", "Family members", "Distance (convoy)", "Whom they credit", "The coalition’s stance". */
export function kindTitle(kind: ValueKind, of: string | null): string {
  if (kind === 'count') return capitalised(of === null ? 'count' : countedThings(of));
  if (kind === 'credit') return 'Whom they credit';
  if (kind === 'stance') return of === null ? 'Stance' : `The ${possessive(words(of))} stance`;
  if (kind === 'quotation') return of === null ? 'The words quoted' : `What ${words(of)} said, as quoted`;
  const label = capitalised(VALUE_KINDS[kind].label);
  return of === null ? label : `${label} (${words(of)})`;
}

/** What the outlets differ on, as a reader says it. */
function topicOf(kind: ValueKind, of: string | null): string {
  switch (kind) {
    case 'date':
      return 'the date';
    case 'time-of-day':
      return 'the time';
    case 'place':
      return 'the place';
    case 'name':
      return 'the name';
    case 'credit':
      return 'whom they credit';
    case 'stance':
      return of === null ? 'the stance' : `the ${possessive(words(of))} stance`;
    case 'quotation':
      return 'the words quoted';
    default:
      return 'the figures';
  }
}

export const STATUS_WORDS = {
  agree: 'Outlets agree',
  differ: 'Outlets differ',
  'not-compared': 'Same fact, nothing to compare',
} as const satisfies Record<ClaimView['status'], string>;

/** What the outlets differ on, each topic once: ["the figures", "whom they credit"]; empty unless they differ. */
export function differingTopics(view: Pick<ClaimView, 'status' | 'compared'>): string[] {
  if (view.status !== 'differ') return [];
  return [...new Set(view.compared.filter((k) => k.status === 'differ').map((k) => topicOf(k.kind, k.of)))];
}

/**
 * The claim's status in words: "Outlets differ on the figures", "Outlets differ on whom they credit",
 * "Outlets agree", or "Same fact, nothing to compare" (they report it, and give no value to set
 * side by side).
 */
export function statusHeadline(view: Pick<ClaimView, 'status' | 'compared'>): string {
  return statusWords(view.status, differingTopics(view));
}

/** statusHeadline from a status and its differing topics, as a message to the popup carries them. */
export function statusWords(status: ClaimView['status'], differsOn: readonly string[]): string {
  if (status !== 'differ' || differsOn.length === 0) return STATUS_WORDS[status];
  return `${STATUS_WORDS.differ} on ${listOf(differsOn)}`;
}

/**
 * What Parallax read from an outlet's words, as its own reading, for small type beside them: the
 * sum of a total's parts, the range a vague amount stands for, the figure in words read as a
 * number, a distance converted, a day named by its weekday; null when the words say it themselves.
 */
export function computedNote(entry: Pick<ComparedEntry, 'figures' | 'display'>): string | null {
  const { figures } = entry;
  if (figures.length > 1) return `sum of its figures: ${entry.display}`;
  const figure = figures[0];
  if (figure === undefined) return null;
  const { stated } = figure;
  if (figure.measure === 'date') return /\d/.test(figure.said) ? null : `read as ${figure.display}`;
  if (figure.vague) return `range read from ${quoted(figure.figureWords)}: ${formatInterval(stated.low, stated.high)}`;
  // "a dozen", "half a dozen", "a hundred": a number a reader may take loosely, read as one figure.
  if (/\bdozen\b|^(?:a|an|half)\b/.test(figure.figureWords) && figure.measure !== 'duration')
    return `read as ${formatNumber(stated.low)}`;
  if (figure.unit === 'mi' || figure.unit === 'nmi' || figure.unit === 'm') {
    const km = formatFigure({
      hedgeWords: null,
      figureWords: '',
      vague: false,
      low: figure.range.low,
      high: figure.range.high,
      unit: 'km',
    });
    return `read as ${km}`;
  }
  if (figure.kind === 'age' && /\d{4}/.test(figure.said))
    return `read as ${formatInterval(figure.range.low, figure.range.high)} years old`;
  return null;
}

/** A summary a draft left to be written: a placeholder ("[how many]") or its "Draft:" mark. */
const PLACEHOLDER = /\[[^\]]*\]|^\s*draft\s*:/i;

const wordSet = (text: string): Set<string> => new Set(text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);

/**
 * The summary a reader is shown. A draft's summary still holding its placeholders ("They had been
 * stranded in the cave for [how long].") is never shown: the outlet quote closest to it in words
 * stands in, quoted and credited to its outlet, until a person writes the summary.
 */
export function readerSummary(summary: string, reports: readonly Pick<ReportView, 'quote' | 'outlet'>[]): string {
  if (!PLACEHOLDER.test(summary)) return summary;
  const wanted = wordSet(summary.replace(/\[[^\]]*\]/g, ' ').replace(/^\s*draft\s*:/i, ''));
  const closeness = (quote: string) => {
    const have = wordSet(quote);
    const shared = [...have].filter((w) => wanted.has(w)).length;
    return shared / (have.size + wanted.size - shared || 1);
  };
  const best = [...reports].sort(
    (a, b) => closeness(b.quote) - closeness(a.quote) || a.quote.length - b.quote.length,
  )[0];
  if (best === undefined)
    return summary
      .replace(/^\s*draft\s*:\s*/i, '')
      .replace(/\s*\[[^\]]*\]/g, ' …')
      .trim();
  return `${quoted(best.quote.trim())} (${best.outlet})`;
}
