/** What a namespace picker offers for the text typed into it (the veth flow's ends): pure, without an editor. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { namespaceNameProblem } from '../../../../src/core/names.js';
import { typedNamespace } from '../../../../src/ext/view-model/input-rules.js';

describe('typing into a namespace picker', () => {
  test('a name not in the list is offered for creation', () => {
    assert.deepEqual(typedNamespace('blue', new Set(['red'])), { kind: 'new', name: 'blue' });
  });

  test('a name in the list, or no text, adds nothing (the list shows it)', () => {
    assert.equal(typedNamespace('red', new Set(['red'])), undefined);
    assert.equal(typedNamespace('', new Set(['red'])), undefined);
  });

  test('a name the kernel would refuse says which rule it breaks', () => {
    assert.deepEqual(typedNamespace('a/b', new Set()), { kind: 'invalid', problem: namespaceNameProblem('a/b') });
  });
});
