// What the editor shows of a topology's checks: problems at failed checks' lines and a one-line summary.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { CheckResult } from '../../../../src/core/checks/model.js';
import { failedCheckProblems, labCheckSummary } from '../../../../src/ext/view-model/lab-checks.js';

function result(overrides: Partial<CheckResult>): CheckResult {
  return { kind: 'reach', subject: 'lab1-red → 10.0.1.2', passed: true, message: 'ping from lab1-red to 10.0.1.2: 1 sent, 1 received', attempts: 1, durationMs: 40, line: 12, ...overrides };
}

const failed = result({ passed: false, message: 'ping from lab1-red to 10.0.9.9: 1 sent, 0 received', attempts: 3, durationMs: 2500, line: 15 });

describe('failed topology checks as problems', () => {
  test('each failed check is a problem at its line with the fact that failed it, attempts and time', () => {
    assert.deepEqual(failedCheckProblems([result({}), failed]), [{ line: 15, message: 'Check failed: ping from lab1-red to 10.0.9.9: 1 sent, 0 received (3 attempts in 2.5 s)' }]);
  });

  test('passed checks and checks without a line are no problems', () => {
    const { line: _line, ...withoutLine } = failed;
    assert.deepEqual(failedCheckProblems([result({}), withoutLine]), []);
  });
});

describe('the check summary', () => {
  test('counts passed and failed checks and names the first failure', () => {
    assert.equal(labCheckSummary('demo', 'this machine', [result({}), failed]), `Lab demo on this machine: 2 checks: 1 passed, 1 failed. ${failed.message}`);
  });

  test('says only the count when every check passed', () => {
    assert.equal(labCheckSummary('demo', 'this machine', [result({})]), 'Lab demo on this machine: 1 check: 1 passed, 0 failed.');
  });
});
