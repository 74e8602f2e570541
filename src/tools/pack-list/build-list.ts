// A pack list made from pack files (npm run list:build): each pack checked as claims:check checks
// it, quotes included, and refused on any problem; the index describing each file as it is (its
// bytes are published unchanged, so its SHA-256 is the one the curator checked); the index signed.
// Writing the folder is the command's (src/tools/list-build.ts); this is the part tests call.
import { createHash } from 'node:crypto';
import { checkPack } from '../../core/database/check';
import { formatProblem } from '../../core/database/problems';
import type { ArticleTexts } from '../../core/database/quote-check';
import {
  LIST_FORMAT,
  LIST_FORMAT_VERSION,
  LIST_LIMITS,
  parsePackList,
  type PackList,
} from '../../core/lists/list-schema';
import { signIndex, type ListKey } from './list-keys';

/** A pack that cannot go into a list, or a list that cannot be made; the message says which and why. */
export class ListBuildError extends Error {}

export interface PackFile {
  /** As the curator named it on the command line (for messages). */
  name: string;
  bytes: Buffer;
}

export interface ListDescription {
  title: string;
  publisher: string;
  homePage: string;
  updateHours?: number;
}

export interface BuiltList {
  index: PackList;
  /** The files to publish, by path inside the output folder: list.json, list.json.sig, packs/…. */
  files: Map<string, Buffer>;
}

/** Where a pack's file goes in the folder: its id and version, so a new version is a new address (no stale cache). */
export const packPath = (id: string, version: string): string => `packs/${id}-${version}.json`;

export const INDEX_FILE = 'list.json';
export const SIGNATURE_FILE = `${INDEX_FILE}.sig`;

/**
 * The list's files. `published` is when the index is made (later than any index published before
 * in this folder: subscribers never go back to an older one).
 */
export function buildPackList(args: {
  packs: readonly PackFile[];
  texts: ArticleTexts;
  key: ListKey;
  description: ListDescription;
  published: Date;
}): BuiltList {
  if (args.packs.length > LIST_LIMITS.packs)
    throw new ListBuildError(`${args.packs.length} packs: a list holds at most ${LIST_LIMITS.packs}`);
  const files = new Map<string, Buffer>();
  const entries: PackList['packs'] = [];
  for (const file of args.packs) {
    if (file.bytes.length > LIST_LIMITS.packBytes)
      throw new ListBuildError(
        `${file.name}: ${file.bytes.length} bytes, larger than a pack may be (${LIST_LIMITS.packBytes / 1024 / 1024} MB)`,
      );
    let json: unknown;
    try {
      json = JSON.parse(file.bytes.toString('utf8').replace(/^\uFEFF/, ''));
    } catch (error) {
      throw new ListBuildError(`${file.name}: cannot be read as JSON: ${(error as Error).message}`);
    }
    const checked = checkPack(json, args.texts);
    if (checked.problems.length > 0 || checked.pack === null) {
      const n = checked.problems.length;
      throw new ListBuildError(
        `${file.name} fails claims:check (${n} problem${n === 1 ? '' : 's'}), so no list was made:\n${checked.problems.map((p) => `  - ${formatProblem(p)}`).join('\n')}`,
      );
    }
    const { pack } = checked;
    const twin = entries.find((e) => e.id === pack.id);
    if (twin)
      throw new ListBuildError(
        `${file.name}: another pack given has the id "${pack.id}" (version ${twin.version}); a list holds one version of each`,
      );
    const path = packPath(pack.id, pack.version);
    files.set(path, file.bytes);
    entries.push({
      id: pack.id,
      title: pack.story.title,
      version: pack.version,
      size: file.bytes.length,
      sha256: createHash('sha256').update(file.bytes).digest('hex'),
      address: path,
    });
  }
  const index: PackList = {
    format: LIST_FORMAT,
    formatVersion: LIST_FORMAT_VERSION,
    title: args.description.title,
    publisher: args.description.publisher,
    homePage: args.description.homePage,
    publicKey: args.key.publicKey,
    ...(args.description.updateHours !== undefined && { updateHours: args.description.updateHours }),
    published: args.published.toISOString(),
    packs: entries,
  };
  const indexBytes = Buffer.from(`${JSON.stringify(index, null, 2)}\n`, 'utf8');
  // The same reading a subscriber's Parallax does (the address only places the packs' addresses).
  const read = parsePackList(indexBytes.toString('utf8'), 'https://list.invalid/list.json');
  if (!read.ok) throw new ListBuildError(`the list would not be readable: ${read.problems.join('; ')}`);
  if (indexBytes.length > LIST_LIMITS.indexBytes)
    throw new ListBuildError(
      `the index would be ${indexBytes.length} bytes, more than a list's may (${LIST_LIMITS.indexBytes / 1024} KB)`,
    );
  files.set(INDEX_FILE, indexBytes);
  files.set(SIGNATURE_FILE, Buffer.from(signIndex(indexBytes, args.key.privateKey), 'utf8'));
  return { index, files };
}
