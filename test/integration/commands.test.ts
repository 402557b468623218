/**
 * The commands, driven as a program drives them (`executeCommand(id, plainObject)`): each change is checked with
 * plain `ip -j` and in the tree. Fixtures are made with plain ip, so each test stands on its own.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import * as vscode from 'vscode';
import type { NetnsLabApi } from '../../src/extension.js';
import type { InterfaceNode, NamespaceNode } from '../../src/ext/view-model/tree-nodes.js';
import { activateExtension, TreeReader } from './support/extension.js';
import { addressesOf, ip, lab, linksIn, routesIn, type IpLink } from './support/lab.js';
import { eventually } from './support/wait.js';

function run(command: string, argument: object): Thenable<unknown> {
  return vscode.commands.executeCommand(command, argument);
}

function link(namespace: string, name: string): IpLink | undefined {
  return linksIn(namespace).find((candidate) => candidate.ifname === name);
}

describe('commands given plain objects', () => {
  let api: NetnsLabApi;
  let tree: TreeReader;

  before(async () => {
    api = await activateExtension();
    tree = new TreeReader(api);
  });

  after(async () => {
    lab.cleanup();
    await tree?.forgetDeletedNamespaces();
  });

  /** The namespace's node, once the tree shows it. */
  function namespaceNode(name: string): Promise<NamespaceNode> {
    return eventually(() => tree.namespace(name), { what: `${name} in the tree` });
  }

  /** The interface's node under its namespace, once `ready` accepts what the tree shows. */
  async function interfaceNode(namespace: string, name: string, ready: (node: InterfaceNode) => boolean = () => true): Promise<InterfaceNode> {
    const parent = await namespaceNode(namespace);
    return eventually(
      async () => {
        const node = await tree.interface(parent, name);
        return node && ready(node) ? node : undefined;
      },
      { what: `${name} under ${namespace} as expected` },
    );
  }

  describe('namespaces', () => {
    const name = lab.namespaceName('-cmd-ns');

    it('namespace.create makes the namespace with its loopback up, and the tree shows it', async () => {
      await run('netnsLab.namespace.create', { name });
      assert.ok(existsSync(`/run/netns/${name}`), `/run/netns/${name} is missing`);
      assert.ok(link(name, 'lo')?.flags.includes('UP'), 'lo is not up');
      await namespaceNode(name);
    });

    it('namespace.delete removes the namespace, and the tree drops it', async () => {
      if (!existsSync(`/run/netns/${name}`)) ip('netns', 'add', name);
      await run('netnsLab.namespace.delete', { name });
      assert.equal(existsSync(`/run/netns/${name}`), false, `/run/netns/${name} is still there`);
      await eventually(async () => ((await tree.namespaceNames()).includes(name) ? undefined : true), { what: `${name} to leave the tree` });
    });
  });

  describe('veths and bridges', () => {
    const left = lab.namespaceName('-cmd-left');
    const right = lab.namespaceName('-cmd-right');
    const switchNamespace = lab.namespaceName('-cmd-switch');

    before(() => {
      for (const namespace of [left, right, switchNamespace]) ip('netns', 'add', namespace);
    });

    it('veth.create joins two namespaces, with addresses and both ends up; ip and the tree agree', async () => {
      const [leftEnd, rightEnd] = [lab.interfaceName('vl'), lab.interfaceName('vr')];
      await run('netnsLab.veth.create', {
        first: { name: leftEnd, namespace: left },
        second: { name: rightEnd, namespace: right },
        firstAddresses: ['10.233.0.1/24'],
        secondAddresses: ['10.233.0.2/24'],
      });
      const ends = [
        { namespace: left, name: leftEnd, address: '10.233.0.1/24', peer: { namespace: right, interface: rightEnd } },
        { namespace: right, name: rightEnd, address: '10.233.0.2/24', peer: { namespace: left, interface: leftEnd } },
      ];
      for (const end of ends) {
        const shown = link(end.namespace, end.name);
        assert.equal(shown?.linkinfo?.info_kind, 'veth', `${end.name} is not a veth in ${end.namespace}`);
        assert.ok(shown.flags.includes('UP'), `${end.name} is not up`);
        assert.deepEqual(addressesOf(end.namespace, end.name), [end.address]);
        const node = await interfaceNode(end.namespace, end.name);
        assert.deepEqual(node.link.peer, end.peer);
        assert.equal(node.link.up, true);
        assert.deepEqual(await tree.addressLabels(node), [end.address]);
        assert.ok(tree.description(node).includes(`peer: ${end.peer.namespace}/${end.peer.interface}`), tree.description(node));
      }
    });

    it('bridge.create makes an up bridge with the given ports, which the tree shows under it', async () => {
      const [bridge, firstPort, secondPort] = [lab.interfaceName('br'), lab.interfaceName('p1'), lab.interfaceName('p2')];
      ip('-n', switchNamespace, 'link', 'add', firstPort, 'type', 'veth', 'peer', 'name', lab.interfaceName('p1x'));
      ip('-n', switchNamespace, 'link', 'add', secondPort, 'type', 'veth', 'peer', 'name', lab.interfaceName('p2x'));
      await run('netnsLab.bridge.create', { namespace: switchNamespace, name: bridge, ports: [firstPort, secondPort] });
      assert.equal(link(switchNamespace, bridge)?.linkinfo?.info_kind, 'bridge');
      assert.ok(link(switchNamespace, bridge)!.flags.includes('UP'), 'the bridge is not up');
      assert.equal(link(switchNamespace, firstPort)?.master, bridge);
      assert.equal(link(switchNamespace, secondPort)?.master, bridge);
      const node = await interfaceNode(switchNamespace, bridge);
      assert.equal(node.link.kind, 'bridge');
      assert.deepEqual(node.ports.map((port) => port.name).sort(), [firstPort, secondPort].sort());
      const topLevel = (await tree.interfaces(await namespaceNode(switchNamespace))).map((shown) => shown.link.name);
      assert.ok(!topLevel.includes(firstPort) && !topLevel.includes(secondPort), `ports shown beside the bridge: ${topLevel.join(', ')}`);
      const underBridge = (await tree.children(node)).flatMap((child) => (child.kind === 'interface' ? [child.link.name] : []));
      assert.deepEqual(underBridge.sort(), [firstPort, secondPort].sort());
    });
  });

  describe('addresses, routes and interfaces', () => {
    const namespace = lab.namespaceName('-cmd-if');
    const device = lab.interfaceName('c1');
    const other = lab.interfaceName('c2');

    before(() => {
      ip('netns', 'add', namespace);
      ip('-n', namespace, 'link', 'add', device, 'type', 'veth', 'peer', 'name', other);
    });

    /** Both ends up, so the device has a carrier and routes through it are accepted. */
    function bringUp(): void {
      for (const name of [device, other]) ip('-n', namespace, 'link', 'set', name, 'up');
    }

    it('address.add gives the interface the address; ip and the tree show it', async () => {
      await run('netnsLab.address.add', { namespace, interface: device, address: '10.234.1.1/24' });
      assert.ok(addressesOf(namespace, device).includes('10.234.1.1/24'), addressesOf(namespace, device).join(', '));
      const node = await interfaceNode(namespace, device, (shown) => shown.link.addresses.some((address) => address.address === '10.234.1.1'));
      assert.ok((await tree.addressLabels(node)).includes('10.234.1.1/24'));
    });

    it('address.remove takes the address away; ip and the tree no longer show it', async () => {
      ip('-n', namespace, 'address', 'replace', '10.234.2.1/24', 'dev', device);
      await run('netnsLab.address.remove', { namespace, interface: device, address: '10.234.2.1/24' });
      assert.ok(!addressesOf(namespace, device).includes('10.234.2.1/24'), addressesOf(namespace, device).join(', '));
      const node = await interfaceNode(namespace, device);
      assert.ok(!(await tree.addressLabels(node)).includes('10.234.2.1/24'));
    });

    it('route.add adds a route through a gateway; ip and the Routes node show it', async () => {
      bringUp();
      ip('-n', namespace, 'address', 'replace', '10.234.3.1/24', 'dev', device);
      await run('netnsLab.route.add', { namespace, destination: '10.235.0.0/24', via: '10.234.3.254' });
      const added = routesIn(namespace).find((route) => route.dst === '10.235.0.0/24');
      assert.deepEqual({ gateway: added?.gateway, dev: added?.dev }, { gateway: '10.234.3.254', dev: device });
      const routes = await tree.children(await tree.routes(await namespaceNode(namespace)));
      const shown = routes.find((route) => tree.label(route) === '10.235.0.0/24');
      assert.ok(shown, `the Routes node shows ${routes.map((route) => tree.label(route)).join(', ')}`);
      assert.equal(tree.description(shown), `via 10.234.3.254 dev ${device}`);
    });

    it('route.remove deletes the route; ip and the Routes node no longer show it', async () => {
      bringUp();
      ip('-n', namespace, 'address', 'replace', '10.234.4.1/24', 'dev', device);
      ip('-n', namespace, 'route', 'replace', '10.236.0.0/24', 'via', '10.234.4.254');
      await run('netnsLab.route.remove', { namespace, destination: '10.236.0.0/24', via: '10.234.4.254' });
      assert.equal(
        routesIn(namespace).find((route) => route.dst === '10.236.0.0/24'),
        undefined,
      );
      const routes = await tree.children(await tree.routes(await namespaceNode(namespace)));
      assert.ok(!routes.some((route) => tree.label(route) === '10.236.0.0/24'));
    });

    it('interface.setDown brings the interface down; ip and the tree agree', async () => {
      bringUp();
      await run('netnsLab.interface.setDown', { namespace, interface: device });
      assert.equal(link(namespace, device)?.flags.includes('UP'), false);
      const node = await interfaceNode(namespace, device, (shown) => !shown.link.up);
      assert.match(tree.description(node), /(^| · )down$/u);
    });

    it('interface.setUp brings the interface up; ip and the tree agree', async () => {
      ip('-n', namespace, 'link', 'set', device, 'down');
      await run('netnsLab.interface.setUp', { namespace, interface: device });
      assert.equal(link(namespace, device)?.flags.includes('UP'), true);
      const node = await interfaceNode(namespace, device, (shown) => shown.link.up);
      assert.doesNotMatch(tree.description(node), /(^| · )down$/u);
    });

    it('interface.delete deletes a veth end, its peer goes with it, and the tree drops both', async () => {
      await run('netnsLab.interface.delete', { namespace, interface: device });
      const names = linksIn(namespace).map((shown) => shown.ifname);
      assert.ok(!names.includes(device) && !names.includes(other), names.join(', '));
      const parent = await namespaceNode(namespace);
      const shown = (await tree.interfaces(parent)).map((node) => node.link.name);
      assert.deepEqual(shown, ['lo']);
    });
  });
});
