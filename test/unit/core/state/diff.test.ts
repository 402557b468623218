// What a cell changed, from two reads: states made up for each case, since the diff itself reads nothing (the
// host tests pin it on real namespaces).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { AddressInfo, LinkInfo, NamespaceState, NeighbourInfo, RouteInfo } from '../../../../src/core/model.js';
import { diffStates, stateDiffLines } from '../../../../src/core/state/diff.js';

function state(name: string | null, parts: Partial<NamespaceState> = {}): NamespaceState {
  return { name, links: [loopback()], routes: [], neighbours: [], nsids: [], ...parts };
}

function loopback(): LinkInfo {
  return { index: 1, name: 'lo', kind: 'loopback', flags: [], up: false, operState: 'UNKNOWN', mtu: 65536, addresses: [] };
}

function link(name: string, overrides: Partial<LinkInfo> = {}): LinkInfo {
  return { index: 7, name, kind: 'veth', flags: [], up: false, operState: 'DOWN', mtu: 1500, mac: '02:00:00:00:00:01', addresses: [], ...overrides };
}

function address(text: string): AddressInfo {
  const [address, prefix] = text.split('/');
  return { family: address!.includes(':') ? 'inet6' : 'inet', address: address!, prefixLength: Number(prefix), flags: [] };
}

function route(destination: string, device: string, overrides: Partial<RouteInfo> = {}): RouteInfo {
  return { family: 'inet', destination, device, flags: [], nextHops: [], ...overrides };
}

function neighbour(addressText: string, mac: string, states = ['REACHABLE']): NeighbourInfo {
  return { address: addressText, device: 'veth0', mac, states, router: false };
}

function lines(before: NamespaceState[], after: NamespaceState[]): string[] {
  return stateDiffLines(diffStates(before, after));
}

describe('the diff of namespaces', () => {
  test('an interface moved to another namespace is one move, with what it is there', () => {
    const before = [state(null, { links: [loopback(), link('veth0')] }), state('ns1')];
    const after = [state(null), state('ns1', { links: [loopback(), link('veth0', { index: 3 })] })];
    assert.deepEqual(lines(before, after), ['> link veth0 in ns1 (from /, veth, down, mtu 1500)']);
  });

  test('a move that renames the interface says its old name', () => {
    const before = [state(null, { links: [loopback(), link('veth0')] }), state('ns1')];
    const after = [state(null), state('ns1', { links: [loopback(), link('eth0')] })];
    assert.deepEqual(lines(before, after), ['> link eth0 in ns1 (from /, was veth0, veth, down, mtu 1500)']);
  });

  test('admin state, MTU and bridge changes are said from → to; ifindex, counters and operational state are not', () => {
    const before = [state('ns1', { links: [loopback(), link('veth0')] })];
    const after = [state('ns1', { links: [loopback(), link('veth0', { index: 9, up: true, operState: 'UP', mtu: 9000, master: 'br0' })] })];
    assert.deepEqual(lines(before, after), ['~ link veth0 in ns1: down → up, mtu 1500 → 9000, master none → br0']);
  });

  test('addresses, routes and neighbours added and removed; link-local ones and the local table left out', () => {
    const before = [state('ns1', { links: [loopback(), link('veth0', { addresses: [address('10.0.0.1/24'), address('fe80::1/64')] })], routes: [route('10.9.0.0/16', 'veth0')] })];
    const after = [
      state('ns1', {
        links: [loopback(), link('veth0', { addresses: [address('10.0.0.2/24'), address('fe80::2/64')] })],
        routes: [route('10.0.0.0/24', 'veth0'), route('10.0.0.2', 'veth0', { table: 'local', type: 'local' }), route('fe80::/64', 'veth0', { family: 'inet6' })],
        neighbours: [neighbour('10.0.0.3', 'aa:bb:cc:dd:ee:ff'), neighbour('fe80::3', 'aa:bb:cc:dd:ee:00')],
      }),
    ];
    assert.deepEqual(lines(before, after), [
      '- address 10.0.0.1/24 on veth0 in ns1',
      '+ address 10.0.0.2/24 on veth0 in ns1',
      '- route 10.9.0.0/16 dev veth0 in ns1',
      '+ route 10.0.0.0/24 dev veth0 in ns1',
      '+ neighbour 10.0.0.3 on veth0 in ns1',
    ]);
  });

  test("a neighbour's changed MAC is a change; its state ageing is not", () => {
    const links = [loopback(), link('veth0')];
    const before = [state('ns1', { links, neighbours: [neighbour('10.0.0.3', 'aa:aa:aa:aa:aa:aa'), neighbour('10.0.0.4', 'bb:bb:bb:bb:bb:bb')] })];
    const after = [state('ns1', { links, neighbours: [neighbour('10.0.0.3', 'cc:cc:cc:cc:cc:cc'), neighbour('10.0.0.4', 'bb:bb:bb:bb:bb:bb', ['STALE'])] })];
    assert.deepEqual(lines(before, after), ['~ neighbour 10.0.0.3 on veth0 in ns1: mac aa:aa:aa:aa:aa:aa → cc:cc:cc:cc:cc:cc']);
  });

  test('a new namespace is added with its interfaces, but not its loopback', () => {
    const after = [state('ns2', { links: [loopback(), link('veth1', { up: true, addresses: [address('10.0.0.2/24')] })] })];
    assert.deepEqual(lines([], after), ['+ namespace ns2', '+ link veth1 in ns2 (veth, up, mtu 1500, 10.0.0.2/24)']);
  });

  test('a deleted namespace is one removal; what it held goes unsaid', () => {
    const before = [state('ns2', { links: [loopback(), link('veth1')], routes: [route('10.0.0.0/24', 'veth1')] })];
    assert.deepEqual(lines(before, []), ['- namespace ns2']);
  });

  test('a deleted interface is removed, and its addresses, routes and neighbours with it unsaid', () => {
    const before = [
      state('ns1', { links: [loopback(), link('veth0', { addresses: [address('10.0.0.1/24')] })], routes: [route('10.0.0.0/24', 'veth0')], neighbours: [neighbour('10.0.0.3', 'aa:aa:aa:aa:aa:aa')] }),
    ];
    assert.deepEqual(lines(before, [state('ns1')]), ['- link veth0 in ns1']);
  });

  test('nothing changed says so, naming the namespaces compared', () => {
    const both = [state(null), state('ns1', { links: [loopback(), link('veth0')] })];
    assert.deepEqual(lines(both, structuredClone(both)), ['no changes in /, ns1']);
  });

  test('the diff is data too: action, object, namespace, subject and details', () => {
    const diff = diffStates([state('ns1')], [state('ns1', { links: [loopback(), link('veth0')] })]);
    assert.deepEqual(diff, { namespaces: ['ns1'], changes: [{ action: 'added', object: 'link', namespace: 'ns1', subject: 'veth0', details: ['veth', 'down', 'mtu 1500'] }] });
  });
});
