import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ipv4Text, ipv6Text, macText } from '../../../../src/core/capture/address-text.js';

function ipv6Bytes(groups: number[]): Uint8Array {
  return Uint8Array.from(groups.flatMap((group) => [group >> 8, group & 0xff]));
}

test('IPv6 addresses are compressed as RFC 5952 says', () => {
  const cases: Array<[number[], string]> = [
    [[0, 0, 0, 0, 0, 0, 0, 0], '::'],
    [[0, 0, 0, 0, 0, 0, 0, 1], '::1'],
    [[0xfd00, 0, 0, 0, 0, 0, 0, 1], 'fd00::1'],
    [[0x2001, 0xdb8, 0, 0, 1, 0, 0, 1], '2001:db8::1:0:0:1'],
    [[0x2001, 0xdb8, 0, 1, 1, 1, 1, 1], '2001:db8:0:1:1:1:1:1'],
    [[0xff02, 0, 0, 0, 0, 1, 0xff00, 2], 'ff02::1:ff00:2'],
    [[1, 0, 0, 2, 0, 0, 0, 3], '1:0:0:2::3'],
    [[0, 0, 0, 0, 0, 0xffff, 0x0a00, 0x0001], '::ffff:10.0.0.1'],
  ];
  for (const [groups, text] of cases) assert.equal(ipv6Text(ipv6Bytes(groups), 0), text);
});

test('IPv4 and MAC addresses are read at their offset', () => {
  const bytes = Uint8Array.from([9, 192, 168, 0, 1, 0xaa, 0xbb, 0xcc, 0x0d, 0x0e, 0xff]);
  assert.equal(ipv4Text(bytes, 1), '192.168.0.1');
  assert.equal(macText(bytes, 5), 'aa:bb:cc:0d:0e:ff');
});
