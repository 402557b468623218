// The renderer's table building, without a DOM: columns, cell texts and classes from payloads read from real
// `ip -j` output (test/fixtures/iproute2) and from links made up for the cases the fixtures do not hold.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { LinkInfo } from '../../../src/core/model.js';
import { ipTablePayload, type IpTableKind, type IpTablePayload } from '../../../src/core/notebook/ip-output.js';
import { describeTable, peerAndMaster, type TableDescription } from '../../../src/renderer/tables.js';

const fixtures = new URL('../../../../test/fixtures/iproute2/', import.meta.url);

function tableOf(kind: IpTableKind, fixture: string): TableDescription {
  return describeTable(ipTablePayload(kind, readFileSync(new URL(fixture, fixtures), 'utf8')));
}

/** The row whose first cell has this text, as a record from column title to cell. */
function rowNamed(table: TableDescription, first: string): Record<string, { text: string; className?: string }> {
  const row = table.rows.find((cells) => cells[0]?.text === first);
  assert.ok(row, `no row for ${first}`);
  return Object.fromEntries(table.columns.map((column, index) => [column, row[index]!]));
}

function link(overrides: Partial<LinkInfo>): LinkInfo {
  return { index: 1, name: 'v0', kind: 'veth', flags: ['UP'], up: true, operState: 'UP', addresses: [], ...overrides };
}

describe('address tables', () => {
  const table = tableOf('addr', 'addr-lab.json');

  test('have the interface columns with addresses', () => {
    assert.deepEqual(table.columns, ['Interface', 'Kind', 'State', 'MTU', 'Addresses', 'Peer / master']);
  });

  test('have one row per interface, every row as wide as the header', () => {
    assert.equal(table.rows.length, 9);
    assert.ok(table.rows.every((row) => row.length === table.columns.length));
  });

  test('list every address of an interface, one per line, with prefix length and notable flags', () => {
    assert.deepEqual(rowNamed(table, 'va0').Addresses!.text.split('\n'), ['10.1.0.1/24', '10.1.0.5/24', '2001:db8:1::5/64', '2001:db8:1::1/64', 'fe80::7805:6bff:fed4:e846/64 tentative']);
  });

  test('write a point-to-point address with its peer', () => {
    assert.equal(rowNamed(table, 'tun0').Addresses!.text, '10.9.9.1 peer 10.9.9.2/32');
  });

  test('give kind, state and MTU', () => {
    const bridge = rowNamed(table, 'br0');
    assert.equal(bridge.Kind!.text, 'bridge');
    assert.equal(bridge.MTU!.text, '1400');
    assert.equal(bridge.MTU!.className, 'number');
  });

  test('show a veth whose peer is in an unnamed place by its link-netnsid', () => {
    assert.equal(rowNamed(table, 'va0')['Peer / master']!.text, 'link-netnsid 0');
  });

  test('show a bridge port with its same-namespace peer and its master', () => {
    assert.equal(rowNamed(table, 'vx1')['Peer / master']!.text, 'vx0\nmaster br0');
  });

  test('count interfaces and addresses in the caption', () => {
    assert.match(table.caption, /^9 interfaces, \d+ addresses$/u);
  });
});

describe('link tables', () => {
  const table = tableOf('link', 'link-lab.json');

  test('show the MAC address where address tables show addresses', () => {
    assert.equal(table.columns[4], 'MAC');
    assert.equal(rowNamed(table, 'va0').MAC!.text, '7a:05:6b:d4:e8:46');
  });

  test('colour states: UP as up, DOWN as down, UNKNOWN (lo) as unknown', () => {
    assert.equal(rowNamed(table, 'va0').State!.className, 'state-up');
    assert.equal(rowNamed(table, 'lo').State!.className, 'state-unknown');
    const down = describeTable({ kind: 'link', links: [link({ operState: 'DOWN', up: false }), link({ name: 'v1', operState: 'LOWERLAYERDOWN' })] });
    assert.deepEqual(
      down.rows.map((row) => row[2]!.className),
      ['state-down', 'state-down'],
    );
  });

  test('say "1 interface" for one', () => {
    assert.equal(describeTable({ kind: 'link', links: [link({})] }).caption, '1 interface');
  });
});

describe('the peer / master column', () => {
  test('shows a resolved peer as namespace/name', () => {
    assert.equal(peerAndMaster(link({ peer: { namespace: 'ns2', interface: 'veth-b' }, linkNetnsId: 3 })), 'ns2/veth-b');
  });

  test('shows a peer in the root namespace as (root)/name', () => {
    assert.equal(peerAndMaster(link({ peer: { namespace: null, interface: 'veth-a' } })), '(root)/veth-a');
  });

  test('shows master X for a port without a peer', () => {
    assert.equal(peerAndMaster(link({ kind: 'tun', master: 'br0' })), 'master br0');
  });

  test('is empty for a link that leads nowhere', () => {
    assert.equal(peerAndMaster(link({ kind: 'loopback' })), '');
  });
});

describe('route tables', () => {
  const table = tableOf('route', 'route-table-all.json');

  test('have the route columns', () => {
    assert.deepEqual(table.columns, ['Destination', 'Gateway', 'Device', 'Protocol', 'Scope', 'Metric', 'Table']);
  });

  test('give gateway, device, metric and table as ip printed them', () => {
    const route = rowNamed(table, '10.80.0.0/16');
    assert.deepEqual([route.Gateway!.text, route.Device!.text, route.Table!.text], ['10.1.0.254', 'va0', '100']);
    assert.equal(rowNamed(table, '10.50.0.0/24').Metric!.text, '50');
    assert.equal(rowNamed(table, '10.1.0.0/24').Protocol!.text, 'kernel');
    assert.equal(rowNamed(table, '10.1.0.0/24').Scope!.text, 'link');
  });

  test('write each next hop of a multipath route on its own line', () => {
    assert.equal(rowNamed(table, '10.70.0.0/16').Gateway!.text, '10.1.0.253 dev va0 weight 1\n10.2.0.254 dev vx0 weight 2');
  });

  test('put the type before the destination when it is not unicast', () => {
    assert.ok(rowNamed(table, 'blackhole 10.66.0.0/16'));
    assert.ok(rowNamed(table, 'local 10.1.0.1'));
  });

  test('show route flags beside the device', () => {
    assert.equal(rowNamed(table, '10.9.9.2').Device!.text, 'tun0 linkdown');
  });

  test('count routes in the caption', () => {
    assert.equal(table.caption, `${table.rows.length} routes`);
  });
});

describe('neighbour tables', () => {
  const table = tableOf('neigh', 'neigh-lab.json');

  test('have the neighbour columns and a row per entry', () => {
    assert.deepEqual(table.columns, ['Address', 'Device', 'MAC', 'State', 'Router']);
    assert.equal(table.rows.length, 6);
    assert.equal(table.caption, '6 neighbours');
  });

  test('colour usable, failed and stale entries', () => {
    assert.equal(rowNamed(table, '10.1.0.254').State!.className, 'state-up');
    assert.equal(rowNamed(table, '10.1.0.77').State!.className, 'state-down');
    assert.equal(rowNamed(table, '10.1.0.88').State!.className, 'state-down');
    assert.equal(rowNamed(table, '10.1.0.78').State!.className, 'state-unknown');
  });

  test('leave the MAC empty for an entry without one and mark routers', () => {
    assert.equal(rowNamed(table, '10.1.0.77').MAC!.text, '');
    assert.equal(rowNamed(table, '2001:db8:1::fe').Router!.text, 'yes');
    assert.equal(rowNamed(table, '10.1.0.2').Router!.text, '');
  });

  test('give a proxy entry, which has no state, no state class', () => {
    const proxy = tableOf('neigh', 'neigh-proxy.json');
    assert.equal(proxy.rows[0]![3]!.className, undefined);
  });
});

describe('large and odd payloads', () => {
  test('a 200-interface payload builds 200 rows', () => {
    const links = Array.from({ length: 200 }, (_, index) => link({ index, name: `veth${index}` }));
    const table = describeTable({ kind: 'addr', links });
    assert.equal(table.rows.length, 200);
    assert.equal(table.rows[199]![0]!.text, 'veth199');
    assert.equal(table.caption, '200 interfaces, 0 addresses');
  });

  test('keeps text that looks like HTML as text', () => {
    const table = describeTable({ kind: 'link', links: [link({ name: '<img src=x>' })] });
    assert.equal(table.rows[0]![0]!.text, '<img src=x>');
  });

  test('draws a payload without its list as an empty table', () => {
    assert.equal(describeTable({ kind: 'route' }).rows.length, 0);
  });

  test('throws on a kind it does not know', () => {
    assert.throws(() => describeTable({ kind: 'rule' } as unknown as IpTablePayload), /Unknown ip table kind: rule/u);
  });
});
