// The renderer's table of what a cell changed, without a DOM: one row per change, its action in words and class.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DIFF_MIME, type StateDiff } from '../../../src/core/state/diff.js';
import { describeDiff, DIFF_MIME_TYPE } from '../../../src/renderer/diff.js';

const diff: StateDiff = {
  namespaces: ['/', 'ns1'],
  changes: [
    { action: 'moved', object: 'link', namespace: 'ns1', subject: 'veth0', details: ['from /', 'veth', 'down'] },
    { action: 'added', object: 'address', namespace: 'ns1', subject: '10.0.0.1/24 on veth0', details: [] },
    { action: 'removed', object: 'route', namespace: '/', subject: '10.0.0.0/24 dev veth0', details: [] },
    { action: 'changed', object: 'link', namespace: 'ns1', subject: 'veth1', details: ['down → up'] },
  ],
};

describe('diff tables', () => {
  const table = describeDiff(diff);

  test('have a column for the action, the object, the namespace, what changed and how', () => {
    assert.deepEqual(table.columns, ['Change', 'Object', 'Namespace', 'What', 'Details']);
  });

  test('say each action in words and in a class the theme colours', () => {
    assert.deepEqual(
      table.rows.map((row) => [row[0]!.text, row[0]!.className]),
      [
        ['→ moved', 'diff-moved'],
        ['+ added', 'diff-added'],
        ['− removed', 'diff-removed'],
        ['~ changed', 'diff-changed'],
      ],
    );
  });

  test('show where and how a thing changed', () => {
    assert.deepEqual(
      table.rows[0]!.slice(1).map((cell) => cell.text),
      ['link', 'ns1', 'veth0', 'from /, veth, down'],
    );
  });

  test('count the changes and name the namespaces compared in the caption', () => {
    assert.equal(table.caption, 'What this cell changed in /, ns1: 4 changes');
  });

  test('say when nothing changed', () => {
    assert.equal(describeDiff({ namespaces: ['ns1'], changes: [] }).caption, 'What this cell changed: nothing, in ns1');
  });

  test('name the same mime type as the core', () => {
    assert.equal(DIFF_MIME_TYPE, DIFF_MIME);
  });
});
