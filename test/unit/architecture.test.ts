// The rules of ARCHITECTURE.md, each checked here under its number (R1…R9). The matchers are tested on samples
// first, so a pass means something.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { importCircles, importsOf, isNodeBuiltin, isVscode, moduleSpecifiers, projectRoot, stronglyConnected, typeScriptFiles } from './support/imports.js';

/** `file imports what` for every import of the files under `folder` that `forbidden` refuses. */
function offenders(folder: string, forbidden: (found: ReturnType<typeof importsOf>[number], file: string) => boolean): string[] {
  return typeScriptFiles(folder).flatMap((file) =>
    importsOf(file)
      .filter((found) => forbidden(found, file))
      .map((found) => `${file} imports ${found.specifier}`),
  );
}

function under(file: string | undefined, ...folders: string[]): boolean {
  return file !== undefined && folders.some((folder) => file === folder || file.startsWith(`${folder}/`));
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

  test('find a circle of three and leave a chain alone', () => {
    const circle = new Map([
      ['a', ['b']],
      ['b', ['c']],
      ['c', ['a']],
      ['d', ['a']],
    ]);
    assert.deepEqual(
      stronglyConnected(circle).filter((group) => group.length > 1),
      [['a', 'b', 'c']],
    );
    const chain = new Map([
      ['a', ['b']],
      ['b', ['c']],
      ['c', []],
    ]);
    assert.deepEqual(
      stronglyConnected(chain).filter((group) => group.length > 1),
      [],
    );
  });

  test('resolve a relative import to the file it names, and see a type-only one', () => {
    const imports = importsOf('src/renderer/tables.ts').filter((found) => found.file?.startsWith('src/core/'));
    assert.ok(imports.length > 0 && imports.every((found) => found.typeOnly && existsSync(join(projectRoot, found.file!))));
  });
});

describe('layers (ARCHITECTURE.md)', () => {
  test('the core has TypeScript files to check', () => {
    assert.ok(typeScriptFiles('src/core').length > 10);
  });

  test('R1: the core imports neither vscode nor the editor, the command line or the renderer', () => {
    assert.deepEqual(
      offenders('src/core', (found) => isVscode(found.specifier) || under(found.file, 'src/ext', 'src/cli', 'src/renderer', 'src/extension.ts')),
      [],
    );
  });

  test('R2: the command line imports neither vscode nor the editor or the renderer', () => {
    assert.deepEqual(
      offenders('src/cli', (found) => isVscode(found.specifier) || under(found.file, 'src/ext', 'src/renderer', 'src/extension.ts')),
      [],
    );
  });

  test('R3: the renderer imports neither vscode nor Node built-ins, and only types from the core', () => {
    const forbidden = (found: ReturnType<typeof importsOf>[number]): boolean =>
      isVscode(found.specifier) || isNodeBuiltin(found.specifier) || (found.file !== undefined && !under(found.file, 'src/renderer') && !(under(found.file, 'src/core') && found.typeOnly));
    assert.deepEqual(offenders('src/renderer', forbidden), []);
  });

  test('R3: the renderer has its own tsconfig with the DOM and without Node types', () => {
    const config = JSON.parse(readFileSync(join(projectRoot, 'src/renderer/tsconfig.json'), 'utf8')) as { compilerOptions: { lib: string[]; types: string[] } };
    assert.ok(config.compilerOptions.lib.includes('DOM'));
    assert.deepEqual(config.compilerOptions.types, []);
  });

  test('R3: the capture panel page imports neither vscode nor Node built-ins, and only types from outside itself', () => {
    const forbidden = (found: ReturnType<typeof importsOf>[number]): boolean =>
      isVscode(found.specifier) || isNodeBuiltin(found.specifier) || (found.file !== undefined && !under(found.file, 'src/capture-view') && !found.typeOnly);
    assert.deepEqual(offenders('src/capture-view', forbidden), []);
  });

  test('R3: the topology panel page imports neither vscode nor Node built-ins, and only types from outside itself', () => {
    const forbidden = (found: ReturnType<typeof importsOf>[number]): boolean =>
      isVscode(found.specifier) || isNodeBuiltin(found.specifier) || (found.file !== undefined && !under(found.file, 'src/topology-view') && !found.typeOnly);
    assert.deepEqual(offenders('src/topology-view', forbidden), []);
  });

  test('R4: there is no import circle under src', () => {
    assert.deepEqual(importCircles(typeScriptFiles('src')), []);
  });

  test('R5: errors.ts imports only the bottom files display.ts and diagnostic.ts', () => {
    const imported = importsOf('src/core/errors.ts').map((found) => found.file ?? found.specifier);
    assert.deepEqual(
      imported.filter((file) => file !== 'src/core/display.ts' && file !== 'src/core/diagnostic.ts'),
      [],
    );
  });
});

/** The floors of src/ext, bottom first (ARCHITECTURE.md, "Rooms of the editor"); '' is the room's own files. */
const FLOORS: Record<string, number> = { 'view-model': 0, ui: 1, '': 2, labs: 3, tree: 3, capture: 3, notebook: 4, topology: 5, commands: 6 };

function roomOf(file: string): string {
  const inside = relative('src/ext', file).split('/');
  return inside.length > 1 ? inside[0]! : '';
}

describe('rooms of the editor (ARCHITECTURE.md)', () => {
  test('every folder of src/ext is a room with a floor', () => {
    const rooms = new Set(typeScriptFiles('src/ext').map(roomOf));
    assert.deepEqual(
      [...rooms].filter((room) => !(room in FLOORS)),
      [],
    );
  });

  test('R6: no import runs to a room on the same floor or above', () => {
    const upward = (found: ReturnType<typeof importsOf>[number], file: string): boolean => {
      if (!under(found.file, 'src/ext')) return false;
      const from = roomOf(file);
      const to = roomOf(found.file!);
      return from !== to && FLOORS[to]! >= FLOORS[from]!;
    };
    assert.deepEqual(offenders('src/ext', upward), []);
  });

  test('R7: view-model imports no vscode and nothing of src/ext outside itself', () => {
    const forbidden = (found: ReturnType<typeof importsOf>[number]): boolean => isVscode(found.specifier) || (under(found.file, 'src/ext') && !under(found.file, 'src/ext/view-model'));
    assert.deepEqual(offenders('src/ext/view-model', forbidden), []);
  });
});

describe('tests (ARCHITECTURE.md)', () => {
  const testFiles = [...typeScriptFiles('test/unit'), ...typeScriptFiles('test/host')].filter((file) => file.endsWith('.test.ts'));

  test('R8: a test file sits where the source it pins sits', () => {
    const misplaced = testFiles.filter((file) => {
      const folder = relative(join('test', file.split('/')[1]!), dirname(file));
      return folder !== '' && !existsSync(join(projectRoot, 'src', folder)) && !existsSync(join(projectRoot, folder));
    });
    assert.deepEqual(misplaced, []);
  });

  test('R8: no test file is over 300 lines', () => {
    const long = testFiles.filter((file) => readFileSync(join(projectRoot, file), 'utf8').split('\n').length > 301);
    assert.deepEqual(long, []);
  });

  test('R9: nothing under test/unit uses the host tests support', () => {
    assert.deepEqual(
      offenders('test/unit', (found) => under(found.file, 'test/host')),
      [],
    );
  });
});
