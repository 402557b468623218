/** A deployed lab's picture marked against its file: missing, extra and differing elements, each said. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { graphWithDrift, hasDrift, interfaceDifferences } from '../../../../src/core/graph/drift.js';
import { graphFromTopology } from '../../../../src/core/graph/from-topology.js';
import { interfaceId, type GraphInterface, type NetworkGraph } from '../../../../src/core/graph/model.js';
import { fileLab } from './fixtures.js';

const topology = fileLab('green');

/** The kernel's picture of the lab deployed exactly as the file says: every interface up, the lab's namespaces its. */
function deployedAsDeclared(): NetworkGraph {
  const graph = structuredClone(graphFromTopology(topology));
  for (const shown of graph.interfaces) {
    shown.state = 'up';
    shown.mtu ??= 1500;
  }
  return graph;
}

function interfaceOf(graph: NetworkGraph, namespace: string | null, name: string): GraphInterface {
  const found = graph.interfaces.find((shown) => shown.id === interfaceId(namespace, name));
  assert.ok(found, `${namespace}:${name} is in the picture`);
  return found;
}

describe('graphWithDrift', () => {
  const planned = graphFromTopology(topology);

  test('a lab as its file says has no mark anywhere', () => {
    const marked = graphWithDrift(planned, deployedAsDeclared(), 'lab1');
    assert.equal(hasDrift(marked), false);
    assert.equal(marked.interfaces.length, planned.interfaces.length);
    assert.equal(marked.links.length, planned.links.length);
  });

  test('a namespace deleted from the kernel comes back from the file, marked missing with its interfaces and link', () => {
    const actual = deployedAsDeclared();
    actual.namespaces = actual.namespaces.filter((group) => group.namespace !== 'lab1-blue');
    actual.interfaces = actual.interfaces.filter((shown) => shown.namespaceId !== 'ns:lab1-blue');
    actual.links = actual.links.filter((link) => !link.to.includes('lab1-blue') && !link.from.includes('lab1-blue'));
    // The red end of the deleted pair goes with it: a veth pair dies whole.
    actual.interfaces = actual.interfaces.filter((shown) => shown.id !== interfaceId('lab1-red', 'eth1'));
    const marked = graphWithDrift(planned, actual, 'lab1');
    assert.equal(marked.namespaces.find((group) => group.namespace === 'lab1-blue')?.drift?.kind, 'missing');
    assert.equal(interfaceOf(marked, 'lab1-blue', 'eth0').drift?.kind, 'missing');
    assert.equal(interfaceOf(marked, 'lab1-red', 'eth1').drift?.kind, 'missing');
    const link = marked.links.find((candidate) => candidate.kind === 'veth' && candidate.from.includes('lab1-blue'));
    assert.deepEqual(link?.drift, { kind: 'missing', details: ['the veth between lab1-blue:eth0 and lab1-red:eth1 declared in the file, not in the kernel'] });
  });

  test('what the file declares inside a namespace that could not be read is marked neither missing nor extra', () => {
    const actual = deployedAsDeclared();
    const blue = actual.namespaces.find((group) => group.namespace === 'lab1-blue')!;
    Object.assign(blue, { label: 'lab1-blue (could not be read)', unreadable: 'Invalid argument' });
    actual.interfaces = actual.interfaces.filter((shown) => shown.namespaceId !== 'ns:lab1-blue');
    actual.links = actual.links.filter((link) => !link.to.includes('lab1-blue') && !link.from.includes('lab1-blue'));
    const marked = graphWithDrift(planned, actual, 'lab1');
    assert.deepEqual(
      marked.namespaces.find((group) => group.namespace === 'lab1-blue'),
      blue,
    );
    assert.equal(
      marked.interfaces.some((shown) => shown.namespaceId === 'ns:lab1-blue'),
      false,
    );
    assert.equal(
      marked.links.some((link) => link.from.includes('lab1-blue') || link.to.includes('lab1-blue')),
      false,
    );
    // What is known elsewhere is still marked: red's end of the pair to blue is there, as the file says.
    assert.equal(interfaceOf(marked, 'lab1-red', 'eth1').drift, undefined);
  });

  test('an address, an MTU and a down state that differ are each said on the interface', () => {
    const actual = deployedAsDeclared();
    const red = interfaceOf(actual, 'lab1-red', 'eth1');
    red.addresses = ['10.1.0.5/30'];
    red.mtu = 1500;
    red.state = 'down';
    const marked = graphWithDrift(planned, actual, 'lab1');
    assert.deepEqual(interfaceOf(marked, 'lab1-red', 'eth1').drift, {
      kind: 'differs',
      details: [
        'address 10.1.0.1/30 declared, not in the kernel',
        'address 10.1.0.5/30 in the kernel, not in the file',
        'MTU 9000 declared, 1500 in the kernel',
        'down in the kernel: a deploy brings it up',
      ],
    });
    assert.equal(interfaceOf(marked, 'lab1-red', 'eth0').drift, undefined);
  });

  test('a veth end that declares no MTU differs when the kernel has another than the one a deploy gives', () => {
    const undeclared = planned.interfaces.find(
      (shown) => shown.kind === 'veth' && topology.links.some((link) => link.endpoints.some((end) => interfaceId(end.namespace, end.interface) === shown.id && end.mtu === undefined)),
    );
    assert.ok(undeclared, 'the fixture has a veth end without an MTU');
    const actual = deployedAsDeclared();
    interfaceOf(actual, undeclared.namespaceId.slice(3), undeclared.name).mtu = 1400;
    const marked = graphWithDrift(planned, actual, 'lab1');
    assert.deepEqual(marked.interfaces.find((shown) => shown.id === undeclared.id)?.drift, { kind: 'differs', details: ['MTU 1500 declared, 1400 in the kernel'] });
  });

  test("an interface and a link added in a lab's namespace are extra; what the root namespace shows besides is not", () => {
    const actual = deployedAsDeclared();
    actual.interfaces.push({ id: interfaceId('lab1-red', 'probe'), namespaceId: 'ns:lab1-red', name: 'probe', kind: 'veth', state: 'up', addresses: [] });
    actual.interfaces.push({ id: interfaceId(null, 'probe-root'), namespaceId: 'ns:', name: 'probe-root', kind: 'veth', state: 'up', addresses: [] });
    actual.links.push({ id: 'veth:x', kind: 'veth', from: interfaceId('lab1-red', 'probe'), to: interfaceId(null, 'probe-root'), subnets: [] });
    actual.interfaces.push({ id: interfaceId(null, 'other-port'), namespaceId: 'ns:', name: 'other-port', kind: 'veth', state: 'up', addresses: [] });
    const marked = graphWithDrift(planned, actual, 'lab1');
    assert.equal(interfaceOf(marked, 'lab1-red', 'probe').drift?.kind, 'extra');
    assert.equal(interfaceOf(marked, null, 'probe-root').drift, undefined, 'the root namespace holds more than the lab');
    assert.equal(interfaceOf(marked, null, 'other-port').drift, undefined);
    assert.equal(marked.links.find((link) => link.id === 'veth:x')?.drift?.kind, 'extra');
  });

  test('a declared end wired elsewhere in the kernel says where it leads and where the file says', () => {
    const actual = deployedAsDeclared();
    actual.links = actual.links.filter((link) => !(link.kind === 'veth' && link.from.includes('lab1-blue')));
    actual.interfaces.push({ id: interfaceId('lab1-green', 'eth0'), namespaceId: 'ns:lab1-green', name: 'eth0', kind: 'veth', state: 'up', addresses: [] });
    actual.links.push({ id: 'veth:rewired', kind: 'veth', from: interfaceId('lab1-green', 'eth0'), to: interfaceId('lab1-red', 'eth1'), subnets: [] });
    const marked = graphWithDrift(planned, actual, 'lab1');
    assert.deepEqual(interfaceOf(marked, 'lab1-red', 'eth1').drift?.details, ['wired to lab1-green:eth0 in the kernel; the file says lab1-blue:eth0']);
    assert.equal(marked.links.find((link) => link.id === 'veth:rewired')?.drift?.kind, 'extra');
    assert.equal(marked.namespaces.find((group) => group.namespace === 'lab1-green')?.drift, undefined, 'green is declared, only its interface is extra');
    assert.equal(interfaceOf(marked, 'lab1-green', 'eth0').drift?.kind, 'extra');
  });

  test('a kind that differs is said, addresses compare without regard to case', () => {
    const wanted: GraphInterface = { id: 'a', namespaceId: 'n', name: 'x', kind: 'veth', state: 'planned', addresses: ['FD00::1/64'] };
    assert.deepEqual(interfaceDifferences(wanted, { ...wanted, kind: 'bridge', state: 'up', addresses: ['fd00::1/64'] }), ['a veth in the file, a bridge in the kernel']);
  });
});
