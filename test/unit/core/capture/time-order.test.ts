// Merging interfaces' packets in time order; the clock is given, so the hold is tested without waiting.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TimeOrderMerger } from '../../../../src/core/capture/time-order.js';

interface Named {
  seconds: number;
  nanoseconds: number;
  name: string;
}

const at = (microseconds: number, name: string): { seconds: number; nanoseconds: number; name: string } => ({ seconds: 100, nanoseconds: microseconds * 1000, name });

test('a packet waits until every other running stream has shown a later one, then all come out in time order', () => {
  const out: string[] = [];
  const merger = new TimeOrderMerger<Named>(
    2,
    1000,
    (item: Named) => out.push(item.name),
    () => 0,
  );
  merger.add(0, at(10, 'a10'));
  merger.add(0, at(30, 'a30'));
  assert.deepEqual(out, []);
  merger.add(1, at(20, 'b20'));
  assert.deepEqual(out, ['a10', 'b20']);
  merger.end(1);
  assert.deepEqual(out, ['a10', 'b20', 'a30']);
  merger.flush();
});

test('a quiet stream holds the others back only for the hold time', () => {
  const out: string[] = [];
  let now = 0;
  const merger = new TimeOrderMerger<Named>(
    2,
    100,
    (item: Named) => out.push(item.name),
    () => now,
  );
  merger.add(0, at(10, 'a10'));
  assert.deepEqual(out, []);
  now = 150;
  merger.add(0, at(20, 'a20'));
  assert.deepEqual(out, ['a10']);
  merger.flush();
  assert.deepEqual(out, ['a10', 'a20']);
});

test('one stream passes straight through', () => {
  const out: string[] = [];
  new TimeOrderMerger<Named>(
    1,
    100,
    (item: Named) => out.push(item.name),
    () => 0,
  ).add(0, at(5, 'only'));
  assert.deepEqual(out, ['only']);
});
