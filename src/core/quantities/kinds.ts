// What a quantity counts or measures, in one table: the database schema takes its names from
// here, comparison sets values of the same kind side by side, and reasons print its label.
// Adding a kind is one entry here (and one in KIND_TOTALS if outlets state it as a sum of others).
// The kinds are this story's (fighters, convoy length); when the database becomes packs, generic
// kinds (a count of people, of vehicles, a distance, a date) will replace them.
import type { Dimension } from './types';

interface KindInfo {
  /** How a reason names the kind ("family members: 3,500 (News Nation) vs ..."). */
  label: string;
  /** What its values measure; only values of one dimension compare. */
  dimension: Dimension;
}

export const QUANTITY_KINDS = {
  /** Armed militants. */
  fighters: { label: 'fighters', dimension: 'count' },
  /** Fighters' relatives: women and children. */
  'family-members': { label: 'family members', dimension: 'count' },
  /** Everyone who left, fighters and families together. */
  people: { label: 'people in all', dimension: 'count' },
  'foreign-fighters': { label: 'foreign fighters', dimension: 'count' },
  trucks: { label: 'trucks', dimension: 'count' },
  buses: { label: 'buses', dimension: 'count' },
  /** The fighters' own vehicles, counted apart from the trucks and buses. */
  vehicles: { label: "fighters' own vehicles", dimension: 'count' },
  /** Every vehicle in the convoy, where the outlet gives one total. */
  'all-vehicles': { label: 'vehicles in all', dimension: 'count' },
  /** Trucks loaded with weapons and ammunition. */
  'weapons-trucks': { label: 'trucks of weapons', dimension: 'count' },
  'convoy-length': { label: 'convoy length', dimension: 'distance' },
  /** How long something lasted (the battle, the drive). */
  duration: { label: 'duration', dimension: 'duration' },
  date: { label: 'date', dimension: 'date' },
} as const satisfies Record<string, KindInfo>;

export type QuantityKind = keyof typeof QUANTITY_KINDS;

export const QUANTITY_KIND_NAMES = Object.keys(QUANTITY_KINDS) as [QuantityKind, ...QuantityKind[]];

/**
 * Totals an outlet implies without stating: "250 fighters and 3,500 family members" is 3,750
 * people in all, to be set beside "almost 4,000 militants and their families". Derived only when a
 * report gives every part, so a partial count is never mistaken for a total.
 */
export const KIND_TOTALS: ReadonlyArray<{ total: QuantityKind; parts: readonly QuantityKind[] }> = [
  { total: 'people', parts: ['fighters', 'family-members'] },
  { total: 'all-vehicles', parts: ['trucks', 'buses', 'vehicles'] },
];

export function kindLabel(kind: QuantityKind): string {
  return QUANTITY_KINDS[kind].label;
}

export function dimensionOfKind(kind: QuantityKind): Dimension {
  return QUANTITY_KINDS[kind].dimension;
}

// ---------------------------------------------------------------------------------------------
// Generic value kinds, for claim packs (any story). A value is what an outlet's words assert about
// a fact: a figure read from its words (a count of something, a distance, a duration, an age, a
// date, a time of day, a sum of money), or, for facts stated in words, a normalised wording the
// curator confirms (a place or direction, a name or title, whom the outlet credits, a party's
// stance). Values of one kind (and of the same thing, `of`) are set side by side to compute
// whether the outlets agree or differ.

/** How values of a kind are compared: as ranges of numbers in one base unit, or as wordings. */
export type ValueMeasure = 'count' | 'distance' | 'duration' | 'age' | 'date' | 'time' | 'money' | 'words';

interface ValueKindInfo {
  /** How a reason names the kind ("distance: 6–7 km (News Nation) vs ..."). */
  label: string;
  measure: ValueMeasure;
  /** Whether the value must say what it is of ("count" of fighters, "stance" of the coalition). */
  needsOf: boolean;
}

export const VALUE_KINDS = {
  /** How many of something: `of` names what is counted ("fighters", "buses", "passengers"). */
  count: { label: 'count', measure: 'count', needsOf: true },
  /** A length or distance (km, miles, nautical miles, metres). */
  distance: { label: 'distance', measure: 'distance', needsOf: false },
  /** How long something lasted (minutes to years). */
  duration: { label: 'duration', measure: 'duration', needsOf: false },
  /** How old someone or something is ("63-year-old", "in his 60s", "built in 1998"). */
  age: { label: 'age', measure: 'age', needsOf: false },
  /** A calendar day, or a year ("October 12", "Friday", "in 2023"). */
  date: { label: 'date', measure: 'date', needsOf: false },
  /** A time of day ("19:41", "6.30pm", "just after 8pm"). */
  'time-of-day': { label: 'time of day', measure: 'time', needsOf: false },
  /** A sum of money, in one currency ("€250", "250 euros", "$1.2 million"). */
  money: { label: 'sum of money', measure: 'money', needsOf: false },
  /** A place, direction or destination ("Skelby", "north, towards Turkey"). */
  place: { label: 'place', measure: 'words', needsOf: false },
  /** A name or title ("Deputy Chief Fire Officer"). */
  name: { label: 'name', measure: 'words', needsOf: false },
  /** Whom the outlet credits for the fact ("the SDF", "the coalition"). */
  credit: { label: 'credited to', measure: 'words', needsOf: false },
  /** What a party says about the fact: `of` names the party ("admitted the deal", "had not commented"). */
  stance: { label: 'stance', measure: 'words', needsOf: true },
} as const satisfies Record<string, ValueKindInfo>;

export type ValueKind = keyof typeof VALUE_KINDS;

export const VALUE_KIND_NAMES = Object.keys(VALUE_KINDS) as [ValueKind, ...ValueKind[]];

/** The kinds whose value is a curator's normalised wording rather than a figure read from the words. */
export const WORD_VALUE_KINDS = VALUE_KIND_NAMES.filter((kind) => VALUE_KINDS[kind].measure === 'words');
export const FIGURE_VALUE_KINDS = VALUE_KIND_NAMES.filter((kind) => VALUE_KINDS[kind].measure !== 'words');
