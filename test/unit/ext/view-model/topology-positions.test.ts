import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { formatPositions, parsePositions, positionsFileOf, storedPositionsName } from '../../../../src/ext/view-model/topology-positions.js';

describe("a picture's side file of positions", () => {
  test('sits in .netns-lab beside the topology file, never in it', () => {
    assert.equal(positionsFileOf('/work/labs/demo.netns.yaml'), '/work/labs/.netns-lab/demo.positions.json');
  });

  test("is named for a target's or a deployed lab's picture without characters a file name cannot hold", () => {
    assert.equal(storedPositionsName('local'), 'local.positions.json');
    assert.equal(storedPositionsName('ssh://root@lab1:2222', 'my/lab'), 'ssh_3A_2F_2Froot_40lab1_3A2222--lab-my_2Flab.positions.json');
  });

  test('round-trips, rounded and sorted', () => {
    const text = formatPositions({ 'if:b/x': { x: 10.4, y: -3.6 }, 'if:a/y': { x: 0, y: 0 } });
    assert.deepEqual(Object.keys(parsePositions(text)), ['if:a/y', 'if:b/x']);
    assert.deepEqual(parsePositions(text)['if:b/x'], { x: 10, y: -4 });
  });

  test('keeps only finite points, and reads a file that is not ours as none', () => {
    const text = JSON.stringify({ version: 1, positions: { good: { x: 1, y: 2 }, text: { x: '1', y: 2 }, missing: { x: 1 }, list: [1, 2] } });
    assert.deepEqual(parsePositions(text), { good: { x: 1, y: 2 } });
    assert.deepEqual(parsePositions('not json'), {});
    assert.deepEqual(parsePositions(JSON.stringify({ version: 2, positions: { a: { x: 1, y: 1 } } })), {});
    assert.deepEqual(parsePositions('[]'), {});
  });
});
