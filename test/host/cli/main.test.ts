// The `netns-lab` command line as a user meets it: a real child process (dist/cli.js) against real namespaces.
// Labs are built with plain `ip` here, so what the CLI reads is checked against what was made, not against itself.
// Changes made through the CLI are tested in commands/namespaces, links and addresses.test.ts.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { assertOneLine } from '../support/cli.js';
import { namespaceExists } from '../support/lab.js';
import { testSetup } from '../support/setup.js';

const REPO_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const COMMAND_NAMES = ['ls', 'show', 'snapshot', 'add', 'del', 'veth', 'bridge', 'addr', 'route', 'link', 'exec', 'run', 'validate', 'deploy', 'destroy', 'inspect'];

const { lab, runner } = testSetup({ cli: true });
const cli = runner.run;

describe('errors', () => {
  test('an unknown command exits 2 saying "unknown command"', async () => {
    const result = await cli('frobnicate');
    assert.equal(result.status, 2);
    assertOneLine(result.stderr);
    assert.match(result.stderr, /unknown command "frobnicate"/u);
  });

  const wrongCounts: Array<[string, string[]]> = [
    ['ls', ['extra']],
    ['show', ['one', 'two']],
    ['snapshot', ['extra']],
    ['add', []],
    ['del', []],
    ['veth', ['only-one']],
    ['bridge', ['attach', 'port-only']],
    ['addr', ['add', 'lo']],
    ['route', ['add']],
    ['link', ['mtu', 'lo']],
    ['exec', ['namespace-only']],
  ];
  for (const [command, args] of wrongCounts) {
    test(`${command} with the wrong number of arguments exits 2 pointing at netns-lab ${command} --help`, async () => {
      const result = await cli(command, ...args);
      assert.equal(result.status, 2);
      assertOneLine(result.stderr);
      assert.ok(result.stderr.includes(`see netns-lab ${command} --help`), result.stderr);
    });
  }

  test('an unknown option exits 2', async () => {
    const result = await cli('veth', 'a', 'b', '--bogus');
    assert.equal(result.status, 2);
    assertOneLine(result.stderr);
  });

  test('an invalid --privilege value exits 2', async () => {
    const result = await cli('ls', '--privilege', 'maybe');
    assert.equal(result.status, 2);
    assertOneLine(result.stderr);
  });

  const missing = lab.namespaceName('missing');
  const onMissingNamespace: Array<[string, string[]]> = [
    ['addr add', ['addr', 'add', `lo@${missing}`, '10.1.1.1/24']],
    ['link up', ['link', 'up', `lo@${missing}`]],
    ['route add', ['route', 'add', 'default', 'via', '10.1.1.1', '--netns', missing]],
    ['del', ['del', missing]],
    ['veth', ['veth', lab.interfaceName('m1'), `${lab.interfaceName('m2')}@${missing}`]],
    ['show', ['show', missing]],
    ['exec', ['exec', missing, '--', 'true']],
  ];
  for (const [what, args] of onMissingNamespace) {
    test(`${what} on a namespace that does not exist exits 1 with a one-line reason naming it`, async () => {
      const result = await cli(...args);
      assert.equal(result.status, 1);
      assertOneLine(result.stderr);
      assert.match(result.stderr, /^netns-lab: /u);
      assert.ok(result.stderr.includes(missing), result.stderr);
      assert.equal(namespaceExists(missing), false);
    });
  }
});

describe('help and version', () => {
  test('--help describes the tool and every command, exit 0', async () => {
    const result = await cli('--help');
    assert.equal(result.status, 0);
    assert.match(result.stdout, /^Usage: netns-lab COMMAND/mu);
    for (const command of COMMAND_NAMES) assert.match(result.stdout, new RegExp(`^  ${command} +\\S`, 'mu'), command);
  });

  test('no command prints the overview and exits 2', async () => {
    const result = await cli();
    assert.equal(result.status, 2);
    assert.match(result.stdout, /^Usage: netns-lab COMMAND/mu);
  });

  for (const command of COMMAND_NAMES) {
    test(`${command} --help prints its usage and exits 0`, async () => {
      const result = await cli(command, '--help');
      assert.equal(result.status, 0, result.stderr);
      assert.equal(result.stderr, '');
      assert.ok(result.stdout.startsWith(`netns-lab ${command}`), result.stdout);
    });
  }

  test('help CMD prints the same usage as CMD --help', async () => {
    const help = await cli('help', 'veth');
    assert.equal(help.status, 0, help.stderr);
    assert.ok(help.stdout.startsWith('netns-lab veth'), help.stdout);
    assert.equal(help.stdout, (await cli('veth', '-h')).stdout);
  });

  test('--version prints the version of package.json', async () => {
    const { version } = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string };
    const result = await cli('--version');
    assert.equal(result.status, 0);
    assert.equal(result.stdout, `${version}\n`);
  });
});
