// Which namespaces a cell's diff reads: its own, and the existing ones its text names as whole words.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { touchedNamespaces } from '../../../../src/core/notebook/cell-diff.js';

const existing = new Set(['ns1', 'ns10', 'blue', 'red']);

describe('the namespaces a cell touches', () => {
  test('its own namespace first, then those its text names, in the order of the host list', () => {
    assert.deepEqual(touchedNamespaces('ip link set veth0 netns red\nip -n blue link', 'ns1', existing), ['ns1', 'blue', 'red']);
  });

  test('names count only as whole words: ns1 is not named by ns10 or ns1x', () => {
    assert.deepEqual(touchedNamespaces('ip -n ns10 link; echo ns1x', null, existing), [null, 'ns10']);
  });

  test('a name inside quotes, after = or in a /run/netns path is named', () => {
    assert.deepEqual(touchedNamespaces(`ip netns exec "blue" true; NS=red; ls /run/netns/ns1`, null, existing), [null, 'ns1', 'blue', 'red']);
  });

  test('a name that does not exist is not read, and the own namespace is not read twice', () => {
    assert.deepEqual(touchedNamespaces('ip netns add green && ip -n red link', 'red', existing), ['red']);
  });
});
