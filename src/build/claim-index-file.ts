// Writes the claim index shipped with the extension, assets/generated/claim-index.json, from the
// bundled database. Called by `npm run build:index` and by a WXT hook before every build (`wxt`,
// `wxt build`, `wxt zip`, any browser), so a fresh clone builds by any route. The claims' sentence
// vectors are written beside it by claim-vectors-file.ts (in a process of its own:
// writeClaimVectorsApart, so the bundler's process never loads the model).
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { buildIndex } from '../core/match/index-builder';
import { readDatabase } from '../node/data';
import { INDEX_PATH, ROOT } from '../node/paths';

/** Builds and writes the index; returns a one-line summary for the build log. */
export function writeClaimIndex(): string {
  const index = buildIndex(readDatabase());
  mkdirSync(dirname(INDEX_PATH), { recursive: true });
  const json = JSON.stringify(index);
  writeFileSync(INDEX_PATH, json);
  return `claim index: ${index.claims.length} claims, ${index.terms.length} terms, ${(json.length / 1024).toFixed(1)} KiB → ${INDEX_PATH}`;
}

/** Runs `build-index.ts --vectors-only` in a child process; returns what it printed (or why it failed). */
export function writeClaimVectorsApart(): { ok: boolean; message: string } {
  const run = spawnSync(
    process.execPath,
    ['--import', 'tsx', resolve(ROOT, 'src/build/build-index.ts'), '--vectors-only'],
    { cwd: ROOT, encoding: 'utf8' },
  );
  const said = `${run.stdout ?? ''}${run.stderr ?? ''}`.trim();
  return { ok: run.status === 0, message: said || `build-index exited with ${String(run.status)}` };
}
