// The `netns-lab` command line as a user meets it: a real child process (dist/cli.js) against real namespaces.
// Labs are built with plain `ip` here, so what the CLI reads is checked against what was made, not against itself.
// Changes made through the CLI are tested in commands/namespaces, links and addresses.test.ts.
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { assertOneLine } from '../support/cli.js';
import { ip, namespaceExists } from '../support/lab.js';
import { testSetup } from '../support/setup.js';

const REPO_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));

const { lab, runner } = testSetup({ cli: true });
const { workDirectory } = runner;
const cli = runner.run;

describe('namespace names are data, never shell code', () => {
  const hostile = lab.namespaceName(`; $(touch pwned-${lab.prefix})`);
  const pwned = `pwned-${lab.prefix}`;

  before(() => {
    ip('netns', 'add', hostile);
    ip('-n', hostile, 'link', 'add', 'name', lab.interfaceName('w1'), 'type', 'veth', 'peer', 'name', lab.interfaceName('w2'));
  });

  test('ls shows a namespace whose name holds shell syntax literally, with its interface count', async () => {
    const result = await cli('ls');
    const lines = result.stdout.split('\n');
    // Namespaces of other people may vanish between listing and reading (status 1); then only theirs may show an error.
    const unreadable = lines.filter((line) => line.includes('error: '));
    assert.equal(result.status, unreadable.length === 0 ? 0 : 1, result.stdout + result.stderr);
    assert.ok(
      unreadable.every((line) => !line.startsWith(lab.prefix)),
      result.stdout,
    );
    const row = lines.find((line) => line.startsWith(hostile));
    assert.ok(row, result.stdout);
    assert.equal(row.slice(hostile.length).trim(), '3', result.stdout);
  });

  test('ls --json lists a namespace whose name holds shell syntax with its exact name and count', async () => {
    const result = await cli('ls', '--json');
    const listed = (JSON.parse(result.stdout) as { namespaces: Array<{ name: string; interfaces: number }> }).namespaces;
    assert.deepEqual(
      listed.find((entry) => entry.name === hostile),
      { name: hostile, interfaces: 3 },
    );
  });

  test('reading a namespace whose name holds $(touch …) never runs it', async () => {
    for (const args of [['ls'], ['ls', '--json'], ['snapshot'], ['show', hostile], ['show', hostile, '--json']]) {
      const result = await cli(...args);
      assert.equal(result.stderr, '', args.join(' '));
    }
    for (const folder of [workDirectory, '/', REPO_ROOT, tmpdir()]) assert.equal(existsSync(join(folder, pwned)), false, folder);
  });

  test('add refuses a name with "/" naming the rule, and creates nothing', async () => {
    const before = readdirSync('/run/netns').filter(lab.owns);
    const result = await cli('add', `${lab.prefix}lab; $(touch /tmp/x)`);
    assert.equal(result.status, 2);
    assertOneLine(result.stderr);
    assert.match(result.stderr, /must not contain "\/"/u);
    assert.deepEqual(readdirSync('/run/netns').filter(lab.owns), before);
  });

  /** Names with quotes, backticks, a newline, spaces and unicode; `tag` keeps each test's set apart. */
  const oddNames = (tag: string): string[] => [' with spaces ', `'single' "double"`, '`back`tick', 'new\nline', 'ünïcødé-名前'].map((rest) => lab.namespaceName(tag + rest));

  test('add creates namespaces with quotes, backticks, a newline, spaces and unicode under their exact names', async () => {
    const names = oddNames('a');
    const result = await cli('add', ...names);
    assert.equal(result.status, 0, result.stderr);
    for (const oddName of names) assert.ok(namespaceExists(oddName), JSON.stringify(oddName));
  });

  test('ls --json lists odd names exactly as they are', async () => {
    const names = oddNames('j');
    for (const oddName of names) ip('netns', 'add', oddName);
    const listed = (JSON.parse((await cli('ls', '--json')).stdout) as { namespaces: Array<{ name: string; interfaces: number }> }).namespaces;
    for (const oddName of names)
      assert.deepEqual(
        listed.find((entry) => entry.name === oddName),
        { name: oddName, interfaces: 1 },
      );
  });

  test('ls prints odd names literally, and one with a control character as a quoted string on one line', async () => {
    const names = oddNames('l');
    for (const oddName of names) ip('netns', 'add', oddName);
    const lines = (await cli('ls')).stdout.split('\n');
    for (const oddName of names) {
      const shown = oddName.includes('\n') ? JSON.stringify(oddName) : oddName;
      assert.ok(
        lines.some((line) => line.startsWith(shown) && line.slice(shown.length).trim() === '1'),
        JSON.stringify(shown),
      );
    }
  });

  test('del deletes namespaces with odd names', async () => {
    const names = oddNames('d');
    for (const oddName of names) ip('netns', 'add', oddName);
    const result = await cli('del', ...names);
    assert.equal(result.status, 0, result.stderr);
    for (const oddName of names) assert.equal(namespaceExists(oddName), false, JSON.stringify(oddName));
  });
});
