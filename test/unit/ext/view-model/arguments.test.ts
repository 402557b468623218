// How a command's argument (nothing, a tree node, a plain object) becomes a request. No editor needed.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { InvalidArgumentError, type LinkInfo, type RouteInfo } from '../../../../src/core/index.js';
import { CommandArgumentError, invocationOrigin } from '../../../../src/ext/view-model/argument-fields.js';
import {
  addressAddRequest,
  addressRemoveRequest,
  addressToCopy,
  bridgeAttachRequest,
  bridgeCreateRequest,
  interfaceRequest,
  nameToCopy,
  namespaceCreateRequest,
  namespaceDeleteRequest,
  openTerminalRequest,
  routeRequest,
  vethCreateRequest,
} from '../../../../src/ext/view-model/arguments.js';
import type { AddressNode, InterfaceNode, NamespaceNode, RouteNode, TargetNode } from '../../../../src/ext/view-model/tree-nodes.js';

function link(name: string, extra: Partial<LinkInfo> = {}): LinkInfo {
  return { index: 2, name, kind: 'veth', flags: [], up: true, operState: 'UP', addresses: [], ...extra };
}

function route(extra: Partial<RouteInfo> = {}): RouteInfo {
  return { family: 'inet', destination: '10.1.0.0/24', gateway: '10.0.0.254', flags: [], nextHops: [], ...extra };
}

const target: TargetNode = { kind: 'target', targetId: 'local', label: 'This machine' };
const lab1: NamespaceNode = { kind: 'namespace', targetId: 'local', namespace: 'lab1' };
const root: NamespaceNode = { kind: 'namespace', targetId: 'local', namespace: null };
const vethA: InterfaceNode = { kind: 'interface', targetId: 'local', namespace: 'lab1', link: link('veth-a', { peer: { namespace: 'lab2', interface: 'veth-b' } }), ports: [] };
const bridge: InterfaceNode = { kind: 'interface', targetId: 'local', namespace: 'lab1', link: link('br0', { kind: 'bridge' }), ports: [link('veth-a', { master: 'br0' })] };
const address: AddressNode = {
  kind: 'address',
  targetId: 'local',
  namespace: 'lab1',
  interfaceName: 'veth-a',
  address: { family: 'inet', address: '10.0.0.1', prefixLength: 24, flags: [] },
};
const routeNode: RouteNode = { kind: 'route', targetId: 'local', namespace: 'lab1', route: route({ device: 'veth-a', metric: 100 }) };

function refusedWith(errorClass: new (...args: never[]) => Error, pattern: RegExp): (error: unknown) => boolean {
  return (error) => {
    assert.ok(error instanceof errorClass, `expected ${errorClass.name}, got ${String(error)}`);
    assert.match(error.message, pattern);
    return true;
  };
}

describe('who invoked a command', () => {
  test('nothing is the user at the palette', () => assert.equal(invocationOrigin(undefined), 'ui'));
  test('a tree node is the user at a context menu', () => assert.equal(invocationOrigin(vethA), 'ui'));
  test('a plain object is a program', () => assert.equal(invocationOrigin({ name: 'lab1' }), 'program'));
  test('anything else is a program too (and is then refused as malformed)', () => {
    assert.equal(invocationOrigin('lab1'), 'program');
    assert.equal(invocationOrigin(null), 'program');
  });
});

describe('plain objects from programs', () => {
  test('namespace.create takes the name, brings the loopback up by default and defaults to this machine', () => {
    assert.deepEqual(namespaceCreateRequest({ name: 'lab1' }), { origin: 'program', targetId: 'local', name: 'lab1', loopbackUp: true });
  });

  test('namespace.create keeps loopbackUp: false and another target', () => {
    assert.deepEqual(namespaceCreateRequest({ name: 'lab1', loopbackUp: false, targetId: 'ssh-1' }), { origin: 'program', targetId: 'ssh-1', name: 'lab1', loopbackUp: false });
  });

  test('a missing field is refused with the field and the expected shape', () => {
    assert.throws(() => namespaceCreateRequest({ nmae: 'lab1' }), refusedWith(CommandArgumentError, /netnsLab\.namespace\.create: "name" is missing; expected \{ name: string/));
  });

  test('a field of the wrong type is refused with what it was', () => {
    assert.throws(() => namespaceCreateRequest({ name: 'lab1', loopbackUp: 'yes' }), refusedWith(CommandArgumentError, /"loopbackUp" must be true or false, not "yes"/));
  });

  test('a string instead of an object is refused', () => {
    assert.throws(() => namespaceDeleteRequest('lab1'), refusedWith(CommandArgumentError, /takes an object \{ name: string, targetId\?: string \}, not "lab1"/));
  });

  test('malformed arguments are InvalidArgumentErrors, like the rest of the refusals before anything runs', () => {
    assert.throws(() => namespaceDeleteRequest(42), InvalidArgumentError);
  });

  test('openTerminal takes null as the root namespace', () => {
    assert.deepEqual(openTerminalRequest({ namespace: null }), { origin: 'program', targetId: 'local', namespace: null });
  });

  test('a namespace left out is refused rather than taken as the root namespace', () => {
    assert.throws(() => interfaceRequest('netnsLab.interface.delete', { interface: 'eth0' }), refusedWith(CommandArgumentError, /"namespace" is missing \(null means the root namespace\)/));
  });

  test('veth.create makes a complete plan, both ends up by default', () => {
    const request = vethCreateRequest({ first: { name: 'veth-a', namespace: 'lab1' }, second: { name: 'veth-b', namespace: null }, firstAddresses: ['10.0.0.1/24'] });
    assert.deepEqual(request.plan, {
      first: { name: 'veth-a', namespace: 'lab1', addresses: ['10.0.0.1/24'] },
      second: { name: 'veth-b', namespace: null, addresses: [] },
      up: true,
    });
  });

  test('veth.create names the nested field that is missing', () => {
    assert.throws(() => vethCreateRequest({ first: { name: 'a', namespace: 'x' }, second: { name: 'b' } }), refusedWith(CommandArgumentError, /"second\.namespace" is missing/));
  });

  test('veth.create refuses addresses that are not a list of strings', () => {
    assert.throws(
      () => vethCreateRequest({ first: { name: 'a', namespace: null }, second: { name: 'b', namespace: 'x' }, secondAddresses: '10.0.0.2/24' }),
      /"secondAddresses" must be a list of strings/,
    );
  });

  test('bridge.create has no ports and comes up unless told otherwise', () => {
    assert.deepEqual(bridgeCreateRequest({ namespace: 'lab1', name: 'br0' }), { origin: 'program', targetId: 'local', namespace: 'lab1', name: 'br0', ports: [], up: true });
  });

  test('bridge.attach takes the namespace, the interface and the bridge', () => {
    assert.deepEqual(bridgeAttachRequest({ namespace: 'lab1', interface: 'veth-a', bridge: 'br0' }), {
      origin: 'program',
      targetId: 'local',
      namespace: 'lab1',
      interface: 'veth-a',
      bridge: 'br0',
    });
  });

  test('address.add takes the address as given (the core checks it)', () => {
    assert.equal(addressAddRequest({ namespace: null, interface: 'eth9', address: '10.9.0.1/24' }).address, '10.9.0.1/24');
  });

  test('route.add keeps only the parts given', () => {
    assert.deepEqual(routeRequest('netnsLab.route.add', { namespace: 'lab1', destination: 'default', via: '10.0.0.254' }).route, { destination: 'default', via: '10.0.0.254' });
  });

  test('route.remove refuses a metric that is not a number', () => {
    assert.throws(() => routeRequest('netnsLab.route.remove', { namespace: 'lab1', destination: 'default', metric: '100' }), /"metric" must be a number/);
  });
});

describe('tree nodes from context menus', () => {
  test('nothing leaves everything to ask, on this machine', () => {
    assert.deepEqual(namespaceCreateRequest(undefined), { origin: 'ui', targetId: 'local', loopbackUp: true });
  });

  test('a target node gives the target', () => {
    assert.equal(namespaceCreateRequest({ ...target, targetId: 'ssh-1' }).targetId, 'ssh-1');
  });

  test('a namespace node names the namespace to delete', () => {
    assert.deepEqual(namespaceDeleteRequest(lab1), { origin: 'ui', targetId: 'local', name: 'lab1' });
  });

  test('the root namespace cannot be deleted', () => {
    assert.throws(() => namespaceDeleteRequest(root), refusedWith(CommandArgumentError, /root namespace cannot be deleted/));
  });

  test('the root namespace node opens a terminal in the root namespace', () => {
    assert.equal(openTerminalRequest(root).namespace, null);
  });

  test('a namespace node preselects the first end of a veth pair', () => {
    assert.deepEqual(vethCreateRequest(lab1), { origin: 'ui', targetId: 'local', suggestedNamespace: 'lab1' });
    assert.equal(vethCreateRequest(root).suggestedNamespace, null);
    assert.equal(vethCreateRequest(undefined).suggestedNamespace, undefined);
  });

  test('an interface node gives its namespace, name and link', () => {
    const request = interfaceRequest('netnsLab.interface.delete', vethA);
    assert.equal(request.namespace, 'lab1');
    assert.equal(request.interface, 'veth-a');
    assert.deepEqual(request.link?.peer, { namespace: 'lab2', interface: 'veth-b' });
  });

  test('a bridge node carries its ports', () => {
    assert.deepEqual(
      interfaceRequest('netnsLab.interface.delete', bridge).bridgePorts?.map((port) => port.name),
      ['veth-a'],
    );
  });

  test('attaching from an interface node leaves the bridge to ask', () => {
    const request = bridgeAttachRequest(vethA);
    assert.equal(request.interface, 'veth-a');
    assert.equal(request.bridge, undefined);
  });

  test("attaching from a bridge's node leaves the interface to ask", () => {
    const request = bridgeAttachRequest(bridge);
    assert.equal(request.interface, undefined);
    assert.equal(request.bridge, 'br0');
  });

  test('bridge.create from a namespace node knows only the namespace', () => {
    assert.deepEqual(bridgeCreateRequest(root), { origin: 'ui', targetId: 'local', namespace: null, up: true });
  });

  test('an address node gives the address to remove as ADDRESS/PREFIX', () => {
    const request = addressRemoveRequest(address);
    assert.deepEqual([request.namespace, request.interface, request.address], ['lab1', 'veth-a', '10.0.0.1/24']);
  });

  test('adding from an address node adds to its interface, asking for the new address', () => {
    const request = addressAddRequest(address);
    assert.deepEqual([request.interface, request.address], ['veth-a', undefined]);
  });

  test('a route node gives the exact route to remove, metric and family included', () => {
    assert.deepEqual(routeRequest('netnsLab.route.remove', routeNode).route, { destination: '10.1.0.0/24', family: 'inet', via: '10.0.0.254', device: 'veth-a', metric: 100 });
  });

  test('a route of another table is refused rather than removed from the main table', () => {
    assert.throws(() => routeRequest('netnsLab.route.remove', { ...routeNode, route: route({ table: '100' }) }), refusedWith(CommandArgumentError, /in table 100/));
  });

  test('a node missing what its kind needs is refused', () => {
    assert.throws(() => interfaceRequest('netnsLab.interface.setUp', { kind: 'interface', targetId: 'local', namespace: 'lab1' }), refusedWith(CommandArgumentError, /"link" is missing/));
  });
});

describe('copying', () => {
  test('copyName copies a namespace name or an interface name', () => {
    assert.equal(nameToCopy(lab1), 'lab1');
    assert.equal(nameToCopy(vethA), 'veth-a');
  });

  test('copyName refuses the root namespace, which has no name', () => {
    assert.throws(() => nameToCopy(root), CommandArgumentError);
  });

  test('copyAddress copies ADDRESS/PREFIX', () => assert.equal(addressToCopy(address), '10.0.0.1/24'));

  test('copyAddress refuses anything but an address node', () => {
    assert.throws(() => addressToCopy(undefined), CommandArgumentError);
    assert.throws(() => addressToCopy(vethA), CommandArgumentError);
  });
});
