/**
 * From a check cell's results (the CHECKS_MIME payload) to a table description: one row per check with its
 * outcome, what it checked, the fact that decided it, its attempts and its time. Pure, like `tables.ts`.
 */
import type { CheckResult, ChecksPayload } from '../core/checks/model.js';
import type { TableDescription } from './tables.js';

/**
 * The check results' mime type, spelt out here because the renderer may import only types from the core; the
 * renderer's unit test pins it to the core's CHECKS_MIME.
 */
export const CHECKS_MIME_TYPE = 'application/vnd.netns-lab.checks+json';

/** The results table. Missing fields are drawn empty rather than failing, as the payload crossed a process boundary. */
export function describeChecks(payload: ChecksPayload): TableDescription {
  const results = Array.isArray(payload.results) ? payload.results : [];
  const failed = results.filter((result) => !result.passed).length;
  return {
    columns: ['Result', 'Check', 'Message', 'Attempts', 'Time'],
    rows: results.map((result) => [
      { text: result.passed ? '✓ passed' : '✗ failed', className: result.passed ? 'check-passed' : 'check-failed' },
      { text: result.subject ?? '', className: 'name' },
      { text: result.message ?? '', className: 'message' },
      { text: String(result.attempts ?? ''), className: 'number' },
      { text: durationText(result), className: 'number' },
    ]),
    caption: `${results.length} ${results.length === 1 ? 'check' : 'checks'}: ${results.length - failed} passed, ${failed} failed`,
  };
}

/** `0.12 s`, `3.0 s`: two decimals below a second, where the fast checks are. */
function durationText(result: CheckResult): string {
  if (typeof result.durationMs !== 'number') return '';
  const seconds = result.durationMs / 1000;
  return `${seconds < 1 ? seconds.toFixed(2) : seconds.toFixed(1)} s`;
}
