// Loads the claim database once at start-up (service worker, CLI, tests): validates it, reads
// every value from its words, computes agree/differ per claim, and builds the lookups. It does not
// need the article texts; `checkDatabase` adds those checks for curators.
import { compareReports, type ClaimComparison } from '../quantities/compare';
import { readValue } from '../quantities/read-value';
import type { ReadValue } from '../quantities/types';
import { checkIntegrity } from './integrity';
import { createOutletLookup } from './outlets';
import { parseDatabase } from './parse';
import { DatabaseError } from './problems';
import type { Article, Claim, Database, Outlet, Quantity, Report, Story } from './schema';

export interface LoadedValue {
  quantity: Quantity;
  value: ReadValue;
  /** Where the value's words sit in the report's quote. */
  start: number;
  end: number;
  /** Whether another report's value of the same kind disagrees with this one. */
  differs: boolean;
}

export interface LoadedReport extends Report {
  index: number;
  articleRecord: Article;
  outletRecord: Outlet;
  values: LoadedValue[];
}

export interface LoadedClaim extends Omit<Claim, 'reports'> {
  storyRecord: Story;
  reports: LoadedReport[];
  status: 'agree' | 'differ';
  /** Why, one line per kind of value two or more reports state, naming the outlets. */
  reasons: string[];
  /** The values set side by side (reports in `reports` order), to word the reasons otherwise. */
  comparison: ClaimComparison;
}

export interface LoadedDatabase {
  database: Database;
  claims: LoadedClaim[];
  claimById(id: string): LoadedClaim | undefined;
  articleById(id: string): Article | undefined;
  /** The outlet whose pages live on this host; "www." and other subdomains count. */
  outletForHost(hostname: string): Outlet | null;
}

export function loadDatabase(json: unknown): LoadedDatabase {
  const parsed = parseDatabase(json);
  if (!parsed.ok) throw new DatabaseError(parsed.problems);
  const problems = checkIntegrity(parsed.database);
  if (problems.length > 0) throw new DatabaseError(problems);
  return compile(parsed.database);
}

/** Builds the loaded form of a database that has passed the schema and integrity checks. */
export function compile(database: Database): LoadedDatabase {
  const outlets = new Map(database.outlets.map((o) => [o.id, o]));
  const articles = new Map(database.articles.map((a) => [a.id, a]));
  const stories = new Map(database.stories.map((s) => [s.id, s]));
  const outletLookup = createOutletLookup(database.outlets);

  const claims = database.claims.map((claim): LoadedClaim => {
    const story = stories.get(claim.story) as Story;
    const reports = claim.reports.map((report, index): LoadedReport => {
      const articleRecord = articles.get(report.article) as Article;
      const values = report.quantities.map((quantity): LoadedValue => {
        const start = report.quote.indexOf(quantity.text);
        return {
          quantity,
          value: readValue(quantity.text, quantity.kind, { storyDate: story.date }),
          start,
          end: start + quantity.text.length,
          differs: false,
        };
      });
      return { ...report, index, articleRecord, outletRecord: outlets.get(articleRecord.outlet) as Outlet, values };
    });
    const comparison = compareReports(
      reports.map((r) => ({ label: r.outletRecord.name, values: r.values.map((v) => v.value) })),
    );
    reports.forEach((r, i) => r.values.forEach((v, j) => (v.differs = comparison.differs[i]?.[j] ?? false)));
    const { reports: _raw, ...rest } = claim;
    return { ...rest, storyRecord: story, reports, status: comparison.status, reasons: comparison.reasons, comparison };
  });
  const claimsById = new Map(claims.map((c) => [c.id, c]));

  return {
    database,
    claims,
    claimById: (id) => claimsById.get(id),
    articleById: (id) => articles.get(id),
    outletForHost: outletLookup.forHost,
  };
}
