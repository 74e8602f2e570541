// What the options page tells the reader about the bundled claim database.
import type { Database } from '../core/database/schema';

export interface DatabaseFacts {
  version: string;
  stories: { title: string; date: string }[];
  claims: number;
  outlets: number;
  articles: number;
}

export function databaseFacts(database: Database): DatabaseFacts {
  return {
    version: database.version,
    stories: database.stories.map(({ title, date }) => ({ title, date })),
    claims: database.claims.length,
    outlets: database.outlets.length,
    articles: database.articles.length,
  };
}
