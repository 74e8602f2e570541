// A set of packs, as the matcher, the index builder and the claim views use it: one list of
// packs (one story each), outlets, articles and claims. Packs are written apart, by different
// curators, so their ids may clash: in the set a claim or article is known by its pack and id
// ("raqqa-convoy-2017/convoy-length"), and an outlet by the hosts its pages live on (the same
// outlet in two packs is one outlet, so that a reader of its page never sees its own reports).
import { compileLexicon, type Lexicon } from '../terms/lexicon';
import { HostOwners } from './outlets';
import { PackError } from './problems';
import type { Article, Claim, Outlet, Pack, PackLexicon, Report, Total } from './schema';

/** Where a pack came from: shipped with Parallax, or installed by the reader. */
export type PackOrigin = 'bundled' | 'installed';

/** A pack in the set: its id, and its story's title and date (one story per pack: the pack's id names it). */
export interface SetPack {
  id: string;
  title: string;
  /** YYYY-MM-DD; relative dates in quotes resolve against it. */
  date: string;
  version: string;
  origin: PackOrigin;
  /** A draft no person has reviewed (the pack's `draft`): its summaries may hold placeholders. */
  draft: boolean;
  lexicon: PackLexicon;
  totals: Total[];
}

export interface SetArticle extends Article {
  /** The pack the article came from, and its id there. */
  pack: string;
  localId: string;
}

export interface SetClaim extends Claim {
  pack: string;
  /** The claim's id in its pack (what labels and the pack file say). */
  localId: string;
  reports: Report[];
}

export interface Database {
  packs: SetPack[];
  outlets: Outlet[];
  articles: SetArticle[];
  claims: SetClaim[];
}

/** The id of a pack's claim or article in a set of packs. */
export function qualifiedId(pack: string, id: string): string {
  return `${pack}/${id}`;
}

export interface PackInSet {
  pack: Pack;
  origin: PackOrigin;
}

/**
 * Joins packs into one set. Pack ids must be unique (mergePacks in pack-store.ts sees to it), and
 * a pack whose outlets would take in another pack's outlet's pages (outlets.ts) is refused with a
 * PackError: mergePacks leaves such packs out, so only a command line given one meets it.
 */
export function combinePacks(packs: readonly PackInSet[]): Database {
  const db: Database = { packs: [], outlets: [], articles: [], claims: [] };
  const owners = new HostOwners();
  const outletById = new Map<string, Outlet>();
  for (const { pack, origin } of packs) {
    if (db.packs.some((p) => p.id === pack.id)) throw new Error(`two packs have the id "${pack.id}"`);
    const placement = owners.place(pack);
    if (placement.problems.length > 0) throw new PackError(placement.problems, pack.id);
    db.packs.push({
      id: pack.id,
      title: pack.story.title,
      date: pack.story.date,
      version: pack.version,
      origin,
      draft: pack.draft === true,
      lexicon: pack.lexicon,
      totals: pack.totals,
    });
    // The pack's outlets as the set knows them: an outlet of an earlier pack keeps its id there.
    const inSet = owners.record(pack, placement, (outlet) => {
      const id = outletById.has(outlet.id) ? qualifiedId(pack.id, outlet.id) : outlet.id;
      const added: Outlet = { ...outlet, id, hosts: [...outlet.hosts] };
      db.outlets.push(added);
      outletById.set(id, added);
      return added;
    });
    const outletIds = new Map([...inSet].map(([local, outlet]) => [local, outlet.id]));
    for (const article of pack.articles) {
      db.articles.push({
        ...article,
        id: qualifiedId(pack.id, article.id),
        outlet: outletIds.get(article.outlet) ?? article.outlet,
        pack: pack.id,
        localId: article.id,
      });
    }
    for (const claim of pack.claims) {
      db.claims.push({
        ...claim,
        id: qualifiedId(pack.id, claim.id),
        pack: pack.id,
        localId: claim.id,
        reports: claim.reports.map((r) => ({ ...r, article: qualifiedId(pack.id, r.article) })),
      });
    }
  }
  return db;
}

const lexicons = new WeakMap<readonly SetPack[], Lexicon>();

/** The lexicon a set's claims and the pages matched against it are read with: every pack's own words with the generic ones. */
export function lexiconOf(db: Pick<Database, 'packs'>): Lexicon {
  let lexicon = lexicons.get(db.packs);
  if (lexicon === undefined) lexicons.set(db.packs, (lexicon = compileLexicon(db.packs.map((p) => p.lexicon))));
  return lexicon;
}
