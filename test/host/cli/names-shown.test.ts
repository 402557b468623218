// Names with hidden characters (controls, no-break spaces, zero-width and bidi characters) as the command line shows
// them: escaped in every message and listing, never raw, and exact in --json. Each runs the real CLI (dist/cli.js)
// against namespaces made with plain ip under this run's prefix; the `after` hook removes them even when a test fails.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { assertOneLine } from '../support/cli.js';
import { ip } from '../support/lab.js';
import { testSetup } from '../support/setup.js';

const { lab, runner } = testSetup({ cli: true });
const cli = runner.run;

describe('names with hidden characters are shown escaped, never raw', () => {
  // Written out by hand as JSON writes them, so the expectation does not come from the code under test.
  const hidden: Array<[what: string, raw: string, escaped: string]> = [
    ['a no-break space', 'nb\u00a0sp', 'nb\\u00a0sp'],
    ['a C1 control (NEL)', 'c1\u0085x', 'c1\\u0085x'],
    ['a zero-width space', 'zw\u200bx', 'zw\\u200bx'],
    ['a right-to-left override', 'rl\u202ex', 'rl\\u202ex'],
    ['a bell (C0 control)', 'be\u0007x', 'be\\u0007x'],
    ['a newline', 'nl\nx', 'nl\\nx'],
  ];
  const rawHidden = /[\u0000-\u001f\u007f-\u00a0\u200b\u202e]/u;

  for (const [what, raw, escaped] of hidden) {
    test(`ls shows a namespace whose name holds ${what} quoted and escaped`, async () => {
      const name = lab.namespaceName(raw);
      ip('netns', 'add', name);
      const result = await cli('ls');
      assert.equal(result.status, 0, result.stderr);
      assert.ok(result.stdout.includes(`"${lab.prefix}${escaped}"`), result.stdout);
      for (const line of result.stdout.split('\n')) assert.doesNotMatch(line, rawHidden);
    });

    test(`a message about a missing namespace whose name holds ${what} shows it escaped`, async () => {
      const result = await cli('show', lab.namespaceName(`${raw}-missing`));
      assert.equal(result.status, 1);
      assertOneLine(result.stderr);
      assert.ok(result.stderr.includes(`"${lab.prefix}${escaped}-missing"`), result.stderr);
      assert.doesNotMatch(result.stderr.slice(0, -1), rawHidden);
    });
  }

  test('an interface name with a no-break space is refused with the name escaped', async () => {
    const a = lab.namespaceName('plain-a');
    ip('netns', 'add', a);
    const result = await cli('link', 'up', `no\u00a0dev@${a}`);
    assert.notEqual(result.status, 0);
    assertOneLine(result.stderr);
    assert.ok(result.stderr.includes('"no\\u00a0dev"'), result.stderr);
    assert.doesNotMatch(result.stderr, /\u00a0/u);
  });

  test("ip's own message, which quotes the name raw, reaches stderr escaped too", async () => {
    const name = lab.namespaceName('ip\u00a0says');
    ip('netns', 'add', name);
    const result = await cli('add', name);
    assert.equal(result.status, 1);
    assertOneLine(result.stderr);
    assert.match(result.stderr, /File exists/u);
    assert.ok(result.stderr.includes(`/run/netns/${lab.prefix}ip\\u00a0says`), result.stderr);
    assert.doesNotMatch(result.stderr, /\u00a0/u);
  });

  test('show titles a namespace whose name holds a no-break space with its escaped name', async () => {
    const name = lab.namespaceName('ti\u00a0tle');
    ip('netns', 'add', name);
    const result = await cli('show', name);
    assert.equal(result.status, 0, result.stderr);
    assert.ok(result.stdout.startsWith(`Namespace "${lab.prefix}ti\\u00a0tle"\n`), result.stdout);
  });

  test('show reads a namespace while another one on the host has a bell in its name', async () => {
    const plain = lab.namespaceName('plain-b');
    ip('netns', 'add', plain);
    ip('netns', 'add', lab.namespaceName('bell\u0007there'));
    const result = await cli('show', plain);
    assert.equal(result.status, 0, result.stderr);
    assert.ok(result.stdout.startsWith(`Namespace ${plain}\n`), result.stdout);
  });

  test('--json keeps the exact name', async () => {
    const name = lab.namespaceName('js\u00a0on');
    ip('netns', 'add', name);
    const listed = (JSON.parse((await cli('ls', '--json')).stdout) as { namespaces: Array<{ name: string }> }).namespaces;
    assert.ok(listed.some((entry) => entry.name === name));
  });
});
