// A pack list as a curator publishes it (npm run list:build) and a reader's Parallax reads it: an
// index naming the list, its publisher and signing key, and each story pack it holds with the
// pack's size and SHA-256, signed as a whole (list-signature.ts). The zod schema is the one
// definition of the format, documented in docs/pack-lists.md. Everything in an index comes from
// someone else's server, so every part of it is bounded, and the bounds are the documented limits.
import { z } from 'zod';
import { MAX_PACK_FILE_BYTES } from '../database/limits';
import { PackSchema } from '../database/schema';
import { webAddressProblem } from '../database/web-address';
import { packAddressProblem } from './list-address';

/** What an index says it is, so that any other file is refused with a clear message. */
export const LIST_FORMAT = 'parallax-pack-list';
/** Bumped when an index written for an older Parallax could be misread. */
export const LIST_FORMAT_VERSION = 1;

/** The most a list may hold (docs/pack-lists.md lists them for curators). */
export const LIST_LIMITS = {
  /** The index file (50 packs take about 12 KB). */
  indexBytes: 256 * 1024,
  /** The signature file (a 64-byte signature in base64 is 88 characters). */
  signatureBytes: 1024,
  /** Packs in one list. */
  packs: 200,
  /** One pack file: the same bound as a pack added from a file. */
  packBytes: MAX_PACK_FILE_BYTES,
  /**
   * All of a list's packs together: Chromium gives Parallax 10 MB of local storage for every
   * story a reader has, so one list may not take it all.
   */
  listBytes: 8 * 1024 * 1024,
  text: { title: 200, publisher: 200, address: 2000 },
  /** Hours between updates: at least one, at most 30 days; a day when the list says nothing. */
  updateHours: { min: 1, max: 720, default: 24 },
} as const;

const text = (max: number) =>
  z
    .string()
    .min(1, 'must not be empty')
    .max(max, `must be at most ${max} characters`)
    .regex(/^(?!\s)[\s\S]*(?<!\s)$/, 'must not start or end with a space');

/** An Ed25519 public key: its 32 bytes in base64. */
export const PUBLIC_KEY_PATTERN = /^[A-Za-z0-9+/]{42}[AEIMQUYcgkosw048]=$/;

export const ListPackSchema = z.strictObject({
  /** The pack's id, as in its file. */
  id: PackSchema.shape.id,
  /** The pack's story title, as in its file (what the reader sees before it is installed). */
  title: text(LIST_LIMITS.text.title),
  version: PackSchema.shape.version,
  /** The file's size in bytes: a download past it is stopped. */
  size: z
    .number()
    .int('must be a whole number of bytes')
    .min(1, 'must be at least 1')
    .max(LIST_LIMITS.packBytes, `must be at most ${LIST_LIMITS.packBytes} bytes (5 MB)`),
  /** The file's SHA-256, in lower-case hexadecimal. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/, 'must be a SHA-256 written as 64 lower-case hexadecimal digits'),
  /** Where the file is: relative to the index (packs/x-1.0.0.json), or absolute on the index's own site. */
  address: z
    .string()
    .min(1, 'must not be empty')
    .max(LIST_LIMITS.text.address, `must be at most ${LIST_LIMITS.text.address} characters`),
});

export const PackListSchema = z
  .strictObject({
    format: z.literal(LIST_FORMAT),
    formatVersion: z.literal(
      LIST_FORMAT_VERSION,
      `must be ${LIST_FORMAT_VERSION}: this Parallax reads lists of format version ${LIST_FORMAT_VERSION}`,
    ),
    title: text(LIST_LIMITS.text.title),
    publisher: text(LIST_LIMITS.text.publisher),
    /** The list's web page, where readers learn who makes it (and can compare its key). */
    homePage: z.string().max(LIST_LIMITS.text.address, `must be at most ${LIST_LIMITS.text.address} characters`),
    /** The curator's Ed25519 public key, which signs the index. */
    publicKey: z
      .string()
      .regex(PUBLIC_KEY_PATTERN, 'must be an Ed25519 public key: 32 bytes in base64 (44 characters)'),
    /** How often subscribers look for a new index, in hours. */
    updateHours: z
      .number()
      .int('must be a whole number of hours')
      .min(
        LIST_LIMITS.updateHours.min,
        `must be at least ${LIST_LIMITS.updateHours.min}: Parallax checks a list at most once an hour`,
      )
      .max(LIST_LIMITS.updateHours.max, `must be at most ${LIST_LIMITS.updateHours.max} (30 days)`)
      .optional(),
    /** When this index was made: a subscriber never goes back to an older one. */
    published: z.iso.datetime({ message: 'must be a date and time such as 2025-03-20T10:00:00Z' }),
    packs: z.array(ListPackSchema).max(LIST_LIMITS.packs, `a list may hold at most ${LIST_LIMITS.packs} packs`),
  })
  .superRefine((list, ctx) => {
    const seen = new Set<string>();
    list.packs.forEach((pack, i) => {
      if (seen.has(pack.id))
        ctx.addIssue({
          code: 'custom',
          path: ['packs', i, 'id'],
          message: `another pack of the list has the id "${pack.id}"`,
        });
      seen.add(pack.id);
    });
    const total = list.packs.reduce((sum, p) => sum + p.size, 0);
    if (total > LIST_LIMITS.listBytes) {
      ctx.addIssue({
        code: 'custom',
        path: ['packs'],
        message: `its packs weigh ${total} bytes together, more than a list may (${LIST_LIMITS.listBytes / 1024 / 1024} MB)`,
      });
    }
  });

export type PackList = z.infer<typeof PackListSchema>;
export type ListPack = z.infer<typeof ListPackSchema>;

/** The hours between a list's updates. */
export const updateHoursOf = (list: Pick<PackList, 'updateHours'>): number =>
  list.updateHours ?? LIST_LIMITS.updateHours.default;

export type ListParseResult = { ok: true; list: PackList } | { ok: false; problems: string[] };

/**
 * An index's text, read at `address` (packs' addresses are resolved against it and must stay on
 * its site). Each problem names the field, and the pack by its id.
 */
export function parsePackList(text: string, address: string): ListParseResult {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return { ok: false, problems: [`not JSON (${(error as Error).message})`] };
  }
  if (
    json === null ||
    typeof json !== 'object' ||
    Array.isArray(json) ||
    (json as { format?: unknown }).format !== LIST_FORMAT
  ) {
    return { ok: false, problems: [`not a Parallax pack list: its "format" must be "${LIST_FORMAT}"`] };
  }
  const parsed = PackListSchema.safeParse(json);
  if (!parsed.success) return { ok: false, problems: parsed.error.issues.map((issue) => describe(issue, json)) };
  const problems: string[] = [];
  const home = webAddressProblem(parsed.data.homePage);
  if (home) problems.push(`homePage: ${home}`);
  parsed.data.packs.forEach((pack, i) => {
    const problem = packAddressProblem(pack.address, address);
    if (problem) problems.push(`${packPlace(pack.id, i)}, address: ${problem}`);
  });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, list: parsed.data };
}

function valueAt(json: unknown, path: readonly (string | number)[]): unknown {
  let value = json;
  for (const key of path)
    value = typeof value === 'object' && value !== null ? (value as Record<string | number, unknown>)[key] : undefined;
  return value;
}

const packPlace = (id: unknown, index: number) =>
  typeof id === 'string' && id !== '' ? `pack "${id}"` : `packs[${index}]`;

function describe(issue: z.core.$ZodIssue, json: unknown): string {
  const path = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
  const message =
    issue.code === 'unrecognized_keys'
      ? `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`
      : issue.code === 'invalid_type' && valueAt(json, path) === undefined
        ? 'missing'
        : issue.message;
  if (path[0] === 'packs' && typeof path[1] === 'number') {
    const entry = (json as { packs?: unknown[] }).packs?.[path[1]];
    const id = typeof entry === 'object' && entry !== null ? (entry as { id?: unknown }).id : undefined;
    const field = path.slice(2).join('.');
    return `${packPlace(id, path[1])}${field ? `, ${field}` : ''}: ${message}`;
  }
  return `${path.join('.') || '(the whole list)'}: ${message}`;
}
