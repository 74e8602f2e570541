import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CORE_DIR, coreImportProblems } from '../../../src/tools/check-imports';

const file = (name: string, text: string) => ({ path: resolve(CORE_DIR, name), text });

describe('the core import check', () => {
  it('reports browser, Node and upper-layer imports with file and line', () => {
    const problems = coreImportProblems([
      file(
        'text/example.ts',
        [
          "import { browser } from 'wxt/browser';",
          "import type { Runtime } from 'webextension-polyfill';",
          "export { storage } from '@wxt-dev/storage';",
          "import { readFileSync } from 'node:fs';",
          "const lazy = () => import('linkedom');",
          "import { buildPassages } from '../../page/passages';",
        ].join('\n'),
      ),
    ]);
    expect(problems).toEqual([
      expect.stringMatching(/^src\/core\/text\/example\.ts:1: imports wxt\/browser;/),
      expect.stringMatching(/:2: imports webextension-polyfill;/),
      expect.stringMatching(/:3: imports @wxt-dev\/storage;/),
      expect.stringMatching(/:4: imports node:fs;/),
      expect.stringMatching(/:5: imports linkedom;/),
      expect.stringMatching(/:6: imports \.\.\/\.\.\/page\/passages, outside src\/core$/),
    ]);
  });

  it('reports an import from a lower folder of the core into a higher one', () => {
    const problems = coreImportProblems([
      file('quantities/example.ts', "import type { Database } from '../database/schema';\nimport { foldText } from '../text/fold';"),
      file('widgets/example.ts', "import { foldText } from '../text/fold';"),
    ]);
    expect(problems).toEqual([
      expect.stringMatching(/^src\/core\/quantities\/example\.ts:1: imports \.\.\/database\/schema; quantities may import only english, text, quantities$/),
      expect.stringMatching(/^src\/core\/widgets\/example\.ts:1: src\/core\/widgets is not in CORE_LAYERS/),
    ]);
  });

  it('accepts imports within the core and of its plain libraries', () => {
    const problems = coreImportProblems([
      file('match/example.ts', "import Fuse from 'fuse.js';\nimport { z } from 'zod';\nimport { foldText } from '../text/fold';\nexport * from './types';"),
    ]);
    expect(problems).toEqual([]);
  });
});
