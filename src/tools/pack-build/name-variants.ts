// The story's name variants for its pack's lexicon, found in the articles themselves: a name
// written out and then abbreviated in brackets ("Maritime Accident Investigation Office (MAIO)",
// "Islamic State in Iraq and Syria (ISIS)"). Groups that share a variant are merged.

/** Small words a long name may contain without giving its abbreviation a letter. */
const JOINERS = new Set(['and', 'of', 'in', 'for', 'the', 'on', '&', 'de', 'du', 'la']);
/** Longest name, in words, read back from an abbreviation. */
const MAX_NAME_WORDS = 10;

/** Name groups from every "Long Name (ABBR)" in the texts. */
export function findNameVariants(texts: readonly string[]): string[][] {
  const groups: Set<string>[] = [];
  for (const text of texts) {
    for (const match of text.matchAll(/\(([A-Z][A-Z&]{1,9})\)/g)) {
      const abbreviation = match[1]!;
      const name = nameBefore(text.slice(0, match.index).trimEnd(), abbreviation);
      if (name !== null) addGroup(groups, [name, abbreviation]);
    }
  }
  return groups.map((g) => [...g]);
}

/**
 * The capitalised words just before an abbreviation whose initials it is made of, in order
 * (joiners skipped): "Syrian Democratic Forces" for SDF; "Islamic State" for ISIS, whose first
 * letters it starts; null when the words before do not spell it.
 */
function nameBefore(before: string, abbreviation: string): string | null {
  const words = before.split(/\s+/).slice(-MAX_NAME_WORDS);
  const letters = abbreviation.replace(/&/g, '');
  // The run of capitalised words (and joiners between them) that ends right before the bracket.
  let from = words.length;
  while (
    from > 0 &&
    (/^\p{Lu}/u.test(words[from - 1]!) ||
      (JOINERS.has(words[from - 1]!.toLowerCase()) && from - 2 >= 0 && /^\p{Lu}/u.test(words[from - 2]!)))
  )
    from -= 1;
  const run = words.slice(from);
  const initialsOf = (part: readonly string[]) =>
    part
      .filter((w) => !JOINERS.has(w.toLowerCase()))
      .map((w) => w[0]!.toUpperCase())
      .join('');
  for (let start = 0; start < run.length; start += 1) {
    const candidate = run.slice(start);
    if (JOINERS.has(candidate[0]!.toLowerCase())) continue;
    if (initialsOf(candidate) === letters) return candidate.join(' ').replace(/[’']s$/, '');
  }
  // "Islamic State (ISIS)": the name's initials begin the abbreviation (longest such name).
  for (let start = 0; start < run.length; start += 1) {
    const candidate = run.slice(start);
    const initials = initialsOf(candidate);
    if (!JOINERS.has(candidate[0]!.toLowerCase()) && initials.length >= 2 && letters.startsWith(initials))
      return candidate.join(' ');
  }
  return null;
}

function addGroup(groups: Set<string>[], variants: readonly string[]): void {
  const touching = groups.filter((g) => variants.some((v) => g.has(v)));
  const merged = new Set<string>(variants);
  for (const g of touching) {
    for (const v of g) merged.add(v);
    groups.splice(groups.indexOf(g), 1);
  }
  groups.push(merged);
}
