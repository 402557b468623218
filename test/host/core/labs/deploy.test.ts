// Deploying a lab for real: every declared object made and tagged, a second deploy changing nothing, an edited
// file changing only the difference, and inspect telling missing, extra and drifted objects apart.
import { describe, test } from 'node:test';
import { readFileSync } from 'node:fs';
import assert from 'node:assert/strict';
import { deployLab, inspectLab, isInSync, listDeployedLabs, readNamespace, type PlanChange } from '../../../../src/core/index.js';
import { ip, namespaceExists } from '../../support/lab.js';
import { inNamespace, kernelAddresses, kernelLink, kernelRoutes, namespaceSysctl, REGISTRY, topologyOf } from '../../support/labs.js';
import { testSetup } from '../../support/setup.js';

const { lab, host } = testSetup({ host: true });

const name = `${lab.prefix}a`;
const netns = (short: string): string => `${name}-${short}`;
const bridge = lab.interfaceName('br');
const rootPort = lab.interfaceName('v1');

/** A router between two namespaces, plus a root bridge with a rate-limited link from the router. */
function fileText(changes: { mtu?: number; green?: boolean; impaired?: boolean } = {}): string {
  return `
lab: ${name}
namespaces:
  red:
    routes: [default via 10.61.0.1]
  router:
    forwarding: true
  blue:
    routes: ["10.61.0.0/24 via 10.62.0.1"]
${changes.green ? '  green: {}\n' : ''}bridges:
  ${bridge}:
    addresses: [10.63.0.1/24]
    ports: [${rootPort}]
links:
  - [red:eth0 10.61.0.2/24, router:r0 10.61.0.1/24]
  - endpoints: [blue:eth0 10.62.0.2/24, router:r1 10.62.0.1/24]
    mtu: ${changes.mtu ?? 1400}
  - endpoints:
      - namespace: router
        interface: up0
        addresses: [10.63.0.2/24]
${changes.impaired === false ? '' : '        impair: { rate: 10mbit }\n'}      - ${rootPort}
${changes.green ? '  - [green:eth0 10.64.0.2/24, router:r2 10.64.0.1/24]\n' : ''}`;
}

const summary = (changes: PlanChange[]): string[] => changes.map((change) => `${change.action} ${change.subject}${change.detail ? ` (${change.detail})` : ''}`).sort();

describe('deploying a lab', () => {
  test("makes every declared namespace, link, address, route, sysctl and rate limit, each tagged as the lab's", async () => {
    const result = await deployLab(host, topologyOf(fileText()));
    assert.equal(result.applied, true);
    for (const short of ['red', 'router', 'blue']) {
      assert.ok(namespaceExists(netns(short)), `namespace ${netns(short)}`);
      const loopback = kernelLink(netns(short), 'lo');
      assert.equal(loopback?.ifalias, `netns-lab:${name}`);
      assert.ok(loopback?.flags.includes('UP'), 'lo is up');
    }
    const red = await readNamespace(host, netns('red'));
    assert.deepEqual(red.links.find((link) => link.name === 'eth0')?.peer, { namespace: netns('router'), interface: 'r0' });
    assert.deepEqual(kernelAddresses(netns('red'), 'eth0'), ['10.61.0.2/24']);
    assert.equal(kernelLink(netns('blue'), 'eth0')?.mtu, 1400);
    assert.equal(kernelLink(netns('router'), 'r1')?.mtu, 1400);
    assert.equal(kernelLink(null, rootPort)?.master, bridge);
    assert.equal(kernelLink(null, bridge)?.ifalias, `netns-lab:${name}`);
    assert.deepEqual(kernelAddresses(null, bridge), ['10.63.0.1/24']);
    assert.match(kernelRoutes(netns('red')), /^default via 10\.61\.0\.1 dev eth0/mu);
    assert.equal(namespaceSysctl(netns('router'), 'net.ipv4.ip_forward'), '1');
    assert.match(ip('-n', netns('router'), 'link', 'show', 'dev', 'up0'), /qdisc htb/u);
    assert.match(spawnTc(netns('router'), 'up0'), /rate 10Mbit/u);
    // The lab works end to end: red reaches blue through the router.
    const ping = inNamespace(netns('red'), 'ping', '-c', '1', '-W', '2', '10.62.0.2');
    assert.equal(ping.status, 0, ping.stdout + ping.stderr);
  });

  test("deploying the same file again changes nothing, not even the lab's record", async () => {
    const recordBefore = readRecord(name);
    const again = await deployLab(host, topologyOf(fileText()));
    assert.equal(readRecord(name), recordBefore);
    const listed = (await listDeployedLabs(host)).find((entry) => entry.lab === name);
    assert.deepEqual(listed?.namespaces, [netns('red'), netns('router'), netns('blue')], 'listed from the record, read without a shell');
    assert.equal(again.applied, false);
    assert.deepEqual(again.plan.changes, []);
    assert.deepEqual(again.plan.steps, []);
    assert.ok(isInSync(await inspectLab(host, topologyOf(fileText()))));
  });

  test('an edited file changes only the difference', async () => {
    const redIndex = kernelLink(netns('red'), 'eth0')?.ifindex;
    const edited = topologyOf(fileText({ mtu: 1300, green: true, impaired: false }));
    const result = await deployLab(host, edited);
    assert.deepEqual(summary(result.plan.changes), [
      `change ${netns('blue')}:eth0 (mtu 1400 → 1300)`,
      `change ${netns('router')}:r1 (mtu 1400 → 1300)`,
      `change ${netns('router')}:up0 (impairment removed)`,
      `create namespace ${netns('green')}`,
      `create veth ${netns('green')}:eth0 ↔ ${netns('router')}:r2`,
    ]);
    assert.equal(kernelLink(netns('red'), 'eth0')?.ifindex, redIndex, 'an unchanged link is not made again');
    assert.equal(kernelLink(netns('blue'), 'eth0')?.mtu, 1300);
    assert.doesNotMatch(ip('-n', netns('router'), 'link', 'show', 'dev', 'up0'), /qdisc htb/u);
    assert.deepEqual(kernelAddresses(netns('green'), 'eth0'), ['10.64.0.2/24']);
    assert.deepEqual((await deployLab(host, edited)).plan.changes, []);
  });

  test("a namespace dropped from the file is deleted; a namespace named like the lab's but not made by it stays", async () => {
    const stray = lab.own(netns('stray'));
    ip('netns', 'add', stray);
    const result = await deployLab(host, topologyOf(fileText({ mtu: 1300, impaired: false })));
    assert.deepEqual(summary(result.plan.changes), [`delete namespace ${netns('green')} (not in the file)`]);
    assert.equal(namespaceExists(netns('green')), false);
    assert.equal(namespaceExists(stray), true);
  });

  test("inspect reports what was changed behind the lab's back", async () => {
    const file = topologyOf(fileText({ mtu: 1300, impaired: false }));
    ip('-n', netns('red'), 'link', 'set', 'dev', 'eth0', 'mtu', '1280');
    ip('-n', netns('red'), 'address', 'add', '10.61.0.9/24', 'dev', 'eth0');
    ip('netns', 'delete', netns('blue'));
    const inspection = await inspectLab(host, file);
    assert.equal(isInSync(inspection), false);
    assert.deepEqual(summary(inspection.missing), [`create namespace ${netns('blue')}`, `create veth ${netns('blue')}:eth0 ↔ ${netns('router')}:r1`]);
    assert.deepEqual(summary(inspection.drifted), [
      `change ${netns('red')}:eth0 (- address 10.61.0.9/24)`,
      `change ${netns('red')}:eth0 (mtu 1280 → 1500)`,
      // The router's end of blue's pair went with blue's namespace.
    ]);
    assert.deepEqual(inspection.extra, []);
    await deployLab(host, file);
    assert.ok(isInSync(await inspectLab(host, file)), 'a deploy repairs the drift');
  });
});

function readRecord(lab: string): string {
  return readFileSync(`${REGISTRY}/${encodeURIComponent(lab)}.json`, 'utf8');
}

function spawnTc(namespace: string, device: string): string {
  return inNamespace(namespace, 'tc', 'class', 'show', 'dev', device).stdout;
}
