// The words a reader is shown for a claim's comparison: what each kind of value is called, and the
// claim's status as a sentence ("Outlets differ on the figures and whom they credit"), the same in
// the tooltip, the popup and the CLI. Nothing to compare is never called agreement.
import type { ValueKind } from '../quantities/kinds';
import { VALUE_KINDS } from '../quantities/kinds';
import type { ClaimView } from './types';
import { listOf } from '../english/lists';

const words = (slug: string): string => slug.replace(/-/g, ' ');
const capitalised = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);
const possessive = (noun: string): string => (noun.endsWith('s') ? `${noun}’` : `${noun}’s`);

/** "Buses", "Family members", "Distance (convoy)", "Whom they credit", "The coalition’s stance". */
export function kindTitle(kind: ValueKind, of: string | null): string {
  if (kind === 'count') return capitalised(words(of ?? 'count'));
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
