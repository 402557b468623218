// Parsers against JSON captured on this machine (test/fixtures/iproute2, see its README) and, when present, against the
// genuine outputs from public sources in ../shared/fixtures/iproute2.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { ParseError, isLocalTableRoute, parseRoutes } from '../../../../src/core/iproute2/parse.js';

const fixtures = new URL('../../../../../test/fixtures/iproute2/', import.meta.url);

function readFixture(name: string, folder: URL = fixtures): unknown {
  return JSON.parse(readFileSync(new URL(name, folder), 'utf8'));
}

function parseError(message: string): (error: unknown) => boolean {
  return (error) => error instanceof ParseError && error.message === message;
}

describe('parseRoutes', () => {
  const routes = parseRoutes(readFixture('route-table-all.json'));
  const routeTo = (destination: string, family = 'inet') => routes.filter((route) => route.destination === destination && route.family === family);

  test('reads an IPv4 default route via a gateway, as unicast with no table printed for main', () => {
    const [viaGateway] = routeTo('default');
    assert.deepEqual(viaGateway, {
      family: 'inet',
      destination: 'default',
      type: 'unicast',
      gateway: '10.1.0.254',
      device: 'va0',
      flags: [],
      nextHops: [],
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
    assert.deepEqual(
      route?.nextHops.map((hop) => hop.gateway),
      ['2001:db8:1::fd', '2001:db8:2::fd'],
    );
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
      { family: 'inet', destination: '10.70.1.1', type: 'unicast', gateway: '10.2.0.254', device: 'vx0', preferredSource: '10.2.0.1', flags: [], nextHops: [] },
    ]);
  });

  test('prefers a family key to guessing, and reads a gateway of the other family from via', () => {
    const [route] = parseRoutes([{ family: 'inet', dst: 'default', via: { family: 'inet6', host: 'fe80::1' }, dev: 'va0', flags: [] }]);
    assert.deepEqual([route?.family, route?.gateway], ['inet', 'fe80::1']);
  });

  test('rejects a route without dst, one with a text metric, and one of an unknown family', () => {
    assert.throws(() => parseRoutes([{ dev: 'va0' }]), parseError('route 0: dst is missing'));
    assert.throws(() => parseRoutes([{ dst: '10.0.0.0/8', metric: 'high' }]), parseError('route 0 (10.0.0.0/8): metric is not a number (got a string)'));
    assert.throws(() => parseRoutes([{ dst: '16', family: 'mpls' }]), parseError('route 0 (16): family "mpls" is not inet or inet6'));
  });

  test('rejects nexthops that are not an array of objects', () => {
    assert.throws(() => parseRoutes([{ dst: '10.0.0.0/8', nexthops: {} }]), parseError('route 0 (10.0.0.0/8): nexthops is not an array (got an object)'));
    assert.throws(() => parseRoutes([{ dst: '10.0.0.0/8', nexthops: ['10.1.0.1'] }]), parseError('route 0 (10.0.0.0/8) nexthop 0: expected an object, got a string'));
  });
});
