// Deploys that fail or are refused leave the host as it was: a failure at any step undoes what the run made (for
// each step in turn, that step is replaced by one the kernel really refuses), a real kernel refusal mid-deploy
// puts back the previous lab's settings, addresses and routes and keeps its record, and refusals (a name taken by something not the lab's, a missing qdisc)
// come before anything runs.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { applySteps, CommandError, deployLab, LabRefusedError, planDeploy, type Step } from '../../../../src/core/index.js';
import { ip, namespaceExists, rootLinkNames } from '../../support/lab.js';
import { inNamespace, kernelAddresses, kernelLink, kernelRoutes, labRecordExists, topologyOf } from '../../support/labs.js';
import { eventually, holds } from '../../../support/eventually.js';
import { testSetup } from '../../support/setup.js';

const { lab, host } = testSetup({ host: true });

function nothingOfPrefixLeft(): boolean {
  const namespaces = ip('netns', 'list')
    .split('\n')
    .filter((line) => line.startsWith(lab.prefix));
  return namespaces.length === 0 && !rootLinkNames().some((name) => name.startsWith(lab.prefix));
}

/** A step the kernel refuses, in the same namespace and program as the step it replaces. */
function failingStep(step: Step): Step {
  const missing = lab.interfaceName('nx');
  const args = step.command.program === 'tc' ? ['qdisc', 'delete', 'dev', missing, 'root'] : ['link', 'set', 'dev', missing, 'up'];
  return { command: { ...step.command, args }, description: 'injected failure' };
}

describe('a failing deploy', () => {
  test('a failure at any step leaves nothing of the run behind', async () => {
    const file = topologyOf(`
lab: ${lab.prefix}a
namespaces:
  r: { forwarding: true }
  h: { routes: [default via 10.80.0.1] }
bridges:
  ${lab.interfaceName('br')}: { ports: [${lab.interfaceName('p')}] }
links:
  - [h:eth0 10.80.0.2/24, r:eth0 10.80.0.1/24]
  - endpoints:
      - { namespace: r, interface: up, addresses: [10.81.0.2/24], impair: { rate: 1mbit } }
      - ${lab.interfaceName('p')}
`);
    const { steps } = await planDeploy(host, file);
    assert.ok(steps.length > 10, `a plan with many steps (${steps.length})`);
    for (let failing = 0; failing < steps.length; failing++) {
      const injected = steps.map((step, index) => (index === failing ? failingStep(step) : step));
      await assert.rejects(applySteps(host, injected), CommandError, `step ${failing} fails`);
      assert.ok(nothingOfPrefixLeft(), `nothing left after a failure at step ${failing} (${steps[failing]!.description})`);
    }
  });

  test('a step the kernel refuses mid-deploy undoes the run and keeps the lab as it was', async () => {
    const name = `${lab.prefix}b`;
    const base = `
lab: ${name}
namespaces:
  x: {}
  y: { routes: [10.84.0.0/24 via 10.82.0.1] }
links:
  - [x:eth0 10.82.0.1/24 10.82.1.1/24, y:eth0 10.82.0.2/24]
`;
    await deployLab(host, topologyOf(base));
    // The edit changes an MTU, drops an address and a route, adds a namespace with a link, and sets a sysctl the
    // kernel does not have: that last batch fails after everything else was done, and all of it is undone.
    const broken = `
lab: ${name}
namespaces:
  x: {}
  y: {}
  z: { sysctls: { net.ipv4.no_such_setting: 1 } }
links:
  - endpoints: [x:eth0 10.82.0.1/24, y:eth0 10.82.0.2/24]
    mtu: 1400
  - [x:eth1 10.83.0.1/24, z:eth0 10.83.0.2/24]
`;
    await assert.rejects(deployLab(host, topologyOf(broken)), (error: Error) => error instanceof CommandError && /no_such_setting/u.test(error.message));
    assert.equal(namespaceExists(`${name}-z`), false, 'the new namespace was removed');
    // The kernel tears a deleted namespace down a moment later: its veths' other ends go then, not at once.
    await eventually(() => (kernelAddresses(`${name}-x`, 'eth1').length === 0 ? true : undefined), {
      what: 'the new link to go with the removed namespace',
      lastSeen: () => kernelAddresses(`${name}-x`, 'eth1').join(' '),
    });
    assert.equal(kernelLink(`${name}-x`, 'eth0')?.mtu, 1500, 'the MTU is back');
    assert.deepEqual(kernelAddresses(`${name}-x`, 'eth0').sort(), ['10.82.0.1/24', '10.82.1.1/24'], 'the dropped address is back');
    assert.match(kernelRoutes(`${name}-y`), /^10\.84\.0\.0\/24 via 10\.82\.0\.1/mu, 'the dropped route is back');
    assert.ok(labRecordExists(name), 'the record stays');
    assert.deepEqual((await deployLab(host, topologyOf(base))).plan.changes, [], 'the lab is exactly as before');
  });

  test('a first deploy that fails leaves no record', async () => {
    const name = `${lab.prefix}c`;
    const broken = `
lab: ${name}
namespaces:
  x: { sysctls: { net.ipv4.no_such_setting: 1 } }
`;
    await assert.rejects(deployLab(host, topologyOf(broken)), CommandError);
    assert.equal(namespaceExists(`${name}-x`), false);
    assert.equal(labRecordExists(name), false);
  });
});

describe('a refused deploy changes nothing', () => {
  test("when one of its namespace names is taken by a namespace that is not the lab's", async () => {
    const name = `${lab.prefix}d`;
    const taken = lab.own(`${name}-b`);
    ip('netns', 'add', taken);
    const file = topologyOf(`lab: ${name}\nnamespaces: [a, b]\nlinks:\n  - [a:eth0, b:eth0]\n`);
    await assert.rejects(deployLab(host, file), (error: Error) => error instanceof LabRefusedError && error.message.includes(`Namespace ${taken} already exists and is not lab ${name}'s`));
    assert.equal(namespaceExists(`${name}-a`), false);
    assert.equal(inNamespace(taken, 'ip', '-o', 'link').stdout.split('\n').filter(Boolean).length, 1, 'the other namespace was not touched');
  });

  test("when a root interface name is taken by a link that is not the lab's", async () => {
    const name = `${lab.prefix}e`;
    const bridge = lab.interfaceName('eb');
    ip('link', 'add', 'name', bridge, 'type', 'bridge');
    const file = topologyOf(`lab: ${name}\nnamespaces: [a]\nbridges: [${bridge}]\n`);
    await assert.rejects(deployLab(host, file), (error: Error) => error instanceof LabRefusedError && error.message.includes(`Interface ${bridge} already exists in the root namespace`));
    assert.equal(namespaceExists(`${name}-a`), false);
    ip('link', 'delete', 'dev', bridge);
  });

  test('when an impairment needs netem and the kernel has none; where it has netem, the delay is set', async () => {
    const name = `${lab.prefix}f`;
    const probe = lab.namespaceName('probe');
    ip('netns', 'add', probe);
    const kernelHasNetem = inNamespace(probe, 'tc', 'qdisc', 'add', 'dev', 'lo', 'root', 'netem', 'delay', '1ms').status === 0;
    ip('netns', 'delete', probe);
    const file = topologyOf(`
lab: ${name}
namespaces: [a, b]
links:
  - endpoints:
      - { namespace: a, interface: eth0, impair: { delay: 20ms, loss: 1% } }
      - b:eth0
`);
    if (kernelHasNetem) {
      await deployLab(host, file);
      assert.match(inNamespace(`${name}-a`, 'tc', 'qdisc', 'show', 'dev', 'eth0').stdout, /netem .*delay 20ms/u);
      return;
    }
    await assert.rejects(
      deployLab(host, file),
      (error: Error) => error instanceof LabRefusedError && /netem qdisc \(kernel module sch_netem\)/u.test(error.message) && error.message.includes(`${name}-a:eth0`),
    );
    assert.equal(namespaceExists(`${name}-a`), false);
    // The kernel removes the root ends of deleted namespaces a moment later.
    await eventually(
      holds(() => !ip('netns', 'list').includes('netns-lab-probe-')),
      { what: 'the probe namespace to go', intervalMs: 25 },
    );
  });
});
