// Checks decided by a namespace's state, on a real namespace: routes, addresses, links, forwarding and the whole
// state against a recorded one, each passing and failing with the fact that decided it.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { parseCheckBlock, readNamespace, recordedCheckYaml, recordState, runChecks, type CheckResult } from '../../../../src/core/index.js';
import { ip } from '../../support/lab.js';
import { testSetup } from '../../support/setup.js';

const { lab, host } = testSetup({ host: true });
const red = lab.namespaceName('red');

before(() => {
  ip('netns', 'add', red);
  ip('-n', red, 'link', 'add', 'name', 'br0', 'type', 'bridge');
  ip('-n', red, 'link', 'add', 'name', 'p0', 'type', 'veth', 'peer', 'name', 'p1');
  ip('-n', red, 'link', 'set', 'p0', 'master', 'br0');
  ip('-n', red, 'address', 'add', '10.80.1.1/24', 'dev', 'br0');
  for (const name of ['br0', 'p0', 'p1']) ip('-n', red, 'link', 'set', name, 'up');
  ip('-n', red, 'route', 'add', '10.80.9.0/24', 'via', '10.80.1.254');
});

async function check(yaml: string): Promise<CheckResult> {
  const parsed = parseCheckBlock(yaml, red);
  assert.deepEqual(parsed.diagnostics, []);
  const [result] = await runChecks(host, parsed.checks!, { timeoutMs: 200 });
  return result!;
}

async function assertCheck(yaml: string, passed: boolean, message: string): Promise<void> {
  const result = await check(yaml);
  assert.deepEqual([result.passed, result.message], [passed, message]);
}

describe('state checks', () => {
  test('route: present with its gateway, routed otherwise, missing, and absent', async () => {
    await assertCheck('- route: 10.80.9.0/24\n  via: 10.80.1.254\n  dev: br0\n', true, `${red} has the route 10.80.9.0/24 via 10.80.1.254 dev br0`);
    await assertCheck('- route: 10.80.9.0/24\n  via: 10.80.1.253\n', false, `${red} routes 10.80.9.0/24 as 10.80.9.0/24 via 10.80.1.254 dev br0, not 10.80.9.0/24 via 10.80.1.253`);
    await assertCheck('- route: default\n', false, `${red} has no route to default; its routes: 10.80.1.0/24 dev br0, 10.80.9.0/24 via 10.80.1.254 dev br0`);
    await assertCheck('- route: default\n  present: false\n', true, `${red} has no route default`);
  });

  test('address: on its interface, on another one, and missing', async () => {
    await assertCheck('- address: 10.80.1.1/24\n  dev: br0\n', true, `10.80.1.1/24 is on br0 in ${red}`);
    await assertCheck('- address: 10.80.1.1/24\n  dev: p1\n', false, `10.80.1.1/24 is on br0 in ${red}, not on p1`);
    await assertCheck('- address: 10.80.1.2/24\n', false, `${red} has no address 10.80.1.2/24`);
  });

  test('link: state, MTU and bridge as the kernel reports them', async () => {
    await assertCheck('- link: p0\n  state: up\n  master: br0\n', true, `p0 in ${red} is there: up, MTU 1500, port of br0`);
    await assertCheck('- link: p1\n  master: br0\n  mtu: 9000\n', false, `p1 in ${red} has MTU 1500, not 9000, is no bridge port, not a port of br0`);
    await assertCheck('- link: p9\n', false, `${red} has no interface p9`);
    await assertCheck('- link: p9\n  present: false\n', true, `${red} has no interface p9, as expected`);
  });

  test('forwarding: the sysctl inside the namespace', async () => {
    await assertCheck('- forwarding: true\n', false, `IPv4 forwarding in ${red} is off (net.ipv4.ip_forward = 0); expected on`);
    ip('netns', 'exec', red, 'sysctl', '-q', '-w', 'net.ipv4.ip_forward=1');
    await assertCheck('- forwarding: true\n', true, `IPv4 forwarding in ${red} is on (net.ipv4.ip_forward = 1)`);
  });

  test('same: a recorded state passes until the namespace changes, and then names the change', async () => {
    const recorded = recordedCheckYaml(red, recordState(await readNamespace(host, red)));
    await assertCheck(recorded, true, `${red} is as recorded`);
    // While p1 is down, the kernel adds no route for its new address: only the link and the address differ.
    ip('-n', red, 'link', 'set', 'p1', 'down');
    ip('-n', red, 'address', 'add', '10.80.2.1/24', 'dev', 'p1');
    const result = await check(recorded);
    assert.equal(result.passed, false);
    assert.equal(result.message, `${red} differs from its recorded state: p1 is down (recorded: up); p1 has address 10.80.2.1/24, not recorded`);
  });
});
