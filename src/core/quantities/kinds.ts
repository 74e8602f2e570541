// What a value measures, in one table: the pack schema takes its kinds from here, comparison sets
// values of the same kind (and of the same thing) side by side, and reasons print its label.
// Adding a kind is one entry here and its reader in read-value.ts.
//
// A value is what an outlet's words assert about a fact: a figure read from its words (a count of
// something, a distance, a duration, an age, a date, a time of day, a sum of money), or, for facts
// stated in words, a normalised wording the curator confirms (a place or direction, a name or
// title, whom the outlet credits, a party's stance, the words a party is quoted as saying). No kind
// belongs to one story.

/** How values of a kind are compared: as ranges of numbers in one base unit, or as wordings. */
export type ValueMeasure = 'count' | 'distance' | 'duration' | 'age' | 'date' | 'time' | 'money' | 'words';

interface ValueKindInfo {
  /** How a reason names the kind ("distance: 6–7 km (News Nation) vs ..."). */
  label: string;
  measure: ValueMeasure;
}

/** The kinds; `count` and `stance` must say what they are of (the schema requires `of` for them). */
export const VALUE_KINDS = {
  /** How many of something: `of` names what is counted ("fighters", "buses", "passengers"). */
  count: { label: 'count', measure: 'count' },
  /** A length or distance (km, miles, nautical miles, metres). */
  distance: { label: 'distance', measure: 'distance' },
  /** How long something lasted (minutes to years). */
  duration: { label: 'duration', measure: 'duration' },
  /** How old someone or something is ("63-year-old", "in his 60s", "built in 1998"). */
  age: { label: 'age', measure: 'age' },
  /** A calendar day, or a year ("October 12", "Friday", "in 2023"). */
  date: { label: 'date', measure: 'date' },
  /** A time of day ("19:41", "6.30pm", "just after 8pm"). */
  'time-of-day': { label: 'time of day', measure: 'time' },
  /** A sum of money, in one currency ("€250", "250 euros", "$1.2 million"). */
  money: { label: 'sum of money', measure: 'money' },
  /** A place, direction or destination ("Skelby", "north, towards Turkey"). */
  place: { label: 'place', measure: 'words' },
  /** A name or title ("Deputy Chief Fire Officer"). */
  name: { label: 'name', measure: 'words' },
  /** Whom the outlet credits for the fact ("the SDF", "the coalition"). */
  credit: { label: 'credited to', measure: 'words' },
  /** What a party says about the fact: `of` names the party ("admitted the deal", "had not commented"). */
  stance: { label: 'stance', measure: 'words' },
  /**
   * The words an outlet quotes a party as saying, as quoted ("All 12 ‘Wild Boars’ and coach have
   * been extracted from the cave"): outlets that quote one statement in different words differ.
   */
  quotation: { label: 'words quoted', measure: 'words' },
} as const satisfies Record<string, ValueKindInfo>;

export type ValueKind = keyof typeof VALUE_KINDS;

/** How a reason names values of a kind and what they are of: "buses", "distance (convoy)", "stance (coalition)". */
export function valueLabel(kind: ValueKind, of: string | null): string {
  const what = of === null ? null : of.replace(/-/g, ' ');
  if (kind === 'count') return what ?? 'count';
  const label = VALUE_KINDS[kind].label;
  return what === null ? label : `${label} (${what})`;
}

export function measureOfKind(kind: ValueKind): ValueMeasure {
  return VALUE_KINDS[kind].measure;
}
