// The editor commands' pure parts: how an argument (nothing, a tree node, a plain object) becomes a request, the
// rules input boxes check, what a namespace terminal runs, and what deletion warnings say. No editor needed.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { InvalidArgumentError, InvalidNameError, type LinkInfo, type NamespaceState, type RouteInfo } from '../../../../src/core/index.js';
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
import { interfaceDeletionDetail, namespaceDeletionDetail } from '../../../../src/ext/view-model/deletion-details.js';
import { addressListProblem, cidrProblem, gatewayProblem, parseAddressList, pickLabel, routeDestinationProblem } from '../../../../src/ext/view-model/input-rules.js';
import { namespaceTerminalLaunch, terminalShell } from '../../../../src/ext/view-model/terminal-launch.js';
import type { AddressNode, InterfaceNode, NamespaceNode, RouteNode, TargetNode } from '../../../../src/ext/view-model/tree-nodes.js';

const projectRoot = fileURLToPath(new URL('../../../../../', import.meta.url));

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
    assert.throws(() => vethCreateRequest({ first: { name: 'a', namespace: null }, second: { name: 'b', namespace: 'x' }, secondAddresses: '10.0.0.2/24' }), /"secondAddresses" must be a list of strings/);
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
    assert.deepEqual(interfaceRequest('netnsLab.interface.delete', bridge).bridgePorts?.map((port) => port.name), ['veth-a']);
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

describe('input rules', () => {
  test('an address list splits on spaces and commas, and empty is none', () => {
    assert.deepEqual(parseAddressList(' 10.0.0.1/24, fd00::1/64  10.0.1.1/24 '), ['10.0.0.1/24', 'fd00::1/64', '10.0.1.1/24']);
    assert.deepEqual(parseAddressList(''), []);
  });

  test('an address list names the first bad address', () => {
    assert.equal(addressListProblem(''), undefined);
    assert.match(addressListProblem('10.0.0.1/24 10.0.0.2') ?? '', /"10\.0\.0\.2": expected ADDRESS\/PREFIX/);
  });

  test('an address needs its prefix', () => {
    assert.equal(cidrProblem('10.0.0.1/24'), undefined);
    assert.match(cidrProblem('10.0.0.1/33') ?? '', /prefix length must be a whole number from 0 to 32/);
  });

  test('a gateway may be left empty, but not be garbage', () => {
    assert.equal(gatewayProblem(''), undefined);
    assert.match(gatewayProblem('router') ?? '', /Invalid gateway "router"/);
  });

  test('a route destination is default, a prefix or an address', () => {
    for (const destination of ['default', '10.1.0.0/24', '10.1.0.5', 'fd00::/64']) assert.equal(routeDestinationProblem(destination), undefined);
    assert.match(routeDestinationProblem('everywhere') ?? '', /Invalid route destination/);
  });

  test('picker labels show $( literally instead of as an icon', () => {
    assert.equal(pickLabel('$(touch x)'), '\\$(touch x)');
    assert.equal(pickLabel('lab1'), 'lab1');
  });
});

describe('namespace terminals', () => {
  const asRoot = { shell: '/bin/zsh', runsAsRoot: true, privilege: 'auto' as const };

  test('as root, the shell runs through ip netns exec', () => {
    assert.deepEqual(namespaceTerminalLaunch('lab1', asRoot), { name: 'netns: lab1', shellPath: 'ip', shellArgs: ['netns', 'exec', 'lab1', '/bin/zsh'] });
  });

  test('as another user, it goes through sudo, which asks in the terminal', () => {
    assert.deepEqual(namespaceTerminalLaunch('lab1', { ...asRoot, runsAsRoot: false }), {
      name: 'netns: lab1',
      shellPath: 'sudo',
      shellArgs: ['ip', 'netns', 'exec', 'lab1', '/bin/zsh'],
    });
  });

  test('with privilege "none", it runs as the user, without sudo', () => {
    assert.equal(namespaceTerminalLaunch('lab1', { ...asRoot, runsAsRoot: false, privilege: 'none' }).shellPath, 'ip');
  });

  test('an odd namespace name stays one argument', () => {
    assert.deepEqual(namespaceTerminalLaunch('with space; $(x)', asRoot).shellArgs, ['netns', 'exec', 'with space; $(x)', '/bin/zsh']);
  });

  test('the root namespace gets a plain shell', () => {
    assert.deepEqual(namespaceTerminalLaunch(null, { ...asRoot, runsAsRoot: false }), { name: 'netns: root', shellPath: '/bin/zsh', shellArgs: [] });
  });

  test('an invalid namespace name is refused before a terminal opens', () => {
    assert.throws(() => namespaceTerminalLaunch('a/b', asRoot), InvalidNameError);
  });

  test('the shell is the setting, else $SHELL, else bash', () => {
    assert.equal(terminalShell('/usr/bin/fish', '/bin/zsh'), '/usr/bin/fish');
    assert.equal(terminalShell('  ', '/bin/zsh'), '/bin/zsh');
    assert.equal(terminalShell('', undefined), '/bin/bash');
  });
});

describe('deletion warnings', () => {
  const state: NamespaceState = {
    name: 'lab1',
    links: [link('lo', { kind: 'loopback' }), link('veth-a', { peer: { namespace: 'lab2', interface: 'veth-b' } }), link('veth-c', { peer: { namespace: null, interface: 'veth-d' } })],
    routes: [],
    neighbours: [],
    nsids: [],
  };

  test('a namespace warning says veth peers elsewhere go too, and names them', () => {
    const detail = namespaceDeletionDetail(state);
    assert.match(detail, /veth peers in other namespaces go too/);
    assert.match(detail, /Interfaces: lo, veth-a, veth-c\./);
    assert.match(detail, /veth-b in namespace lab2, veth-d in the root namespace/);
  });

  test('a namespace that could not be read still gets the general warning', () => {
    assert.equal(namespaceDeletionDetail(undefined), 'Its interfaces and their veth peers in other namespaces go too.');
  });

  test("a veth's warning names its peer", () => {
    assert.match(interfaceDeletionDetail(vethA.link), /veth-b in namespace lab2 goes too/);
  });

  test("a bridge's warning names the ports it leaves", () => {
    assert.match(interfaceDeletionDetail(bridge.link, bridge.ports), /detached: veth-a/);
  });
});

describe('the command table', () => {
  test('registers every command of package.json, and no other', () => {
    const manifest = JSON.parse(readFileSync(`${projectRoot}package.json`, 'utf8')) as { contributes: { commands: { command: string }[] } };
    const source = readFileSync(`${projectRoot}src/ext/commands/index.ts`, 'utf8');
    const registered = [...source.matchAll(/\{ id: '([^']+)'/gu)].map((match) => match[1]).sort();
    assert.deepEqual(registered, manifest.contributes.commands.map((command) => command.command).sort());
  });

  test('package.json has no key twice in one object (JSON.parse would keep only the last)', () => {
    assert.deepEqual(repeatedKeys(readFileSync(`${projectRoot}package.json`, 'utf8')), []);
  });

  test('the repeated-key check finds a repeated key', () => {
    assert.deepEqual(repeatedKeys('{"menus": {"a": [1], "b": {"a": 2}, "a": [3]}}'), ['menus.a']);
  });

  test('every menu item names a command of package.json', () => {
    const manifest = JSON.parse(readFileSync(`${projectRoot}package.json`, 'utf8')) as {
      contributes: { commands: { command: string }[]; menus: Record<string, { command?: string }[]> };
    };
    const commands = new Set(manifest.contributes.commands.map((command) => command.command));
    const unknown = Object.entries(manifest.contributes.menus).flatMap(([menu, items]) =>
      items.filter((item) => item.command !== undefined && !commands.has(item.command)).map((item) => `${menu}: ${item.command}`),
    );
    assert.deepEqual(unknown, []);
  });
});

/** Dotted paths of keys that appear twice in one object of a JSON text. */
function repeatedKeys(text: string): string[] {
  const found: string[] = [];
  const path: string[] = [];
  const seen: Array<Set<string> | undefined> = [];
  // A small scanner over the JSON: strings, and the brackets that open and close objects and arrays.
  const tokens = text.matchAll(/"(?:[^"\\]|\\.)*"\s*:?|[{}[\]]/gu);
  for (const [token] of tokens) {
    if (token === '{' || token === '[') seen.push(token === '{' ? new Set() : undefined);
    else if (token === '}' || token === ']') {
      seen.pop();
      if (seen.at(-1) !== undefined || seen.length === 0) path.pop();
    } else if (token.endsWith(':') && seen.at(-1)) {
      const key = JSON.parse(token.slice(0, -1).trim()) as string;
      const keys = seen.at(-1)!;
      if (keys.has(key)) found.push([...path.slice(0, seen.length - 1), key].join('.'));
      keys.add(key);
      path[seen.length - 1] = key;
      path.length = seen.length;
    }
  }
  return found;
}
