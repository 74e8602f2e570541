// What the options page tells the reader about the bundled claim database: its stories, and how
// many facts (claims), outlets and articles it holds.
import type { LoadedDatabase } from '../../core/database/load';

export interface DatabaseSummary {
  version: string;
  stories: { title: string; date: string }[];
  claims: number;
  /** Claims on which the outlets' numbers disagree: what "only differing" keeps. */
  differingClaims: number;
  outlets: number;
  articles: number;
}

export function databaseSummary(loaded: LoadedDatabase): DatabaseSummary {
  const { combined } = loaded;
  return {
    version: combined.packs.map((pack) => pack.version).join(', '),
    stories: combined.packs.map(({ title, date }) => ({ title, date })),
    claims: loaded.claims.length,
    differingClaims: loaded.claims.filter((claim) => claim.status === 'differ').length,
    outlets: combined.outlets.length,
    articles: combined.articles.length,
  };
}
