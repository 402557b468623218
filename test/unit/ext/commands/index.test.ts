// The command table against package.json. No editor needed.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const projectRoot = fileURLToPath(new URL('../../../../../', import.meta.url));

describe('the command table', () => {
  test('registers every command of package.json, and no other', () => {
    const manifest = JSON.parse(readFileSync(`${projectRoot}package.json`, 'utf8')) as { contributes: { commands: { command: string }[] } };
    const source = readFileSync(`${projectRoot}src/ext/commands/index.ts`, 'utf8');
    const registered = [...source.matchAll(/\{ id: '([^']+)'/gu)].map((match) => match[1]).sort();
    assert.deepEqual(registered, manifest.contributes.commands.map((command) => command.command).sort());
  });

  test('package.json has no key twice in one object (JSON.parse would keep only the last)', () => {
    assert.deepEqual(repeatedKeys(readFileSync(`${projectRoot}package.json`, 'utf8')), []);
  });

  test('the repeated-key check finds a repeated key', () => {
    assert.deepEqual(repeatedKeys('{"menus": {"a": [1], "b": {"a": 2}, "a": [3]}}'), ['menus.a']);
  });

  test('every menu item names a command of package.json', () => {
    const manifest = JSON.parse(readFileSync(`${projectRoot}package.json`, 'utf8')) as {
      contributes: { commands: { command: string }[]; menus: Record<string, { command?: string }[]> };
    };
    const commands = new Set(manifest.contributes.commands.map((command) => command.command));
    const unknown = Object.entries(manifest.contributes.menus).flatMap(([menu, items]) =>
      items.filter((item) => item.command !== undefined && !commands.has(item.command)).map((item) => `${menu}: ${item.command}`),
    );
    assert.deepEqual(unknown, []);
  });
});

/** Dotted paths of keys that appear twice in one object of a JSON text. */
function repeatedKeys(text: string): string[] {
  const found: string[] = [];
  const path: string[] = [];
  const seen: Array<Set<string> | undefined> = [];
  // A small scanner over the JSON: strings, and the brackets that open and close objects and arrays.
  const tokens = text.matchAll(/"(?:[^"\\]|\\.)*"\s*:?|[{}[\]]/gu);
  for (const [token] of tokens) {
    if (token === '{' || token === '[') seen.push(token === '{' ? new Set() : undefined);
    else if (token === '}' || token === ']') {
      seen.pop();
      if (seen.at(-1) !== undefined || seen.length === 0) path.pop();
    } else if (token.endsWith(':') && seen.at(-1)) {
      const key = JSON.parse(token.slice(0, -1).trim()) as string;
      const keys = seen.at(-1)!;
      if (keys.has(key)) found.push([...path.slice(0, seen.length - 1), key].join('.'));
      keys.add(key);
      path[seen.length - 1] = key;
      path.length = seen.length;
    }
  }
  return found;
}
