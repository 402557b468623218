// The layer rules of DESIGN.md: src/core never imports `vscode`; src/renderer (a browser module) imports neither
// `vscode` nor Node's built-in modules. The matchers are tested on samples first, so a pass means something.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const projectRoot = fileURLToPath(new URL('../../../', import.meta.url));

/**
 * Every module specifier a TypeScript source names (import/export … from, bare import, import(), require()), found
 * by TypeScript's own scanner, so comments and strings that merely mention a module do not count.
 */
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

function typeScriptFiles(folder: string): string[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return typeScriptFiles(path);
    return /\.(ts|tsx|mts|cts)$/u.test(entry.name) ? [path] : [];
  });
}

function offenders(folder: string, forbidden: (specifier: string) => boolean): string[] {
  return typeScriptFiles(join(projectRoot, folder)).flatMap((file) =>
    moduleSpecifiers(readFileSync(file, 'utf8'))
      .filter(forbidden)
      .map((specifier) => `${relative(projectRoot, file)} imports ${specifier}`),
  );
}

describe('the matchers', () => {
  const vscodeSamples = [
    `import * as vscode from 'vscode';`,
    `import { window } from "vscode";`,
    `import type { ExtensionContext } from 'vscode';`,
    `import 'vscode';`,
    `export { Uri } from 'vscode';`,
    `const api = await import('vscode');`,
    `const api = require("vscode");`,
    `import {\n  window,\n  workspace,\n} from 'vscode';`,
  ];
  for (const sample of vscodeSamples) {
    test(`find the vscode import in ${JSON.stringify(sample)}`, () => {
      assert.ok(moduleSpecifiers(sample).some(isVscode));
    });
  }

  test('do not flag a mention of vscode in a comment or a string', () => {
    const source = `// import * as vscode from 'vscode';\n/* require('vscode') */\nconst text = "import x from 'vscode'";\n`;
    assert.deepEqual(moduleSpecifiers(source).filter(isVscode), []);
  });

  test('do not flag a module whose name only starts with vscode', () => {
    assert.equal(isVscode('vscode-languageclient'), false);
  });

  for (const specifier of ['node:fs', 'fs', 'fs/promises', 'path', 'child_process', 'os', 'net']) {
    test(`treat ${specifier} as a Node built-in`, () => {
      assert.ok(moduleSpecifiers(`import x from '${specifier}';`).some(isNodeBuiltin));
    });
  }

  test('do not treat a relative import or a package as a Node built-in', () => {
    assert.deepEqual(['./model.js', '../core/index.js', 'yaml', 'execa'].filter(isNodeBuiltin), []);
  });
});

describe('layer rules', () => {
  test('the core has TypeScript files to check', () => {
    assert.ok(typeScriptFiles(join(projectRoot, 'src/core')).length > 10);
  });

  test('no file under src/core imports vscode', () => {
    assert.deepEqual(offenders('src/core', isVscode), []);
  });

  test('no file under src/renderer imports vscode', () => {
    assert.deepEqual(offenders('src/renderer', isVscode), []);
  });

  test('no file under src/renderer imports a Node built-in', () => {
    assert.deepEqual(offenders('src/renderer', isNodeBuiltin), []);
  });
});
