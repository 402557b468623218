/** Choosing a namespace by pid or inode: the values are checked before anything runs. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { InvalidArgumentError } from '../../../../src/core/errors.js';
import { checkSelectorValue } from '../../../../src/core/state/select.js';

describe('checkSelectorValue', () => {
  test('takes a positive whole number', () => {
    assert.equal(checkSelectorValue('4321', 'pid'), 4321);
    assert.equal(checkSelectorValue('4026532290', 'inode'), 4026532290);
  });

  for (const bad of ['', '0', '-1', '012', '1.5', 'abc', '1;rm -rf /', '$(id)', '12 34', '7\n8', '1e3']) {
    test(`refuses ${JSON.stringify(bad)} and says what a pid is`, () => {
      assert.throws(
        () => checkSelectorValue(bad, 'pid'),
        (error: unknown) => error instanceof InvalidArgumentError && error.message.startsWith('A pid is a positive whole number, not '),
      );
    });
  }
});
