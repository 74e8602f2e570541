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
