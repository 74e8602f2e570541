// Runs the zod schema and turns its issues into problems that name the claim, the report and the
// field, rather than a bare JSON path such as claims.12.reports.3.quote.
import type { z } from 'zod';
import { PACK_FORMAT, PackSchema, type Pack } from './schema';
import { claimPlace, type Problem } from './problems';

export type ParseResult = { ok: true; pack: Pack } | { ok: false; problems: Problem[] };

export function parsePack(json: unknown): ParseResult {
  // Any other JSON file (an old database, a settings export) is named for what it is not, once,
  // rather than with a problem for every field it lacks.
  if (
    json === null ||
    typeof json !== 'object' ||
    Array.isArray(json) ||
    (json as { format?: unknown }).format !== PACK_FORMAT
  ) {
    return {
      ok: false,
      problems: [
        {
          claim: null,
          report: null,
          where: 'pack',
          field: 'format',
          message: `not a Parallax claim pack: its "format" must be "${PACK_FORMAT}"`,
        },
      ],
    };
  }
  const result = PackSchema.safeParse(json);
  if (result.success) return { ok: true, pack: result.data };
  // A field of the wrong type is reported as that alone, not also as too long or too short.
  const key = (issue: z.core.$ZodIssue) => JSON.stringify(issue.path.map(String));
  const wrongType = new Set(result.error.issues.filter((i) => i.code === 'invalid_type').map(key));
  const issues = result.error.issues.filter((i) => i.code === 'invalid_type' || !wrongType.has(key(i)));
  return { ok: false, problems: issues.map((issue) => problemFromIssue(issue, json)) };
}

const COLLECTION_NAMES: Record<string, string> = { outlets: 'outlet', articles: 'article', claims: 'claim' };

function problemFromIssue(issue: z.core.$ZodIssue, json: unknown): Problem {
  const path = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
  const [collection, index, ...rest] = path;
  const message = describeIssue(issue, at(json, ...path));
  if (typeof collection !== 'string' || typeof index !== 'number' || !(collection in COLLECTION_NAMES)) {
    return { claim: null, report: null, where: 'pack', field: formatPath(path) || '(top level)', message };
  }
  const item = at(json, collection, index);
  const id = typeof at(item, 'id') === 'string' ? (at(item, 'id') as string) : `#${index}`;
  if (collection !== 'claims') {
    return {
      claim: null,
      report: null,
      where: `${COLLECTION_NAMES[collection]} "${id}"`,
      field: formatPath(rest) || '(whole entry)',
      message,
    };
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

// zod's own messages ("Invalid input: expected string, received number") are for programmers: a
// reader who is refused a pack gets them in words. Messages the schema wrote itself pass through.
const ZOD_WORDING = /^(Invalid|Too (big|small)|Unrecognized|Expected)\b/;

function describeIssue(issue: z.core.$ZodIssue, input: unknown): string {
  switch (issue.code) {
    case 'unrecognized_keys':
      return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
    case 'invalid_type': {
      const expected = TYPE_WORDS[issue.expected] ?? issue.expected;
      // An absent field is missing; a field of another type is there, but wrong.
      return input === undefined ? `missing: it must be ${expected}` : `must be ${expected}, not ${typeWords(input)}`;
    }
    case 'too_big': {
      if (!ZOD_WORDING.test(issue.message)) return issue.message;
      const max = Number(issue.maximum).toLocaleString('en');
      if (issue.origin === 'string')
        return `${typeof input === 'string' ? `${input.length.toLocaleString('en')} characters` : 'too long'}: a pack allows at most ${max}`;
      if (issue.origin === 'array')
        return `${Array.isArray(input) ? `${input.length.toLocaleString('en')} entries` : 'too many entries'}: a pack allows at most ${max}`;
      return `too large: at most ${max}`;
    }
    case 'too_small': {
      if (!ZOD_WORDING.test(issue.message)) return issue.message;
      if (issue.origin === 'string') return 'must not be empty';
      if (issue.origin === 'array')
        return Number(issue.minimum) === 1
          ? 'must list at least one entry'
          : `must list at least ${Number(issue.minimum)} entries`;
      return `too small: at least ${Number(issue.minimum)}`;
    }
    case 'invalid_union':
      if (issue.discriminator !== undefined) {
        const options = (issue as { options?: unknown[] }).options ?? [];
        const known = options.map((o) => `"${String(o)}"`).join(', ');
        return `${input === undefined ? 'missing' : `unknown ${issue.discriminator} "${String(input).slice(0, 40)}"`}: it must be one of ${known}`;
      }
      return 'is not any of the forms this field may take';
    default:
      return ZOD_WORDING.test(issue.message) ? 'is not valid here' : issue.message;
  }
}

const TYPE_WORDS: Record<string, string> = {
  string: 'text',
  number: 'a number',
  boolean: 'true or false',
  array: 'a list ([…])',
  object: 'an object ({…})',
  null: 'null',
};

function typeWords(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return 'text';
  if (typeof value === 'number') return 'a number';
  if (typeof value === 'boolean') return `${value}`;
  return typeof value;
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
