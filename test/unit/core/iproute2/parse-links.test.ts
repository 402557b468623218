// Parsers against JSON captured on this machine (test/fixtures/iproute2, see its README) and, when present, against the
// genuine outputs from public sources in ../shared/fixtures/iproute2.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { LinkInfo } from '../../../../src/core/model.js';
import { ParseError, parseLinks } from '../../../../src/core/iproute2/parse.js';

const fixtures = new URL('../../../../../test/fixtures/iproute2/', import.meta.url);

function readFixture(name: string, folder: URL = fixtures): unknown {
  return JSON.parse(readFileSync(new URL(name, folder), 'utf8'));
}

function linkNamed(links: LinkInfo[], name: string): LinkInfo {
  const link = links.find((candidate) => candidate.name === name);
  assert.ok(link, `no link named ${name}`);
  return link;
}

function parseError(message: string): (error: unknown) => boolean {
  return (error) => error instanceof ParseError && error.message === message;
}

describe('parseLinks on ip -d -j link show', () => {
  const links = parseLinks(readFixture('link-lab.json'));

  test('keeps every link in the order ip printed them', () => {
    assert.deepEqual(
      links.map((link) => link.name),
      ['lo', 'va0', 'vx1', 'vx0', 'br0', 'tap0', 'tun0', 'vxl0', 'mv0'],
    );
  });

  test('reads a veth whose peer is in another namespace as a link index plus nsid, with no parent name', () => {
    const veth = linkNamed(links, 'va0');
    assert.equal(veth.kind, 'veth');
    assert.equal(veth.linkIndex, 2);
    assert.equal(veth.linkNetnsId, 0);
    assert.equal(veth.parentName, undefined);
    assert.equal(veth.alias, 'uplink to pfx8150b');
    assert.equal(veth.mac, '7a:05:6b:d4:e8:46');
  });

  test('names the peer of a veth whose peer is in the same namespace as its parent', () => {
    const veth = linkNamed(links, 'vx0');
    assert.equal(veth.parentName, 'vx1');
    assert.equal(veth.linkNetnsId, undefined);
    assert.equal(veth.linkIndex, undefined);
  });

  test('gives bridge ports their master, port kind and port details', () => {
    const port = linkNamed(links, 'vx1');
    assert.equal(port.kind, 'veth');
    assert.equal(port.master, 'br0');
    assert.equal(port.portKind, 'bridge');
    assert.equal(port.portDetails?.state, 'forwarding');
    assert.equal(linkNamed(links, 'tap0').master, 'br0');
  });

  test('reads the bridge kind and its info_data as details', () => {
    const bridge = linkNamed(links, 'br0');
    assert.equal(bridge.kind, 'bridge');
    assert.equal(bridge.mtu, 1400);
    assert.equal(bridge.details?.stp_state, 0);
    assert.equal(bridge.portKind, undefined);
  });

  test('keeps a vxlan UDP port in details apart from bridge port data', () => {
    const vxlan = linkNamed(links, 'vxl0');
    assert.equal(vxlan.kind, 'vxlan');
    assert.equal(vxlan.details?.id, 42);
    assert.equal(vxlan.details?.port, 4789);
    assert.equal(vxlan.operState, 'UNKNOWN');
  });

  test('names the lower link of a macvlan as its parent', () => {
    const macvlan = linkNamed(links, 'mv0');
    assert.equal(macvlan.kind, 'macvlan');
    assert.equal(macvlan.parentName, 'va0');
    assert.equal(macvlan.details?.mode, 'bridge');
  });

  test('reads tap and tun devices as kind tun with their type in details', () => {
    assert.equal(linkNamed(links, 'tap0').details?.type, 'tap');
    assert.equal(linkNamed(links, 'tun0').kind, 'tun');
    assert.equal(linkNamed(links, 'tun0').mac, undefined);
  });

  test('counts a link as up from its UP flag even when it has no carrier', () => {
    const tap = linkNamed(links, 'tap0');
    assert.ok(tap.flags.includes('NO-CARRIER'));
    assert.equal(tap.up, true);
    assert.equal(tap.operState, 'DOWN');
  });

  test('calls lo loopback', () => {
    assert.equal(linkNamed(links, 'lo').kind, 'loopback');
  });

  test('gives links from link show an empty address list', () => {
    assert.deepEqual(linkNamed(links, 'va0').addresses, []);
  });

  test('reads the veth in the peer namespace pointing back with its own nsid', () => {
    const peer = linkNamed(parseLinks(readFixture('link-peer-namespace.json')), 'vb0');
    assert.deepEqual([peer.kind, peer.linkIndex, peer.linkNetnsId], ['veth', 2, 0]);
  });
});

describe('parseLinks on ip -d -j addr show', () => {
  const links = parseLinks(readFixture('addr-lab.json'));

  test('reads IPv4 addresses with broadcast, label and the secondary flag', () => {
    const [primary, secondary] = linkNamed(links, 'va0').addresses;
    assert.deepEqual(primary, {
      family: 'inet',
      address: '10.1.0.1',
      prefixLength: 24,
      scope: 'global',
      broadcast: '10.1.0.255',
      label: 'va0',
      flags: [],
    });
    assert.equal(secondary?.label, 'va0:sec');
    assert.deepEqual(secondary?.flags, ['secondary']);
  });

  test('collects IPv6 address flags from the keys ip prints as true', () => {
    const addresses = linkNamed(links, 'va0').addresses.filter((address) => address.family === 'inet6');
    assert.deepEqual(
      addresses.map((address) => [address.address, address.flags]),
      [
        ['2001:db8:1::5', ['nodad', 'noprefixroute']],
        ['2001:db8:1::1', ['nodad']],
        ['fe80::7805:6bff:fed4:e846', ['tentative']],
      ],
    );
  });

  test('reads the peer of a point-to-point address', () => {
    const [address] = linkNamed(links, 'tun0').addresses;
    assert.deepEqual([address?.address, address?.peer, address?.prefixLength], ['10.9.9.1', '10.9.9.2', 32]);
  });

  test('reads an address with a finite lifetime as dynamic and, with no preferred time left, deprecated', () => {
    const [address] = linkNamed(links, 'mv0').addresses;
    assert.deepEqual(address?.flags.sort(), ['deprecated', 'dynamic']);
  });

  test('reads family-filtered output, which has no link_type or linkinfo', () => {
    const filtered = parseLinks(readFixture('addr-family-inet.json'));
    assert.equal(linkNamed(filtered, 'lo').kind, 'loopback');
    assert.equal(linkNamed(filtered, 'va0').kind, 'device');
    assert.equal(linkNamed(filtered, 'va0').linkNetnsId, 0);
    assert.ok(filtered.every((link) => link.addresses.every((address) => address.family === 'inet')));
  });

  test('skips the empty address objects older iproute2 printed for filtered-out families', () => {
    const [link] = parseLinks([{ ifindex: 1, ifname: 'lo', flags: [], operstate: 'UNKNOWN', addr_info: [{}] }]);
    assert.deepEqual(link?.addresses, []);
  });
});

describe('parseLinks on kinds this kernel lacks (written by hand in the shape of real output)', () => {
  test('reads a vlan with its lower link as parent and its id in details', () => {
    const vlan = linkNamed(parseLinks(readFixture('link-vlan-handwritten.json')), 'uplink0.300');
    assert.deepEqual([vlan.kind, vlan.parentName, vlan.details?.id], ['vlan', 'uplink0', 300]);
  });

  test('reads a bond and its port, whose kind stays veth and whose port kind is bond', () => {
    const links = parseLinks(readFixture('link-bond-handwritten.json'));
    assert.equal(linkNamed(links, 'trunk1').kind, 'bond');
    assert.equal(linkNamed(links, 'trunk1').details?.mode, 'active-backup');
    const port = linkNamed(links, 'member1');
    assert.deepEqual([port.kind, port.portKind, port.master], ['veth', 'bond', 'trunk1']);
    assert.equal(port.portDetails?.mii_status, 'UP');
  });

  test('reads dummy and wireguard kinds, the latter with no MAC address', () => {
    assert.equal(parseLinks(readFixture('link-dummy-handwritten.json'))[0]?.kind, 'dummy');
    const [wireguard] = parseLinks(readFixture('addr-wireguard-handwritten.json'));
    assert.deepEqual([wireguard?.kind, wireguard?.mac, wireguard?.addresses.length], ['wireguard', undefined, 2]);
  });

  test('keeps a kind it has never heard of verbatim', () => {
    const [link] = parseLinks([{ ifindex: 4, ifname: 'x0', flags: [], operstate: 'DOWN', linkinfo: { info_kind: 'newkind9' } }]);
    assert.equal(link?.kind, 'newkind9');
  });
});

describe('parseLinks on bad input', () => {
  test('rejects JSON that is not an array', () => {
    assert.throws(() => parseLinks({ ifname: 'lo' }), parseError('expected an array of links, got an object'));
  });

  test('rejects a link without ifname, naming its position', () => {
    assert.throws(() => parseLinks([{ ifindex: 1 }]), parseError('link 0: ifname is missing'));
  });

  test('rejects a link whose mtu is not a number, naming the link', () => {
    const link = { ifindex: 2, ifname: 'va0', flags: [], operstate: 'UP', mtu: '1500' };
    assert.throws(() => parseLinks([link]), parseError('link 0 (va0): mtu is not a number (got a string)'));
  });

  test('rejects a flag that is not a string', () => {
    const link = { ifindex: 2, ifname: 'va0', flags: ['UP', 7], operstate: 'UP' };
    assert.throws(() => parseLinks([link]), parseError('link 0 (va0): flags[1] is not a string (got a number)'));
  });

  test('rejects an address without local, naming link and address', () => {
    const link = { ifindex: 2, ifname: 'va0', operstate: 'UP', addr_info: [{ family: 'inet', prefixlen: 24 }] };
    assert.throws(() => parseLinks([link]), parseError('link 0 (va0) address 0: local is missing'));
  });

  test('says what it was parsing in the error context', () => {
    const isLinkContext = (error: unknown) => error instanceof ParseError && error.context === 'ip -j link show';
    assert.throws(() => parseLinks(null), isLinkContext);
  });
});
