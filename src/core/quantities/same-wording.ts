// Whether outlets' wordings name one thing, and one wording for each thing they name, so that a
// comparison of places, names, titles and credits sets apart only versions that cannot both be
// true: "the SEALs" and "the Thai Navy SEALS" are one party, "Skelby" and "Skelby pier" one place,
// "Osatanakorn" and "Osottanakorn" one man spelt two ways, as are "Narongsak Osottanakorn" and
// "Narongsak Osatanaskorn"; "Skelby" and "Port Carrow" are two places.

/** Words that do not tell one thing from another. */
const LIGHT = new Set(['the', 'a', 'an', 'of', 'and', 'its', 'their', 'his', 'her', 'our', 'mr', 'mrs', 'ms', 'dr']);

/** A wording's telling words: lower case, without accents, punctuation, articles, possessives or a plural "s". */
export function tellingWords(wording: string): string[] {
  return wording
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[’']s\b/g, '')
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== '' && !LIGHT.has(w))
    .map((w) => (w.length > 3 && w.endsWith('s') && !w.endsWith('ss') ? w.slice(0, -1) : w));
}

/** Edits (insertions, deletions, substitutions) from one word to the other. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1)
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = current;
  }
  return previous[b.length]!;
}

/** Two words are one when spelt alike: equal, or a long name with a letter or two changed ("osatanakorn", "osottanakorn"). */
export function sameWord(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.min(a.length, b.length) < 6 || a[0] !== b[0]) return false;
  return editDistance(a, b) <= Math.floor(Math.max(a.length, b.length) / 5);
}

/** Whether two wordings name one thing: every telling word of one is (spelt alike) in the other. */
export function nameOneThing(a: string, b: string): boolean {
  const [x, y] = [tellingWords(a), tellingWords(b)];
  if (x.length === 0 || y.length === 0) return false;
  const [small, large] = x.length <= y.length ? [x, y] : [y, x];
  return small.every((w) => large.some((v) => sameWord(w, v)));
}

/** A name a person is known by needs this many letters to tell them apart ("Narongsak", "Dillon"; not "Li"). */
const TELLING_NAME_LETTERS = 5;

/**
 * Whether two names are one person's: they share a telling name, spelt alike ("Narongsak
 * Osottanakorn" and "Narongsak Osatanaskorn"; "Col Ryan Dillon" and "Dillon").
 */
export function samePerson(a: string, b: string): boolean {
  const y = tellingWords(b).filter((w) => w.length >= TELLING_NAME_LETTERS);
  return tellingWords(a).some((w) => w.length >= TELLING_NAME_LETTERS && y.some((v) => sameWord(w, v)));
}

/**
 * One wording for each thing the wordings name: wordings that name one thing (directly, or through
 * another: "SEALs", "Thai Navy SEALs", "Navy SEALs") take the longest of them, the first on a tie.
 * Returns, for each wording, its group's wording.
 */
export function oneWordingEach(
  wordings: readonly string[],
  same: (a: string, b: string) => boolean = nameOneThing,
): string[] {
  const group = wordings.map((_, i) => i);
  const find = (i: number): number => (group[i] === i ? i : (group[i] = find(group[i]!)));
  for (let i = 0; i < wordings.length; i += 1) {
    for (let j = i + 1; j < wordings.length; j += 1) if (same(wordings[i]!, wordings[j]!)) group[find(j)] = find(i);
  }
  const chosen = new Map<number, string>();
  wordings.forEach((w, i) => {
    const root = find(i);
    const current = chosen.get(root);
    if (current === undefined || tellingWords(w).length > tellingWords(current).length) chosen.set(root, w);
  });
  return wordings.map((_, i) => chosen.get(find(i))!);
}
