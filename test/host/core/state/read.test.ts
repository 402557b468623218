// Reading real namespaces: names, one namespace with its veth peers named, and a whole-host snapshot. The lab is
// built with `ip` directly (not with the code under test); only objects under this run's prefix are asserted on.
// Every read runs on this machine through LocalHost and through SshHost (a real sshd on 127.0.0.1), so both must
// read the same lab the same way.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readNamespace, readNamespaceNames, readSnapshot, type HostSnapshot, type LinkInfo, type NamespaceName, type NamespaceState } from '../../../../src/core/index.js';
import type { Host } from '../../../../src/core/host/host.js';
import { hostsUnderTest } from '../../support/hosts.js';
import { ip } from '../../support/lab.js';
import { testSetup } from '../../support/setup.js';

const { lab } = testSetup();
const [ns1, ns2, ns3, lone] = ['-1', '-2', '-3', '-lone'].map((suffix) => lab.namespaceName(suffix)) as [string, string, string, string];
const name = (suffix: string): string => lab.interfaceName(suffix);
const [a1, a2, b2, b3, r0, r3] = ['a1', 'a2', 'b2', 'b3', 'r0', 'r3'].map(name) as [string, string, string, string, string, string];
const [bridge, vxlan, tap, macvlan, same1, same2] = ['br', 'vx', 'tp', 'mv', 's1', 's2'].map(name) as [string, string, string, string, string, string];

before(() => {
  for (const namespace of [ns1, ns2, ns3, lone]) ip('netns', 'add', namespace);
  ip('-n', ns1, 'link', 'add', 'name', a1, 'type', 'veth', 'peer', 'name', a2, 'netns', ns2);
  ip('-n', ns2, 'link', 'add', 'name', b2, 'type', 'veth', 'peer', 'name', b3, 'netns', ns3);
  ip('link', 'add', 'name', r0, 'type', 'veth', 'peer', 'name', r3, 'netns', ns3);
  ip('-n', ns2, 'link', 'add', 'name', bridge, 'type', 'bridge');
  ip('-n', ns2, 'link', 'set', 'dev', a2, 'master', bridge);
  ip('-n', ns2, 'link', 'set', 'dev', b2, 'master', bridge);
  ip('-n', ns1, 'link', 'add', 'name', vxlan, 'type', 'vxlan', 'id', '42', 'dstport', '4789');
  ip('-n', ns1, 'tuntap', 'add', 'mode', 'tap', 'name', tap);
  ip('-n', ns3, 'link', 'add', 'name', macvlan, 'link', b3, 'type', 'macvlan', 'mode', 'bridge');
  ip('-n', ns3, 'link', 'add', 'name', same1, 'type', 'veth', 'peer', 'name', same2);
  ip('-n', ns1, 'address', 'add', '10.77.1.1/24', 'dev', a1);
  ip('-n', ns1, 'address', 'add', 'fd77:1::1/64', 'dev', a1, 'nodad');
  ip('-n', ns1, 'link', 'set', 'dev', a1, 'up');
  ip('-n', ns2, 'link', 'set', 'dev', a2, 'up');
  ip('-n', ns1, 'route', 'add', 'default', 'via', '10.77.1.2', 'dev', a1);
});

function link(state: NamespaceState | undefined, linkName: string): LinkInfo {
  assert.ok(state, 'namespace missing');
  assert.equal(state.error, undefined, `namespace ${String(state.name)} could not be read: ${state.error}`);
  const found = state.links.find((candidate) => candidate.name === linkName);
  assert.ok(found, `no link ${linkName} in ${String(state.name)}; it has ${state.links.map((item) => item.name).join(', ')}`);
  return found;
}

function peerOf(state: NamespaceState | undefined, linkName: string): { namespace: NamespaceName; interface: string } | undefined {
  return link(state, linkName).peer;
}

for (const target of hostsUnderTest()) {
  describe(`on ${target.label}`, { skip: target.skip }, () => {
    let host: Host;
    before(async () => {
      host = await target.open();
    });
    after(() => target.close());

    describe('readNamespaceNames', () => {
      test('lists the namespaces the test made, by their literal names', async () => {
        const names = await readNamespaceNames(host);
        for (const namespace of [ns1, ns2, ns3, lone]) assert.ok(names.includes(namespace), `${namespace} missing`);
      });
    });

    describe('readNamespace', () => {
      let first: NamespaceState;
      before(async () => {
        first = await readNamespace(host, ns1);
      });

      test('names the namespace it read', () => {
        assert.equal(first.name, ns1);
      });

      test('reports each link with its kind', () => {
        const kinds = Object.fromEntries([a1, vxlan, tap, 'lo'].map((linkName) => [linkName, link(first, linkName).kind]));
        assert.deepEqual(kinds, { [a1]: 'veth', [vxlan]: 'vxlan', [tap]: 'tun', lo: 'loopback' });
      });

      test('reports IPv4 and IPv6 addresses with their prefix lengths', () => {
        const addresses = link(first, a1).addresses.map((address) => `${address.family} ${address.address}/${address.prefixLength}`);
        assert.ok(addresses.includes('inet 10.77.1.1/24'), addresses.join(', '));
        assert.ok(addresses.includes('inet6 fd77:1::1/64'), addresses.join(', '));
      });

      test('reports the default route via its gateway', () => {
        const route = first.routes.find((candidate) => candidate.destination === 'default' && candidate.family === 'inet');
        assert.ok(route, 'no IPv4 default route');
        assert.deepEqual([route.gateway, route.device], ['10.77.1.2', a1]);
      });

      test('names a veth peer in another namespace by namespace and interface', () => {
        assert.deepEqual(peerOf(first, a1), { namespace: ns2, interface: a2 });
      });

      test('names a veth peer in the root namespace as namespace null', async () => {
        assert.deepEqual(peerOf(await readNamespace(host, ns3), r3), { namespace: null, interface: r0 });
      });

      test('reads the root namespace and names its veth peer', async () => {
        const root = await readNamespace(host, null);
        assert.equal(root.name, null);
        assert.deepEqual(peerOf(root, r0), { namespace: ns3, interface: r3 });
      });

      test('reads a lone namespace (no nsid anywhere): just lo', async () => {
        const state = await readNamespace(host, lone);
        assert.equal(state.error, undefined);
        assert.deepEqual(
          state.links.map((item) => item.name),
          ['lo'],
        );
      });
    });

    describe('readSnapshot', () => {
      let snapshot: HostSnapshot;
      const namespace = (namespaceName: NamespaceName): NamespaceState | undefined => snapshot.namespaces.find((state) => state.name === namespaceName);
      before(async () => {
        snapshot = await readSnapshot(host);
      });

      test('puts the root namespace first', () => {
        assert.equal(snapshot.namespaces[0]?.name, null);
      });

      test('lists every namespace of the lab, sorted by name', () => {
        const ours = snapshot.namespaces.map((state) => state.name).filter((stateName): stateName is string => stateName !== null && lab.owns(stateName));
        assert.deepEqual(ours, [ns1, ns2, ns3, lone].sort());
      });

      test('reads every namespace of the lab without an error', () => {
        for (const namespaceName of [ns1, ns2, ns3, lone]) assert.equal(namespace(namespaceName)?.error, undefined, String(namespaceName));
      });

      test('resolves the ns1–ns2 veth in both directions', () => {
        assert.deepEqual(
          [peerOf(namespace(ns1), a1), peerOf(namespace(ns2), a2)],
          [
            { namespace: ns2, interface: a2 },
            { namespace: ns1, interface: a1 },
          ],
        );
      });

      test('resolves the ns2–ns3 veth in both directions', () => {
        assert.deepEqual(
          [peerOf(namespace(ns2), b2), peerOf(namespace(ns3), b3)],
          [
            { namespace: ns3, interface: b3 },
            { namespace: ns2, interface: b2 },
          ],
        );
      });

      test('resolves the root–ns3 veth in both directions, the root end as namespace null', () => {
        assert.deepEqual(
          [peerOf(namespace(null), r0), peerOf(namespace(ns3), r3)],
          [
            { namespace: ns3, interface: r3 },
            { namespace: null, interface: r0 },
          ],
        );
      });

      test('resolves a veth pair inside one namespace to each other', () => {
        assert.deepEqual(
          [peerOf(namespace(ns3), same1), peerOf(namespace(ns3), same2)],
          [
            { namespace: ns3, interface: same2 },
            { namespace: ns3, interface: same1 },
          ],
        );
      });

      test('reports the bridge and names it as master of both ports', () => {
        assert.equal(link(namespace(ns2), bridge).kind, 'bridge');
        assert.deepEqual([link(namespace(ns2), a2).master, link(namespace(ns2), b2).master], [bridge, bridge]);
      });

      test('marks the bridge ports as ports of a bridge', () => {
        assert.deepEqual([link(namespace(ns2), a2).portKind, link(namespace(ns2), b2).portKind], ['bridge', 'bridge']);
      });

      test('reports vxlan, macvlan and tap links with their kinds', () => {
        assert.deepEqual([link(namespace(ns1), vxlan).kind, link(namespace(ns3), macvlan).kind, link(namespace(ns1), tap).kind], ['vxlan', 'macvlan', 'tun']);
      });

      test('names the veth a macvlan sits on', () => {
        assert.equal(link(namespace(ns3), macvlan).parentName, b3);
      });

      test('the lone namespace has no nsid in any namespace’s map', () => {
        const seenWithId = snapshot.namespaces.filter((state) => state.nsids.some((entry) => entry.namespace === lone));
        assert.deepEqual(
          seenWithId.map((state) => state.name),
          [],
        );
      });

      test('lists the lone namespace with just lo', () => {
        assert.deepEqual(link(namespace(lone), 'lo').kind, 'loopback');
        assert.equal(namespace(lone)?.links.length, 1);
      });

      test('carries the addresses and default route of ns1', () => {
        const state = namespace(ns1);
        assert.ok(link(state, a1).addresses.some((address) => address.address === '10.77.1.1'));
        assert.ok(state?.routes.some((route) => route.destination === 'default' && route.gateway === '10.77.1.2'));
      });
    });
  });
}
