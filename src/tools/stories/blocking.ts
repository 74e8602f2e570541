// Which articles are compared at all: never every one with every other. Two articles are compared
// when they share a block: a name rare enough in the archive to say something (given by two
// articles at least and by few), or a band of their wording's MinHash (a wire copy). A pair that
// shares several blocks is compared in the one of its smallest shared key only, so shards of blocks
// compared in parallel never repeat a pair.
import { bandKeys, unpackSignature } from './features';
import type { ArticleRecord } from './records';

export const BLOCKING = {
  /**
   * A name given by more articles than this, or this share of the archive if more, is too common
   * to block on or to weigh (similarity.ts): "Police", "Anna", and in a large archive "US".
   */
  maxArticlesPerName: 50,
  maxShareOfArchive: 0.005,
  /** The rarest names of an article that block it. */
  namesPerArticle: 12,
  /** Blocks (pairs, roughly) per compare shard. */
  pairsPerShard: 400_000,
} as const;

export interface BlockingIndex {
  articles: number;
  /** How many articles give each name given by two or more (a name absent was given once). */
  documentFrequency: Record<string, number>;
  /** The most articles a blocking name may be given by. */
  maxFrequency: number;
}

export function indexNames(records: readonly Pick<ArticleRecord, 'names'>[]): BlockingIndex {
  const counts = new Map<string, number>();
  for (const r of records) for (const name of Object.keys(r.names)) counts.set(name, (counts.get(name) ?? 0) + 1);
  const documentFrequency: Record<string, number> = {};
  for (const [name, n] of counts) if (n >= 2) documentFrequency[name] = n;
  const maxFrequency = Math.max(BLOCKING.maxArticlesPerName, Math.ceil(BLOCKING.maxShareOfArchive * records.length));
  return { articles: records.length, documentFrequency, maxFrequency };
}

/** The blocks an article is in: its rarest names that another article gives too, and its wording's bands. */
export function blockKeysOf(record: Pick<ArticleRecord, 'names' | 'wording'>, index: BlockingIndex): string[] {
  const names = Object.keys(record.names)
    .map((name) => ({ name, n: index.documentFrequency[name] ?? 1 }))
    .filter((x) => x.n >= 2 && x.n <= index.maxFrequency)
    .sort((a, b) => a.n - b.n || (a.name < b.name ? -1 : 1))
    .slice(0, BLOCKING.namesPerArticle)
    .map((x) => x.name);
  return [...names, ...bandKeys(unpackSignature(record.wording))];
}

export interface Block {
  key: string;
  ids: string[];
}

/**
 * The blocks of two sites or more (a block of one site's articles can put none of them in a story
 * of three outlets), largest first, dealt into shards of about pairsPerShard pairs.
 */
export function planBlocks(
  records: readonly Pick<ArticleRecord, 'id' | 'site' | 'names' | 'wording'>[],
  index: BlockingIndex,
): Block[][] {
  const members = new Map<string, string[]>();
  const siteOf = new Map(records.map((r) => [r.id, r.site]));
  for (const r of records) {
    for (const key of blockKeysOf(r, index)) {
      const list = members.get(key);
      if (list === undefined) members.set(key, [r.id]);
      else list.push(r.id);
    }
  }
  const blocks = [...members]
    .filter(([, ids]) => ids.length >= 2 && new Set(ids.map((id) => siteOf.get(id))).size >= 2)
    .map(([key, ids]) => ({ key, ids }));
  blocks.sort((a, b) => b.ids.length - a.ids.length || (a.key < b.key ? -1 : 1));
  const shards: { blocks: Block[]; pairs: number }[] = [];
  let current: { blocks: Block[]; pairs: number } | null = null;
  for (const block of blocks) {
    const pairs = (block.ids.length * (block.ids.length - 1)) / 2;
    if (current === null || current.pairs + pairs > BLOCKING.pairsPerShard) {
      current = { blocks: [], pairs: 0 };
      shards.push(current);
    }
    current.blocks.push(block);
    current.pairs += pairs;
  }
  return shards.map((s) => s.blocks);
}

/** Whether `key` is the smallest key the two articles share, so that only its block compares them. */
export function ownsPair(key: string, a: readonly string[], b: readonly string[]): boolean {
  const inB = new Set(b);
  for (const k of a) if (inB.has(k) && k < key) return false;
  return true;
}
