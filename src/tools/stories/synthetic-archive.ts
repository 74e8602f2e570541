// A synthetic news archive for measuring stories:find at scale: seeded, so every run measures the
// same files. A known few stories are each reported by 3 to 20 outlets (in their own words, a wire
// copy now and then carried by other sites); every other article is a story of its own, many of
// them close to a known one (the same place another event, the same kind of event elsewhere the
// same week, the same people another day). Invented places and people: nothing real.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { seededRandom } from '../../node/helpers/seeded-random';

export interface SyntheticOptions {
  articles: number;
  seed?: number;
  /** Stories reported by several outlets: by default 0.3% of the articles (300 of 100,000). */
  stories?: number;
}

export interface SyntheticTruth {
  articles: number;
  /** Each known story's files (paths inside the archive), one source per outlet, copies included. */
  stories: { event: string; files: string[]; outlets: number }[];
}

type Rand = () => number;

/** Single-outlet articles close to one known story (the same place, kind of event or people), at most. */
const NEAR_PER_STORY = 30;
const pick = <T>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
const int = (r: Rand, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
function shuffle<T>(r: Rand, xs: T[]): T[] {
  for (let i = xs.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [xs[i], xs[j]] = [xs[j]!, xs[i]!];
  }
  return xs;
}

const SYLLABLES = [
  'ka',
  'lo',
  'ven',
  'mar',
  'to',
  'ri',
  'sel',
  'dan',
  'bro',
  'quin',
  'ash',
  'tor',
  'el',
  'vi',
  'nor',
  'pel',
  'ha',
  'zen',
  'cor',
  'ul',
  'ber',
  'mo',
  'sta',
  'fen',
  'gil',
  'ra',
  'dov',
  'ist',
  'wen',
  'ob',
  'lak',
  'tre',
  'sun',
  'ham',
  'kir',
  'ost',
  'vel',
  'dra',
  'min',
  'per',
];
const FIRST_NAMES = [
  'Anna',
  'Tomas',
  'Maria',
  'David',
  'Leila',
  'Omar',
  'Grace',
  'Peter',
  'Sara',
  'Ivan',
  'Nadia',
  'Kofi',
  'Elena',
  'James',
  'Yusuf',
  'Ruth',
  'Mateo',
  'Ingrid',
  'Samuel',
  'Hana',
  'Lucas',
  'Amara',
  'Felix',
  'Noor',
];
const TITLES = [
  'Mayor',
  'police chief',
  'fire chief',
  'regional governor',
  'health minister',
  'harbour master',
  'union leader',
  'site manager',
];
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

function coin(r: Rand, syllables: number): string {
  const w = Array.from({ length: syllables }, () => pick(r, SYLLABLES)).join('');
  return w.charAt(0).toUpperCase() + w.slice(1);
}

interface Event {
  key: string;
  kind: Kind;
  town: string;
  region: string;
  official: { name: string; title: string };
  witness: string;
  organisation: string;
  /** Days since 1970. */
  day: number;
  n1: number;
  n2: number;
  n3: number;
}

interface Kind {
  name: string;
  headlines: readonly string[];
  leads: readonly string[];
  facts: readonly string[];
}

// {town} {region} {official} {title} {witness} {org} {n1} {n2} {n3} {weekday} {date}
const KINDS: readonly Kind[] = [
  {
    name: 'fire',
    headlines: [
      'Fire at {town} warehouse leaves {n1} injured',
      '{n1} hurt as blaze rips through {town} depot',
      'Huge fire in {town}: {n2} firefighters battle flames',
    ],
    leads: [
      'A fire broke out at a warehouse in {town} on {weekday}, injuring {n1} people, officials said.',
      'Flames tore through a storage depot in {town}, {region}, late on {weekday}, leaving {n1} people hurt.',
      'At least {n1} people were injured when a large fire engulfed a warehouse in {town} on {date}.',
    ],
    facts: [
      '{n2} firefighters were sent to the scene, the {org} said.',
      'The {title} {official} said the cause of the fire was not yet known.',
      '"The smoke was so thick you could not see the road," said {witness}, who lives nearby.',
      'Residents within {n3} metres were told to keep their windows closed.',
      'The blaze took about {n3} minutes to bring under control.',
      'Roads around the site in {town} stayed closed on {weekday} evening.',
      'Investigators from the {org} are expected to examine the building.',
    ],
  },
  {
    name: 'flood',
    headlines: [
      'Floods cut off {n1} homes in {town}',
      '{town} under water after river bursts its banks',
      'Rescue boats sent to flooded {town}',
    ],
    leads: [
      'Floodwater cut off about {n1} homes in {town}, {region}, after heavy rain on {weekday}.',
      'The river burst its banks at {town} on {date}, flooding {n1} homes, emergency services said.',
      'Hundreds of people were moved from {town} after floods reached {n1} houses on {weekday}.',
    ],
    facts: [
      '{n2} people spent the night in a school hall, the {org} said.',
      'The {title} {official} called the flooding the worst in decades.',
      '"The water came up through the floor in minutes," said {witness}.',
      'Rescue crews used {n3} boats to reach stranded families.',
      'Rail services through {town} were suspended until further notice.',
      'Forecasters warned that more rain was expected in {region}.',
      'The {org} said no one had been reported missing.',
    ],
  },
  {
    name: 'strike',
    headlines: [
      'Workers at {town} plant walk out over pay',
      'Strike halts production in {town}',
      '{n1} staff strike at {town} factory',
    ],
    leads: [
      'About {n1} workers at a factory in {town} went on strike on {weekday} over a pay offer, their union said.',
      'Production stopped at the {town} plant on {date} as {n1} staff walked out in a dispute over wages.',
      'A strike by {n1} workers shut the main factory in {town}, {region}, on {weekday}.',
    ],
    facts: [
      'The union, the {org}, said the company had offered a rise of {n3} percent.',
      'The {title} {official} urged both sides to return to talks.',
      '"We have waited {n3} months for a fair offer," said {witness}, a machine operator.',
      'The company said {n2} orders would be delayed.',
      'Pickets gathered at the gates of the {town} site from early morning.',
      'Talks are due to resume next week, the {org} said.',
      'The plant is the largest employer in {region}.',
    ],
  },
  {
    name: 'crash',
    headlines: [
      'Bus crash near {town} injures {n1}',
      '{n1} hurt as coach overturns outside {town}',
      'Coach crash on {town} road',
    ],
    leads: [
      'A coach carrying {n2} passengers overturned near {town} on {weekday}, injuring {n1} people, police said.',
      'At least {n1} people were hurt when a bus left the road outside {town}, {region}, on {date}.',
      'A bus crash on the main road into {town} left {n1} people injured on {weekday}.',
    ],
    facts: [
      '{n1} of the injured were taken to hospital, the {org} said.',
      'The {title} {official} said the driver was being questioned.',
      '"It tipped onto its side and everyone fell," said {witness}, a passenger.',
      'The road was closed for {n3} hours while the coach was recovered.',
      'The coach had been travelling to {region} for a festival.',
      'Police appealed for witnesses to come forward.',
      'The {org} said the weather may have played a part.',
    ],
  },
  {
    name: 'rescue',
    headlines: [
      '{n1} hikers rescued from {town} mountains',
      'Mountain rescue saves {n1} near {town}',
      'Stranded walkers found alive near {town}',
    ],
    leads: [
      'Rescue teams brought {n1} hikers down from the hills above {town} on {weekday} after a night in the snow.',
      '{n1} walkers stranded in the mountains near {town}, {region}, were rescued on {date}.',
      'A group of {n1} hikers missing near {town} was found alive on {weekday}, rescuers said.',
    ],
    facts: [
      '{n2} rescuers took part in the search, the {org} said.',
      'The {title} {official} praised the volunteers who joined the search.',
      '"We were so cold we could not feel our hands," said {witness}, one of the hikers.',
      'A helicopter lifted the group from a ridge at {n3} metres.',
      'The hikers were treated for hypothermia in {town}.',
      'The search began after relatives raised the alarm on {weekday} night.',
      'The {org} urged walkers to check the forecast.',
    ],
  },
  {
    name: 'election',
    headlines: [
      '{official} wins {town} mayoral vote',
      '{town} elects {official} as mayor',
      'New mayor for {town} after tight race',
    ],
    leads: [
      '{official} won the mayoral election in {town} on {weekday} with {n3} percent of the vote.',
      'Voters in {town}, {region}, elected {official} as mayor on {date}, official results showed.',
      '{official} will be the next mayor of {town} after winning {n1} votes on {weekday}.',
    ],
    facts: [
      'Turnout was {n3} percent, the {org} said.',
      'The runner-up, {witness}, conceded late on {weekday} night.',
      '"This is a vote for change in {town}," {official} told supporters.',
      'The count took {n3} hours because of a recount in one district.',
      '{n2} polling stations opened across {town}.',
      'The new mayor takes office next month.',
      'The {org} reported no irregularities.',
    ],
  },
];

function newEvent(r: Rand, key: string, overrides: Partial<Event> = {}): Event {
  const town = `${coin(r, 2)}${pick(r, ['', 'ton', 'ville', 'burg', 'ford', 'stad'])}`;
  const event: Event = {
    key,
    kind: pick(r, KINDS),
    town,
    region: `${coin(r, 2)} ${pick(r, ['Province', 'Valley', 'County', 'Coast', 'Region'])}`,
    official: { name: `${pick(r, FIRST_NAMES)} ${coin(r, int(r, 2, 3))}`, title: pick(r, TITLES) },
    witness: `${pick(r, FIRST_NAMES)} ${coin(r, int(r, 2, 3))}`,
    organisation: `${town} ${pick(r, ['Fire Service', 'Emergency Agency', 'Workers Union', 'Police', 'Rescue Service', 'Electoral Board'])}`,
    day: int(r, 17_900, 20_300),
    n1: int(r, 3, 400),
    n2: int(r, 10, 900),
    n3: int(r, 2, 90),
    ...overrides,
  };
  return event;
}

function isoDay(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

function fill(template: string, e: Event): string {
  const date = new Date(e.day * 86_400_000);
  return template
    .replace(/\{town\}/g, e.town)
    .replace(/\{region\}/g, e.region)
    .replace(/\{official\}/g, e.official.name)
    .replace(/\{title\}/g, e.official.title)
    .replace(/\{witness\}/g, e.witness)
    .replace(/\{org\}/g, e.organisation)
    .replace(/\{n1\}/g, String(e.n1))
    .replace(/\{n2\}/g, String(e.n2))
    .replace(/\{n3\}/g, String(e.n3))
    .replace(/\{weekday\}/g, WEEKDAYS[date.getUTCDay()]!)
    .replace(/\{date\}/g, `${MONTHS[date.getUTCMonth()]} ${date.getUTCDate()}`);
}

interface Outlet {
  name: string;
  site: string;
  html: boolean;
}

/** One outlet's article on an event: its own headline, lead and choice and order of facts. */
function articleText(r: Rand, e: Event): { title: string; body: string } {
  const facts = shuffle(r, [...e.kind.facts]).slice(0, int(r, 5, 7));
  return {
    title: fill(pick(r, e.kind.headlines), e),
    body: [fill(pick(r, e.kind.leads), e), ...facts.map((f) => fill(f, e))].join('\n\n'),
  };
}

function render(outlet: Outlet, url: string, published: string, title: string, body: string): string {
  if (!outlet.html) return `outlet: ${outlet.name}\nurl: ${url}\npublished: ${published}\ntitle: ${title}\n\n${body}\n`;
  const paragraphs = body
    .split('\n\n')
    .map((p) => `      <p>${p.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`)
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${title} | ${outlet.name}</title>
<meta property="og:site_name" content="${outlet.name}"><link rel="canonical" href="${url}">
<meta property="article:published_time" content="${published}T08:00:00Z"></head>
<body><nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
  <main><article><h1>${title}</h1>
${paragraphs}
  </article></main>
  <aside class="related"><h2>Related</h2><ul><li><a href="/a">More news from ${outlet.name}</a></li></ul></aside>
  <footer>© ${outlet.name}</footer></body></html>
`;
}

export function generateArchive(out: string, options: SyntheticOptions): SyntheticTruth {
  const r = seededRandom(options.seed ?? 1);
  const storyCount = options.stories ?? Math.max(3, Math.round(options.articles * 0.003));
  const outlets: Outlet[] = Array.from({ length: 400 }, (_, i) => {
    const name = `The ${coin(r, 2)} ${pick(r, ['Times', 'Post', 'Herald', 'Courier', 'Daily', 'Journal', 'News', 'Gazette', 'Observer', 'Telegraph'])}`;
    return {
      name,
      site: `${name
        .toLowerCase()
        .replace(/^the /, '')
        .replace(/[^a-z]+/g, '')}${i}.example`,
      html: r() < 0.5,
    };
  });
  const truth: SyntheticTruth = { articles: 0, stories: [] };
  let written = 0;
  const write = (outlet: Outlet, e: Event, title: string, body: string, lag: number): string => {
    const n = written++;
    const file = `${outlet.site}/${String(n).padStart(6, '0')}.${outlet.html ? 'html' : 'txt'}`;
    const url = `https://${outlet.site}/news/${e.kind.name}-${e.town.toLowerCase()}-${n}`;
    mkdirSync(join(out, outlet.site), { recursive: true });
    writeFileSync(join(out, file), render(outlet, url, isoDay(e.day + lag), title, body));
    return file;
  };

  const known: Event[] = [];
  for (let s = 0; s < storyCount && written < options.articles; s++) {
    const e = newEvent(r, `story-${s}`);
    known.push(e);
    const reporting = shuffle(r, [...outlets]).slice(0, int(r, 3, 20));
    const files: string[] = [];
    for (const outlet of reporting) {
      if (written >= options.articles) break;
      const { title, body } = articleText(r, e);
      const lag = int(r, 0, 2);
      files.push(write(outlet, e, title, body, lag));
      // A wire copy now and then: the same text on another site or two.
      if (r() < 0.08) {
        for (const site of shuffle(r, [...outlets]).slice(0, int(r, 1, 2))) {
          if (written < options.articles && !reporting.includes(site)) files.push(write(site, e, title, body, lag));
        }
      }
    }
    truth.stories.push({ event: e.key, files, outlets: reporting.length });
  }

  // Single-outlet stories, a third of them close to a known one: the same place another event,
  // the same kind of event elsewhere the same week, or the same people another day. Each reuse of a
  // known story's town is forty days after the last, so no two of them are one moment either.
  const reuses = new Map<string, number>();
  const nearby = new Map<string, number>();
  for (let s = 0; written < options.articles; s++) {
    let e: Event;
    let near = known.length > 0 && r() < 0.33 ? pick(r, known) : null;
    // At most NEAR_PER_STORY such neighbours per known story, however large the archive.
    if (near !== null && (nearby.get(near.key) ?? 0) >= NEAR_PER_STORY) near = null;
    if (near !== null) nearby.set(near.key, (nearby.get(near.key) ?? 0) + 1);
    const how = r();
    if (near === null) e = newEvent(r, `single-${s}`);
    else if (how < 0.34 || how >= 0.67) {
      const n = (reuses.get(near.key) ?? 0) + 1;
      reuses.set(near.key, n);
      const kind = pick(
        r,
        KINDS.filter((k) => k !== near.kind),
      );
      const people = how >= 0.67 ? { official: near.official } : {};
      e = newEvent(r, `single-${s}`, {
        town: near.town,
        region: near.region,
        organisation: near.organisation,
        kind,
        day: near.day + 40 * n,
        ...people,
      });
    } else e = newEvent(r, `single-${s}`, { kind: near.kind, day: near.day + int(r, 0, 2) });
    const { title, body } = articleText(r, e);
    write(pick(r, outlets), e, title, body, int(r, 0, 2));
  }
  truth.articles = written;
  writeFileSync(join(out, 'truth.json'), `${JSON.stringify(truth)}\n`);
  return truth;
}
