// Runs the zod schema and turns its issues into problems that name the claim, the report and the
// field, rather than a bare JSON path such as claims.12.reports.3.quote.
import type { z } from 'zod';
import { PACK_FORMAT, PackSchema, type Pack } from './schema';
import { claimPlace, type Problem } from './problems';

export type ParseResult = { ok: true; pack: Pack } | { ok: false; problems: Problem[] };

export function parsePack(json: unknown): ParseResult {
  // Any other JSON file (an old database, a settings export) is named for what it is not, once,
  // rather than with a problem for every field it lacks.
  if (json === null || typeof json !== 'object' || Array.isArray(json) || (json as { format?: unknown }).format !== PACK_FORMAT) {
    return { ok: false, problems: [{ claim: null, report: null, where: 'pack', field: 'format', message: `not a Parallax claim pack: its "format" must be "${PACK_FORMAT}"` }] };
  }
  const result = PackSchema.safeParse(json);
  if (result.success) return { ok: true, pack: result.data };
  return { ok: false, problems: result.error.issues.map((issue) => problemFromIssue(issue, json)) };
}

const COLLECTION_NAMES: Record<string, string> = { outlets: 'outlet', articles: 'article', claims: 'claim' };

function problemFromIssue(issue: z.core.$ZodIssue, json: unknown): Problem {
  const path = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
  const [collection, index, ...rest] = path;
  const message = describeIssue(issue);
  if (typeof collection !== 'string' || typeof index !== 'number' || !(collection in COLLECTION_NAMES)) {
    return { claim: null, report: null, where: 'pack', field: formatPath(path) || '(top level)', message };
  }
  const item = at(json, collection, index);
  const id = typeof at(item, 'id') === 'string' ? (at(item, 'id') as string) : `#${index}`;
  if (collection !== 'claims') {
    return { claim: null, report: null, where: `${COLLECTION_NAMES[collection]} "${id}"`, field: formatPath(rest) || '(whole entry)', message };
  }
  const [reports, reportIndex, ...field] = rest;
  if (reports === 'reports' && typeof reportIndex === 'number') {
    const article = at(item, 'reports', reportIndex, 'article');
    return {
      claim: id,
      report: reportIndex,
      where: claimPlace(id, { index: reportIndex, article: typeof article === 'string' ? article : '?' }),
      field: formatPath(field) || '(whole report)',
      message,
    };
  }
  return { claim: id, report: null, where: claimPlace(id), field: formatPath(rest) || '(whole claim)', message };
}

function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys') return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
  if (issue.code === 'invalid_type' && issue.input === undefined) return `missing (${issue.message})`;
  return issue.message;
}

export function formatPath(path: ReadonlyArray<string | number>): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}

function at(value: unknown, ...keys: Array<string | number>): unknown {
  let current = value;
  for (const key of keys) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string | number, unknown>)[key];
  }
  return current;
}
