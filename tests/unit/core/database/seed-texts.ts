// The bundled and broken packs and the seed texts, read the way src/tools/claims-check.ts does.
import { resolve } from 'node:path';
import { readJson, readSeedTexts } from '../../../../src/node/data';
import { FIXTURES_DIR, PACKS_DIR } from '../../../../src/node/paths';

export { readJson, readSeedTexts as seedTexts };

/** The bundled Raqqa pack's JSON, as the extension imports it. */
export const raqqaPack = (): unknown => readJson(resolve(PACKS_DIR, 'raqqa-convoy-2017.json'));
export const brokenPack = (name: string): unknown => readJson(resolve(FIXTURES_DIR, 'broken-packs', `${name}.json`));
/** A claim's id in a set of packs holding the Raqqa pack. */
export const raqqa = (claimId: string): string => `raqqa-convoy-2017/${claimId}`;
