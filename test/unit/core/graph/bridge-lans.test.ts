/** A bridge's LAN: the subnets of its own addresses and of the far ends of its ports, from a file and from the kernel. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { graphFromSnapshot } from '../../../../src/core/graph/from-snapshot.js';
import { graphFromTopology } from '../../../../src/core/graph/from-topology.js';
import { interfaceId, type NetworkGraph } from '../../../../src/core/graph/model.js';
import type { Topology } from '../../../../src/core/topology/model.js';
import { routerLab } from './fixtures.js';

const end = (namespace: string, name: string, addresses: string[] = []) => ({ namespace, interface: name, addresses });

/** A switch namespace with two bridges: br0 joins hosts a (v4 and v6) and b, br1 joins c, which has no address. */
const switched: Topology = {
  lab: 'l',
  namespaces: ['a', 'b', 'c', 'sw'].map((name) => ({ name, netns: `l-${name}`, sysctls: {}, routes: [] })),
  bridges: [
    { name: 'br0', namespace: 'l-sw', addresses: [], ports: ['p-a', 'p-b'] },
    { name: 'br1', namespace: 'l-sw', addresses: [], ports: ['p-c'] },
  ],
  links: [
    { endpoints: [end('l-a', 'eth0', ['10.0.61.2/24', 'fd00:61::2/64']), end('l-sw', 'p-a')] },
    { endpoints: [end('l-sw', 'p-b'), end('l-b', 'eth0', ['10.0.61.3/24'])] },
    { endpoints: [end('l-c', 'eth0'), end('l-sw', 'p-c')] },
  ],
};

function lanOf(graph: NetworkGraph, namespace: string | null, name: string): string[] | undefined {
  return graph.interfaces.find((shown) => shown.id === interfaceId(namespace, name))?.lan;
}

describe('bridge LANs', () => {
  test("a bridge without an address takes the subnets of its ports' far ends, each once, whichever end a link names first", () => {
    const graph = graphFromTopology(switched);
    assert.deepEqual(lanOf(graph, 'l-sw', 'br0'), ['10.0.61.0/24', 'fd00:61::/64']);
  });

  test('a bridge whose ports lead to no address has no LAN, and no other interface has one', () => {
    const graph = graphFromTopology(switched);
    assert.equal(lanOf(graph, 'l-sw', 'br1'), undefined);
    assert.deepEqual(
      graph.interfaces.filter((shown) => shown.lan !== undefined).map((shown) => shown.name),
      ['br0'],
    );
  });

  test("read from the kernel: the bridge's own address first, then its ports' far ends (link-local left out)", () => {
    const graph = graphFromSnapshot(routerLab());
    assert.deepEqual(lanOf(graph, null, 'br-lab'), ['10.1.0.0/24']);
  });
});
