// The bundled packs are the files in assets/packs/: the build gathers them into the list the
// extension imports, so a pack ships by being put in the folder and a broken one stops the build.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { writeBundledPackList } from '../../../src/build/bundled-pack-list';
import { bundledPacks } from '../../../src/extension/packs/bundled-packs';
import { bundledPackPaths, PackFileError, readPackFile } from '../../../src/node/data';
import { FIXTURES_DIR, PACKS_DIR } from '../../../src/node/paths';

const FERRY_PACK = join(FIXTURES_DIR, 'stories/northern-lark-ferry-fire-2025/pack.json');
const RAQQA_PACK = join(PACKS_DIR, 'raqqa-convoy-2017.json');

let dir: string;
const tempDir = () => (dir = mkdtempSync(join(tmpdir(), 'parallax-packs-')));
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('the bundled pack list', () => {
  it('holds every given pack file, in the given order, as its JSON', () => {
    const out = join(tempDir(), 'bundled-packs.json');
    const said = writeBundledPackList([FERRY_PACK, RAQQA_PACK], out);
    const written = JSON.parse(readFileSync(out, 'utf8')) as { id: string }[];
    expect(written.map((p) => p.id)).toEqual(['northern-lark-ferry-fire-2025', 'raqqa-convoy-2017']);
    expect(written[1]).toEqual(JSON.parse(readFileSync(RAQQA_PACK, 'utf8')));
    expect(said).toContain('pack.json, raqqa-convoy-2017.json');
  });

  it('refuses a pack that fails its checks, naming the file, and writes nothing', () => {
    const out = join(tempDir(), 'bundled-packs.json');
    const broken = join(FIXTURES_DIR, 'broken-packs/unreadable-value.json');
    expect(() => writeBundledPackList([RAQQA_PACK, broken], out)).toThrow(PackFileError);
    expect(() => writeBundledPackList([RAQQA_PACK, broken], out)).toThrow(/unreadable-value\.json/);
    expect(() => readFileSync(out)).toThrow();
  });

  it('is what the extension bundles: the packs of assets/packs/, in file-name order', () => {
    expect(bundledPacks().map((p) => p.id)).toEqual(bundledPackPaths().map((path) => readPackFile(path).id));
  });
});
