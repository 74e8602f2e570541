// The claim packs that ship with Parallax (assets/packs/), imported so they are inside the
// extension and never fetched. The service worker matches with them and the options page lists
// them beside the reader's installed packs, so both read this one list.
import raqqaConvoy2017 from '../../../assets/packs/raqqa-convoy-2017.json';
import { readPack } from '../../core/database/load';
import type { Pack } from '../../core/database/schema';

/** The packs in assets/packs/, in file-name order: the order npm run build:index indexes them in. */
const BUNDLED_PACK_FILES: readonly unknown[] = [raqqaConvoy2017];

let bundled: Pack[] | null = null;

/** The bundled packs, validated once. */
export function bundledPacks(): Pack[] {
  return (bundled ??= BUNDLED_PACK_FILES.map((json) => readPack(json)));
}
