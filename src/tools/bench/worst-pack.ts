// The costliest pack the bounds allow (src/core/database/limits.ts), for npm run bench:packs and
// the tests: as many words as fit in the largest file, all in the texts that are indexed (each
// claim's summary and quotes), every one of them the first word of 4,000 names of ten words
// (the most a lexicon may hold, all sharing their first nine words: the most work reading names
// can be made to do), and every report of a claim stating the most values a report may state,
// of the same thing, so that comparing them sets the most values side by side. Deterministic.
import { MAX_PACK_FILE_BYTES, PACK_LIMITS } from '../../core/database/limits';
import type { Claim, Pack } from '../../core/database/schema';

const WORD = 'ww';

/** `n` letters a..z as a word: names and ids that differ without digits (digits would end a name). */
const letters = (n: number, width: number): string =>
  Array.from({ length: width }, (_, i) => String.fromCharCode(97 + (Math.floor(n / 26 ** i) % 26))).join('');

/** Words up to `max` characters, with `figures` written in among them. */
function words(max: number, figures: readonly number[] = []): string {
  const out: string[] = [];
  let length = -1;
  for (const figure of figures) {
    out.push(WORD, String(figure));
    length += WORD.length + String(figure).length + 2;
  }
  while (length + WORD.length + 1 <= max) {
    out.push(WORD);
    length += WORD.length + 1;
  }
  return out.join(' ');
}

export function worstPackWithinBounds(): Pack {
  const outlets = Array.from({ length: PACK_LIMITS.outlets }, (_, i) => ({
    id: `outlet-${letters(i, 2)}`,
    name: `Outlet ${letters(i, 2)}`,
    hosts: [`${letters(i, 2)}.worst.example`],
  }));
  const articles = outlets.map((o) => ({
    id: `article-${o.id}`,
    outlet: o.id,
    url: `https://www.${o.hosts[0]}/story`,
    title: 'A story',
    published: '2025-01-02',
    byline: null,
    source: 'worst.txt',
  }));
  const pack: Pack = {
    format: 'parallax-pack',
    formatVersion: 1,
    id: 'worst-pack-within-bounds',
    version: '1.0.0',
    story: { title: 'The costliest pack the bounds allow', date: '2025-01-01' },
    lexicon: {
      names: Array.from({ length: PACK_LIMITS.nameGroups }, (_, g) =>
        Array.from({ length: PACK_LIMITS.variantsPerName }, (_, v) =>
          [
            ...Array<string>(PACK_LIMITS.variantWords - 1).fill(WORD),
            `x${letters(g * PACK_LIMITS.variantsPerName + v, 3)}`,
          ].join(' '),
        ),
      ),
      terms: Array.from({ length: PACK_LIMITS.termGroups }, (_, g) =>
        Array.from({ length: PACK_LIMITS.wordsPerTerm }, (_, w) => `t${letters(g * PACK_LIMITS.wordsPerTerm + w, 3)}`),
      ),
    },
    totals: [],
    outlets,
    articles,
    claims: [],
  };
  const claim = (c: number): Claim => ({
    id: `claim-${letters(c, 3)}`,
    summary: words(PACK_LIMITS.text.summary),
    reports: Array.from({ length: PACK_LIMITS.reportsPerClaim }, (_, r) => {
      const figures = Array.from(
        { length: PACK_LIMITS.valuesPerReport },
        (_, v) => 1 + ((c * 7919 + r * 104729 + v * 1299709) % 100000),
      );
      return {
        article: articles[r % articles.length]!.id,
        quote: words(PACK_LIMITS.text.quote, figures),
        prefix: '',
        suffix: '',
        attribution: null,
        values: figures.map((f) => ({ kind: 'count' as const, of: 'people', text: String(f) })),
      };
    }),
  });
  // Claims while the file stays within its bound.
  let size = JSON.stringify(pack).length;
  for (let c = 0; c < PACK_LIMITS.claims; c++) {
    const next = claim(c);
    const added = JSON.stringify(next).length + 1;
    if (size + added > MAX_PACK_FILE_BYTES) break;
    pack.claims.push(next);
    size += added;
  }
  return pack;
}
