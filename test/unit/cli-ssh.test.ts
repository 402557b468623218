// The command line over SSH: --target (with --ssh-config) on a real OpenSSH server on 127.0.0.1 started by the
// test. The server runs on this machine, so what it reads and changes is this machine's, under this run's prefix.
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { createCliRunner } from './support/cli.js';
import { createLab, ip, namespaceExists } from './support/lab.js';
import { sshdMissingReason, startTestSshServer, type TestSshServer } from './support/sshd.js';

const TUTORIAL = fileURLToPath(new URL('../../../notebooks/01-isolating-a-network.netns.md', import.meta.url));

describe('netns-lab --target over SSH', { skip: sshdMissingReason() }, () => {
  const lab = createLab();
  const runner = createCliRunner();
  let server: TestSshServer;
  const overSsh = (...args: string[]) => runner.run('--ssh-config', server.configFile, '--target', server.alias, ...args);

  before(async () => {
    server = await startTestSshServer();
  });
  after(async () => {
    await server?.stop();
    runner.cleanup();
    lab.cleanup();
  });

  test('ls and show read the target', async () => {
    const name = lab.namespaceName('ssh1');
    ip('netns', 'add', name);
    const listed = await overSsh('ls', '--json');
    assert.equal(listed.status, 0, listed.stderr);
    const { namespaces } = JSON.parse(listed.stdout) as { namespaces: Array<{ name: string; interfaces: number }> };
    assert.deepEqual(namespaces.find((entry) => entry.name === name), { name, interfaces: 1 });
    const shown = await overSsh('show', name);
    assert.equal(shown.status, 0, shown.stderr);
    assert.match(shown.stdout, /^lo\s+loopback/mu);
  });

  test('add and del change the target', async () => {
    const name = lab.namespaceName('ssh2');
    assert.equal((await overSsh('add', name)).status, 0);
    assert.equal(namespaceExists(name), true);
    assert.equal((await overSsh('del', name)).status, 0);
    assert.equal(namespaceExists(name), false);
  });

  test('a tutorial notebook runs green on the target', async () => {
    const result = await overSsh('run', TUTORIAL);
    assert.equal(result.status, 0, `${result.stdout}\n${result.stderr}`);
    assert.match(result.stdout, new RegExp(`\\(on ${server.alias}\\)`, 'u'));
    assert.match(result.stdout, /: \d+ passed, 0 failed\n/u);
  });

  test('an unreachable target fails with one clear line', async () => {
    const result = await runner.run('--target', 'ssh://root@127.0.0.1:1', 'ls');
    assert.equal(result.status, 1);
    assert.match(result.stderr, /^netns-lab: .+\n$/u);
  });
});
