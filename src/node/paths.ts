// The repository's root (the one ROOT) and where Node code (the build, the tools, research and the
// tests) finds its data, so no file spells a path out again.
import { resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');
/** The bundled claim packs, one story each: a pack ships by being put here. */
export const PACKS_DIR = resolve(ROOT, 'assets/packs');
/** The bundled packs' JSON, gathered from PACKS_DIR by npm run build:index for the extension to import. */
export const BUNDLED_PACKS_PATH = resolve(ROOT, 'assets/generated/bundled-packs.json');
/** The captured article texts the bundled packs' quotes are checked against. */
export const SEEDS_DIR = resolve(ROOT, 'assets/seeds');
/** The claim index shipped with the extension, built by npm run build:index. */
export const INDEX_PATH = resolve(ROOT, 'assets/generated/claim-index.json');
/** The claims' sentence vectors shipped beside it (written when the sentence model is installed). */
export const CLAIM_VECTORS_PATH = resolve(ROOT, 'assets/generated/claim-vectors.json');
export const FIXTURES_DIR = resolve(ROOT, 'tests/fixtures');
/** Hand-written labels the eval judges the matcher against (the Raqqa story's pages). */
export const LABELS_DIR = resolve(FIXTURES_DIR, 'labels');
/** The pack whose claim and article ids the labels in LABELS_DIR are written in. */
export const LABELS_PACK = 'raqqa-convoy-2017';
/** Real pages of outlets outside the Raqqa pack, with their labels (eval and calibration data). */
export const OUTSIDE_DIR = resolve(FIXTURES_DIR, 'outside-pages/raqqa');
export const OUTSIDE_LABELS_DIR = resolve(OUTSIDE_DIR, 'labels');
/** Further stories for the tests and the eval, each a folder with its pack, articles, pages and labels. */
export const STORIES_DIR = resolve(FIXTURES_DIR, 'stories');
