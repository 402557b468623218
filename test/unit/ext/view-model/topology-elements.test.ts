import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { NetworkGraph } from '../../../../src/core/graph/model.js';
import { interfaceLabel, topologyElements, type TopologyElement } from '../../../../src/ext/view-model/topology-elements.js';

/** A router with a veth to a host, a bridge with one port, a vxlan to a remote; the router's eth1 drifted. */
const graph: NetworkGraph = {
  namespaces: [
    { id: 'ns:', label: 'root namespace', namespace: null },
    { id: 'ns:lab-router', label: 'lab-router', namespace: 'lab-router', lab: 'lab' },
    { id: 'ns:lab-host', label: 'lab-host', namespace: 'lab-host', lab: 'lab' },
  ],
  interfaces: [
    { id: 'if:lab-router/eth0', namespaceId: 'ns:lab-router', name: 'eth0', kind: 'veth', state: 'up', mtu: 1500, addresses: ['10.0.0.1/24', 'fd00::1/64'] },
    { id: 'if:lab-host/eth0', namespaceId: 'ns:lab-host', name: 'eth0', kind: 'veth', state: 'no-carrier', addresses: ['10.0.0.2/24'] },
    { id: 'if:lab-router/br0', namespaceId: 'ns:lab-router', name: 'br0', kind: 'bridge', state: 'down', addresses: [] },
    {
      id: 'if:lab-router/eth1',
      namespaceId: 'ns:lab-router',
      name: 'eth1',
      kind: 'veth',
      state: 'up',
      addresses: [],
      drift: { kind: 'missing', details: ['declared in the file, not in the kernel'] },
    },
    { id: 'if:/vx0', namespaceId: 'ns:', name: 'vx0', kind: 'vxlan', state: 'up', addresses: [], leadsOut: true },
  ],
  links: [
    { id: 'veth:if:lab-host/eth0|if:lab-router/eth0', kind: 'veth', from: 'if:lab-host/eth0', to: 'if:lab-router/eth0', subnets: ['10.0.0.0/24'] },
    { id: 'port:if:lab-router/eth1|if:lab-router/br0', kind: 'port', from: 'if:lab-router/eth1', to: 'if:lab-router/br0', subnets: [] },
    { id: 'tunnel:if:/vx0|ext:192.0.2.9', kind: 'tunnel', from: 'if:/vx0', to: 'ext:192.0.2.9', subnets: [] },
    { id: 'veth:if:gone/x|if:lab-host/eth0', kind: 'veth', from: 'if:gone/x', to: 'if:lab-host/eth0', subnets: [] },
  ],
  externals: [{ id: 'ext:192.0.2.9', label: 'remote 192.0.2.9' }],
};

function byId(elements: TopologyElement[], id: string): TopologyElement {
  const found = elements.find((element) => element.data.id === id);
  assert.ok(found, `${id} missing`);
  return found;
}

describe('the topology picture as cytoscape elements', () => {
  const elements = topologyElements(graph);

  test("puts interfaces in their namespace box and bridges apart, with their commands' namespace and name", () => {
    const eth0 = byId(elements, 'if:lab-router/eth0');
    assert.equal(eth0.group, 'nodes');
    assert.deepEqual(
      [eth0.group === 'nodes' && eth0.data.parent, eth0.group === 'nodes' && eth0.data.namespace, eth0.group === 'nodes' && eth0.data.interface],
      ['ns:lab-router', 'lab-router', 'eth0'],
    );
    assert.equal(byId(elements, 'if:lab-router/br0').classes, 'bridge kind-bridge state-down');
    assert.match(byId(elements, 'if:/vx0').classes, /\bleads-out\b/u);
    assert.equal(byId(elements, 'ns:').classes, 'namespace root');
  });

  test('marks state and drift in classes, and says them in the details', () => {
    assert.match(byId(elements, 'if:lab-host/eth0').classes, /\bstate-no-carrier\b/u);
    const eth1 = byId(elements, 'if:lab-router/eth1');
    assert.match(eth1.classes, /\bdrift drift-missing\b/u);
    assert.deepEqual(eth1.data.details.slice(-2), ['drift: in the file, not in the kernel', 'declared in the file, not in the kernel']);
    assert.deepEqual(byId(elements, 'if:lab-router/eth0').data.details, ['veth · up · mtu 1500', '10.0.0.1/24', 'fd00::1/64']);
  });

  test('marks a namespace that could not be read, and says why in its details', () => {
    const broken = topologyElements({ ...graph, namespaces: [...graph.namespaces, { id: 'ns:lab-x', label: 'lab-x (could not be read)', namespace: 'lab-x', unreadable: 'Invalid argument' }] });
    const node = byId(broken, 'ns:lab-x');
    assert.match(node.classes, /\bnamespace unreadable\b/u);
    assert.deepEqual(node.data.details, ['network namespace', 'could not be read: Invalid argument']);
    assert.doesNotMatch(byId(broken, 'ns:lab-router').classes, /unreadable/u);
  });

  test('joins interfaces by edges labelled with their subnets, and leaves out an edge to what is not drawn', () => {
    const veth = byId(elements, 'veth:if:lab-host/eth0|if:lab-router/eth0');
    assert.equal(veth.group, 'edges');
    assert.deepEqual(veth.group === 'edges' && [veth.data.source, veth.data.target, veth.data.label, veth.classes], ['if:lab-host/eth0', 'if:lab-router/eth0', '10.0.0.0/24', 'veth']);
    assert.equal(byId(elements, 'tunnel:if:/vx0|ext:192.0.2.9').classes, 'tunnel');
    assert.ok(!elements.some((element) => element.data.id.includes('gone')));
  });

  test('draws boxes before what they hold and nodes before edges', () => {
    const index = (id: string): number => elements.findIndex((element) => element.data.id === id);
    assert.ok(index('ns:lab-router') < index('if:lab-router/eth0'));
    const firstEdge = elements.findIndex((element) => element.group === 'edges');
    assert.ok(elements.slice(firstEdge).every((element) => element.group === 'edges'));
  });

  test("groups a target's namespaces in their lab's box when asked", () => {
    const grouped = topologyElements(graph, { groupLabs: true });
    assert.equal(byId(grouped, 'lab:lab').classes, 'lab');
    assert.equal(byId(grouped, 'ns:lab-host').group === 'nodes' && (byId(grouped, 'ns:lab-host').data as { parent?: string }).parent, 'lab:lab');
    assert.equal((byId(grouped, 'ns:').data as { parent?: string }).parent, undefined);
  });

  test('labels an interface with its name and first address, counting the others', () => {
    assert.equal(interfaceLabel(graph.interfaces[0]!), 'eth0\n10.0.0.1/24 +1');
    assert.equal(interfaceLabel(graph.interfaces[2]!), 'br0');
    assert.equal(interfaceLabel({ ...graph.interfaces[2]!, lan: ['10.0.61.0/24'] }), 'br0\nLAN 10.0.61.0/24', 'a bridge without an address says its LAN');
  });
});
