/** Check results as text: one line each, the same on the command line and in a check cell's plain output. */
import type { CheckResult } from './model.js';

/** `PASS  ping from lab1-red to 10.0.1.2: 1 sent, 1 received` (with the attempts and time when it failed). */
export function checkResultLine(result: CheckResult): string {
  if (result.passed) return `PASS  ${result.message}`;
  const tries = `${result.attempts} ${result.attempts === 1 ? 'attempt' : 'attempts'} in ${(result.durationMs / 1000).toFixed(1)} s`;
  return `FAIL  ${result.message} (${tries})`;
}

/** `3 checks: 2 passed, 1 failed`. */
export function checkSummaryLine(results: readonly CheckResult[]): string {
  const failed = results.filter((result) => !result.passed).length;
  return `${results.length} ${results.length === 1 ? 'check' : 'checks'}: ${results.length - failed} passed, ${failed} failed`;
}
