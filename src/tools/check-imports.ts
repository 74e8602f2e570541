// npm run check:imports (run by npm test): who may import whom, repository-wide. Each folder of
// FOLDER_RULES lists the folders it may import (and, for what ships, the packages), so what ships
// never reaches into the tools, the build or the tests, Node code never into the extension, and
// so on; the folders' actual imports must form no cycle. Within the matching core, which stays
// free of browser APIs (wxt, webextension-polyfill) and Node (node:*, linkedom), a folder imports
// only the folders below it in CORE_LAYERS (tsconfig.core.json type-checks it without the DOM).
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { isMainModule } from '../node/helpers/args';
import { ROOT } from '../node/paths';

/** Packages the core may use: pure computation, no platform (ONNX Runtime Web is handed its bytes). */
export const CORE_PACKAGES: readonly string[] = [
  'zod',
  'fuse.js',
  '@huggingface/tokenizers',
  'onnxruntime-web',
  'ml-matrix',
];

export const CORE_DIR = resolve(ROOT, 'src/core');

/** The core's folders, lowest first: each may import itself and the folders before it. */
export const CORE_LAYERS: readonly string[] = [
  'english',
  'text',
  'quantities',
  'terms',
  'database',
  'lists',
  'meaning',
  'match',
  'claim-view',
];

/** The core folder a path is in ('' for a file directly in src/core). */
function layerOf(path: string, coreDir: string): string {
  const parts = relative(coreDir, path).split(/[\\/]/);
  return parts.length > 1 ? parts[0]! : '';
}

export interface SourceFile {
  path: string;
  text: string;
}

/** The module specifiers a file imports or re-exports, statically or with import(), and where. */
function importsOf(file: SourceFile): { specifier: string; line: number }[] {
  const source = ts.createSourceFile(file.path, file.text, ts.ScriptTarget.Latest, true);
  const found: { specifier: string; line: number }[] = [];
  const visit = (node: ts.Node): void => {
    let specifier: ts.Expression | undefined;
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) specifier = node.moduleSpecifier;
    else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword)
      specifier = node.arguments[0];
    else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) specifier = node.argument.literal;
    if (specifier !== undefined && ts.isStringLiteralLike(specifier)) {
      found.push({
        specifier: specifier.text,
        line: source.getLineAndCharacterOfPosition(specifier.getStart()).line + 1,
      });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** "file:line: reason" for each import of a core file that reaches outside the core. */
export function coreImportProblems(files: readonly SourceFile[], coreDir = CORE_DIR): string[] {
  const problems: string[] = [];
  for (const file of files) {
    for (const { specifier, line } of importsOf(file)) {
      const where = `${relative(ROOT, file.path)}:${line}`;
      if (specifier.startsWith('.')) {
        const target = resolve(dirname(file.path), specifier);
        if (relative(coreDir, target).startsWith('..')) {
          problems.push(`${where}: imports ${specifier}, outside src/core`);
          continue;
        }
        const from = layerOf(file.path, coreDir);
        const to = layerOf(target, coreDir);
        const [fromRank, toRank] = [CORE_LAYERS.indexOf(from), CORE_LAYERS.indexOf(to)];
        if (fromRank < 0)
          problems.push(
            `${where}: src/core/${from || '(top level)'} is not in CORE_LAYERS (src/tools/check-imports.ts)`,
          );
        else if (toRank < 0 || toRank > fromRank)
          problems.push(
            `${where}: imports ${specifier}; ${from} may import only ${CORE_LAYERS.slice(0, fromRank + 1).join(', ')}`,
          );
      } else {
        const name = specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0]!;
        if (!CORE_PACKAGES.includes(name))
          problems.push(`${where}: imports ${specifier}; the core may import only ${CORE_PACKAGES.join(', ')}`);
      }
    }
  }
  return problems;
}

/** A folder's rule: the folders it may import besides itself, and the packages (all when not given). */
export interface FolderRule {
  folders: readonly string[];
  packages?: readonly string[];
}

const PACKAGE_JSON = JSON.parse(readFileSync(resolve(ROOT, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
};
/** What ships may use only the runtime dependencies, and WXT's browser API. */
const SHIPPED_PACKAGES: readonly string[] = [...Object.keys(PACKAGE_JSON.dependencies), 'wxt'];

const SHIPS = { packages: SHIPPED_PACKAGES };
const ANYTHING = ['*'];

/**
 * Who may import whom, by folder (or file) from the repository's root; a file follows the longest
 * folder that holds it. `assets` is the repository's data (JSON imports).
 */
export const FOLDER_RULES: Readonly<Record<string, FolderRule>> = {
  'src/core': { folders: [], packages: CORE_PACKAGES },
  // The extension: what ships beyond the core. Its folders, lowest first.
  'src/extension/helpers': { folders: [], ...SHIPS },
  'src/extension/messaging': { folders: ['src/core'], ...SHIPS },
  'src/extension/settings': { folders: ['src/core'], ...SHIPS },
  'src/extension/packs': { folders: ['src/core', 'assets'], ...SHIPS },
  'src/extension/meaning': { folders: ['src/core', 'src/extension/helpers'], ...SHIPS },
  'src/extension/lists': { folders: ['src/core', 'src/extension/packs'], ...SHIPS },
  'src/extension/background': {
    folders: [
      'src/core',
      'src/extension/helpers',
      'src/extension/messaging',
      'src/extension/settings',
      'src/extension/packs',
      'src/extension/meaning',
      'src/extension/lists',
      'assets',
    ],
    ...SHIPS,
  },
  'src/extension/page': { folders: ['src/core', 'src/extension/messaging', 'src/extension/settings'], ...SHIPS },
  'src/extension/popup': { folders: ['src/core', 'src/extension/messaging', 'src/extension/settings'], ...SHIPS },
  'src/extension/options': {
    folders: ['src/core', 'src/extension/messaging', 'src/extension/settings', 'src/extension/packs'],
    ...SHIPS,
  },
  entrypoints: { folders: ['src/core', 'src/extension'], ...SHIPS },
  // Node: shared by the build, the tools, research and the tests.
  'src/node': { folders: ['src/core'] },
  'src/build': { folders: ['src/core', 'src/node'] },
  'wxt.config.ts': { folders: ['src/build', 'src/node'] },
  // The tools measure the extension's modules in Node and drive the built extension in a browser.
  'src/tools': {
    folders: [
      'src/core',
      'src/node',
      'src/build',
      'src/extension',
      'tests/harness',
      'src/tools/pack-build',
      'src/tools/stories',
    ],
  },
  // The curator's pack builder, and stories:find, which drafts with it through its one adapter.
  'src/tools/pack-build': { folders: ['src/core', 'src/node'] },
  'src/tools/stories': { folders: ['src/core', 'src/node', 'src/tools/pack-build'] },
  'src/research': { folders: ['src/core', 'src/node', 'src/build', 'src/tools'] },
  'tests/harness': { folders: ['src/node', 'assets'] },
  'tests/unit': { folders: ANYTHING },
  'tests/e2e': { folders: ANYTHING },
  'tests/fixtures': { folders: ANYTHING },
  types: { folders: [] },
  'vitest.config.ts': { folders: [] },
  'vitest.e2e.config.ts': { folders: [] },
};

/** The rule's folder a path is in (the longest that holds it), or null. */
export function ruleFolderOf(
  path: string,
  rules: Readonly<Record<string, FolderRule>> = FOLDER_RULES,
  root = ROOT,
): string | null {
  const at = relative(root, path).split(/[\\/]/).join('/');
  let best: string | null = null;
  for (const folder of Object.keys(rules)) {
    if ((at === folder || at.startsWith(`${folder}/`)) && (best === null || folder.length > best.length)) best = folder;
  }
  if (best === null && (at === 'assets' || at.startsWith('assets/'))) return 'assets';
  return best;
}

const packageName = (specifier: string): string =>
  specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0]!;

const inside = (folder: string, allowed: string): boolean =>
  allowed === '*' || folder === allowed || folder.startsWith(`${allowed}/`);

/**
 * "file:line: reason" for each import a folder's rule does not allow, and for each cycle between
 * folders: with the rules as they are no cycle can pass, and a rule loosened into one is caught.
 */
export function folderImportProblems(
  files: readonly SourceFile[],
  rules: Readonly<Record<string, FolderRule>> = FOLDER_RULES,
  root = ROOT,
): string[] {
  const problems: string[] = [];
  /** folder → folder it imports → the first import that does it. */
  const edges = new Map<string, Map<string, string>>();
  for (const file of files) {
    const where = `${relative(root, file.path)}`;
    const from = ruleFolderOf(file.path, rules, root);
    if (from === null) {
      problems.push(
        `${where}: in no folder of FOLDER_RULES (src/tools/check-imports.ts); add its folder and what it may import`,
      );
      continue;
    }
    const rule = rules[from]!;
    for (const { specifier, line } of importsOf(file)) {
      if (!specifier.startsWith('.')) {
        if (rule.packages && !specifier.startsWith('node:') && !rule.packages.includes(packageName(specifier))) {
          problems.push(
            `${where}:${line}: imports ${specifier}; ${from} may import only the packages ${rule.packages.join(', ')}`,
          );
        } else if (rule.packages && specifier.startsWith('node:')) {
          problems.push(`${where}:${line}: imports ${specifier}; ${from} ships, and may not import Node`);
        }
        continue;
      }
      const to = ruleFolderOf(resolve(dirname(file.path), specifier), rules, root);
      if (to === from) continue;
      if (to === null || !rule.folders.some((allowed) => inside(to, allowed))) {
        problems.push(
          `${where}:${line}: imports ${specifier} (${to ?? 'outside every folder'}); ${from} may import only ${[from, ...rule.folders].join(', ')}`,
        );
        continue;
      }
      const out = edges.get(from) ?? new Map<string, string>();
      if (!out.has(to)) out.set(to, `${where}:${line}`);
      edges.set(from, out);
    }
  }
  for (const cycle of cyclesOf(edges)) {
    const steps = cycle.map(
      (folder, i) =>
        `${folder} → ${cycle[(i + 1) % cycle.length]} (${edges.get(folder)!.get(cycle[(i + 1) % cycle.length]!)})`,
    );
    problems.push(`cycle between folders: ${steps.join(', ')}`);
  }
  return problems;
}

/** Each cycle of the folder graph once (as found by a depth-first search from each folder in name order). */
function cyclesOf(edges: ReadonlyMap<string, ReadonlyMap<string, string>>): string[][] {
  const cycles: string[][] = [];
  const seen = new Set<string>();
  const done = new Set<string>();
  const visit = (folder: string, path: string[]): void => {
    if (done.has(folder)) return;
    const at = path.indexOf(folder);
    if (at >= 0) {
      const cycle = path.slice(at);
      const key = [...cycle].sort().join(' ');
      if (!seen.has(key)) cycles.push(cycle);
      seen.add(key);
      return;
    }
    for (const next of [...(edges.get(folder)?.keys() ?? [])].sort()) visit(next, [...path, folder]);
    if (path.length === 0) done.add(folder);
  };
  for (const folder of [...edges.keys()].sort()) visit(folder, []);
  return cycles;
}

/** The TypeScript files the rules cover: the repository's own, outside node_modules and what is built or generated. */
function repositoryFiles(root = ROOT): SourceFile[] {
  const top = ['entrypoints', 'src', 'tests', 'types', 'wxt.config.ts', 'vitest.config.ts', 'vitest.e2e.config.ts'];
  const paths: string[] = [];
  for (const name of top) {
    const path = join(root, name);
    if (name.endsWith('.ts')) paths.push(path);
    else {
      for (const entry of readdirSync(path, { withFileTypes: true, recursive: true })) {
        if (entry.isFile() && entry.name.endsWith('.ts')) paths.push(join(entry.parentPath, entry.name));
      }
    }
  }
  return paths.sort().map((path) => ({ path, text: readFileSync(path, 'utf8') }));
}

if (isMainModule(import.meta)) {
  const files = repositoryFiles();
  const core = files.filter((f) => !relative(CORE_DIR, f.path).startsWith('..'));
  const problems = [...coreImportProblems(core), ...folderImportProblems(files)];
  for (const problem of problems) console.error(problem);
  if (problems.length === 0) {
    console.log(
      `imports: ${files.length} files import only what their folders may (no cycle); src/core's ${core.length} files no folder a higher one`,
    );
  }
  process.exitCode = problems.length === 0 ? 0 : 1;
}
