// From scored pairs to stories. The compare step scores the pairs blocking proposes; pairs that
// score at least the join score link articles into components (a story lies within one, since an
// article joins a story only when it scores that much with it on average, so with one of its
// articles at least). Within each component: one wire copy on several sites becomes one source;
// sources are grouped by average linkage (a source joins a story when its mean score with the
// story's sources is high enough, which keeps a chain of look-alikes from becoming one story); an
// outlet counts once; a story needs three outlets.
import { ownsPair, blockKeysOf, type Block, type BlockingIndex } from './blocking';
import { boundPair, comparable, GROUPING, isCopy, scorePair, type Comparable } from './similarity';
import type { ArticleRecord, Edge, SetAside, Story, StorySource } from './records';

/** Outlets (sites) a story needs: fewer is one outlet's story, or two's. */
export const MIN_OUTLETS = 3;
/** A component larger than this is split by raising its link score: average linkage is cubic. */
const MAX_COMPONENT = 400;

export function comparablesOf(records: readonly ArticleRecord[], index: BlockingIndex): Map<string, Comparable> {
  const df = (name: string) => index.documentFrequency[name] ?? 1;
  return new Map(records.map((r) => [r.id, comparable(r, df, index.articles, index.maxFrequency)]));
}

/**
 * The compare step: every pair its blocks own, bounded (names and days: boundPair); the pairs that
 * may link (or are one copy) kept. The refine step scores them, and all pairs of their components,
 * with meaning.
 */
export function compareBlocks(
  blocks: readonly Block[],
  records: readonly ArticleRecord[],
  index: BlockingIndex,
): Edge[] {
  const items = comparablesOf(records, index);
  const keys = new Map(records.map((r) => [r.id, blockKeysOf(r, index)]));
  const edges: Edge[] = [];
  const seen = new Set<string>();
  for (const block of blocks) {
    for (let i = 0; i < block.ids.length; i++) {
      for (let j = i + 1; j < block.ids.length; j++) {
        const [a, b] = [block.ids[i]!, block.ids[j]!];
        if (!ownsPair(block.key, keys.get(a)!, keys.get(b)!)) continue;
        const pairKey = a < b ? `${a}\n${b}` : `${b}\n${a}`;
        if (seen.has(pairKey)) continue;
        seen.add(pairKey);
        const pair = boundPair(items.get(a)!, items.get(b)!);
        const copy = isCopy(pair);
        if (copy || pair.score >= GROUPING.joinScore) edges.push({ a, b, score: round(pair.score), copy });
      }
    }
  }
  return edges;
}

const round = (x: number) => Math.round(x * 1e4) / 1e4;

class UnionFind {
  private readonly parent = new Map<string, string>();
  find(x: string): string {
    let root = x;
    while (this.parent.has(root) && this.parent.get(root) !== root) root = this.parent.get(root)!;
    let at = x;
    while (at !== root) {
      const next = this.parent.get(at) ?? root;
      this.parent.set(at, root);
      at = next;
    }
    if (!this.parent.has(root)) this.parent.set(root, root);
    return root;
  }
  union(a: string, b: string): void {
    const [ra, rb] = [this.find(a), this.find(b)];
    if (ra !== rb) this.parent.set(ra < rb ? rb : ra, ra < rb ? ra : rb);
  }
  groups(ids: Iterable<string>): string[][] {
    const out = new Map<string, string[]>();
    for (const id of ids) {
      const root = this.find(id);
      if (!out.has(root)) out.set(root, []);
      out.get(root)!.push(id);
    }
    return [...out.values()].map((g) => g.sort());
  }
}

/**
 * The components of the linking edges that could hold a story (three sites or more), the largest
 * split by raising the link score until each is small enough to group exactly.
 */
export function components(edges: readonly Edge[], siteOf: (id: string) => string): string[][] {
  const split = (ids: readonly string[], within: readonly Edge[], minScore: number): string[][] => {
    const uf = new UnionFind();
    for (const e of within) if (e.copy || e.score >= minScore) uf.union(e.a, e.b);
    const out: string[][] = [];
    for (const group of uf.groups(ids)) {
      if (new Set(group.map(siteOf)).size < MIN_OUTLETS) continue;
      if (group.length <= MAX_COMPONENT) {
        out.push(group);
        continue;
      }
      const members = new Set(group);
      out.push(
        ...split(
          group,
          within.filter((e) => members.has(e.a) && members.has(e.b)),
          minScore + 0.05,
        ),
      );
    }
    return out;
  };
  const ids = new Set(edges.flatMap((e) => [e.a, e.b]));
  return split([...ids].sort(), edges, GROUPING.joinScore).sort((a, b) => (a[0]! < b[0]! ? -1 : 1));
}

interface Node {
  /** The source's article: the longest of its copies. */
  lead: Comparable;
  members: Comparable[];
}

/** The refine step: a component's articles grouped into stories; the rest of it set aside. */
export function groupComponent(
  records: readonly ArticleRecord[],
  index: BlockingIndex,
): { stories: Story[]; setAside: SetAside[] } {
  const items = [...comparablesOf(records, index).values()];
  const n = items.length;
  const scores: number[][] = items.map(() => new Array<number>(n).fill(0));
  const uf = new UnionFind();
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const pair = scorePair(items[i]!, items[j]!);
      scores[i]![j] = scores[j]![i] = pair.score;
      if (isCopy(pair)) uf.union(items[i]!.id, items[j]!.id);
    }
  }
  const at = new Map(items.map((c, i) => [c.id, i]));
  const nodes: Node[] = uf.groups(items.map((c) => c.id)).map((ids) => {
    const members = ids.map((id) => items[at.get(id)!]!);
    const lead = [...members].sort((a, b) => b.record.chars - a.record.chars || (a.id < b.id ? -1 : 1))[0]!;
    return { lead, members };
  });

  // Average linkage over the sources, on their lead articles' scores: sums of scores between
  // clusters (and within each) kept up to date, so each merge costs one pass over the clusters.
  // Two clusters join when their mean score reaches the join score and a share of how alike each
  // is within (two tight stories of one place are not one because a few of their pairs are close),
  // and never when they hold articles of one site: an outlet reports a moment once.
  const score = (a: Node, b: Node) => scores[at.get(a.lead.id)!]![at.get(b.lead.id)!]!;
  const members: (Node[] | null)[] = nodes.map((node) => [node]);
  const sites = nodes.map((node) => new Set(node.members.map((m) => m.record.site)));
  const sums = nodes.map((a) => nodes.map((b) => (a === b ? 0 : score(a, b))));
  const within = nodes.map(() => 0);
  const withinMean = (i: number) => {
    const n = members[i]!.length;
    return n < 2 ? null : within[i]! / ((n * (n - 1)) / 2);
  };
  for (;;) {
    let best: { i: number; j: number; mean: number } | null = null;
    for (let i = 0; i < members.length; i++) {
      if (members[i] === null) continue;
      for (let j = i + 1; j < members.length; j++) {
        if (members[j] === null) continue;
        const mean = sums[i]![j]! / (members[i]!.length * members[j]!.length);
        if (mean < GROUPING.joinScore || (best !== null && mean <= best.mean)) continue;
        const tight = [withinMean(i), withinMean(j)].filter((m): m is number => m !== null);
        if (tight.length > 0 && mean < GROUPING.joinShareOfCohesion * (tight.reduce((x, y) => x + y, 0) / tight.length))
          continue;
        if ([...sites[j]!].some((site) => sites[i]!.has(site))) continue;
        best = { i, j, mean };
      }
    }
    if (best === null) break;
    const { i, j } = best;
    within[i] = within[i]! + within[j]! + sums[i]![j]!;
    members[i] = [...members[i]!, ...members[j]!];
    members[j] = null;
    for (const site of sites[j]!) sites[i]!.add(site);
    for (let k = 0; k < members.length; k++) {
      sums[i]![k] = sums[k]![i] = sums[i]![k]! + sums[j]![k]!;
    }
    sums[i]![i] = 0;
  }
  const clusters = members.filter((m): m is Node[] => m !== null);

  const stories: Story[] = [];
  const setAside: SetAside[] = [];
  for (const cluster of clusters) {
    // One source per outlet: its longest article; the others are set aside, named.
    const bySite = new Map<string, Node>();
    const sameOutlet: SetAside[] = [];
    for (const node of [...cluster].sort(
      (a, b) => b.lead.record.chars - a.lead.record.chars || (a.lead.id < b.lead.id ? -1 : 1),
    )) {
      const kept = bySite.get(node.lead.record.site);
      if (kept === undefined) bySite.set(node.lead.record.site, node);
      else
        for (const m of node.members)
          sameOutlet.push({
            id: m.id,
            reason: 'same-outlet',
            why: `another article by ${m.record.outlet} in the story of ${kept.lead.id}; the longer one is its source`,
          });
    }
    const sources = [...bySite.values()];
    if (sources.length < MIN_OUTLETS) continue;
    setAside.push(...sameOutlet);
    let sum = 0;
    let pairs = 0;
    for (let i = 0; i < sources.length; i++)
      for (let j = i + 1; j < sources.length; j++, pairs++) sum += score(sources[i]!, sources[j]!);
    stories.push(describeStory(sources, sum / pairs));
  }
  return { stories, setAside };
}

/** A story's title, date, id and sources. */
function describeStory(nodes: readonly Node[], cohesion: number): Story {
  const leads = nodes.map((n) => n.lead);
  // The headline nearest the sources' mean meaning: the most typical of what they report.
  const dims = leads[0]!.vector.length;
  const centroid = new Float32Array(dims);
  for (const c of leads) for (let k = 0; k < dims; k++) centroid[k]! += c.vector[k]!;
  const typical = [...leads].sort(
    (a, b) => dot(b.vector, centroid) - dot(a.vector, centroid) || (a.id < b.id ? -1 : 1),
  )[0]!;
  const date = storyDate(leads.map((c) => c.record));
  const title = storyTitle(typical.record.title, date);
  const sources: StorySource[] = nodes
    .map((node) => {
      const r = node.lead.record;
      const source: StorySource = {
        id: r.id,
        outlet: r.outlet,
        site: r.site,
        url: r.url,
        published: r.published,
        title: r.title,
        copies: [],
      };
      source.copies = node.members
        .filter((m) => m !== node.lead)
        .map((m) => ({ id: m.id, outlet: m.record.outlet, site: m.record.site, url: m.record.url }));
      if (r.note !== undefined) source.note = r.note;
      return source;
    })
    .sort((a, b) => (a.id < b.id ? -1 : 1));
  return { id: storyId(title, date), title, date, sources, cohesion: round(cohesion) };
}

const dot = (a: Float32Array, b: Float32Array) => a.reduce((s, x, k) => s + x * b[k]!, 0);

/**
 * The moment the story reports: the day most articles (two or more) write out among the few days
 * before the first publication (news reports what just happened; an earlier day they all mention
 * is the background: when the boys went into the cave), else the first publication.
 */
export function storyDate(records: readonly Pick<ArticleRecord, 'published' | 'days'>[]): string | null {
  const published = records
    .map((r) => r.published)
    .filter((p): p is string => p !== null)
    .sort();
  const first = published[0];
  const votes = new Map<string, number>();
  for (const r of records) for (const day of new Set(r.days)) votes.set(day, (votes.get(day) ?? 0) + 1);
  const recent = (day: string) =>
    first === undefined ||
    (day <= first && (Date.parse(first) - Date.parse(day)) / 86_400_000 <= GROUPING.sameMomentDays);
  // The most written; of two written as often, the earlier (the event before the dateline's day).
  const days = [...votes]
    .filter(([day, n]) => n >= 2 && recent(day))
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  return days[0]?.[0] ?? first ?? null;
}

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

/** "All 12 boys and coach rescued from Thai cave, July 2018": the headline as written, with the month. */
export function storyTitle(headline: string, date: string | null): string {
  let title = headline
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[.!?:;,]+$/, '');
  // A headline in capitals is shouted; the story's title is not.
  if (!/\p{Ll}/u.test(title)) title = title.charAt(0) + title.slice(1).toLowerCase();
  return date === null ? title : `${title}, ${MONTHS[Number(date.slice(5, 7)) - 1]} ${date.slice(0, 4)}`;
}

/** A slug of the title's first words and the year: "all-12-boys-and-coach-rescued-2018". */
export function storyId(title: string, date: string | null): string {
  const words =
    title
      .replace(/,\s*\p{L}+ \d{4}$/u, '')
      .normalize('NFKD')
      .toLowerCase()
      .match(/[a-z0-9]+/g) ?? [];
  const slug = words.slice(0, 6).join('-') || 'story';
  return date === null ? slug : `${slug}-${date.slice(0, 4)}`;
}
