import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../../src/node/paths';
import { CORE_DIR, coreImportProblems, folderImportProblems, type FolderRule } from '../../../src/tools/check-imports';

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
      file(
        'quantities/example.ts',
        "import type { Database } from '../database/schema';\nimport { foldText } from '../text/fold';",
      ),
      file('widgets/example.ts', "import { foldText } from '../text/fold';"),
    ]);
    expect(problems).toEqual([
      expect.stringMatching(
        /^src\/core\/quantities\/example\.ts:1: imports \.\.\/database\/schema; quantities may import only english, text, quantities$/,
      ),
      expect.stringMatching(/^src\/core\/widgets\/example\.ts:1: src\/core\/widgets is not in CORE_LAYERS/),
    ]);
  });

  it('accepts imports within the core and of its plain libraries', () => {
    const problems = coreImportProblems([
      file(
        'match/example.ts',
        "import Fuse from 'fuse.js';\nimport { z } from 'zod';\nimport { foldText } from '../text/fold';\nexport * from './types';",
      ),
    ]);
    expect(problems).toEqual([]);
  });
});

describe('the repository-wide import check', () => {
  const at = (path: string, text: string) => ({ path: resolve(ROOT, path), text });

  it('reports an import its folder may not make, with file, line and the rule', () => {
    const problems = folderImportProblems([
      at(
        'src/extension/options/example.ts',
        "import { bundledPacks } from '../packs/bundled-packs';\nimport { loadMatcher } from '../background/load-matcher';",
      ),
      at(
        'src/node/example.ts',
        "import { parseHtml } from './parse-html';\nimport { readArticleSource } from '../tools/pack-build/article-source';",
      ),
      at(
        'src/extension/page/example.ts',
        "import { readFileSync } from 'node:fs';\nimport { chromium } from 'playwright-core';\nimport { browser } from 'wxt/browser';",
      ),
    ]);
    expect(problems).toEqual([
      'src/extension/options/example.ts:2: imports ../background/load-matcher (src/extension/background); src/extension/options may import only src/extension/options, src/core, src/extension/messaging, src/extension/settings, src/extension/packs',
      'src/node/example.ts:2: imports ../tools/pack-build/article-source (src/tools/pack-build); src/node may import only src/node, src/core',
      'src/extension/page/example.ts:1: imports node:fs; src/extension/page ships, and may not import Node',
      expect.stringMatching(
        /^src\/extension\/page\/example\.ts:2: imports playwright-core; src\/extension\/page may import only the packages .*zod, wxt$/,
      ),
    ]);
  });

  it('accepts what the rules allow: tools measuring the extension, the build reading Node code, tests anything', () => {
    const problems = folderImportProblems([
      at(
        'src/tools/example.ts',
        "import { loadMatcher } from '../extension/background/load-matcher';\nimport { launchBrowser } from '../../tests/harness/browser-harness';",
      ),
      at(
        'src/build/example.ts',
        "import { readDatabase } from '../node/data';\nimport { buildIndex } from '../core/match/index-builder';",
      ),
      at(
        'tests/unit/example.test.ts',
        "import { benchMeaning } from '../../src/tools/bench/bench-meaning';\nimport { clauseWindows } from '../../src/research/sentence-meaning';",
      ),
    ]);
    expect(problems).toEqual([]);
  });

  it('reports a file in no folder of the rules, and a cycle between folders with the imports that make it', () => {
    const rules: Record<string, FolderRule> = {
      'lib/a': { folders: ['lib/b'] },
      'lib/b': { folders: ['lib/c'] },
      'lib/c': { folders: ['lib/a'] },
    };
    const root = '/fixture';
    const problems = folderImportProblems(
      [
        { path: '/fixture/lib/a/one.ts', text: "import { two } from '../b/two';" },
        { path: '/fixture/lib/b/two.ts', text: "import { three } from '../c/three';" },
        { path: '/fixture/lib/c/three.ts', text: "export const three = 3;\nimport { one } from '../a/one';" },
        { path: '/fixture/misc/four.ts', text: 'export const four = 4;' },
      ],
      rules,
      root,
    );
    expect(problems).toEqual([
      'misc/four.ts: in no folder of FOLDER_RULES (src/tools/check-imports.ts); add its folder and what it may import',
      'cycle between folders: lib/a → lib/b (lib/a/one.ts:1), lib/b → lib/c (lib/b/two.ts:1), lib/c → lib/a (lib/c/three.ts:2)',
    ]);
  });
});
