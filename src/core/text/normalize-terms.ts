// Turns text into the terms the matcher compares: content words reduced to a light stem, numbers
// in one form whatever way the outlet wrote them ("4,000", "ten", "a dozen", "6km"), and the story's
// name variants mapped to one name (ISIS/IS/ISIL/Islamic State/Daesh; lorry/truck; kilometres/km).
// Each term keeps its range in the original text so a match can be highlighted where it is.
import { foldText, originalRange } from './normalize';

export interface Term {
  /** The normalised term: a stem, a canonical name, or a number written with digits only. */
  term: string;
  /** Range of the term in the original text. */
  start: number;
  end: number;
  /** Written with a capital inside a sentence: a name (Raqqa, ISIS, Dillon), not a common word. */
  proper?: boolean;
}

const SENTENCE_OPENERS = new Set(['.', '!', '?', ':', '"', '\'', '\u201C', '\u2018', '(', '-', '\u2013', '\u2014', '\u2022']);

/** Whether the word at `start` is capitalised although it does not open a sentence. */
function isCapitalisedName(original: string, start: number, end: number): boolean {
  const first = original.charCodeAt(start);
  if (!(first >= 65 && first <= 90)) return false;
  // A word in an all-capitals headline is not evidence of a name; an acronym (ISIS, SDF) is.
  let k = start - 1;
  while (k >= 0 && (original[k] === ' ' || original[k] === '\u00A0')) k--;
  if (k < 0 || original[k] === '\n' || SENTENCE_OPENERS.has(original[k]!)) return end - start > 1 && original.slice(start, end) === original.slice(start, end).toUpperCase();
  return true;
}

const NUMBER_WORDS: Record<string, string> = {
  one: '1', two: '2', three: '3', four: '4', five: '5', six: '6', seven: '7', eight: '8', nine: '9',
  ten: '10', eleven: '11', twelve: '12', thirteen: '13', fourteen: '14', fifteen: '15', sixteen: '16',
  seventeen: '17', eighteen: '18', nineteen: '19', twenty: '20', thirty: '30', forty: '40', fifty: '50',
  sixty: '60', seventy: '70', eighty: '80', ninety: '90', hundred: '100', thousand: '1000', million: '1000000', dozen: '12',
};

/** Number words that multiply the number before them: "four thousand" is 4000, as "4,000" is. */
const MULTIPLIERS: Record<string, number> = { hundred: 100, thousand: 1000, million: 1000000 };

/** Words that name the same thing in this domain; keys are folded (lower-case) words. */
const SYNONYMS: Record<string, string> = {
  isis: 'isis', isil: 'isis', daesh: 'isis', 'da\'esh': 'isis',
  lorry: 'truck', lorries: 'truck', truck: 'truck', trucks: 'truck', trucker: 'truck', truckers: 'truck',
  coach: 'bus', coaches: 'bus', bus: 'bus', buses: 'bus', busses: 'bus',
  km: 'km', kms: 'km', kilometre: 'km', kilometres: 'km', kilometer: 'km', kilometers: 'km',
  mile: 'mi', miles: 'mi', mi: 'mi',
  militant: 'fighter', militants: 'fighter', fighters: 'fighter', fighter: 'fighter', jihadist: 'fighter', jihadists: 'fighter', combatant: 'fighter', combatants: 'fighter',
  britain: 'uk', british: 'uk', uk: 'uk', england: 'uk',
  american: 'usa', americans: 'usa', america: 'usa',
  gunman: 'fighter', gunmen: 'fighter',
  defence: 'defense',
  months: 'month', month: 'month',
  // Words news prose uses interchangeably for an agreement between parties.
  agreement: 'deal', agreements: 'deal', pact: 'deal', pacts: 'deal', truce: 'deal', accord: 'deal', arrangement: 'deal', deals: 'deal',
  relatives: 'family', families: 'family', family: 'family',
};



/**
 * A general lexicon of near-synonyms that news prose uses interchangeably for one notion: each
 * group is one concept term (its first word's name). It is deliberately small and generic (any
 * news matcher could ship it; nothing here names this database's story or its claims): a group is
 * added only when its words are genuinely substitutable in reporting. Word forms are listed as
 * written; each is matched by its stem, so "escaped", "escapes" and "escaping" all meet "escape".
 * Irregular forms ("fled", "fell", "hid") are listed explicitly.
 */
const CONCEPT_GROUPS: Record<string, readonly string[]> = {
  // Getting out of a place.
  leave: ['leave', 'left', 'flee', 'fled', 'escape', 'exodus', 'evacuate', 'evacuation', 'evacuee', 'depart', 'departure'],
  // Reaching an agreement between parties (the agreement itself is "deal", in SYNONYMS).
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


/**
 * Adds a quantity term for each number: "#" + the word it counts (the next two terms: "50 trucks",
 * "4,000 ISIS fighters", "four-month battle") or the month it dates ("October 12", "12 October").
 * A sentence giving a count of trucks then meets a claim that counts trucks, whatever the number,
 * and a number alone ("13") carries no weight of its own beyond its own term.
 */
// Month names as extractTerms writes them (stemmed: "october" → "octob").
const MONTH_TERMS = new Set(
  ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'].map((m) => stem(m)),
);

export function withQuantityTerms(terms: readonly string[]): string[] {
  const out = [...terms];
  for (let i = 0; i < terms.length; i++) {
    if (!/^\d/.test(terms[i]!)) continue;
    for (const j of [i - 1, i + 1, i + 2]) {
      const t = terms[j];
      if (t === undefined || /^\d/.test(t)) continue;
      if (j === i - 1 && !MONTH_TERMS.has(t)) continue;
      out.push('#' + t);
    }
  }
  return out;
}

// Function words carry no fact; dropping them keeps candidate lists short and scores meaningful.
const STOPWORDS = new Set(
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

/** Light suffix stripping: enough that "fighters/fighting/fight" and "trapped/traps" meet. */
export function stem(word: string): string {
  let w = word;
  if (w.length <= 3) return w;
  if (w.endsWith('ies') && w.length > 4) w = w.slice(0, -3) + 'y';
  else if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us') && !w.endsWith('is')) w = w.slice(0, -1);
  if (w.endsWith('ing') && w.length > 5) w = w.slice(0, -3);
  else if (w.endsWith('ed') && w.length > 4) w = w.slice(0, -2);
  else if (w.endsWith('er') && w.length > 5) w = w.slice(0, -2);
  // "trapp" → "trap", "arrange"/"arrang" → "arrang".
  if (w.length > 3 && w[w.length - 1] === w[w.length - 2] && !/[aeiouls]/.test(w[w.length - 1]!)) w = w.slice(0, -1);
  if (w.endsWith('e') && w.length > 4) w = w.slice(0, -1);
  return w;
}

// A number with thousands separators or decimals, optionally glued to a unit ("6km"); an
// abbreviation with dots ("u.s."); or a word, possibly with an apostrophe ("raqqa's").
const TOKEN = /(\d+(?:,\d{3})+(?![\d])|\d+(?:\.\d+)?)([a-z]+)?|[a-z](?:\.[a-z])+\.?|[a-z]+(?:'[a-z]+)?/g;

export function extractTerms(original: string): Term[] {
  const folded = foldText(original);
  const text = folded.text;
  const terms: Term[] = [];
  let pendingArticle: Term | null = null; // "a" just before "dozen"
  let pendingIslamic: Term | null = null; // "islamic" just before "state"
  const push = (term: string, fStart: number, fEnd: number): void => {
    const r = originalRange(folded, original, fStart, fEnd);
    const t: Term = { term, start: r.start, end: r.end };
    if (isCapitalisedName(original, r.start, r.end)) t.proper = true;
    terms.push(t);
  };
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(text); m !== null; m = TOKEN.exec(text)) {
    const fStart = m.index;
    const fEnd = fStart + m[0].length;
    if (m[1] !== undefined) {
      pendingArticle = null;
      pendingIslamic = null;
      const numberEnd = fStart + m[1].length;
      push(m[1].replace(/,/g, ''), fStart, numberEnd);
      if (m[2] !== undefined) {
        const unit = SYNONYMS[m[2]] ?? m[2];
        // "6km", "4mi", "12th": keep units; ordinal suffixes carry nothing.
        if (!/^(st|nd|rd|th|s)$/.test(m[2])) push(unit, numberEnd, fEnd);
      }
      continue;
    }
    let word = m[0];
    if (word.includes('.')) {
      // Dotted abbreviations: "u.s." is the United States, never the pronoun "us".
      const joined = word.replace(/\./g, '');
      push(joined === 'us' ? 'usa' : joined, fStart, fEnd);
      pendingArticle = null;
      pendingIslamic = null;
      continue;
    }
    if (word.endsWith("'s")) word = word.slice(0, -2);
    const raw = original.slice(folded.offsets[fStart]!, folded.offsets[fEnd - 1]! + 1);
    // Upper-case "IS" is the group; lower-case "is" is a verb. Likewise "US" and "us".
    if (word === 'is' && raw === 'IS') { push('isis', fStart, fEnd); pendingIslamic = null; continue; }
    if (word === 'us' && raw === 'US') { push('usa', fStart, fEnd); continue; }
    if (word === 'state' && pendingIslamic !== null) {
      // "Islamic State" is one name: replace the pending "islamic" with the group's name.
      const islamic = pendingIslamic;
      terms.splice(terms.indexOf(islamic), 1);
      const end = originalRange(folded, original, fStart, fEnd).end;
      terms.push({ term: 'isis', start: islamic.start, end, proper: true });
      pendingIslamic = null;
      continue;
    }
    pendingIslamic = null;
    if (word === 'dozen' && pendingArticle !== null) {
      const article = pendingArticle;
      const end = originalRange(folded, original, fStart, fEnd).end;
      terms.push({ term: '12', start: article.start, end });
      pendingArticle = null;
      continue;
    }
    pendingArticle = null;
    const number = NUMBER_WORDS[word];
    if (number !== undefined) {
      // "four thousand", "two hundred", "3 million": one number, written as digits like "4,000".
      const multiplier = MULTIPLIERS[word];
      const previous = terms[terms.length - 1];
      if (multiplier !== undefined && previous !== undefined && /^\d+$/.test(previous.term) && /^[\s-]*$/.test(original.slice(previous.end, originalRange(folded, original, fStart, fEnd).start))) {
        previous.term = String(Number(previous.term) * multiplier);
        previous.end = originalRange(folded, original, fStart, fEnd).end;
        continue;
      }
      push(number, fStart, fEnd);
      continue;
    }
    if (word === 'a') {
      const r = originalRange(folded, original, fStart, fEnd);
      pendingArticle = { term: 'a', start: r.start, end: r.end };
      continue;
    }
    const synonym = SYNONYMS[word];
    if (synonym !== undefined) { push(synonym, fStart, fEnd); continue; }
    if (STOPWORDS.has(word) || word.length < 2) continue;
    if (word === 'islamic') {
      push('islamic', fStart, fEnd);
      pendingIslamic = terms[terms.length - 1]!;
      continue;
    }
    push(conceptOf(stem(word)), fStart, fEnd);
  }
  return terms;
}

/** The distinct terms of a text, for indexing and comparison. */
export function termSet(text: string): Set<string> {
  return new Set(extractTerms(text).map((t) => t.term));
}
