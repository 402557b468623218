/** A large picture starts at the core's packed places; a small one, or one the user arranged, is left alone. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { graphFromSnapshot } from '../../../../src/core/graph/from-snapshot.js';
import { startingPositions } from '../../../../src/ext/view-model/topology-start-positions.js';
import { ringLab, routerLab } from '../../core/graph/fixtures.js';

describe('startingPositions', () => {
  const large = graphFromSnapshot(ringLab(40));

  test('a large picture without saved places gets a place for every interface, no two at the same spot', async () => {
    const positions = await startingPositions(large, {});
    assert.deepEqual(Object.keys(positions).sort(), large.interfaces.map((shown) => shown.id).sort());
    const spots = new Set(Object.values(positions).map((point) => `${point.x},${point.y}`));
    assert.equal(spots.size, large.interfaces.length);
  });

  test("the user's saved places win, and a small picture is left to the page", async () => {
    const saved = { 'if:lab-n0/up0': { x: 1, y: 2 } };
    assert.equal(await startingPositions(large, saved), saved);
    assert.deepEqual(await startingPositions(graphFromSnapshot(routerLab()), {}), {});
  });
});
