// Parsers against JSON captured on this machine (test/fixtures/iproute2, see its README) and, when present, against the
// genuine outputs from public sources in ../shared/fixtures/iproute2.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import type { LinkInfo } from '../../../../src/core/model.js';
import { ParseError, parseLinks, parseNeighbours, parseRoutes } from '../../../../src/core/iproute2/parse.js';

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
