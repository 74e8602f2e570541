// The bundled and broken databases and the seed texts, read the way scripts/claims-check.ts does.
import { resolve } from 'node:path';
import { readJson, readSeedTexts } from '../../../scripts/lib/data';
import { DATABASE_PATH, FIXTURES_DIR } from '../../../scripts/lib/paths';

export { readJson, readSeedTexts as seedTexts };

export const bundledDatabase = (): unknown => readJson(DATABASE_PATH);
export const brokenDatabase = (name: string): unknown => readJson(resolve(FIXTURES_DIR, 'broken-databases', `${name}.json`));
