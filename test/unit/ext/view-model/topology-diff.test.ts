import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { diffTopology, isEmptyPatch } from '../../../../src/ext/view-model/topology-diff.js';
import type { TopologyElement } from '../../../../src/ext/view-model/topology-elements.js';

const box = (id: string, parent?: string): TopologyElement => ({
  group: 'nodes',
  data: { id, label: id, role: 'namespace', title: id, details: [], ...(parent ? { parent } : {}) },
  classes: 'namespace',
});
const port = (id: string, parent: string, classes = 'interface state-up'): TopologyElement => ({ group: 'nodes', data: { id, parent, label: id, role: 'interface', title: id, details: [] }, classes });
const edge = (id: string, source: string, target: string): TopologyElement => ({ group: 'edges', data: { id, source, target, label: '', title: id, details: [] }, classes: 'veth' });

describe('the difference between two pictures', () => {
  const before = [box('ns:a'), box('ns:b'), port('if:a/x', 'ns:a'), port('if:b/y', 'ns:b'), edge('veth:x|y', 'if:a/x', 'if:b/y')];

  test('is empty for the same picture', () => {
    assert.ok(isEmptyPatch(diffTopology(before, structuredClone(before))));
  });

  test('adds what is new, updates what changed, and removes edges before nodes and boxes last', () => {
    const after = [box('ns:a'), port('if:a/x', 'ns:a', 'interface state-down'), box('ns:c'), port('if:c/z', 'ns:c')];
    const patch = diffTopology(before, after);
    assert.deepEqual(
      patch.add.map((element) => element.data.id),
      ['ns:c', 'if:c/z'],
    );
    assert.deepEqual(
      patch.update.map((element) => element.data.id),
      ['if:a/x'],
    );
    assert.deepEqual(patch.remove, ['veth:x|y', 'if:b/y', 'ns:b']);
  });

  test('updates a namespace that moved into a lab box', () => {
    const patch = diffTopology(before, [box('lab:l'), box('ns:a', 'lab:l'), ...before.slice(1)]);
    assert.deepEqual(
      patch.update.map((element) => element.data.id),
      ['ns:a'],
    );
    assert.deepEqual(
      patch.add.map((element) => element.data.id),
      ['lab:l'],
    );
  });
});
