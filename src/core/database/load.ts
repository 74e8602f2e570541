// Loads claim packs once at start-up (service worker, CLI, tests): validates each, joins them into
// one set, reads every value from its words, computes agree / differ / nothing to compare per
// claim, and builds the lookups. It does not need the article texts; `checkPack` adds those checks
// for curators.
import { compareReports, type ClaimComparison, type ComparisonStatus } from '../quantities/compare';
import { readValue } from '../quantities/read-value';
import type { ReadValue } from '../quantities/types';
import { combinePacks, type Database, type PackInSet, type SetArticle, type SetClaim, type SetPack } from './combine';
import { checkIntegrity } from './integrity';
import { createOutletLookup } from './outlets';
import { parsePack } from './parse';
import { PackError } from './problems';
import type { Outlet, Pack, Report, Value } from './schema';
import type { PackBudget } from './pack-budget';

export interface LoadedValue {
  /** The value as the pack states it. */
  spec: Value;
  value: ReadValue;
  /** Where the value's words sit in the report's quote. */
  start: number;
  end: number;
  /** Whether another report's value of the same kind disagrees with this one. */
  differs: boolean;
}

export interface LoadedReport extends Omit<Report, 'values'> {
  index: number;
  articleRecord: SetArticle;
  outletRecord: Outlet;
  values: LoadedValue[];
}

export interface LoadedClaim extends Omit<SetClaim, 'reports'> {
  packRecord: SetPack;
  reports: LoadedReport[];
  /** differ, agree, or not-compared: the outlets give no value two of them share. */
  status: ComparisonStatus;
  /** Why, one line per kind of value two or more reports state, naming the outlets. */
  reasons: string[];
  /** The values set side by side (reports in `reports` order), to word the reasons otherwise. */
  comparison: ClaimComparison;
}

export interface LoadedDatabase {
  /** The packs combined (combinePacks), before values are read: what the matcher and the index builder take. */
  combined: Database;
  claims: LoadedClaim[];
  claimById(id: string): LoadedClaim | undefined;
  articleById(id: string): SetArticle | undefined;
  /** The outlet whose pages live on this host; "www." and other subdomains count. */
  outletForHost(hostname: string): Outlet | null;
}

/** A pack file's JSON, validated: the schema and the integrity checks. Throws a PackError naming every problem. */
export function readPack(json: unknown): Pack {
  const parsed = parsePack(json);
  const id =
    json !== null && typeof json === 'object' && typeof (json as { id?: unknown }).id === 'string'
      ? (json as { id: string }).id
      : null;
  if (!parsed.ok) throw new PackError(parsed.problems, id);
  const problems = checkIntegrity(parsed.pack);
  if (problems.length > 0) throw new PackError(problems, id);
  return parsed.pack;
}

/** The bundled packs and the reader's installed ones, validated, joined and compiled. */
export function loadDatabase(bundled: readonly unknown[], installed: readonly unknown[] = []): LoadedDatabase {
  const packs: PackInSet[] = [
    ...bundled.map((json) => ({ pack: readPack(json), origin: 'bundled' as const })),
    ...installed.map((json) => ({ pack: readPack(json), origin: 'installed' as const })),
  ];
  return compile(combinePacks(packs));
}

/**
 * Builds the loaded form of a set of packs that have passed the schema and integrity checks.
 * `budget`, in the service worker, stops a pack that takes too long (pack-budget.ts).
 */
export function compile(combined: Database, budget?: PackBudget): LoadedDatabase {
  const outlets = new Map(combined.outlets.map((o) => [o.id, o]));
  const articles = new Map(combined.articles.map((a) => [a.id, a]));
  const packs = new Map(combined.packs.map((p) => [p.id, p]));
  const outletLookup = createOutletLookup(combined.outlets);

  const claims = combined.claims.map((claim): LoadedClaim => {
    budget?.charge(claim.pack);
    const pack = packs.get(claim.pack) as SetPack;
    const reports = claim.reports.map((report, index): LoadedReport => {
      const articleRecord = articles.get(report.article) as SetArticle;
      const values = report.values.map((spec): LoadedValue => {
        const start = report.quote.indexOf(spec.text);
        return {
          spec,
          value: readValue(spec, { storyDate: pack.date, articleDate: articleRecord.published }),
          start,
          end: start + spec.text.length,
          differs: false,
        };
      });
      return { ...report, index, articleRecord, outletRecord: outlets.get(articleRecord.outlet) as Outlet, values };
    });
    const comparison = compareReports(
      reports.map((r) => ({ label: r.outletRecord.name, values: r.values.map((v) => v.value) })),
      pack.totals,
    );
    reports.forEach((r, i) => r.values.forEach((v, j) => (v.differs = comparison.differs[i]?.[j] ?? false)));
    const { reports: _raw, ...rest } = claim;
    return { ...rest, packRecord: pack, reports, status: comparison.status, reasons: comparison.reasons, comparison };
  });
  budget?.settle();
  const claimsById = new Map(claims.map((c) => [c.id, c]));

  return {
    combined,
    claims,
    claimById: (id) => claimsById.get(id),
    articleById: (id) => articles.get(id),
    outletForHost: outletLookup.forHost,
  };
}
