// The claim packs that ship with Parallax: every file in assets/packs/, gathered by the build into
// assets/generated/bundled-packs.json (src/build/bundled-pack-list.ts, run before every build and
// typecheck), so they are inside the extension and never fetched, and no list is kept by hand. The
// service worker matches with them and the options page lists them beside the reader's installed
// packs, so both read this one list.
import packFiles from '../../../assets/generated/bundled-packs.json';
import { readPack } from '../../core/database/load';
import type { Pack } from '../../core/database/schema';

/** The packs in assets/packs/, in file-name order: the order npm run build:index indexes them in. */
const BUNDLED_PACK_FILES: readonly unknown[] = packFiles;

let bundled: Pack[] | null = null;

/** The bundled packs, validated once. */
export function bundledPacks(): Pack[] {
  return (bundled ??= BUNDLED_PACK_FILES.map((json) => readPack(json)));
}
