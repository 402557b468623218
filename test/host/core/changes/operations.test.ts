// The change operations against real namespaces, read back with readNamespace; and rollback: a change that fails
// part-way leaves nothing behind and says which step failed. Hostile names are in operations-names.test.ts.
// Every test runs on LocalHost and on SshHost (a real sshd on 127.0.0.1), each with its own lab prefix.
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  CommandError,
  addAddress,
  addRoute,
  createBridge,
  createNamespace,
  createVethPair,
  deleteAddress,
  deleteLink,
  deleteNamespace,
  deleteRoute,
  readNamespace,
  setLinkMtu,
  setLinkUp,
  type LinkInfo,
  type NamespaceState,
} from '../../../../src/core/index.js';
import type { Host } from '../../../../src/core/host/host.js';
import { hostsUnderTest } from '../../support/hosts.js';
import { ip, namespaceExists } from '../../support/lab.js';
import { testSetup } from '../../support/setup.js';

function findLink(state: NamespaceState, name: string): LinkInfo | undefined {
  assert.equal(state.error, undefined, state.error);
  return state.links.find((link) => link.name === name);
}

function link(state: NamespaceState, name: string): LinkInfo {
  const found = findLink(state, name);
  assert.ok(found, `no link ${name} in ${String(state.name)}`);
  return found;
}

const cidrs = (info: LinkInfo): string[] => info.addresses.map((address) => `${address.address}/${address.prefixLength}`);

// The same behaviour on this machine and over SSH (the sshd runs here, so `ip` checks either).
for (const target of hostsUnderTest()) {
  describe(`on ${target.label}`, { skip: target.skip }, () => {
    const { lab } = testSetup({ teardown: () => target.close() });
    let host: Host;
    before(async () => {
      host = await target.open();
    });

    describe('namespaces', () => {
      test('createNamespace with loopbackUp makes the namespace with lo up', async () => {
        const name = lab.namespaceName('-lo');
        await createNamespace(host, name, { loopbackUp: true });
        assert.ok(namespaceExists(name));
        assert.equal(link(await readNamespace(host, name), 'lo').up, true);
      });

      test('createNamespace without loopbackUp leaves lo down', async () => {
        const name = lab.namespaceName('-lodown');
        await createNamespace(host, name);
        assert.equal(link(await readNamespace(host, name), 'lo').up, false);
      });

      test('deleteNamespace removes it', async () => {
        const name = lab.namespaceName('-gone');
        ip('netns', 'add', name);
        await deleteNamespace(host, name);
        assert.equal(namespaceExists(name), false);
      });
    });

    describe('links, addresses and routes', () => {
      const [left, right] = [lab.namespaceName('-l'), lab.namespaceName('-r')];
      const [vl, vr, port, bridge] = ['vl', 'vr', 'pt', 'br'].map((suffix) => lab.interfaceName(suffix)) as [string, string, string, string];
      before(() => {
        ip('netns', 'add', left);
        ip('netns', 'add', right);
      });

      test('createVethPair between two namespaces sets addresses and brings both ends up', async () => {
        await createVethPair(host, { name: vl, namespace: left, addresses: ['10.78.0.1/24', 'fd78::1/64'] }, { name: vr, namespace: right, addresses: ['10.78.0.2/24'] }, { up: true });
        const [leftState, rightState] = [await readNamespace(host, left), await readNamespace(host, right)];
        assert.deepEqual([link(leftState, vl).up, link(rightState, vr).up], [true, true]);
        assert.deepEqual(
          [cidrs(link(leftState, vl)).filter((cidr) => !cidr.startsWith('fe80')), cidrs(link(rightState, vr)).filter((cidr) => !cidr.startsWith('fe80'))],
          [['10.78.0.1/24', 'fd78::1/64'], ['10.78.0.2/24']],
        );
        assert.deepEqual(link(leftState, vl).peer, { namespace: right, interface: vr });
      });

      test('createBridge attaches its ports and comes up', async () => {
        ip('-n', right, 'link', 'add', 'name', port, 'type', 'veth', 'peer', 'name', lab.interfaceName('px'));
        await createBridge(host, right, bridge, { ports: [vr, port], addresses: ['10.79.0.1/24'], up: true });
        const state = await readNamespace(host, right);
        assert.equal(link(state, bridge).kind, 'bridge');
        assert.equal(link(state, bridge).up, true);
        assert.deepEqual(
          cidrs(link(state, bridge)).filter((cidr) => !cidr.startsWith('fe80')),
          ['10.79.0.1/24'],
        );
        assert.deepEqual([link(state, vr).master, link(state, port).master], [bridge, bridge]);
      });

      test('addAddress and deleteAddress add and remove an address', async () => {
        await addAddress(host, left, vl, '10.80.0.1/16');
        assert.ok(cidrs(link(await readNamespace(host, left), vl)).includes('10.80.0.1/16'));
        await deleteAddress(host, left, vl, '10.80.0.1/16');
        assert.equal(cidrs(link(await readNamespace(host, left), vl)).includes('10.80.0.1/16'), false);
      });

      test('addRoute and deleteRoute add and remove a route via a gateway with a metric', async () => {
        const route = { destination: '10.81.0.0/16', via: '10.78.0.2', metric: 42 };
        await addRoute(host, left, route);
        const added = (await readNamespace(host, left)).routes.find((candidate) => candidate.destination === '10.81.0.0/16');
        assert.deepEqual([added?.gateway, added?.device, added?.metric], ['10.78.0.2', vl, 42]);
        await deleteRoute(host, left, route);
        assert.equal(
          (await readNamespace(host, left)).routes.some((candidate) => candidate.destination === '10.81.0.0/16'),
          false,
        );
      });

      test('addRoute makes an IPv6 default route through a device only', async () => {
        await addRoute(host, left, { destination: 'default', device: vl, family: 'inet6' });
        const routes = (await readNamespace(host, left)).routes;
        assert.ok(routes.some((route) => route.family === 'inet6' && route.destination === 'default' && route.device === vl));
        assert.equal(
          routes.some((route) => route.family === 'inet' && route.destination === 'default'),
          false,
        );
      });

      test('setLinkUp brings a link down and up again', async () => {
        await setLinkUp(host, left, vl, false);
        assert.equal(link(await readNamespace(host, left), vl).up, false);
        await setLinkUp(host, left, vl, true);
        assert.equal(link(await readNamespace(host, left), vl).up, true);
      });

      test('setLinkMtu sets the MTU', async () => {
        await setLinkMtu(host, left, vl, 1400);
        assert.equal(link(await readNamespace(host, left), vl).mtu, 1400);
      });

      test('deleteLink removes a veth and its peer', async () => {
        await deleteLink(host, left, vl);
        assert.equal(findLink(await readNamespace(host, left), vl), undefined);
        assert.equal(findLink(await readNamespace(host, right), vr), undefined);
      });
    });

    describe('rollback', () => {
      const [first, second] = [lab.namespaceName('-rb1'), lab.namespaceName('-rb2')];
      before(() => {
        ip('netns', 'add', first);
        ip('netns', 'add', second);
      });

      test('a veth pair whose second address fails leaves no veth, and the error names that step', async () => {
        const [a, b] = [lab.interfaceName('ra'), lab.interfaceName('rb')];
        const failing = createVethPair(host, { name: a, namespace: first, addresses: ['10.82.0.1/24'] }, { name: b, namespace: second, addresses: ['10.82.0.2/24', '10.82.0.2/24'] });
        await assert.rejects(failing, (error: unknown) => {
          assert.ok(error instanceof CommandError, String(error));
          assert.match(error.message, new RegExp(`add address 10\\.82\\.0\\.2/24 to ${b} in namespace ${second}`));
          return true;
        });
        assert.equal(findLink(await readNamespace(host, first), a), undefined);
        assert.equal(findLink(await readNamespace(host, second), b), undefined);
      });

      test('a failure within one batch (same namespace) undoes the steps before it', async () => {
        const [a, b] = [lab.interfaceName('sa'), lab.interfaceName('sb')];
        const failing = createVethPair(host, { name: a, namespace: first, addresses: ['10.83.0.1/24', '10.83.0.1/24'] }, { name: b, namespace: first });
        await assert.rejects(failing, (error: unknown) => error instanceof CommandError && /add address 10\.83\.0\.1\/24/.test(error.message));
        const state = await readNamespace(host, first);
        assert.deepEqual([findLink(state, a), findLink(state, b)], [undefined, undefined]);
      });

      test('a bridge whose port does not exist is not left behind', async () => {
        const bridge = lab.interfaceName('rbr');
        await assert.rejects(createBridge(host, first, bridge, { ports: [lab.interfaceName('nope')] }), (error: unknown) => error instanceof CommandError && /attach/.test(error.message));
        assert.equal(findLink(await readNamespace(host, first), bridge), undefined);
      });

      test('creating a namespace that exists fails and leaves the existing one untouched', async () => {
        const name = lab.namespaceName('-exists');
        const keep = lab.interfaceName('kp');
        ip('netns', 'add', name);
        ip('-n', name, 'link', 'add', 'name', keep, 'type', 'bridge');
        await assert.rejects(createNamespace(host, name, { loopbackUp: true }), (error: unknown) => error instanceof CommandError && error.message.includes(`create namespace ${name}`));
        assert.ok(namespaceExists(name));
        const state = await readNamespace(host, name);
        assert.ok(findLink(state, keep), 'the existing namespace lost its bridge');
        assert.equal(link(state, 'lo').up, false);
      });
    });
  });
}
