// A topology file's lab as a picture: the plan before it is deployed; once deployed, the kernel's picture marked
// against the file, following what `ip` changes behind the file's back.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { deployLab } from '../../../../src/core/index.js';
import { readTopologyGraph } from '../../../../src/core/graph/read.js';
import { interfaceId, type NetworkGraph } from '../../../../src/core/graph/model.js';
import { ip } from '../../support/lab.js';
import { topologyOf } from '../../support/labs.js';
import { testSetup } from '../../support/setup.js';

const { lab, host } = testSetup({ host: true });

function driftOf(graph: NetworkGraph, namespace: string, name: string): string | undefined {
  const shown = graph.interfaces.find((candidate) => candidate.id === interfaceId(namespace, name));
  assert.ok(shown, `${namespace}:${name} is in the picture`);
  return shown.drift ? `${shown.drift.kind}: ${shown.drift.details.join('; ')}` : undefined;
}

describe('readTopologyGraph', () => {
  const name = `${lab.prefix}g`;
  const file = topologyOf(`
lab: ${name}
namespaces:
  r: { forwarding: true }
  h: {}
  k: {}
links:
  - [h:eth0 10.86.0.2/24, r:eth0 10.86.0.1/24]
  - [k:eth0 10.87.0.2/24, r:eth1 10.87.0.1/24]
`);

  test('before a deploy, the planned lab with nothing marked', async () => {
    const { graph, deployed } = await readTopologyGraph(host, file);
    assert.equal(deployed, false);
    assert.ok(graph.interfaces.every((shown) => shown.state === 'planned' && shown.drift === undefined));
    assert.equal(graph.namespaces.length, 3);
  });

  test('deployed and changed with ip: each change is marked where it is, the rest is not', async () => {
    await deployLab(host, file);
    const fresh = await readTopologyGraph(host, file);
    assert.equal(fresh.deployed, true);
    assert.deepEqual(
      fresh.graph.interfaces.filter((shown) => shown.drift).map((shown) => shown.id),
      [],
      'a fresh deploy has no drift',
    );
    ip('-n', `${name}-h`, 'address', 'add', '10.86.0.9/24', 'dev', 'eth0');
    ip('-n', `${name}-r`, 'link', 'set', 'eth0', 'down');
    ip('netns', 'del', `${name}-k`);
    ip('-n', `${name}-r`, 'link', 'add', 'extra0', 'type', 'veth', 'peer', 'name', 'extra1');
    const { graph } = await readTopologyGraph(host, file);
    assert.equal(driftOf(graph, `${name}-h`, 'eth0'), 'differs: address 10.86.0.9/24 in the kernel, not in the file');
    // Deleting k took the whole pair with it: r's end is gone too.
    assert.equal(driftOf(graph, `${name}-r`, 'eth1'), 'missing: declared in the file, not in the kernel: a deploy creates it');
    assert.equal(driftOf(graph, `${name}-k`, 'eth0'), 'missing: declared in the file, not in the kernel: a deploy creates it');
    assert.equal(graph.namespaces.find((group) => group.namespace === `${name}-k`)?.drift?.kind, 'missing');
    assert.equal(driftOf(graph, `${name}-r`, 'extra0'), 'extra: in the kernel, not in the file: a deploy deletes it');
    const extraPair = graph.links.find((link) => link.kind === 'veth' && link.from === interfaceId(`${name}-r`, 'extra0'));
    assert.equal(extraPair?.drift?.kind, 'extra');
    assert.equal(driftOf(graph, `${name}-r`, 'eth0'), 'differs: down in the kernel: a deploy brings it up');
  });
});
