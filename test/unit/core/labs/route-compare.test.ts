// How a lab's plan compares the file with the kernel, without a kernel: addresses and routes in the kernel's
// spelling, tc's rates and times as numbers. The netem line is written as tc prints it, since this kernel has no
// netem to produce one.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { canonicalCidr } from '../../../../src/core/addresses.js';
import { routeMatches, routeSpecOf } from '../../../../src/core/labs/route-compare.js';
import { impairmentNumbers, parseTcText, rateBits, sameImpairment, timeMicroseconds } from '../../../../src/core/labs/traffic-control.js';
import type { RouteInfo } from '../../../../src/core/model.js';

const route = (fields: Partial<RouteInfo>): RouteInfo => ({ family: 'inet', destination: 'default', flags: [], nextHops: [], ...fields });

describe('comparing addresses and routes', () => {
  test('IPv6 addresses compare in their compressed form, IPv4 as written', () => {
    assert.equal(canonicalCidr('fd00:0:0::1/64'), 'fd00::1/64');
    assert.equal(canonicalCidr('FD00::A/64'), 'fd00::a/64');
    assert.equal(canonicalCidr('10.0.0.1/24'), '10.0.0.1/24');
  });

  test('a default route matches whatever way the file wrote it, with the kernel default metric', () => {
    const kernel = route({ destination: 'default', gateway: '10.0.0.1', device: 'eth0' });
    assert.ok(routeMatches(kernel, { destination: 'default', via: '10.0.0.1' }));
    assert.ok(routeMatches(kernel, { destination: '0.0.0.0/0', via: '10.0.0.1', device: 'eth0' }));
    assert.ok(!routeMatches(kernel, { destination: 'default', via: '10.0.0.2' }));
    assert.ok(!routeMatches(kernel, { destination: 'default', via: '10.0.0.1', device: 'eth1' }));
    assert.ok(!routeMatches(kernel, { destination: 'default', via: '10.0.0.1', metric: 5 }));
  });

  test('host routes, IPv6 and its default metric 1024', () => {
    assert.ok(routeMatches(route({ destination: '10.9.0.5', gateway: '10.0.0.1' }), { destination: '10.9.0.5/32', via: '10.0.0.1' }));
    const v6 = route({ family: 'inet6', destination: 'fd09::/64', gateway: 'fd00::1', metric: 1024 });
    assert.ok(routeMatches(v6, { destination: 'fd09:0::/64', via: 'fd00::1' }));
    assert.ok(!routeMatches(v6, { destination: 'fd09::/64', via: 'fd00::1', metric: 1 }));
  });

  test('a kernel route turns back into the words that delete it', () => {
    assert.deepEqual(routeSpecOf(route({ family: 'inet6', destination: 'default', gateway: 'fd00::1', device: 'eth0', metric: 1024 })), {
      destination: '::/0',
      via: 'fd00::1',
      device: 'eth0',
      metric: 1024,
      family: 'inet6',
    });
  });
});

describe('reading tc', () => {
  test('rates and times in tc units become numbers', () => {
    assert.equal(rateBits('10mbit'), 10_000_000);
    assert.equal(rateBits('10Mbit'), 10_000_000);
    assert.equal(rateBits('1mbps'), 8_000_000);
    assert.equal(rateBits('fast'), undefined);
    assert.equal(timeMicroseconds('20ms'), 20_000);
    assert.equal(timeMicroseconds('1.5s'), 1_500_000);
  });

  test('an htb class with a netem child under it', () => {
    const text = [
      'qdisc htb 1: root refcnt 2 r2q 10 default 0x1 direct_packets_stat 0 direct_qlen 1000',
      'qdisc netem 10: parent 1:1 limit 1000 delay 20ms  5ms loss 1%',
      'class htb 1:1 root leaf 10: prio 0 rate 10Mbit ceil 10Mbit burst 1600b cburst 1600b',
    ].join('\n');
    assert.deepEqual(parseTcText(text), { rate: 10_000_000, delay: 20_000, jitter: 5_000, loss: 1 });
    assert.ok(sameImpairment(parseTcText(text), impairmentNumbers({ rate: '10mbit', delay: '20ms', jitter: '5ms', loss: '1%' })));
    assert.ok(!sameImpairment(parseTcText(text), impairmentNumbers({ rate: '5mbit', delay: '20ms', jitter: '5ms', loss: '1%' })));
  });

  test('no qdisc of ours is no impairment', () => {
    assert.deepEqual(parseTcText('qdisc noqueue 0: root refcnt 2'), {});
    assert.ok(sameImpairment({}, impairmentNumbers(undefined)));
  });
});
