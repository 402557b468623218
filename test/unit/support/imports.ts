/**
 * The import picture of the sources, read with TypeScript's own parser (so comments and strings that merely
 * mention a module do not count): every file's imports, resolved to repository paths, and the circles among them.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

export const projectRoot = fileURLToPath(new URL('../../../../', import.meta.url));

export interface Import {
  /** As written: `vscode`, `node:fs`, `../core/model.js`. */
  specifier: string;
  /** For a relative import, the file it names, relative to the repository (`src/core/model.ts`). */
  file?: string;
  /** `import type …` or `export type …`: gone from the emitted JavaScript. */
  typeOnly: boolean;
}

/** Every module a TypeScript source names: import/export … from, bare import, import(), require(). */
export function moduleSpecifiers(source: string): string[] {
  return ts.preProcessFile(source, true, true).importedFiles.map((file) => file.fileName);
}

/** True for `vscode` and its subpaths. */
export function isVscode(specifier: string): boolean {
  return specifier === 'vscode' || specifier.startsWith('vscode/');
}

const nodeBuiltins = new Set(builtinModules.filter((name) => !name.startsWith('_')));

/** True for `node:…` and bare names of Node's built-in modules (`fs`, `fs/promises`, `child_process`, …). */
export function isNodeBuiltin(specifier: string): boolean {
  return specifier.startsWith('node:') || nodeBuiltins.has(specifier) || nodeBuiltins.has(specifier.split('/')[0]!);
}

/** The TypeScript files under a folder of the repository, relative to it (`src/core/model.ts`). */
export function typeScriptFiles(folder: string): string[] {
  const absolute = join(projectRoot, folder);
  if (!existsSync(absolute)) return [];
  return readdirSync(absolute, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return typeScriptFiles(path);
    return /\.(ts|tsx|mts|cts)$/u.test(entry.name) ? [path] : [];
  });
}

/** The imports of one file (relative to the repository), type-only ones marked. */
export function importsOf(file: string): Import[] {
  const text = readFileSync(join(projectRoot, file), 'utf8');
  const erased = erasedSpecifiers(text);
  return moduleSpecifiers(text).map((specifier) => {
    const found: Import = { specifier, typeOnly: erased.get(specifier) === true };
    if (specifier.startsWith('.')) found.file = resolveRelative(file, specifier);
    return found;
  });
}

/** The circles (strongly connected groups of more than one file, or a file importing itself) among `files`. */
export function importCircles(files: readonly string[]): string[][] {
  const graph = new Map(files.map((file) => [file, importsOf(file).flatMap((found) => (found.file !== undefined && files.includes(found.file) ? [found.file] : []))]));
  return stronglyConnected(graph).filter((group) => group.length > 1 || graph.get(group[0]!)!.includes(group[0]!));
}

/** Tarjan's algorithm; each group sorted, for messages that read the same each run. */
export function stronglyConnected(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const groups: string[][] = [];
  const visit = (node: string): void => {
    index.set(node, counter);
    low.set(node, counter);
    counter += 1;
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node)!, index.get(next)!));
      }
    }
    if (low.get(node) !== index.get(node)) return;
    const group: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      group.push(member);
    } while (member !== node);
    groups.push(group.sort());
  };
  for (const node of graph.keys()) if (!index.has(node)) visit(node);
  return groups;
}

function resolveRelative(file: string, specifier: string): string {
  const target = relative(projectRoot, resolve(projectRoot, dirname(file), specifier));
  const asTypeScript = target.replace(/\.js$/u, '.ts');
  if (existsSync(join(projectRoot, asTypeScript))) return asTypeScript;
  if (existsSync(join(projectRoot, target, 'index.ts'))) return join(target, 'index.ts');
  return target;
}

/** For each specifier of an import or export statement: true when every statement naming it is type-only. */
function erasedSpecifiers(text: string): Map<string, boolean> {
  const source = ts.createSourceFile('file.ts', text, ts.ScriptTarget.Latest, false);
  const found = new Map<string, boolean>();
  for (const statement of source.statements) {
    const specifier = (ts.isImportDeclaration(statement) || ts.isExportDeclaration(statement)) && statement.moduleSpecifier;
    if (!specifier || !ts.isStringLiteral(specifier)) continue;
    const erased = ts.isImportDeclaration(statement) ? statement.importClause?.isTypeOnly === true : statement.isTypeOnly;
    found.set(specifier.text, (found.get(specifier.text) ?? true) && erased);
  }
  return found;
}
