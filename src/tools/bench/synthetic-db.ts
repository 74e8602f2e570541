// Synthetic claim packs for the benchmark: N generated claims about invented stories, 30 to a pack,
// written in the same news vocabulary as the bundled story (convoys, deals, fighters, officials,
// trucks, numbers), so that scale tests both speed and whether unrelated claims creep into matches.
// Deterministic: the same size and seed give the same packs.
import { combinePacks, type Database, type PackInSet } from '../../core/database/combine';
import type { Pack } from '../../core/database/schema';
import { MONTH_NAMES } from '../../core/english/months';
import { seededRandom } from '../../node/helpers/seeded-random';

const SYLLABLES = [
  'ka',
  'vel',
  'mor',
  'tan',
  'ri',
  'bel',
  'dor',
  'sa',
  'lin',
  'qu',
  'zar',
  'ne',
  'po',
  'hal',
  'mi',
  'gus',
  'ter',
  'ob',
  'fen',
  'ya',
];
const GROUPS = [
  'fighters',
  'militants',
  'rebels',
  'soldiers',
  'families',
  'civilians',
  'refugees',
  'workers',
  'protesters',
  'prisoners',
];
const VEHICLES = ['trucks', 'buses', 'vehicles', 'lorries', 'boats', 'ambulances'];
const ACTORS = [
  'local officials',
  'the coalition',
  'the government',
  'a spokesman',
  'the army',
  'the ministry',
  'aid agencies',
  'the police',
  'tribal leaders',
  'the United Nations',
];
const EVENTS = [
  'battle',
  'siege',
  'strike',
  'flood',
  'election',
  'ceasefire',
  'evacuation',
  'trial',
  'outbreak',
  'blockade',
];
const VERBS = ['left', 'reached', 'crossed', 'fled', 'entered', 'surrounded', 'abandoned', 'returned to'];
const TEMPLATES: ((w: Words) => string)[] = [
  (w) => `${w.n1} ${w.group} ${w.verb} ${w.place} in a convoy of ${w.n2} ${w.vehicle} after a deal with ${w.actor}.`,
  (w) =>
    `${cap(w.actor)} said the ${w.event} in ${w.place} lasted ${w.n3} months and left ${w.n1} ${w.group} displaced.`,
  (w) =>
    `The deal struck in ${w.place} allowed ${w.group} to leave with ${w.n2} ${w.vehicle}, according to ${w.actor}.`,
  (w) => `Around ${w.n1} ${w.group} were counted near ${w.place} by ${w.actor} on ${w.month} ${w.day}.`,
  (w) => `${cap(w.actor)} denied that ${w.group} from ${w.place2} had been moved to ${w.place} during the ${w.event}.`,
  (w) => `A convoy ${w.n3} kilometres long carried ${w.group} out of ${w.place} towards ${w.place2}.`,
  (w) => `${cap(w.actor)} in ${w.place} reported ${w.n2} ${w.vehicle} loaded with supplies after the ${w.event}.`,
];

interface Words {
  n1: string;
  n2: string;
  n3: string;
  group: string;
  verb: string;
  place: string;
  place2: string;
  vehicle: string;
  actor: string;
  event: string;
  month: string;
  day: string;
}

const cap = (s: string): string => s[0]!.toUpperCase() + s.slice(1);
const MONTHS = MONTH_NAMES.map(cap);

/** Claims per synthetic pack: a story's worth, as a curator would build from a handful of articles. */
export const CLAIMS_PER_PACK = 30;

export function generateSyntheticPacks(claimCount: number, seed = 1): Pack[] {
  const random = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const word = (): string => {
    const n = 2 + Math.floor(random() * 2);
    let w = '';
    for (let i = 0; i < n; i++) w += pick(SYLLABLES);
    return w;
  };
  const outlets = Array.from({ length: 20 }, (_, i) => ({
    id: `synthetic-outlet-${i}`,
    name: `Synthetic Outlet ${i}`,
    hosts: [`synthetic-${i}.example`],
  }));
  const packs: Pack[] = [];
  for (let made = 0, story = 0; made < claimCount; story++) {
    const id = `synthetic-story-${story}`;
    const place = cap(word());
    const place2 = cap(word());
    const storyOutlets = [pick(outlets), pick(outlets), pick(outlets)].filter((o, i, all) => all.indexOf(o) === i);
    const pack: Pack = {
      format: 'parallax-pack',
      formatVersion: 1,
      id,
      version: '1.0.0',
      story: { title: `Synthetic story ${story}`, date: '2020-01-01' },
      // Every pack brings a name of its own, so that joining many packs' lexicons is measured too.
      lexicon: { names: [[`${place} Liberation Front`, `${place[0]}LF`]], terms: [] },
      totals: [],
      outlets: storyOutlets,
      articles: storyOutlets.map((o) => ({
        id: o.id,
        outlet: o.id,
        url: `https://${o.hosts[0]}/${id}`,
        title: `Synthetic ${story}`,
        published: '2020-01-02',
        byline: null,
        source: 'synthetic',
      })),
      claims: [],
    };
    for (let k = 0; k < CLAIMS_PER_PACK && made < claimCount; k++, made++) {
      const words = (): Words => ({
        n1: String(10 + Math.floor(random() * 5000)),
        n2: String(2 + Math.floor(random() * 200)),
        n3: String(1 + Math.floor(random() * 12)),
        group: pick(GROUPS),
        verb: pick(VERBS),
        place,
        place2,
        vehicle: pick(VEHICLES),
        actor: pick(ACTORS),
        event: pick(EVENTS),
        month: pick(MONTHS),
        day: String(1 + Math.floor(random() * 28)),
      });
      const template = pick(TEMPLATES);
      const w = words();
      pack.claims.push({
        id: `claim-${k}`,
        summary: template({ ...w, n1: 'some', n2: 'several', n3: 'several' }),
        // Outlets word the same fact alike but not identically: another template, same numbers.
        reports: pack.articles.map((article) => ({
          article: article.id,
          quote: pick(TEMPLATES)(w),
          prefix: '',
          suffix: '',
          attribution: null,
          values: [],
        })),
      });
    }
    packs.push(pack);
  }
  return packs;
}

/** The given packs (the bundled ones, say) and synthetic packs holding `claimCount` claims. */
export function generateSyntheticDatabase(base: readonly PackInSet[], claimCount: number, seed = 1): Database {
  return combinePacks([
    ...base,
    ...generateSyntheticPacks(claimCount, seed).map((pack): PackInSet => ({ pack, origin: 'installed' })),
  ]);
}
