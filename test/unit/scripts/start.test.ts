// `npm start` (scripts/start.mjs) opens VS Code on a scratch copy of the tutorials, or on the folder it is given,
// and never on notebooks/ itself. A stand-in `code` first on the PATH records how it is called, so no editor starts.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const NOTEBOOKS = join(ROOT, 'notebooks');
const bin = mkdtempSync(join(tmpdir(), 'netns-lab-start-test-'));
const calls = join(bin, 'calls');
/** Folders to remove at the end: only ones this test made or saw the script make (a copy in the temporary folder). */
const scratchFolders: string[] = [];
const SCRATCH_PREFIX = join(tmpdir(), 'netns-lab-tutorials-');
writeFileSync(join(bin, 'code'), `#!/bin/sh\nprintf '%s\\n' "$*" >> '${calls}'\n`);
chmodSync(join(bin, 'code'), 0o755);
after(() => {
  for (const folder of scratchFolders) rmSync(folder, { recursive: true, force: true });
  rmSync(bin, { recursive: true, force: true });
});

/** The folder the script opened when it is a scratch copy (noted for removal), else undefined: never removed. */
function scratchCopy(folder: string | undefined): string | undefined {
  if (folder === undefined || !resolve(folder).startsWith(SCRATCH_PREFIX)) return undefined;
  scratchFolders.push(folder);
  return folder;
}

/** Runs start.mjs with the stand-in `code`; returns its status, output, and the folder `code` was asked to open. */
function start(...args: string[]): { status: number | null; stdout: string; stderr: string; opened?: string } {
  rmSync(calls, { force: true });
  const result = spawnSync(process.execPath, [join(ROOT, 'scripts/start.mjs'), ...args], {
    encoding: 'utf8',
    env: { ...process.env, PATH: `${bin}:${process.env.PATH ?? ''}` },
  });
  const openCall = (existsSync(calls) ? readFileSync(calls, 'utf8') : '').split('\n').find((line) => line.startsWith('--new-window '));
  const opened = openCall?.split(' ').at(-1);
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, ...(opened === undefined ? {} : { opened }) };
}

describe('npm start', () => {
  test('opens the extension on a scratch copy of every tutorial and topology file, not on notebooks/', () => {
    const result = start();
    assert.equal(result.status, 0, result.stderr);
    const folder = scratchCopy(result.opened);
    assert.ok(folder !== undefined, `a scratch copy in ${tmpdir()}, not ${result.opened}`);
    assert.notEqual(resolve(folder), resolve(NOTEBOOKS));
    const shipped = readdirSync(NOTEBOOKS)
      .filter((file) => /\.netns\.(md|yaml)$/u.test(file))
      .sort();
    assert.deepEqual(readdirSync(folder).sort(), shipped);
    for (const file of shipped) assert.equal(readFileSync(join(folder, file), 'utf8'), readFileSync(join(NOTEBOOKS, file), 'utf8'), file);
    assert.match(result.stdout, new RegExp(`copied to ${folder.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')}`, 'u'));
  });

  test("each start makes a copy of its own, so one session's edits do not meet the next", () => {
    const first = scratchCopy(start().opened);
    const second = scratchCopy(start().opened);
    assert.ok(first !== undefined && second !== undefined && first !== second, `${first} and ${second}`);
  });

  test('opens the folder it is given, as it is, and copies nothing', () => {
    const folder = mkdtempSync(join(tmpdir(), 'netns-lab-start-given-'));
    scratchFolders.push(folder);
    const result = start(folder);
    assert.equal(result.status, 0, result.stderr);
    assert.equal(result.opened, folder);
    assert.deepEqual(readdirSync(folder), []);
    assert.doesNotMatch(result.stdout, /copied/u);
  });

  test('refuses a folder that does not exist, and two folders, with its usage', () => {
    for (const args of [[join(bin, 'missing')], [bin, bin]]) {
      const result = start(...args);
      assert.equal(result.status, 2, args.join(' '));
      assert.match(result.stderr, /usage: npm start/u);
      assert.equal(result.opened, undefined);
    }
  });
});
