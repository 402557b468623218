/** Subnets of addresses, written by hand from the prefix rules. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { sharedSubnets, subnetOf } from '../../../../src/core/graph/subnets.js';

describe('subnetOf', () => {
  const cases: Array<[string, string | undefined]> = [
    ['10.0.0.1/24', '10.0.0.0/24'],
    ['10.9.0.2/30', '10.9.0.0/30'],
    ['192.168.7.7/32', '192.168.7.7/32'],
    ['10.1.2.3/0', '0.0.0.0/0'],
    ['fd00::1/64', 'fd00::/64'],
    ['fd00:0:0:1::9/48', 'fd00::/48'],
    ['2001:db8:0:0:1:0:0:1/128', '2001:db8::1:0:0:1/128'],
    ['10.0.0.1', undefined],
    ['10.0.0.1/33', undefined],
    ['nonsense/8', undefined],
  ];
  for (const [cidr, subnet] of cases) test(`${cidr} → ${subnet}`, () => assert.equal(subnetOf(cidr), subnet));
});

describe('sharedSubnets', () => {
  test('what both ends are in, once, in the first list’s order', () => {
    assert.deepEqual(sharedSubnets(['10.0.0.1/24', 'fd00::1/64', '10.0.0.5/24'], ['fd00::2/64', '10.0.0.2/24']), ['10.0.0.0/24', 'fd00::/64']);
    assert.deepEqual(sharedSubnets(['10.0.0.1/24'], ['10.0.0.2/25']), []);
  });
});
