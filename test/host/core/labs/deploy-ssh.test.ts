// Labs on an SSH target: the same deploy, re-deploy and destroy through SshHost against the real test sshd on
// 127.0.0.1 (so the target's namespaces are this machine's, and are checked with `ip` directly).
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { deployLab, destroyLab, inspectLab, isInSync, LocalHost, listDeployedLabs } from '../../../../src/core/index.js';
import { SshHost } from '../../../../src/core/host/ssh-host.js';
import { namespaceExists } from '../../support/lab.js';
import { inNamespace, labRecordExists, topologyOf } from '../../support/labs.js';
import { testSetup } from '../../support/setup.js';
import { sshdMissingReason, startTestSshServer, type TestSshServer } from '../../support/sshd.js';

const skip = sshdMissingReason();

describe('a lab on an SSH target', { skip }, () => {
  let server: TestSshServer;
  let host: SshHost;
  const { lab } = testSetup({
    teardown: async () => {
      await host?.dispose();
      await server?.stop();
    },
  });
  const name = `${lab.prefix} ssh lab`;
  const file = topologyOf(`
lab: ${name}
namespaces:
  a: {}
  b: { routes: [default via 10.90.0.1] }
links:
  - [a:eth0 10.90.0.1/24, b:eth0 10.90.0.2/24]
`);

  before(async () => {
    server = await startTestSshServer();
    host = new SshHost(server.alias, { sshConfigFile: server.configFile });
  });

  test('deploys, finds nothing to change the second time, and is listed with its namespaces', async () => {
    assert.equal((await deployLab(host, file)).applied, true);
    assert.ok(namespaceExists(`${name}-a`) && namespaceExists(`${name}-b`));
    const ping = inNamespace(`${name}-b`, 'ping', '-c', '1', '-W', '2', '10.90.0.1');
    assert.equal(ping.status, 0, ping.stdout + ping.stderr);
    assert.deepEqual((await deployLab(host, file)).plan.changes, []);
    assert.ok(isInSync(await inspectLab(host, file)));
    const listed = (await listDeployedLabs(host)).find((entry) => entry.lab === name);
    assert.deepEqual(listed?.namespaces.sort(), [`${name}-a`, `${name}-b`]);
  });

  test('the local host sees the same lab as deployed (one record, wherever it was deployed from)', async () => {
    const local = new LocalHost();
    try {
      assert.ok(isInSync(await inspectLab(local, file)));
    } finally {
      await local.dispose();
    }
  });

  test('destroys it over the same connection', async () => {
    await destroyLab(host, name);
    assert.equal(namespaceExists(`${name}-a`), false);
    assert.equal(namespaceExists(`${name}-b`), false);
    assert.equal(labRecordExists(name), false);
  });
});
