// npm run list:build -- PACK.json ... --key FILE --out DIR [--title T] [--publisher P]
//   [--home-page URL] [--update-hours N] [--seeds DIR ...]
// Makes a pack list ready for any static web host: DIR/list.json (the index), DIR/list.json.sig
// (its Ed25519 signature) and DIR/packs/<id>-<version>.json (the packs, byte for byte). Every pack
// must pass claims:check (its quotes checked against the article files of the --seeds folders,
// assets/seeds/ by default), or nothing is written. Title, publisher, home page and update interval are taken
// from the index already in DIR when not given. The private key never goes into DIR.
import { existsSync, mkdirSync, readdirSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parsePackList } from '../core/lists/list-schema';
import { readSeedTexts } from '../node/data';
import { readArgs, runScript, UsageError } from '../node/helpers/args';
import { SEEDS_DIR } from '../node/paths';
import { buildPackList, INDEX_FILE, ListBuildError, type ListDescription, type PackFile } from './pack-list/build-list';
import { ListKeyError, readListKey } from './pack-list/list-keys';

const USAGE =
  'npm run list:build -- PACK.json ... --key FILE --out DIR [--title T] [--publisher P] [--home-page URL] [--update-hours N] [--seeds DIR ...]';

/** The index already in the folder (a list being updated), if it can be read. */
function previousIndex(out: string) {
  const file = path.join(out, INDEX_FILE);
  if (!existsSync(file)) return null;
  const read = parsePackList(readFileSync(file, 'utf8'), 'https://list.invalid/list.json');
  if (!read.ok)
    throw new ListBuildError(
      `${file} is there but is not a pack list (${read.problems[0]}); move it away or choose another --out`,
    );
  return read.list;
}

function readPackFile(name: string): PackFile {
  try {
    return { name, bytes: readFileSync(name) };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ListBuildError(
      `${name}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : (error as Error).message}`,
    );
  }
}

/** Whether `file` is `dir` or inside it, links resolved. */
function inside(file: string, dir: string): boolean {
  const real = (p: string) => (existsSync(p) ? realpathSync(p) : path.resolve(p));
  const rel = path.relative(real(dir), real(file));
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

function main(): number {
  const { values: args, positionals } = readArgs({
    options: {
      key: { type: 'string' },
      out: { type: 'string' },
      title: { type: 'string' },
      publisher: { type: 'string' },
      'home-page': { type: 'string' },
      'update-hours': { type: 'string' },
      seeds: { type: 'string', multiple: true },
    },
    allowPositionals: true,
  });
  if (positionals.length === 0) throw new UsageError('give the pack files to publish');
  if (args.key === undefined)
    throw new UsageError('--key FILE is required: the private key to sign with (npm run list:key makes one)');
  if (args.out === undefined) throw new UsageError('--out DIR is required: the folder to publish');
  if (inside(args.key, args.out))
    throw new ListBuildError(
      `the private key ${args.key} is inside ${args.out}, the folder you publish: keep it elsewhere`,
    );
  const updateHours = args['update-hours'] === undefined ? undefined : Number(args['update-hours']);
  if (updateHours !== undefined && !Number.isInteger(updateHours))
    throw new UsageError('--update-hours takes a whole number of hours');

  const key = readListKey(args.key);
  const previous = previousIndex(args.out);
  const given = { title: args.title, publisher: args.publisher, homePage: args['home-page'] };
  const description: ListDescription = {
    title: given.title ?? previous?.title ?? '',
    publisher: given.publisher ?? previous?.publisher ?? '',
    homePage: given.homePage ?? previous?.homePage ?? '',
    ...((updateHours ?? previous?.updateHours) !== undefined && { updateHours: updateHours ?? previous?.updateHours }),
  };
  const missing = (['title', 'publisher', 'home-page'] as const).filter(
    (o) => description[o === 'home-page' ? 'homePage' : o] === '',
  );
  if (missing.length > 0) throw new UsageError(`${missing.map((o) => `--${o}`).join(', ')} required for a new list`);

  // Later than the index it replaces, even if this machine's clock is behind the last one's.
  const now = new Date();
  const published =
    previous && Date.parse(previous.published) >= now.getTime() ? new Date(Date.parse(previous.published) + 1000) : now;
  // Packs of several stories: each --seeds folder's articles, together.
  const texts = new Map((args.seeds ?? [SEEDS_DIR]).flatMap((dir) => [...readSeedTexts(path.resolve(dir))]));
  const built = buildPackList({ packs: positionals.map(readPackFile), texts, key, description, published });

  for (const [file, bytes] of built.files) {
    const to = path.join(args.out, file);
    mkdirSync(path.dirname(to), { recursive: true });
    writeFileSync(to, bytes);
  }
  console.log(
    `${path.join(args.out, INDEX_FILE)}: “${built.index.title}” by ${built.index.publisher}, ${built.index.packs.length} pack${built.index.packs.length === 1 ? '' : 's'}, made ${built.index.published}`,
  );
  for (const pack of built.index.packs)
    console.log(`  ${pack.id} ${pack.version}  ${pack.size} bytes  ${pack.address}`);
  if (previous && previous.publicKey !== key.publicKey) {
    console.log(
      `\nThis list was signed with another key before (${previous.publicKey}): every subscriber will be asked to accept the new one.`,
    );
  }
  const listed = new Set(built.index.packs.map((p) => p.address));
  const stale = readdirSync(path.join(args.out, 'packs'))
    .map((f) => `packs/${f}`)
    .filter((f) => !listed.has(f));
  if (stale.length > 0)
    console.log(`\nNo longer listed (delete them once subscribers have updated, in a day or so): ${stale.join(', ')}`);
  console.log(
    `\nPublish the folder as it is; readers subscribe to the address of ${INDEX_FILE}. Public key: ${key.publicKey}`,
  );
  return 0;
}

void runScript(import.meta, 'list:build', USAGE, main, [ListBuildError, ListKeyError]);
