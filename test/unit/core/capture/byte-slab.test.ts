import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ByteSlab } from '../../../../src/core/capture/byte-slab.js';

test('each copy holds its own bytes, unchanged when the source or the next copy changes', () => {
  const slab = new ByteSlab();
  const source = Uint8Array.from([1, 2, 3]);
  const first = slab.copy(source);
  source.fill(9);
  const second = slab.copy(Uint8Array.from([4, 5]));
  assert.deepEqual([...first], [1, 2, 3]);
  assert.deepEqual([...second], [4, 5]);
  assert.equal(first.buffer, second.buffer, 'small copies share a slab');
});

test('copies go on into a new slab when one is full, and a large packet gets a buffer of its own', () => {
  const slab = new ByteSlab();
  const packet = new Uint8Array(60_000).fill(7);
  const copies = Array.from({ length: 6 }, () => slab.copy(packet));
  assert.ok(copies.every((copy) => copy.length === 60_000 && copy.every((byte) => byte === 7)));
  assert.notEqual(copies[0]!.buffer, copies[5]!.buffer);
  const large = slab.copy(new Uint8Array(100_000));
  assert.equal(large.buffer.byteLength, 100_000);
});
