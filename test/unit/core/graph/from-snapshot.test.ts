/** The picture built from a snapshot: groups, interfaces, links and what a lab's picture leaves out. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { graphFromSnapshot } from '../../../../src/core/graph/from-snapshot.js';
import type { NetworkGraph } from '../../../../src/core/graph/model.js';
import { link, namespace, routerLab } from './fixtures.js';

function linkPairs(graph: NetworkGraph): string[] {
  return graph.links.map((shown) => `${shown.kind} ${shown.from} ${shown.to} ${shown.subnets.join(',')}`.trim()).sort();
}

describe('graphFromSnapshot', () => {
  const lab = { lab: 'lab', namespaces: ['lab-client', 'lab-router', 'lab-server'] };

  test('every namespace is a group, the root first, loopbacks left out, labs marked', () => {
    const graph = graphFromSnapshot(routerLab(), { labs: [lab] });
    assert.deepEqual(
      graph.namespaces.map((group) => [group.id, group.label, group.lab ?? '']),
      [
        ['ns:', 'root namespace', ''],
        ['ns:lab-client', 'lab-client', 'lab'],
        ['ns:lab-router', 'lab-router', 'lab'],
        ['ns:lab-server', 'lab-server', 'lab'],
        ['ns:other', 'other', ''],
      ],
    );
    assert.ok(!graph.interfaces.some((shown) => shown.name === 'lo'));
  });

  test('veth pairs join their ends once, with the subnet both ends are in; ports go to their bridge; a vxlan to its parent and remote', () => {
    assert.deepEqual(linkPairs(graphFromSnapshot(routerLab())), [
      'lower if:/vx0 if:/eth0',
      'port if:/c-up if:/br-lab',
      'port if:/r-up if:/br-lab',
      'tunnel if:/vx0 ext:192.168.1.20',
      'veth if:/c-up if:lab-client/eth0',
      'veth if:/r-host if:lab-router/host0 10.9.0.0/30',
      'veth if:/r-up if:lab-router/up0',
      'veth if:lab-router/down0 if:lab-server/eth0 10.2.0.0/24',
    ]);
  });

  test('interfaces carry state, MTU and addresses without link-local ones; the NIC and the vxlan lead out', () => {
    const graph = graphFromSnapshot(routerLab());
    const byId = new Map(graph.interfaces.map((shown) => [shown.id, shown]));
    assert.deepEqual(byId.get('if:lab-client/eth0')!.addresses, ['10.1.0.2/24']);
    assert.equal(byId.get('if:lab-router/down0')!.state, 'down');
    assert.equal(byId.get('if:lab-server/eth0')!.state, 'no-carrier');
    assert.equal(byId.get('if:lab-router/up0')!.state, 'up');
    assert.equal(byId.get('if:lab-router/up0')!.mtu, 1500);
    assert.deepEqual(
      graph.interfaces.filter((shown) => shown.leadsOut).map((shown) => shown.id),
      ['if:/eth0', 'if:/vx0'],
    );
    assert.deepEqual(graph.externals, [{ id: 'ext:192.168.1.20', label: 'remote 192.168.1.20' }]);
  });

  test("a lab's picture shows its namespaces and, of the root namespace, only its veth peers and their bridge with its ports", () => {
    const graph = graphFromSnapshot(routerLab(), { labs: [lab], only: new Set(lab.namespaces) });
    assert.deepEqual(
      graph.namespaces.map((group) => group.id),
      ['ns:', 'ns:lab-client', 'ns:lab-router', 'ns:lab-server'],
    );
    assert.deepEqual(
      graph.interfaces
        .filter((shown) => shown.namespaceId === 'ns:')
        .map((shown) => shown.name)
        .sort(),
      ['br-lab', 'c-up', 'r-host', 'r-up'],
    );
  });

  test('a bridge in a namespace with ports whose peers are in another namespace', () => {
    const snapshot = {
      namespaces: [
        namespace('sw', [link(2, 'br0', { kind: 'bridge' }), link(3, 'p1', { master: 'br0', peer: { namespace: 'h1', interface: 'eth0' } })]),
        namespace('h1', [link(2, 'eth0', { peer: { namespace: 'sw', interface: 'p1' } })]),
      ],
    };
    assert.deepEqual(linkPairs(graphFromSnapshot(snapshot)), ['port if:sw/p1 if:sw/br0', 'veth if:h1/eth0 if:sw/p1']);
  });

  test('a namespace without a name is labelled by what uses it', () => {
    const unnamed = { path: '/proc/7/ns/net', identity: '4:9', inode: 9, pids: [7], user: { pid: 7, command: 'nginx', container: 'abc123' } };
    const graph = graphFromSnapshot({ namespaces: [namespace('/proc/7/ns/net', [link(2, 'eth0')], { unnamed })] });
    assert.deepEqual(graph.namespaces, [{ id: 'ns:/proc/7/ns/net', label: 'container abc123: nginx (pid 7)', namespace: '/proc/7/ns/net', unnamed: true }]);
  });

  test("a namespace that could not be read is drawn empty, saying so and why; a lab's own only in its lab's picture", () => {
    const broken = namespace('lab-gone', [], { error: 'Cannot open network namespace "lab-gone": Invalid argument' });
    const graph = graphFromSnapshot({ namespaces: [namespace(null, [link(2, 'eth0', { kind: 'device' })]), broken] }, { labs: [{ lab: 'lab', namespaces: ['lab-gone'] }] });
    assert.deepEqual(graph.namespaces[1], { id: 'ns:lab-gone', label: 'lab-gone (could not be read)', namespace: 'lab-gone', lab: 'lab', unreadable: broken.error });
    assert.equal(graph.interfaces.filter((shown) => shown.namespaceId === 'ns:lab-gone').length, 0);
    const other = graphFromSnapshot({ namespaces: [broken] }, { only: new Set(['lab-other']) });
    assert.deepEqual(other.namespaces, []);
  });

  test('500 namespaces, each with a veth to the root namespace: one group each and one link each', () => {
    const count = 500;
    const root = namespace(
      null,
      Array.from({ length: count }, (_, index) => link(10 + index, `r${index}`, { peer: { namespace: `n${index}`, interface: 'eth0' } })),
    );
    const others = Array.from({ length: count }, (_, index) => namespace(`n${index}`, [link(2, 'eth0', { peer: { namespace: null, interface: `r${index}` } })]));
    const graph = graphFromSnapshot({ namespaces: [root, ...others] });
    assert.equal(graph.namespaces.length, count + 1);
    assert.equal(graph.links.length, count);
    assert.equal(new Set(graph.links.map((shown) => shown.id)).size, count);
  });
});
