/** The picture of a topology file's lab before it is deployed: what the file declares, all of it planned. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { graphFromTopology } from '../../../../src/core/graph/from-topology.js';
import { fileLab } from './fixtures.js';

const topology = fileLab();

describe('graphFromTopology', () => {
  const graph = graphFromTopology(topology);

  test("the file's namespaces are the lab's groups; the root namespace comes in for the bridge", () => {
    assert.deepEqual(
      graph.namespaces.map((group) => [group.id, group.lab ?? '']),
      [
        ['ns:lab1-red', 'lab1'],
        ['ns:lab1-blue', 'lab1'],
        ['ns:', ''],
      ],
    );
  });

  test('every declared interface is planned, with its addresses and MTU', () => {
    const eth1 = graph.interfaces.find((shown) => shown.id === 'if:lab1-red/eth1')!;
    assert.deepEqual(eth1, { id: 'if:lab1-red/eth1', namespaceId: 'ns:lab1-red', name: 'eth1', kind: 'veth', state: 'planned', addresses: ['10.1.0.1/30'], mtu: 9000 });
    assert.ok(graph.interfaces.every((shown) => shown.state === 'planned'));
  });

  test('links are the veth pairs with their subnet, and the bridge ports', () => {
    assert.deepEqual(
      graph.links.map((shown) => `${shown.kind} ${shown.from} ${shown.to} ${shown.subnets.join(',')}`.trim()),
      ['veth if:/r-red if:lab1-red/eth0', 'veth if:lab1-blue/eth0 if:lab1-red/eth1 10.1.0.0/30', 'port if:/r-red if:/br0'],
    );
  });
});
