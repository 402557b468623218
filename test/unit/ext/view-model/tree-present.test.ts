/** How the Namespaces view presents nodes and groups children: pure functions, tested without an editor. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { LinkInfo, NamespaceState } from '../../../../src/core/model.js';
import { DEFAULT_SETTINGS, normalizeSettings } from '../../../../src/core/settings.js';
import { addressAndPortChildren, interfaceChildren, namespaceChildren, unnamedChildren, unreachableChildren } from '../../../../src/ext/view-model/tree-children.js';
import type { InterfaceNode } from '../../../../src/ext/view-model/tree-nodes.js';
import { interfaceContext, interfaceDescription, present } from '../../../../src/ext/view-model/tree-present.js';
import { sshConfigAliases } from '../../../../src/core/host/ssh-config-hosts.js';
import { sshConnectionError } from '../../../../src/core/host/ssh-errors.js';

function link(overrides: Partial<LinkInfo>): LinkInfo {
  return { index: 2, name: 'veth-a', kind: 'veth', flags: ['UP'], up: true, operState: 'UP', addresses: [], ...overrides };
}

const v4 = { family: 'inet', address: '10.0.0.1', prefixLength: 24, flags: [] };
const linkLocal = { family: 'inet6', address: 'fe80::1', prefixLength: 64, flags: [] };

describe('interface presentation', () => {
  test('a veth shows its addresses and its peer as "namespace/interface"', () => {
    const shown = interfaceDescription(link({ addresses: [v4, linkLocal], peer: { namespace: 'blue', interface: 'veth-b' } }));
    assert.equal(shown, '10.0.0.1/24 · peer: blue/veth-b');
  });

  test('a peer in the root namespace is written (root)/name', () => {
    assert.equal(interfaceDescription(link({ peer: { namespace: null, interface: 'veth0' } })), 'peer: (root)/veth0');
  });

  test('a link that is down says so, and one without carrier says that', () => {
    assert.equal(interfaceDescription(link({ up: false, flags: [], operState: 'DOWN' })), 'down');
    assert.equal(interfaceDescription(link({ operState: 'LOWERLAYERDOWN' })), 'no carrier');
  });

  test('the context value carries kind, state and being a port, for the menus', () => {
    assert.equal(interfaceContext(link({})), 'netnsLab.interface.veth.up');
    assert.equal(interfaceContext(link({ kind: 'vxlan', up: false, master: 'br0' })), 'netnsLab.interface.other.down.port');
    assert.equal(interfaceContext(link({ kind: 'bridge' })), 'netnsLab.interface.bridge.up');
  });

  test('the icon follows the kind and its colour the state; unknown kinds get a generic icon', () => {
    const node = (overrides: Partial<LinkInfo>): InterfaceNode => ({ kind: 'interface', targetId: 'local', namespace: 'red', link: link(overrides), ports: [] });
    assert.deepEqual(present(node({})).icon, { id: 'plug', color: 'testing.iconPassed' });
    assert.deepEqual(present(node({ kind: 'bridge', up: false })).icon, { id: 'type-hierarchy-sub', color: 'disabledForeground' });
    assert.equal(present(node({ kind: 'something-new' })).icon.id, 'symbol-interface');
  });

  test('the tooltip gives kind, state, MTU and MAC', () => {
    const tooltip = present({ kind: 'interface', targetId: 'local', namespace: 'red', link: link({ mtu: 1400, mac: 'aa:bb:cc:dd:ee:ff' }), ports: [] }).tooltip ?? '';
    for (const expected of ['Kind: veth', 'MTU: 1400', 'MAC: aa:bb:cc:dd:ee:ff', 'State: up']) assert.ok(tooltip.includes(expected), `${expected} in ${tooltip}`);
  });

  test('ids differ between namespaces, so equal interface names in two namespaces stay apart', () => {
    const a = present({ kind: 'interface', targetId: 'local', namespace: 'red', link: link({}), ports: [] });
    const b = present({ kind: 'interface', targetId: 'local', namespace: 'blue', link: link({}), ports: [] });
    assert.notEqual(a.id, b.id);
  });
});

describe('children', () => {
  const state: NamespaceState = {
    name: 'red',
    links: [
      link({ name: 'lo', kind: 'loopback', index: 1 }),
      link({ name: 'br0', kind: 'bridge', index: 3 }),
      link({ name: 'p1', index: 4, master: 'br0' }),
      link({ name: 'p2', index: 5, master: 'br0', addresses: [v4, linkLocal] }),
    ],
    routes: [{ family: 'inet', destination: 'default', gateway: '10.0.0.254', flags: [], nextHops: [] }],
    neighbours: [],
    nsids: [],
  };

  test('bridge ports appear under their bridge, not beside it, followed by a Routes group', () => {
    const children = interfaceChildren('local', state);
    assert.deepEqual(
      children.map((child) => (child.kind === 'interface' ? child.link.name : child.kind)),
      ['lo', 'br0', 'routes'],
    );
    const bridge = children[1] as InterfaceNode;
    assert.deepEqual(
      bridge.ports.map((port) => port.name),
      ['p1', 'p2'],
    );
  });

  test('link-local addresses are hidden unless the setting shows them', () => {
    const port: InterfaceNode = { kind: 'interface', targetId: 'local', namespace: 'red', link: state.links[3]!, ports: [] };
    assert.equal(addressAndPortChildren(port, DEFAULT_SETTINGS).length, 1);
    assert.equal(addressAndPortChildren(port, { ...DEFAULT_SETTINGS, showLinkLocalAddresses: true }).length, 2);
  });

  test('an unreadable namespace shows its error as a message node, with an id of its own under each namespace', () => {
    const unreadable = (name: string): ReturnType<typeof interfaceChildren> => interfaceChildren('local', { ...state, name, links: [], routes: [], error: 'Cannot open network namespace' });
    const [red, blue] = [unreadable('red'), unreadable('blue')];
    assert.equal(red.length, 1);
    assert.equal(red[0]!.kind, 'message');
    assert.notEqual(present(red[0]!).id, present(blue[0]!).id);
  });

  test('an unreachable SSH target says why in the row itself, and the whole message in the tooltip', () => {
    const target = { kind: 'target', targetId: 'lab1', label: 'lab1' } as const;
    const error = sshConnectionError('lab1', 'ssh: connect to host 192.0.2.7 port 22: Connection refused\n');
    const [node, ...more] = unreachableChildren(target, error);
    assert.equal(more.length, 0);
    const shown = present(node!);
    assert.ok(shown.label.includes(error.reason), shown.label);
    assert.match(shown.label, /refused/u);
    assert.equal(shown.tooltip, error.message);
    assert.equal(shown.icon.id, 'error');
  });

  test('any other failure to reach a target shows its first sentence in the row', () => {
    const target = { kind: 'target', targetId: 'lab1', label: 'lab1' } as const;
    const [node] = unreachableChildren(target, new Error('Netns Lab needs root on lab1, but sudo refused. Log in as root.'));
    assert.equal(present(node!).label, 'Netns Lab needs root on lab1, but sudo refused');
  });

  test('this machine and an SSH target differ in icon and context value, so only SSH targets can be removed', () => {
    const local = present({ kind: 'target', targetId: 'local', label: 'This machine' });
    const remote = present({ kind: 'target', targetId: 'lab1', label: 'lab1' });
    assert.deepEqual([local.contextValue, local.icon.id], ['netnsLab.target', 'vm']);
    assert.deepEqual([remote.contextValue, remote.icon.id, remote.description], ['netnsLab.target.ssh', 'remote', 'SSH']);
  });

  test('the root namespace comes first unless hidden by the setting', () => {
    const target = { kind: 'target', targetId: 'local', label: 'This machine' } as const;
    const names = (settings = DEFAULT_SETTINGS) => namespaceChildren(target, ['a', 'b'], settings).map((node) => (node.kind === 'namespace' ? node.namespace : '?'));
    assert.deepEqual(names(), [null, 'a', 'b']);
    assert.deepEqual(names({ ...DEFAULT_SETTINGS, rootNamespace: 'hidden' }), ['a', 'b']);
  });
});

describe('settings', () => {
  test('unknown or malformed values fall back to the defaults', () => {
    const raw: Record<string, unknown> = { privilege: 'root!', askForSudoPassword: 'yes', rootNamespace: 42, showLinkLocalAddresses: 'true', terminalShell: 7, terminalUser: 'admin' };
    assert.deepEqual(
      normalizeSettings((key) => raw[key]),
      DEFAULT_SETTINGS,
    );
  });

  test('valid values are kept', () => {
    const raw: Record<string, unknown> = {
      privilege: 'sudo',
      askForSudoPassword: false,
      rootNamespace: 'hidden',
      showLinkLocalAddresses: true,
      terminalShell: ' /bin/zsh ',
      terminalUser: 'user',
      targets: [' lab1 ', 'ssh://root@10.0.0.2:2222', 'lab1', '', 'local', 7],
      sshConfigFile: '/etc/ssh/lab_config',
      'notebook.showDiff': true,
    };
    assert.deepEqual(
      normalizeSettings((key) => raw[key]),
      {
        privilege: 'sudo',
        askForSudoPassword: false,
        rootNamespace: 'hidden',
        showLinkLocalAddresses: true,
        terminalShell: '/bin/zsh',
        terminalUser: 'user',
        targets: ['lab1', 'ssh://root@10.0.0.2:2222'],
        sshConfigFile: '/etc/ssh/lab_config',
        notebookShowDiff: true,
      },
    );
  });
});

describe('ssh config hosts', () => {
  test('lists plain aliases of Host lines, in order, without patterns or duplicates', () => {
    const config = 'Host lab1 lab2\n  HostName 10.0.0.1\nhost=jump # the bastion\nHost *.example !bad ?x\nHOST lab1 "quoted"\nMatch host lab9\n';
    assert.deepEqual(sshConfigAliases(config), ['lab1', 'lab2', 'jump', 'quoted']);
  });
});

describe('namespaces without a name', () => {
  const unnamed = { path: '/proc/77/ns/net', identity: '4:4026532999', inode: 4026532999, pids: [77], user: { pid: 77, command: 'nginx', container: '3f2a9c1b7d4e' } };
  const target = { kind: 'target' as const, targetId: 'local', label: 'this machine' };

  test('come last, in one group, and only when there are some', () => {
    const settings = DEFAULT_SETTINGS;
    const nodes = namespaceChildren(target, ['red'], settings, [], [unnamed]);
    assert.deepEqual(
      nodes.map((node) => node.kind),
      ['namespace', 'namespace', 'unnamedGroup'],
    );
    assert.equal(namespaceChildren(target, ['red'], settings, [], []).at(-1)!.kind, 'namespace');
    assert.equal(present(nodes.at(-1)!).description, '1');
  });

  test('are labelled by what uses them, carry their inode, and offer only Name It', () => {
    const [node] = unnamedChildren({ kind: 'unnamedGroup', targetId: 'local', namespaces: [unnamed] });
    const shown = present(node!);
    assert.equal(shown.label, 'container 3f2a9c1b7d4e: nginx (pid 77)');
    assert.equal(shown.description, 'inode 4026532999');
    assert.equal(shown.contextValue, 'netnsLab.unnamedNamespace');
    assert.match(shown.tooltip!, /Name It/u);
  });

  test('their interfaces, addresses and routes take no menu that changes them', () => {
    const inside: InterfaceNode = { kind: 'interface', targetId: 'local', namespace: unnamed.path, link: link({}), ports: [] };
    assert.equal(present(inside).contextValue, 'netnsLab.unnamed.interface');
    const address = present({ kind: 'address', targetId: 'local', namespace: unnamed.path, interfaceName: 'eth0', address: v4 });
    assert.equal(address.contextValue, 'netnsLab.unnamed.address');
  });

  test('a veth peer inside one is written (pid N)/name, and one not resolved says so', () => {
    assert.equal(interfaceDescription(link({ peer: { namespace: unnamed.path, interface: 'eth0' } })), 'peer: (pid 77)/eth0');
    assert.equal(interfaceDescription(link({ linkNetnsId: 4, linkIndex: 2 })), 'peer: unresolved');
  });
});
