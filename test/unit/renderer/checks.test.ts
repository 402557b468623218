// The renderer's check results table, without a DOM: one row per check, its outcome as text and class.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { CHECKS_MIME, checksPayload, type CheckResult } from '../../../src/core/checks/model.js';
import { CHECKS_MIME_TYPE, describeChecks } from '../../../src/renderer/checks.js';

function result(overrides: Partial<CheckResult>): CheckResult {
  return { kind: 'reach', subject: 'lab1-red → 10.0.1.2', passed: true, message: 'ping from lab1-red to 10.0.1.2: 1 sent, 1 received', attempts: 1, durationMs: 42, ...overrides };
}

describe('check results tables', () => {
  const failing = result({ passed: false, message: 'ping from lab1-red to 10.0.9.9: 1 sent, 0 received; lab1-red has no route to 10.0.9.9', attempts: 4, durationMs: 3012 });
  const table = describeChecks(checksPayload([result({}), failing]));

  test('have a column for the outcome, the check, its deciding fact, attempts and time', () => {
    assert.deepEqual(table.columns, ['Result', 'Check', 'Message', 'Attempts', 'Time']);
  });

  test('say passed and failed in words and in a class the theme colours', () => {
    assert.deepEqual(
      table.rows.map((row) => [row[0]!.text, row[0]!.className]),
      [
        ['✓ passed', 'check-passed'],
        ['✗ failed', 'check-failed'],
      ],
    );
  });

  test('show the message, the attempts and the time of each check', () => {
    assert.deepEqual(
      table.rows[1]!.slice(1).map((cell) => cell.text),
      ['lab1-red → 10.0.1.2', failing.message, '4', '3.0 s'],
    );
  });

  test('give sub-second times to the hundredth', () => {
    assert.equal(table.rows[0]![4]!.text, '0.04 s');
  });

  test('count passed and failed checks in the caption', () => {
    assert.equal(table.caption, '2 checks: 1 passed, 1 failed');
  });

  test('draw a payload without results as an empty table', () => {
    const empty = describeChecks({} as never);
    assert.deepEqual([empty.rows, empty.caption], [[], '0 checks: 0 passed, 0 failed']);
  });

  test('name the same mime type as the core', () => {
    assert.equal(CHECKS_MIME_TYPE, CHECKS_MIME);
  });
});
