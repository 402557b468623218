/**
 * What the editor shows of a topology's checks after they ran: a problem at each failed check's line, and one
 * summary sentence. Pure, so it is tested without the editor.
 */
import type { CheckResult } from '../../core/checks/model.js';
import { checkResultLine, checkSummaryLine } from '../../core/checks/report.js';

/** A failed check as a problem of its file: the 1-based line of the check and the fact that failed it. */
export interface FailedCheckProblem {
  line: number;
  message: string;
}

/** One problem per failed check that knows its line (each check of a topology file does). */
export function failedCheckProblems(results: readonly CheckResult[]): FailedCheckProblem[] {
  return results
    .filter((result) => !result.passed && result.line !== undefined)
    .map((result) => ({ line: result.line!, message: `Check failed: ${checkResultLine(result).replace(/^FAIL\s+/u, '')}` }));
}

/** `Lab demo on this machine: 3 checks: 2 passed, 1 failed.`, with the first failure when there is one. */
export function labCheckSummary(lab: string, hostLabel: string, results: readonly CheckResult[]): string {
  return `Lab ${lab} on ${hostLabel}: ${checksSentence(results)}`;
}

/** `3 checks: 2 passed, 1 failed.`, with the first failure when there is one. */
export function checksSentence(results: readonly CheckResult[]): string {
  const failed = results.find((result) => !result.passed);
  return `${checkSummaryLine(results)}.${failed ? ` ${failed.message}` : ''}`;
}
