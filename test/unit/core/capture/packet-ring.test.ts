import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PacketRing } from '../../../../src/core/capture/packet-ring.js';

test('the ring keeps the most recent items, oldest first, and never more than its capacity', () => {
  const ring = new PacketRing<number>(3);
  for (let item = 1; item <= 2; item++) ring.add(item);
  assert.deepEqual(ring.toArray(), [1, 2]);
  for (let item = 3; item <= 10; item++) ring.add(item);
  assert.deepEqual(ring.toArray(), [8, 9, 10]);
  assert.equal(ring.size, 3);
  const none = new PacketRing<number>(0);
  none.add(1);
  assert.deepEqual(none.toArray(), []);
});
