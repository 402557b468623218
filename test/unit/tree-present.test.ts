/** How the Namespaces view presents nodes and groups children: pure functions, tested without an editor. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { LinkInfo, NamespaceState } from '../../src/core/model.js';
import { DEFAULT_SETTINGS, normalizeSettings } from '../../src/core/settings.js';
import { PrivilegeError } from '../../src/core/errors.js';
import { missingCapabilities } from '../../src/core/host/privilege.js';
import { OneAtATime } from '../../src/ext/one-at-a-time.js';
import { PRIVILEGE_PROBLEMS, privilegeProblemShown } from '../../src/ext/privilege-problems.js';
import { readFileSync } from 'node:fs';
import { addressAndPortChildren, interfaceChildren, namespaceChildren, privilegeChildren, unreachableChildren } from '../../src/ext/tree/children.js';
import type { InterfaceNode } from '../../src/ext/tree/nodes.js';
import { interfaceContext, interfaceDescription, present } from '../../src/ext/tree/present.js';
import { sshConfigAliases } from '../../src/core/host/ssh-config-hosts.js';
import { sshConnectionError } from '../../src/core/host/ssh-errors.js';

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
    assert.deepEqual(children.map((child) => (child.kind === 'interface' ? child.link.name : child.kind)), ['lo', 'br0', 'routes']);
    const bridge = children[1] as InterfaceNode;
    assert.deepEqual(bridge.ports.map((port) => port.name), ['p1', 'p2']);
  });

  test('link-local addresses are hidden unless the setting shows them', () => {
    const port: InterfaceNode = { kind: 'interface', targetId: 'local', namespace: 'red', link: state.links[3]!, ports: [] };
    assert.equal(addressAndPortChildren(port, DEFAULT_SETTINGS).length, 1);
    assert.equal(addressAndPortChildren(port, { ...DEFAULT_SETTINGS, showLinkLocalAddresses: true }).length, 2);
  });

  test('an unreadable namespace shows its error as a message node', () => {
    const children = interfaceChildren('local', { ...state, links: [], routes: [], error: 'Cannot open network namespace' });
    assert.equal(children.length, 1);
    assert.equal(children[0]!.kind, 'message');
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

  test('a target where root was refused says why in its row, and a click runs what fixes it', () => {
    const target = { kind: 'target', targetId: 'lab1', label: 'lab1' } as const;
    const error = new PrivilegeError('sudo for the remote user on lab1 did not accept the password, so nothing was run as root.', 'passwordRefused');
    const [node, ...more] = privilegeChildren(target, error);
    assert.equal(more.length, 0);
    const shown = present(node!);
    assert.deepEqual([shown.label, shown.description], ['Wrong sudo password', 'Try Again']);
    assert.deepEqual(shown.command, { title: 'Try Again', command: 'netnsLab.privilege.retry', arguments: [{ targetId: 'lab1' }] });
    assert.ok(shown.tooltip?.startsWith(error.message), shown.tooltip);
    const none = present(privilegeChildren(target, new PrivilegeError('lacks CAP_SYS_ADMIN', 'capabilitiesMissing'))[0]!);
    assert.deepEqual(none.command, { title: 'Open Settings', command: 'workbench.action.openSettings', arguments: ['netnsLab.privilege'] });
  });

  test('every way root can be refused has its own welcome text with a command link, and its own row action', () => {
    const manifest = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { contributes: { viewsWelcome: Array<{ when: string; contents: string }> } };
    for (const problem of PRIVILEGE_PROBLEMS) {
      const entries = manifest.contributes.viewsWelcome.filter((entry) => entry.when.includes(`netnsLab.privilegeProblem == ${problem}`));
      assert.ok(entries.length > 0, `no welcome text for ${problem}`);
      for (const entry of entries) assert.match(entry.contents, /\n\[[^\]]+\]\(command:[\w.]+/u, `${problem} offers no button`);
      const shown = privilegeProblemShown(problem, 'local');
      assert.ok(shown.text.length <= 30 && shown.action.command !== '', `${problem}: ${shown.text}`);
    }
    const texts = manifest.contributes.viewsWelcome.filter((entry) => entry.when.includes('netnsLab.privilegeProblem')).map((entry) => entry.contents);
    assert.equal(new Set(texts).size, texts.length, 'two problems share a text');
  });

  test('password boxes open one at a time: the second waits until the first is answered, even when it failed', async () => {
    const boxes = new OneAtATime();
    const events: string[] = [];
    let answerFirst!: (answer: string) => void;
    const first = boxes.run(() => (events.push('first opens'), new Promise<string>((resolve) => (answerFirst = resolve))));
    const second = boxes.run(async () => (events.push('second opens'), 'two'));
    const failing = boxes.run(async () => {
      events.push('third opens');
      throw new Error('closed');
    });
    const fourth = boxes.run(async () => (events.push('fourth opens'), 'four'));
    await new Promise((resolve) => setTimeout(resolve, 20));
    assert.deepEqual(events, ['first opens'], 'a second box opened while the first was open');
    answerFirst('one');
    assert.deepEqual(await Promise.all([first, second, failing.catch((error: Error) => error.message), fourth]), ['one', 'two', 'closed', 'four']);
    assert.deepEqual(events, ['first opens', 'second opens', 'third opens', 'fourth opens']);
  });

  test('the capabilities namespace work needs are read from an effective set', () => {
    assert.deepEqual(missingCapabilities('0000000000000000'), ['CAP_SYS_ADMIN', 'CAP_NET_ADMIN']);
    assert.deepEqual(missingCapabilities('000001ffffffffff\n'), []);
    assert.deepEqual(missingCapabilities('0000000000001000'), ['CAP_SYS_ADMIN']);
    assert.deepEqual(missingCapabilities('0000000000200000'), ['CAP_NET_ADMIN']);
    assert.deepEqual(missingCapabilities('garbage'), ['CAP_SYS_ADMIN', 'CAP_NET_ADMIN']);
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
    assert.deepEqual(normalizeSettings((key) => raw[key]), DEFAULT_SETTINGS);
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
    };
    assert.deepEqual(normalizeSettings((key) => raw[key]), {
      privilege: 'sudo',
      askForSudoPassword: false,
      rootNamespace: 'hidden',
      showLinkLocalAddresses: true,
      terminalShell: '/bin/zsh',
      terminalUser: 'user',
      targets: ['lab1', 'ssh://root@10.0.0.2:2222'],
      sshConfigFile: '/etc/ssh/lab_config',
    });
  });
});

describe('ssh config hosts', () => {
  test('lists plain aliases of Host lines, in order, without patterns or duplicates', () => {
    const config = 'Host lab1 lab2\n  HostName 10.0.0.1\nhost=jump # the bastion\nHost *.example !bad ?x\nHOST lab1 "quoted"\nMatch host lab9\n';
    assert.deepEqual(sshConfigAliases(config), ['lab1', 'lab2', 'jump', 'quoted']);
  });
});
