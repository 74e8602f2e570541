// Where the scripts find the repository's data, so no script spells a path out again.
import { resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');
/** The bundled claim database (the extension imports the same file). */
export const DATABASE_PATH = resolve(ROOT, 'assets/database/raqqa-convoy-2017.json');
export const DATABASE_DIR = resolve(ROOT, 'assets/database');
/** The captured article texts the database's quotes are checked against. */
export const SEEDS_DIR = resolve(ROOT, 'assets/seeds');
/** The claim index shipped with the extension, built by npm run build:index. */
export const INDEX_PATH = resolve(ROOT, 'assets/generated/claim-index.json');
/** The claims' sentence vectors shipped beside it (written when the sentence model is installed). */
export const CLAIM_VECTORS_PATH = resolve(ROOT, 'assets/generated/claim-vectors.json');
export const FIXTURES_DIR = resolve(ROOT, 'tests/fixtures');
/** Hand-written labels the eval judges the matcher against. */
export const LABELS_DIR = resolve(FIXTURES_DIR, 'labels');
