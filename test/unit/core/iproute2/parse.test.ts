// Parsers against JSON captured on this machine (test/fixtures/iproute2, see its README) and, when present, against the
// genuine outputs from public sources in ../shared/fixtures/iproute2.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import type { LinkInfo } from '../../../../src/core/model.js';
import {
  ParseError,
  isLocalTableRoute,
  parseLinks,
  parseNeighbours,
  parseNetnsList,
  parseRoutes,
} from '../../../../src/core/iproute2/parse.js';

const fixtures = new URL('../../../../../test/fixtures/iproute2/', import.meta.url);
const sharedFixtures = new URL('../../../../../../shared/fixtures/iproute2/', import.meta.url);

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
    const [link] = parseLinks([
      { ifindex: 4, ifname: 'x0', flags: [], operstate: 'DOWN', linkinfo: { info_kind: 'newkind9' } },
    ]);
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

describe('parseRoutes', () => {
  const routes = parseRoutes(readFixture('route-table-all.json'));
  const routeTo = (destination: string, family = 'inet') =>
    routes.filter((route) => route.destination === destination && route.family === family);

  test('reads an IPv4 default route via a gateway, as unicast with no table printed for main', () => {
    const [viaGateway] = routeTo('default');
    assert.deepEqual(viaGateway, {
      family: 'inet', destination: 'default', type: 'unicast', gateway: '10.1.0.254', device: 'va0',
      flags: [], nextHops: [],
    });
  });

  test('tells IPv4 and IPv6 default routes without a gateway apart', () => {
    assert.equal(routeTo('default', 'inet').find((route) => route.gateway === undefined)?.device, 'vx0');
    assert.equal(routeTo('default', 'inet6').find((route) => route.gateway === undefined)?.metric, 2048);
    assert.equal(routeTo('default', 'inet6').find((route) => route.gateway)?.gateway, '2001:db8:1::fe');
  });

  test('reads a device route with its metric and scope', () => {
    const [route] = routeTo('10.50.0.0/24');
    assert.deepEqual([route?.device, route?.metric, route?.scope], ['vx0', 50, 'link']);
  });

  test('reads blackhole, unreachable and prohibit routes by type', () => {
    const types = ['10.66.0.0/16', '10.67.0.0/16', '10.68.0.0/16'].map((prefix) => routeTo(prefix)[0]?.type);
    assert.deepEqual(types, ['blackhole', 'unreachable', 'prohibit']);
    assert.equal(routeTo('2001:db8:66::/48', 'inet6')[0]?.type, 'blackhole');
  });

  test('reads the next hops of an IPv4 multipath route with their weights', () => {
    const [route] = routeTo('10.70.0.0/16');
    assert.equal(route?.gateway, undefined);
    assert.deepEqual(route?.nextHops, [
      { gateway: '10.1.0.253', device: 'va0', weight: 1, flags: [] },
      { gateway: '10.2.0.254', device: 'vx0', weight: 2, flags: [] },
    ]);
  });

  test('reads an IPv6 multipath route as inet6 with two next hops', () => {
    const [route] = routeTo('2001:db8:70::/48', 'inet6');
    assert.deepEqual(route?.nextHops.map((hop) => hop.gateway), ['2001:db8:1::fd', '2001:db8:2::fd']);
  });

  test('reads route flags and the preferred source', () => {
    const [route] = routeTo('10.90.0.0/16');
    assert.deepEqual([route?.flags, route?.preferredSource], [['onlink'], '10.1.0.5']);
    assert.deepEqual(routeTo('10.9.9.2')[0]?.flags, ['linkdown']);
  });

  test('reads a route of another table by its number', () => {
    assert.equal(routeTo('10.80.0.0/16')[0]?.table, '100');
  });

  test('counts only the local table routes as local', () => {
    const local = routes.filter(isLocalTableRoute);
    assert.equal(local.length, 24);
    assert.ok(local.every((route) => ['local', 'broadcast', 'multicast'].includes(route.type ?? '')));
    assert.equal(routeTo('10.80.0.0/16').some(isLocalTableRoute), false);
  });

  test('cannot see the local table in ip route show table local, which prints no table key', () => {
    const local = parseRoutes(readFixture('route-table-local.json'));
    assert.equal(local[0]?.type, 'local');
    assert.equal(local.some(isLocalTableRoute), false);
  });

  test('reads the main table and protocol that only -d prints', () => {
    const detailed = parseRoutes(readFixture('route-table-all-detail.json'));
    const route = detailed.find((candidate) => candidate.destination === '10.66.0.0/16');
    assert.deepEqual([route?.table, route?.protocol, route?.type], ['main', 'boot', 'blackhole']);
  });

  test('reads ip -6 route show as IPv6 only', () => {
    const inet6 = parseRoutes(readFixture('route-inet6.json'));
    assert.equal(inet6.length, 13);
    assert.ok(inet6.every((route) => route.family === 'inet6'));
  });

  test('reads ip route get as one host route through the chosen next hop', () => {
    assert.deepEqual(parseRoutes(readFixture('route-get.json')), [
      { family: 'inet', destination: '10.70.1.1', type: 'unicast', gateway: '10.2.0.254', device: 'vx0',
        preferredSource: '10.2.0.1', flags: [], nextHops: [] },
    ]);
  });

  test('prefers a family key to guessing, and reads a gateway of the other family from via', () => {
    const [route] = parseRoutes([
      { family: 'inet', dst: 'default', via: { family: 'inet6', host: 'fe80::1' }, dev: 'va0', flags: [] },
    ]);
    assert.deepEqual([route?.family, route?.gateway], ['inet', 'fe80::1']);
  });

  test('rejects a route without dst, one with a text metric, and one of an unknown family', () => {
    assert.throws(() => parseRoutes([{ dev: 'va0' }]), parseError('route 0: dst is missing'));
    assert.throws(
      () => parseRoutes([{ dst: '10.0.0.0/8', metric: 'high' }]),
      parseError('route 0 (10.0.0.0/8): metric is not a number (got a string)'),
    );
    assert.throws(
      () => parseRoutes([{ dst: '16', family: 'mpls' }]),
      parseError('route 0 (16): family "mpls" is not inet or inet6'),
    );
  });

  test('rejects nexthops that are not an array of objects', () => {
    assert.throws(
      () => parseRoutes([{ dst: '10.0.0.0/8', nexthops: {} }]),
      parseError('route 0 (10.0.0.0/8): nexthops is not an array (got an object)'),
    );
    assert.throws(
      () => parseRoutes([{ dst: '10.0.0.0/8', nexthops: ['10.1.0.1'] }]),
      parseError('route 0 (10.0.0.0/8) nexthop 0: expected an object, got a string'),
    );
  });
});

describe('parseNeighbours', () => {
  const neighbours = parseNeighbours(readFixture('neigh-lab.json'));
  const neighbour = (address: string) => neighbours.find((candidate) => candidate.address === address);

  test('reads a permanent entry with its MAC address', () => {
    assert.deepEqual(neighbour('10.1.0.254'), {
      address: '10.1.0.254', device: 'va0', mac: '02:00:00:00:01:fe', states: ['PERMANENT'], router: false,
    });
  });

  test('reads FAILED and INCOMPLETE entries without a MAC address', () => {
    assert.deepEqual([neighbour('10.1.0.77')?.states, neighbour('10.1.0.77')?.mac], [['FAILED'], undefined]);
    assert.deepEqual([neighbour('10.1.0.88')?.states, neighbour('10.1.0.88')?.mac], [['INCOMPLETE'], undefined]);
  });

  test('reads the router flag, which ip prints as a key set to null', () => {
    assert.equal(neighbour('2001:db8:1::fe')?.router, true);
    assert.equal(neighbour('10.1.0.78')?.router, false);
  });

  test('reads a proxy entry, which has no state', () => {
    assert.deepEqual(parseNeighbours(readFixture('neigh-proxy.json')), [
      { address: '10.1.0.99', device: 'va0', states: [], router: false },
    ]);
  });

  test('rejects an entry whose state is not a list', () => {
    assert.throws(
      () => parseNeighbours([{ dst: '10.1.0.1', state: 'STALE' }]),
      parseError('neighbour 0 (10.1.0.1): state is not an array (got a string)'),
    );
  });
});

describe('parseNetnsList', () => {
  test('reads the nsids a namespace has for the others, and none for itself', () => {
    assert.deepEqual(parseNetnsList(readFixture('netns-list-with-ids.json')), [
      { name: 'pfx8150c', id: 7 }, { name: 'pfx8150b', id: 0 }, { name: 'pfx8150a' },
    ]);
  });

  test('reads a list without nsids', () => {
    const entries = parseNetnsList(readFixture('netns-list-without-ids.json'));
    assert.deepEqual(entries.map((entry) => entry.id), [undefined, undefined, undefined]);
  });

  test('resolves a veth peer nsid through the list read in the same namespace', () => {
    const [veth] = parseLinks(readFixture('link-peer-namespace.json')).filter((link) => link.kind === 'veth');
    const entries = parseNetnsList(readFixture('netns-list-peer.json'));
    assert.equal(entries.find((entry) => entry.id === veth?.linkNetnsId)?.name, 'pfx8150a');
  });

  test('reads an empty list and the missing output of a host without /run/netns as no namespaces', () => {
    assert.deepEqual(parseNetnsList(readFixture('netns-list-empty.json')), []);
    assert.deepEqual(parseNetnsList(undefined), []);
  });

  test('rejects an entry without a name or with a text id', () => {
    assert.throws(() => parseNetnsList([{ id: 1 }]), parseError('namespace 0: name is missing'));
    assert.throws(
      () => parseNetnsList([{ name: 'a', id: '1' }]),
      parseError('namespace 0 (a): id is not a number (got a string)'),
    );
  });
});

describe('shared fixtures from public sources', () => {
  const present = existsSync(sharedFixtures);
  const reason = `${sharedFixtures.pathname} does not exist`;
  const files = present ? readdirSync(sharedFixtures).filter((name) => name.endsWith('.json')) : [];
  const read = (name: string) => readFixture(name, sharedFixtures);

  test('every file parses with the parser its name prefix picks', async (context) => {
    if (!present) return context.skip(reason);
    for (const name of files.filter((file) => file !== 'vrf-list.json')) {
      await context.test(name, () => {
        if (name.startsWith('link-') || name.startsWith('addr-')) assert.ok(parseLinks(read(name)).length > 0);
        else if (name.startsWith('route-')) assert.ok(parseRoutes(read(name)).length > 0);
        else if (name.startsWith('neigh')) assert.ok(parseNeighbours(read(name)).length > 0);
        else assert.fail(`no parser for ${name}`);
      });
    }
  });

  test('rejects ip vrf list output, which lists vrfs by name and table, not links', (context) => {
    if (!present) return context.skip(reason);
    assert.throws(() => parseLinks(read('vrf-list.json')), parseError('link 0: ifname is missing'));
  });

  test('reads a vlan and a macvlan with eth0 as parent', (context) => {
    if (!present) return context.skip(reason);
    const [vlan] = parseLinks(read('link-vlan.json'));
    assert.deepEqual([vlan?.kind, vlan?.parentName, vlan?.details?.id], ['vlan', 'eth0', 42]);
    assert.equal(parseLinks(read('link-macvlan.json'))[0]?.parentName, 'eth0');
  });

  test('reads a bond port and a bond that is itself a bridge port', (context) => {
    if (!present) return context.skip(reason);
    const port = linkNamed(parseLinks(read('link-bond.json')), 'swp5');
    assert.deepEqual([port.kind, port.portKind, port.master], ['device', 'bond', 'bond42']);
    const bond = linkNamed(parseLinks(read('link-bridge.json')), 'bond42');
    assert.deepEqual([bond.kind, bond.portKind, bond.master], ['bond', 'bridge', 'br42']);
    assert.equal(bond.details?.mode, '802.3ad');
  });

  test('reads tunnels whose link is null as having no parent', (context) => {
    if (!present) return context.skip(reason);
    const tunnel = linkNamed(parseLinks(read('link-gre.json')), 'tun42');
    assert.deepEqual([tunnel.kind, tunnel.parentName], ['gre', undefined]);
  });

  test('reads wireguard, a veth with a peer nsid, and address flags from real hosts', (context) => {
    if (!present) return context.skip(reason);
    const laptop = parseLinks(read('addr-detail-wireguard-sit.json'));
    assert.equal(linkNamed(laptop, 'wg0').kind, 'wireguard');
    assert.deepEqual(linkNamed(laptop, 'wlan0').addresses[1]?.flags, ['temporary', 'dynamic']);
    assert.equal(linkNamed(parseLinks(read('addr-veth-link-netnsid.json')), 'enp0s25').linkNetnsId, 0);
  });

  test('reads multipath next hops and IPv6 families', (context) => {
    if (!present) return context.skip(reason);
    const [multipath] = parseRoutes(read('route-multipath.json'));
    assert.deepEqual([multipath?.nextHops.length, multipath?.table], [2, '3']);
    assert.deepEqual(parseRoutes(read('route-multipath-onlink.json'))[0]?.nextHops[1]?.flags, ['onlink']);
    assert.ok(parseRoutes(read('route-ipv6-detail.json')).every((route) => route.family === 'inet6'));
  });

  test('reads FAILED neighbours without a MAC address', (context) => {
    if (!present) return context.skip(reason);
    const [failed] = parseNeighbours(read('neigh.json'));
    assert.deepEqual([failed?.states, failed?.mac, failed?.device], [['FAILED'], undefined, 'enp12s0']);
  });
});
