// The `netns-lab` command line as a user meets it: a real child process (dist/cli.js) against real namespaces.
// Labs are built with plain `ip` here, so what the CLI reads is checked against what was made, not against itself.
// Changes made through the CLI are tested in namespaces, links and addresses.test.ts beside this file.
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { CliResult } from '../../support/cli.js';
import { ip } from '../../support/lab.js';
import { testSetup } from '../../support/setup.js';

const { lab, runner } = testSetup({ cli: true });
const cli = runner.run;

interface JsonAddress {
  family: string;
  address: string;
  prefixLength: number;
}
interface JsonLink {
  name: string;
  kind: string;
  up: boolean;
  master?: string;
  parentName?: string;
  peer?: { namespace: string | null; interface: string };
  addresses: JsonAddress[];
}
interface JsonRoute {
  family: string;
  destination: string;
  gateway?: string;
  device?: string;
}
interface JsonNamespace {
  name: string | null;
  links: JsonLink[];
  routes: JsonRoute[];
  error?: string;
  nsids?: unknown;
}

/** Addresses as `ADDRESS/PREFIX`, without the fe80:: link-local ones the kernel adds by itself. */
function assignedAddresses(link: JsonLink): string[] {
  return link.addresses
    .filter((address) => !address.address.startsWith('fe80:'))
    .map((address) => `${address.address}/${address.prefixLength}`)
    .sort();
}

/** Cells of a text table, cut at the columns where the header's titles start. */
function tableCells(header: string, titles: readonly string[], row: string): string[] {
  const starts = titles.map((title) => header.indexOf(title));
  return starts.map((start, column) => row.slice(start, starts[column + 1]).trim());
}

describe('reading the acceptance lab (three namespaces, veths, a bridge, vxlan, macvlan, tap, routes)', () => {
  const [ns1, ns2, ns3] = [lab.namespaceName('n1'), lab.namespaceName('n2'), lab.namespaceName('n3')];
  const name = (suffix: string): string => lab.interfaceName(suffix);
  const octet = 100 + Math.floor(Math.random() * 100);
  const v4 = (subnet: number, host: number): string => `10.${octet}.${subnet}.${host}`;
  const v6 = (subnet: number, host: number): string => `fd00:${octet}:${subnet}::${host}`;

  interface ExpectedLink {
    kind: string;
    addresses?: string[];
    peer?: { namespace: string | null; interface: string };
    master?: string;
  }
  // What the setup below makes, namespace by namespace (the root namespace only for our own link).
  const expected = new Map<string | null, Record<string, ExpectedLink>>([
    [null, { [name('r')]: { kind: 'veth', peer: { namespace: ns3, interface: name('s') } } }],
    [
      ns1,
      {
        lo: { kind: 'loopback' },
        [name('a')]: { kind: 'veth', addresses: [`${v4(1, 1)}/24`, `${v6(1, 1)}/64`], peer: { namespace: ns2, interface: name('b') } },
        [name('vx')]: { kind: 'vxlan' },
        [name('mv')]: { kind: 'macvlan' },
      },
    ],
    [
      ns2,
      {
        lo: { kind: 'loopback' },
        [name('b')]: { kind: 'veth', peer: { namespace: ns1, interface: name('a') }, master: name('br') },
        [name('c')]: { kind: 'veth', peer: { namespace: ns3, interface: name('d') }, master: name('br') },
        [name('br')]: { kind: 'bridge' },
      },
    ],
    [
      ns3,
      {
        lo: { kind: 'loopback' },
        [name('d')]: { kind: 'veth', addresses: [`${v4(3, 1)}/24`], peer: { namespace: ns2, interface: name('c') } },
        [name('s')]: { kind: 'veth', addresses: [`${v4(9, 2)}/24`, `${v6(9, 2)}/64`], peer: { namespace: null, interface: name('r') } },
        [name('tap')]: { kind: 'tun' },
      },
    ],
  ]);
  const labNamespaces = [ns1, ns2, ns3];
  let snapshot: CliResult;
  let namespaces: JsonNamespace[];

  before(async () => {
    for (const namespace of labNamespaces) ip('netns', 'add', namespace);
    ip('-n', ns1, 'link', 'add', 'name', name('a'), 'type', 'veth', 'peer', 'name', name('b'), 'netns', ns2);
    ip('-n', ns2, 'link', 'add', 'name', name('c'), 'type', 'veth', 'peer', 'name', name('d'), 'netns', ns3);
    ip('link', 'add', 'name', name('r'), 'type', 'veth', 'peer', 'name', name('s'), 'netns', ns3);
    ip('-n', ns2, 'link', 'add', 'name', name('br'), 'type', 'bridge');
    ip('-n', ns2, 'link', 'set', 'dev', name('b'), 'master', name('br'));
    ip('-n', ns2, 'link', 'set', 'dev', name('c'), 'master', name('br'));
    ip('-n', ns1, 'link', 'add', name('vx'), 'type', 'vxlan', 'id', '42', 'dstport', '4789', 'dev', name('a'));
    ip('-n', ns1, 'link', 'add', name('mv'), 'link', name('a'), 'type', 'macvlan', 'mode', 'bridge');
    ip('-n', ns3, 'tuntap', 'add', 'mode', 'tap', 'name', name('tap'));
    ip('-n', ns1, 'address', 'add', `${v4(1, 1)}/24`, 'dev', name('a'));
    ip('-n', ns1, 'address', 'add', `${v6(1, 1)}/64`, 'dev', name('a'), 'nodad');
    ip('-n', ns3, 'address', 'add', `${v4(3, 1)}/24`, 'dev', name('d'));
    ip('-n', ns3, 'address', 'add', `${v4(9, 2)}/24`, 'dev', name('s'));
    ip('-n', ns3, 'address', 'add', `${v6(9, 2)}/64`, 'dev', name('s'), 'nodad');
    ip('link', 'set', 'dev', name('r'), 'up');
    ip('-n', ns3, 'link', 'set', 'dev', name('s'), 'up');
    ip('-n', ns3, 'route', 'add', 'default', 'via', v4(9, 1));
    ip('-n', ns3, '-6', 'route', 'add', 'default', 'via', v6(9, 1));
    snapshot = await cli('snapshot', '--json');
    namespaces = (JSON.parse(snapshot.stdout) as { namespaces: JsonNamespace[] }).namespaces;
  });

  function inSnapshot(namespace: string | null): JsonNamespace {
    const found = namespaces.find((candidate) => candidate.name === namespace);
    assert.ok(found, `snapshot has no namespace ${String(namespace)}`);
    return found;
  }

  function linkOf(state: JsonNamespace, linkName: string): JsonLink {
    const found = state.links.find((link) => link.name === linkName);
    assert.ok(found, `${String(state.name)} has no interface ${linkName}`);
    return found;
  }

  test('snapshot --json lists the root namespace first and every lab namespace, each readable', () => {
    assert.equal(namespaces[0]?.name, null);
    const ours = namespaces.filter((state) => state.name !== null && lab.owns(state.name));
    assert.deepEqual(
      ours.map((state) => state.name),
      labNamespaces,
    );
    for (const state of ours) assert.equal(state.error, undefined, `${state.name}: ${state.error}`);
    // Namespaces of other people may vanish mid-read (status 1); then only theirs may carry an error.
    const unreadable = namespaces.filter((state) => state.error !== undefined);
    assert.equal(snapshot.status, unreadable.length === 0 ? 0 : 1, snapshot.stderr);
    assert.ok(unreadable.every((state) => state.name !== null && !lab.owns(state.name)));
  });

  test('snapshot reports every interface of a lab namespace with its kind', () => {
    for (const namespace of labNamespaces) {
      const kinds = Object.fromEntries(inSnapshot(namespace).links.map((link) => [link.name, link.kind]));
      const wanted = Object.fromEntries(Object.entries(expected.get(namespace)!).map(([linkName, link]) => [linkName, link.kind]));
      assert.deepEqual(kinds, wanted, namespace);
    }
  });

  test('snapshot reports the IPv4 and IPv6 addresses each interface was given', () => {
    for (const [namespace, links] of expected) {
      for (const [linkName, link] of Object.entries(links)) {
        assert.deepEqual(assignedAddresses(linkOf(inSnapshot(namespace), linkName)), [...(link.addresses ?? [])].sort(), `${linkName} in ${namespace}`);
      }
    }
  });

  test('snapshot reports the IPv4 and IPv6 default routes via their gateways', () => {
    const defaults = inSnapshot(ns3)
      .routes.filter((route) => route.destination === 'default')
      .map(({ family, gateway, device }) => ({ family, gateway, device }));
    assert.deepEqual(
      defaults.sort((first, second) => first.family.localeCompare(second.family)),
      [
        { family: 'inet', gateway: v4(9, 1), device: name('s') },
        { family: 'inet6', gateway: v6(9, 1), device: name('s') },
      ],
    );
  });

  test('snapshot names each veth peer by namespace and interface, with null for the root namespace', () => {
    for (const [namespace, links] of expected) {
      for (const [linkName, link] of Object.entries(links)) {
        if (link.kind === 'veth') assert.deepEqual(linkOf(inSnapshot(namespace), linkName).peer, link.peer, `${linkName} in ${namespace}`);
      }
    }
  });

  test('snapshot gives bridge ports their bridge as master and no other interface a master', () => {
    for (const namespace of labNamespaces) {
      const masters = Object.fromEntries(inSnapshot(namespace).links.map((link) => [link.name, link.master]));
      const wanted = Object.fromEntries(Object.entries(expected.get(namespace)!).map(([linkName, link]) => [linkName, link.master]));
      assert.deepEqual(masters, wanted, namespace);
    }
  });

  test('show NS --json reports one namespace with kinds, addresses, veth peers and bridge ports', async () => {
    for (const namespace of labNamespaces) {
      const result = await cli('show', namespace, '--json');
      assert.equal(result.status, 0, result.stderr);
      const state = (JSON.parse(result.stdout) as { namespace: JsonNamespace }).namespace;
      assert.equal(state.name, namespace);
      const seen = Object.fromEntries(state.links.map((link) => [link.name, { kind: link.kind, addresses: assignedAddresses(link), peer: link.peer, master: link.master }]));
      const wanted = Object.fromEntries(
        Object.entries(expected.get(namespace)!).map(([linkName, link]) => [linkName, { kind: link.kind, addresses: [...(link.addresses ?? [])].sort(), peer: link.peer, master: link.master }]),
      );
      assert.deepEqual(seen, wanted, namespace);
    }
  });

  test('show NS --json leaves out the internal nsid map', async () => {
    const result = await cli('show', ns2, '--json');
    assert.equal('nsids' in (JSON.parse(result.stdout) as { namespace: JsonNamespace }).namespace, false);
  });

  const titles = ['INTERFACE', 'KIND', 'STATE', 'MTU', 'ADDRESSES', 'PEER / BRIDGE'];

  async function humanRows(namespace: string): Promise<{ header: string; rows: Map<string, string[]> }> {
    const result = await cli('show', namespace);
    assert.equal(result.status, 0, result.stderr);
    const lines = result.stdout.split('\n');
    assert.equal(lines[0], `Namespace ${namespace}`);
    const header = lines[1]!;
    const body = lines.slice(2, lines.indexOf('', 2));
    return { header, rows: new Map(body.map((row) => [row.split(' ')[0]!, tableCells(header, titles, row)])) };
  }

  test('show NS prints the interface table under INTERFACE KIND STATE MTU ADDRESSES PEER / BRIDGE', async () => {
    const { header, rows } = await humanRows(ns1);
    assert.match(header, /^INTERFACE +KIND +STATE +MTU +ADDRESSES +PEER \/ BRIDGE$/u);
    assert.deepEqual([...rows.keys()].sort(), Object.keys(expected.get(ns1)!).sort());
    assert.deepEqual(rows.get(name('a')), [name('a'), 'veth', 'down', '1500', `${v4(1, 1)}/24 ${v6(1, 1)}/64`, `peer: ${ns2}/${name('b')}`]);
    assert.deepEqual(rows.get(name('mv'))?.slice(1, 2), ['macvlan']);
  });

  test('show NS writes a veth peer as ns/interface together with the bridge of a port', async () => {
    const { rows } = await humanRows(ns2);
    assert.equal(rows.get(name('b'))?.[5], `peer: ${ns1}/${name('a')}, bridge: ${name('br')}`);
    assert.equal(rows.get(name('c'))?.[5], `peer: ${ns3}/${name('d')}, bridge: ${name('br')}`);
    assert.equal(rows.get(name('br'))?.[1], 'bridge');
  });

  test('show NS writes a peer in the root namespace as (root)/interface', async () => {
    const { rows } = await humanRows(ns3);
    assert.equal(rows.get(name('s'))?.[5], `peer: (root)/${name('r')}`);
    assert.equal(rows.get(name('tap'))?.[1], 'tun');
  });
});
