/**
 * Running checks against a host: every check is tried at once, and those that fail are tried again, together,
 * until they pass or their time is up. So a check written right after a change does not fail while the network
 * settles (a link coming up, a neighbour being resolved), and a failing one reports its last attempt's facts.
 */
import { CancelledError } from '../errors.js';
import type { Host } from '../host/host.js';
import { type Check, type CheckResult, DEFAULT_CHECK_TIMEOUT_MS } from './model.js';
import { runRound } from './round.js';
import type { Outcome } from './reach.js';
import { checkSubject } from './subjects.js';

export interface CheckRunOptions {
  /** How long a check without its own timeout retries, in milliseconds (default DEFAULT_CHECK_TIMEOUT_MS). */
  timeoutMs?: number;
  signal?: AbortSignal;
  /** Called as soon as a check is decided, in the order they are decided. */
  onResult?: (result: CheckResult, index: number) => void;
}

/** The pause between two attempts of a failing check. */
const RETRY_PAUSE_MS = 200;

/** Runs the checks and resolves with one result per check, in their order; a failed check is a result, not an error. */
export async function runChecks(host: Host, checks: readonly Check[], options: CheckRunOptions = {}): Promise<CheckResult[]> {
  const started = performance.now();
  const results: (CheckResult | undefined)[] = checks.map(() => undefined);
  const attempts = checks.map(() => 0);
  let waiting = checks.map((_check, index) => index);
  while (waiting.length > 0) {
    const outcomes = await runRound(
      host,
      waiting.map((index) => checks[index]!),
      { signal: options.signal },
    );
    const now = performance.now();
    const next: number[] = [];
    waiting.forEach((index, position) => {
      attempts[index]!++;
      const outcome = outcomes[position]!;
      const deadline = started + (checks[index]!.timeoutMs ?? options.timeoutMs ?? DEFAULT_CHECK_TIMEOUT_MS);
      if (!outcome.passed && now + RETRY_PAUSE_MS < deadline) return void next.push(index);
      results[index] = resultOf(checks[index]!, outcome, attempts[index]!, now - started);
      options.onResult?.(results[index]!, index);
    });
    waiting = next;
    if (waiting.length > 0) await pause(RETRY_PAUSE_MS, options.signal);
  }
  return results.map((result) => result!);
}

function resultOf(check: Check, outcome: Outcome, attempts: number, durationMs: number): CheckResult {
  const result: CheckResult = { kind: check.kind, subject: checkSubject(check), passed: outcome.passed, message: outcome.message, attempts, durationMs: Math.round(durationMs) };
  if (check.line !== undefined) result.line = check.line;
  return result;
}

function pause(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new CancelledError([]));
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(new CancelledError([]));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
