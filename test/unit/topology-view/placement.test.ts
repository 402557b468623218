import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { placeNewNodes, SPACING } from '../../../src/topology-view/placement.js';

const distance = (a: { x: number; y: number }, b: { x: number; y: number }): number => Math.hypot(a.x - b.x, a.y - b.y);

describe('placing nodes new to a picture', () => {
  const placed = new Map([
    ['if:a/eth0', { x: 0, y: 0 }],
    ['if:a/eth1', { x: 0, y: 100 }],
    ['if:b/eth0', { x: 500, y: 0 }],
  ]);
  const members: Record<string, string[]> = { 'ns:a': ['if:a/eth0', 'if:a/eth1', 'if:a/eth2'], 'ns:b': ['if:b/eth0', 'if:b/eth9'], 'ns:c': ['if:c/eth0'] };
  const membersOf = (box: string): string[] => members[box] ?? [];

  test('puts an interface beside the others of its namespace, on a free spot', () => {
    const spot = placeNewNodes([{ id: 'if:a/eth2', parent: 'ns:a', neighbours: [] }], placed, membersOf).get('if:a/eth2')!;
    assert.ok(distance(spot, { x: 0, y: 50 }) <= 2 * SPACING, JSON.stringify(spot));
    for (const point of placed.values()) assert.ok(distance(spot, point) >= SPACING * 0.95, `${JSON.stringify(spot)} sits on ${JSON.stringify(point)}`);
  });

  test('puts a new namespace next to what it connects to, and two new ones apart', () => {
    const spots = placeNewNodes(
      [
        { id: 'if:c/eth0', parent: 'ns:c', neighbours: ['if:b/eth0'] },
        { id: 'if:b/eth9', parent: 'ns:b', neighbours: ['if:c/eth0'] },
      ],
      placed,
      membersOf,
    );
    const c = spots.get('if:c/eth0')!;
    assert.ok(distance(c, { x: 500, y: 0 }) <= 3 * SPACING, JSON.stringify(c));
    assert.ok(distance(c, spots.get('if:b/eth9')!) >= SPACING * 0.95);
  });

  test('puts what connects to nothing to the right of everything, and the first node of an empty picture at the origin', () => {
    const alone = placeNewNodes([{ id: 'ns:d', neighbours: [] }], placed, membersOf).get('ns:d')!;
    assert.ok(alone.x > 500, JSON.stringify(alone));
    assert.deepEqual(placeNewNodes([{ id: 'ns:d', neighbours: [] }], new Map(), membersOf).get('ns:d'), { x: 0, y: 0 });
  });
});
