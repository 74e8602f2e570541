// The lexicon: which words carry no fact, which words name the same thing, and which
// near-synonyms are one notion. The tables here are generic English and news prose (British and
// American words, spellings, the vocabulary of any report); nothing here names a story. A story's
// own names and vocabulary come from its pack, and `compileLexicon` joins them with these tables
// into the one lexicon term extraction uses. Unit words come from the units table, so
// "kilometres" and "km" are one term here as they are one unit in a value.
import { unitForWord } from '../quantities/units';
import { stem } from './stem';
import { tokenize } from './tokenize';

/** Function words carry no fact; dropping them keeps candidate lists short and scores meaningful. */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    'a an the and or but nor of to in on at by for with from as into onto than then that this these those ' +
    "it its it's is are was were be been being am do does did done have has had having not no yes " +
    'he she they them their theirs his her hers him we us our you your i me my mine who whom whose which ' +
    'what when where why how all any both each few more most other some such only own same so too very ' +
    'can could will would shall should may might must also just about over under again further once ' +
    'there here up down out off said says say told according while after before during since until ' +
    "if because though although even however s t one's per via among against between through upon within " +
    'without across around near like new news report reported reports'
  ).split(/\s+/),
);

/** Words that name the same thing in English news prose, each group mapped to its term (folded words). */
const SYNONYM_GROUPS: Readonly<Record<string, readonly string[]>> = {
  truck: ['lorry', 'lorries', 'truck', 'trucks', 'trucker', 'truckers'],
  bus: ['coach', 'coaches', 'bus', 'buses', 'busses'],
  fighter: [
    'militant',
    'militants',
    'fighters',
    'fighter',
    'jihadist',
    'jihadists',
    'combatant',
    'combatants',
    'gunman',
    'gunmen',
  ],
  uk: ['britain', 'british', 'uk', 'england'],
  usa: ['american', 'americans', 'america'],
  defense: ['defence'],
  // Words news prose uses interchangeably for an agreement between parties.
  deal: ['agreement', 'agreements', 'pact', 'pacts', 'truce', 'accord', 'arrangement', 'deals'],
  family: ['relatives', 'families', 'family'],
};

/**
 * Near-synonyms that news prose uses interchangeably for one notion: each group is one concept
 * term (its first word's name). It is deliberately small and generic: a group is added only when
 * its words are genuinely substitutable in reporting. Word forms are listed as written; each is
 * matched by its stem, so "escaped", "escapes" and "escaping" all meet "escape". Irregular forms
 * ("fled", "fell", "hid") are listed explicitly.
 */
const CONCEPT_GROUPS: Readonly<Record<string, readonly string[]>> = {
  // Getting out of a place.
  leave: [
    'leave',
    'left',
    'flee',
    'fled',
    'escape',
    'exodus',
    'evacuate',
    'evacuation',
    'evacuee',
    'depart',
    'departure',
  ],
  // Reaching an agreement between parties (the agreement itself is "deal", a synonym above).
  negotiate: [
    'negotiate',
    'negotiation',
    'negotiator',
    'broker',
    'brokered',
    'brokering',
    'arrange',
    'mediate',
    'mediation',
  ],
  // Keeping something from the public.
  secret: [
    'secret',
    'secretly',
    'secrecy',
    'hide',
    'hid',
    'hidden',
    'conceal',
    'concealment',
    'undisclosed',
    'covert',
    'covertly',
    'clandestine',
  ],
  // Avoiding deaths: "spare lives", "preserve lives", "minimise casualties".
  spare: ['spare', 'preserve', 'safeguard', 'minimise', 'minimize'],
  lives: ['lives', 'life', 'casualty', 'casualties'],
  // A place changing hands in war.
  capture: [
    'capture',
    'recapture',
    'liberate',
    'liberation',
    'retake',
    'retaken',
    'seize',
    'seizure',
    'fall',
    'fell',
    'fallen',
    'defeat',
  ],
  // Watching over an event.
  monitor: ['monitor', 'watch', 'observe', 'observer', 'gaze', 'surveillance'],
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

/** Names that count only as written in capitals: "US" is the country, "us" a pronoun. */
const CAPITALISED_NAMES: Readonly<Record<string, string>> = { US: 'usa' };

/** Dotted abbreviations, dots dropped: "u.s." is the United States, never the pronoun "us". */
const ABBREVIATIONS: Readonly<Record<string, string>> = { us: 'usa' };

/** A story's own words, as its pack gives them (the pack's `lexicon`). */
export interface StoryLexicon {
  /** Each group the ways outlets write one name: ["ISIS", "ISIL", "IS", "Daesh", "Islamic State"]. */
  names: readonly (readonly string[])[];
  /** Each group lower-case words used for one notion, matched by their stems: ["vest", "belt"]. */
  terms: readonly (readonly string[])[];
}

/**
 * Names of several words ("Islamic State") as a tree of their words: a node stands for the words
 * read so far, and holds the term of a name that ends there. Reading a text costs, per word, one
 * step for each name begun in the few words before it (at most a name's length of them), however
 * many names share their words: a pack's name of one word repeated, met by a text of that word
 * repeated, costs no more than any other.
 */
export interface PhraseNode {
  readonly next: ReadonlyMap<string, PhraseNode>;
  /** The term of the name these words complete, if any. */
  readonly term?: string;
}

/** The lexicon term extraction reads with: the generic tables joined with the stories' own. */
export interface Lexicon {
  /** The term a folded word stands for (a unit, a synonym, a name variant), or undefined. */
  wordTerm(word: string): string | undefined;
  /**
   * The term for a folded word that counts only as written in capitals ("IS", "US"), given how it
   * is written; undefined for any other word or writing ("is", "us").
   */
  capitalisedNameTerm(word: string, written: () => string): string | undefined;
  /** The term for a dotted abbreviation, dots dropped ("us" from "U.S."): itself unless listed. */
  abbreviationTerm(letters: string): string;
  /** Where names of several words that start with this folded word go on, or undefined if none does. */
  phraseStart(word: string): PhraseNode | undefined;
  /** The concept term for a stemmed word (its stem when it belongs to no group). */
  conceptOf(stemmed: string): string;
}

/**
 * Joins the generic tables with the stories' lexicons. A name group becomes one term (its first
 * variant's words, hyphen-joined); a variant in capitals whose lower-case form is a stop word
 * ("IS", "WHO") counts only as written. When a story's group shares a word with a group already
 * read (generic or another story's), it joins that group's term rather than splitting the word
 * between two: several packs are matched with one lexicon.
 */
export function compileLexicon(stories: readonly StoryLexicon[]): Lexicon {
  const wordTerms = new Map<string, string>();
  for (const [term, words] of Object.entries(SYNONYM_GROUPS)) for (const word of words) wordTerms.set(word, term);
  const capitalised = new Map<string, string>(Object.entries(CAPITALISED_NAMES));
  const abbreviations = new Map<string, string>(Object.entries(ABBREVIATIONS));
  type PhraseBuild = { next: Map<string, PhraseBuild>; term?: string };
  const phrases = new Map<string, PhraseBuild>();
  const concepts = new Map<string, string>();
  for (const [concept, words] of Object.entries(CONCEPT_GROUPS))
    for (const word of words) concepts.set(stem(word), concept);

  for (const story of stories) {
    for (const group of story.names) {
      const variants = group
        .map((written) => ({ written, tokens: tokenize(written) }))
        .filter((v) => v.tokens.length > 0);
      const first = variants[0];
      if (first === undefined) continue;
      const known = variants
        .map((v) =>
          v.tokens.length === 1
            ? (wordTerms.get(v.tokens[0]!.text) ?? capitalised.get(v.written) ?? abbreviations.get(v.tokens[0]!.text))
            : undefined,
        )
        .find((t) => t !== undefined);
      const term = known ?? first.tokens.map((t) => t.text).join('-');
      for (const { written, tokens } of variants) {
        const [head, ...rest] = tokens;
        if (rest.length > 0) {
          if (tokens.every((t) => t.kind === 'word')) {
            let node: PhraseBuild | undefined = phrases.get(head!.text);
            if (node === undefined) phrases.set(head!.text, (node = { next: new Map() }));
            for (const { text: word } of rest) {
              let child: PhraseBuild | undefined = node.next.get(word);
              if (child === undefined) node.next.set(word, (child = { next: new Map() }));
              node = child;
            }
            // The first group to write a name keeps it, as with single words.
            node.term ??= term;
          }
        } else if (head!.kind === 'abbreviation') {
          if (!abbreviations.has(head!.text)) abbreviations.set(head!.text, term);
        } else if (written === written.toUpperCase() && STOP_WORDS.has(head!.text)) {
          if (!capitalised.has(written)) capitalised.set(written, term);
        } else if (!wordTerms.has(head!.text)) {
          wordTerms.set(head!.text, term);
        }
      }
    }
    for (const group of story.terms) {
      const stems = group.map((word) => stem(word));
      const concept = stems.map((s) => concepts.get(s)).find((c) => c !== undefined) ?? group[0];
      if (concept === undefined) continue;
      for (const s of stems) if (!concepts.has(s)) concepts.set(s, concept);
    }
  }
  const capitalisedWords = new Set([...capitalised.keys()].map((name) => name.toLowerCase()));

  return {
    wordTerm: (word) => unitForWord(word)?.unit ?? wordTerms.get(word),
    capitalisedNameTerm(word, written) {
      if (!capitalisedWords.has(word)) return undefined;
      return capitalised.get(written());
    },
    abbreviationTerm: (letters) => abbreviations.get(letters) ?? letters,
    phraseStart: (word) => phrases.get(word),
    conceptOf: (stemmed) => concepts.get(stemmed) ?? stemmed,
  };
}

/** The generic lexicon alone: for text read without any story's pack. */
export const GENERIC_LEXICON: Lexicon = compileLexicon([]);
