// Writes the list of packs the extension bundles (assets/generated/bundled-packs.json) from the
// files in assets/packs/, so that a pack ships by being put in the folder and no list is kept by
// hand: the extension (src/extension/packs/bundled-packs.ts) imports this file, and the claim index
// is built from the same folder (claim-index-file.ts). Run by `npm run build:index` and before every
// WXT build; a pack that fails its checks stops the build, naming the file and every problem.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { bundledPackPaths, readPackFile } from '../node/data';
import { BUNDLED_PACKS_PATH } from '../node/paths';

/** Every pack file in assets/packs/, in name order, as its JSON (validated first); returns a one-line summary. */
export function writeBundledPackList(paths = bundledPackPaths(), out = BUNDLED_PACKS_PATH): string {
  const packs = paths.map((path) => {
    readPackFile(path);
    return JSON.parse(readFileSync(path, 'utf8')) as unknown;
  });
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, JSON.stringify(packs));
  return `bundled packs: ${paths.map((p) => basename(p)).join(', ')} → ${out}`;
}
