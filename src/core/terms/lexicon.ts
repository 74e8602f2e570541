// The generic lexicon of news prose: which words carry no fact, which words name the same thing,
// and which near-synonyms are one notion. Nothing here names a story or its claims (the story's
// own names are in story-lexicon.ts); any news matcher could ship it. Unit words come from the
// units table, so "kilometres" and "km" are one term here as they are one unit in a value.
import { unitForWord } from '../quantities/units';
import { stem } from './stem';
import { STORY_LEXICON } from './story-lexicon';

/** Function words carry no fact; dropping them keeps candidate lists short and scores meaningful. */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  ('a an the and or but nor of to in on at by for with from as into onto than then that this these those ' +
    'it its it\'s is are was were be been being am do does did done have has had having not no yes ' +
    'he she they them their theirs his her hers him we us our you your i me my mine who whom whose which ' +
    'what when where why how all any both each few more most other some such only own same so too very ' +
    'can could will would shall should may might must also just about over under again further once ' +
    'there here up down out off said says say told according while after before during since until ' +
    'if because though although even however s t one\'s per via among against between through upon within ' +
    'without across around near like new news report reported reports')
    .split(/\s+/),
);

/** Words that name the same thing in news prose, each group mapped to its term (folded words). */
const SYNONYM_GROUPS: Readonly<Record<string, readonly string[]>> = {
  truck: ['lorry', 'lorries', 'truck', 'trucks', 'trucker', 'truckers'],
  bus: ['coach', 'coaches', 'bus', 'buses', 'busses'],
  fighter: ['militant', 'militants', 'fighters', 'fighter', 'jihadist', 'jihadists', 'combatant', 'combatants', 'gunman', 'gunmen'],
  uk: ['britain', 'british', 'uk', 'england'],
  usa: ['american', 'americans', 'america'],
  defense: ['defence'],
  // Words news prose uses interchangeably for an agreement between parties.
  deal: ['agreement', 'agreements', 'pact', 'pacts', 'truce', 'accord', 'arrangement', 'deals'],
  family: ['relatives', 'families', 'family'],
};

/** Names that count only as written in capitals: "US" is the country, "us" a pronoun. */
const CAPITALISED_NAMES: Readonly<Record<string, string>> = { US: 'usa', ...STORY_LEXICON.capitalisedNames };

/** Dotted abbreviations, dots dropped: "u.s." is the United States, never the pronoun "us". */
const ABBREVIATIONS: Readonly<Record<string, string>> = { us: 'usa' };

const WORD_TERMS = new Map<string, string>();
for (const groups of [SYNONYM_GROUPS, STORY_LEXICON.names]) {
  for (const [term, words] of Object.entries(groups)) for (const word of words) WORD_TERMS.set(word, term);
}

/** The term a lexicon word stands for (a unit, a synonym, a name variant), or undefined. */
export function lexiconTerm(word: string): string | undefined {
  return unitForWord(word)?.unit ?? WORD_TERMS.get(word);
}

const CAPITALISED_NAME_WORDS = new Set(Object.keys(CAPITALISED_NAMES).map((name) => name.toLowerCase()));

/**
 * The term for a folded word that counts only as written in capitals ("IS", "US"), given how it
 * is written; undefined for any other word or writing ("is", "us").
 */
export function capitalisedNameTerm(word: string, written: () => string): string | undefined {
  if (!CAPITALISED_NAME_WORDS.has(word)) return undefined;
  const as = written();
  return Object.hasOwn(CAPITALISED_NAMES, as) ? CAPITALISED_NAMES[as] : undefined;
}

/** The term for a dotted abbreviation, dots dropped ("us" from "U.S."): itself unless listed. */
export function abbreviationTerm(letters: string): string {
  return Object.hasOwn(ABBREVIATIONS, letters) ? ABBREVIATIONS[letters]! : letters;
}

/** Two-word names by their first word: "islamic" waits for "state". */
export const PHRASES_BY_FIRST_WORD: ReadonlyMap<string, { second: string; term: string }> = new Map(
  STORY_LEXICON.phrases.map(({ words, term }) => [words[0], { second: words[1], term }]),
);

/**
 * Near-synonyms that news prose uses interchangeably for one notion: each group is one concept
 * term (its first word's name). It is deliberately small and generic: a group is added only when
 * its words are genuinely substitutable in reporting. Word forms are listed as written; each is
 * matched by its stem, so "escaped", "escapes" and "escaping" all meet "escape". Irregular forms
 * ("fled", "fell", "hid") are listed explicitly.
 */
const CONCEPT_GROUPS: Readonly<Record<string, readonly string[]>> = {
  // Getting out of a place.
  leave: ['leave', 'left', 'flee', 'fled', 'escape', 'exodus', 'evacuate', 'evacuation', 'evacuee', 'depart', 'departure'],
  // Reaching an agreement between parties (the agreement itself is "deal", a synonym above).
  negotiate: ['negotiate', 'negotiation', 'negotiator', 'broker', 'brokered', 'brokering', 'arrange', 'mediate', 'mediation'],
  // Keeping something from the public.
  secret: ['secret', 'secretly', 'secrecy', 'hide', 'hid', 'hidden', 'conceal', 'concealment', 'undisclosed', 'covert', 'covertly', 'clandestine'],
  // Avoiding deaths: "spare lives", "preserve lives", "minimise casualties".
  spare: ['spare', 'preserve', 'safeguard', 'minimise', 'minimize'],
  lives: ['lives', 'life', 'casualty', 'casualties'],
  // A place changing hands in war.
  capture: ['capture', 'recapture', 'liberate', 'liberation', 'retake', 'retaken', 'seize', 'seizure', 'fall', 'fell', 'fallen', 'defeat'],
  // Watching over an event.
  monitor: ['monitor', 'watch', 'observe', 'observer', 'gaze', 'surveillance'],
  // Explosives worn or planted: "suicide belt" / "explosive vest", "booby-trapped" / "rigged".
  vest: ['vest', 'belt'],
  explosive: ['explosive', 'suicide'],
  trap: ['booby', 'rig'],
  // Moving people or goods illegally across a border.
  smuggler: ['smuggler', 'smuggle', 'trafficker', 'traffick', 'trafficking'],
  // A place destroyed.
  ruin: ['ruin', 'ruins', 'devastate', 'devastation', 'destroy', 'destruction', 'rubble'],
  // Owning up to something.
  admit: ['admit', 'acknowledge', 'concede'],
  border: ['border', 'frontier'],
  spread: ['spread', 'disperse', 'scatter'],
  hire: ['hire', 'recruit', 'employ'],
  media: ['media', 'journalist'],
};

const CONCEPT_OF_STEM = new Map<string, string>();
for (const [concept, words] of Object.entries(CONCEPT_GROUPS)) {
  for (const word of words) CONCEPT_OF_STEM.set(stem(word), concept);
}

/** The concept term for a stemmed word (its stem when it belongs to no group). */
export function conceptOf(stemmed: string): string {
  return CONCEPT_OF_STEM.get(stemmed) ?? stemmed;
}
