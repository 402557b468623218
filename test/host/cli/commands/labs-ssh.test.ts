// The lab commands with --target on a real OpenSSH server on 127.0.0.1 started by the test. The server runs on this
// machine, so the lab it deploys is this machine's, under this run's prefix, and is read back with plain `ip`.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import { assertOneLine } from '../../support/cli.js';
import { namespaceExists } from '../../support/lab.js';
import { labRecordExists } from '../../support/labs.js';
import { testSetup } from '../../support/setup.js';
import { sshdMissingReason, startTestSshServer, type TestSshServer } from '../../support/sshd.js';

describe('lab commands with --target over SSH', { skip: sshdMissingReason() }, () => {
  let server: TestSshServer;
  const { lab, runner } = testSetup({ cli: true, teardown: () => server?.stop() });
  const name = `${lab.prefix}s`;
  const file = 'ssh.netns.yaml';
  const overSsh = (...args: string[]) => runner.run('--ssh-config', server.configFile, '--target', server.alias, ...args);

  before(async () => {
    server = await startTestSshServer();
    writeFileSync(join(runner.workDirectory, file), `lab: ${name}\nnamespaces: [red, blue]\nlinks:\n  - [red:eth0 10.0.0.1/24, blue:eth0 10.0.0.2/24]\n`);
  });

  test('deploy makes the lab on the target, and again changes nothing', async () => {
    const first = await overSsh('deploy', file);
    assert.equal(first.status, 0, first.stderr);
    assert.match(first.stdout, new RegExp(`^Lab ${name} on ${server.alias}: 3 changes$`, 'mu'));
    assert.equal(namespaceExists(`${name}-red`), true);
    const second = await overSsh('deploy', file);
    assert.equal(second.stdout, `Lab ${name} on ${server.alias}: no changes (it is as ${file} says)\n`);
  });

  test('inspect finds it in sync on the target', async () => {
    const result = await overSsh('inspect', file, '--json');
    assert.equal(result.status, 0, result.stderr);
    assert.equal((JSON.parse(result.stdout) as { host: string; inSync: boolean }).inSync, true);
  });

  test('destroy --lab removes it from the target', async () => {
    const result = await overSsh('destroy', '--lab', name);
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /removed 2 namespaces/u);
    assert.equal(namespaceExists(`${name}-red`), false);
    assert.equal(labRecordExists(name), false);
  });

  test('a target where nothing listens fails with one line and changes nothing', async () => {
    const result = await runner.run('--ssh-config', server.configFile, '--target', server.deadAlias, 'deploy', file);
    assert.equal(result.status, 1);
    assertOneLine(result.stderr);
    assert.equal(result.stdout, '');
    assert.equal(namespaceExists(`${name}-red`), false);
  });
});
