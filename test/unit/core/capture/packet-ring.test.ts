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

test('an item is found by its key in a ring that has wrapped, and not once it has been pushed out', () => {
  const ring = new PacketRing<{ number: number }>(4);
  for (let number = 1; number <= 10; number++) ring.add({ number });
  const numberOf = (item: { number: number }): number => item.number;
  assert.deepEqual(
    [7, 8, 9, 10].map((number) => ring.findByKey(number, numberOf)?.number),
    [7, 8, 9, 10],
  );
  assert.equal(ring.findByKey(6, numberOf), undefined);
  assert.equal(ring.findByKey(11, numberOf), undefined);
  assert.equal(ring.at(0)?.number, 7);
  assert.equal(ring.at(4), undefined);
  const partial = new PacketRing<{ number: number }>(4);
  partial.add({ number: 1 });
  partial.add({ number: 2 });
  assert.equal(partial.findByKey(2, numberOf)?.number, 2);
  assert.equal(partial.findByKey(3, numberOf), undefined);
});
