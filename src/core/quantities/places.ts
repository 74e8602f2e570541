// Where an outlet says people or things went: the named place a movement ends at ("landed at
// Skelby", "towed back to Port Carrow", "headed to Turkey", "bound for Idlib"). Outlets disagree
// on it (one lands the passengers at Skelby, another at Port Carrow), so it is a value: its words
// as printed and the place as one wording. A place named only as the scene ("in northern
// Thailand", "in Chiang Rai") is not read: a province and its town are both true. English only,
// nothing about a story.

export interface FoundPlace {
  /** The place's name, verbatim ("Skelby", "Port Carrow", "Chiang Rai Prachanukroh Hospital"). */
  text: string;
  start: number;
  end: number;
}

/** Verbs of moving somewhere: the place after them and "to", "at", "for" is where the movement ended. */
const MOVING =
  'taken|brought|flown|airlifted|winched|transported|moved|sent|towed|ferried|rushed|evacuated|shuttled|carried|driven|' +
  'headed|heading|bound|landed|arrived|returned|went|gone|travelled|traveled|fled|escaped|crossed|taking|bringing|landing|towing';
/** A place's name: capitalised words, with "of" or "de" between them ("Bay of Biscay"). */
const NAME = String.raw`\p{Lu}[\p{L}'’-]*(?:\s+(?:(?:of|de|del|al|el)\s+)?\p{Lu}[\p{L}'’-]*)*`;
const DESTINATION = new RegExp(
  String.raw`\b(?:(?:${MOVING})\b(?:\s+(?!to\b|at\b|for\b|into\b|towards?\b)[\p{L}'’-]+){0,3}?\s+(?:back\s+)?(?:to|at|for|into|in)|towards?|bound for)\s+(?:the\s+)?(${NAME})`,
  'gu',
);
/** Capitalised words after "to" that are no place. */
const NOT_PLACES = new Set([
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
  'i',
]);

/** The named places a sentence says a movement ended at, in order. */
export function findPlaces(sentence: string): FoundPlace[] {
  const found: FoundPlace[] = [];
  for (const m of sentence.matchAll(DESTINATION)) {
    const text = m[1]!;
    if (NOT_PLACES.has(text.toLowerCase())) continue;
    const start = m.index! + m[0].length - text.length;
    found.push({ text, start, end: start + text.length });
  }
  return found;
}
