// npm run check:core (with tsconfig.core.json): the matching core imports only itself and the
// plain libraries listed here, so it stays free of browser APIs (wxt, webextension-polyfill),
// Node (node:*, linkedom) and the layers above it (page, background, settings, messaging); and
// within the core, a folder imports only folders below it in CORE_LAYERS.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { isMainModule } from './lib/args';
import { ROOT } from './lib/paths';

/** Packages the core may use: pure computation, no platform. */
export const CORE_PACKAGES: readonly string[] = ['zod', 'fuse.js', '@huggingface/tokenizers', 'ml-matrix'];

export const CORE_DIR = resolve(ROOT, 'src/core');

/** The core's folders, lowest first: each may import itself and the folders before it. */
export const CORE_LAYERS: readonly string[] = ['english', 'text', 'quantities', 'terms', 'database', 'meaning', 'match', 'claim-view'];

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
    else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) specifier = node.arguments[0];
    else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) specifier = node.argument.literal;
    if (specifier !== undefined && ts.isStringLiteralLike(specifier)) {
      found.push({ specifier: specifier.text, line: source.getLineAndCharacterOfPosition(specifier.getStart()).line + 1 });
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
        if (fromRank < 0) problems.push(`${where}: src/core/${from || '(top level)'} is not in CORE_LAYERS (scripts/check-core-imports.ts)`);
        else if (toRank < 0 || toRank > fromRank) problems.push(`${where}: imports ${specifier}; ${from} may import only ${CORE_LAYERS.slice(0, fromRank + 1).join(', ')}`);
      } else {
        const name = specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0]!;
        if (!CORE_PACKAGES.includes(name)) problems.push(`${where}: imports ${specifier}; the core may import only ${CORE_PACKAGES.join(', ')}`);
      }
    }
  }
  return problems;
}

function coreFiles(dir: string): SourceFile[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort()
    .map((path) => ({ path, text: readFileSync(path, 'utf8') }));
}

if (isMainModule(import.meta)) {
  const files = coreFiles(CORE_DIR);
  const problems = coreImportProblems(files);
  for (const problem of problems) console.error(problem);
  console.log(problems.length === 0 ? `src/core: ${files.length} files import nothing outside the core, and no folder a higher one` : '');
  process.exitCode = problems.length === 0 ? 0 : 1;
}
