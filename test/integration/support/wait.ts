/** Waiting with a deadline instead of sleeping fixed times. */
import { setTimeout as sleep } from 'node:timers/promises';
import type * as vscode from 'vscode';

/** How long the view may take to follow a change made outside VS Code. */
export const FOLLOW_DEADLINE_MS = 5_000;

/**
 * Calls `probe` every `intervalMs` until it returns something other than undefined, and returns that; throws
 * `describe()` (with the last thing probed, when given) once the deadline passes.
 */
export async function eventually<T>(
  probe: () => Promise<T | undefined> | T | undefined,
  options: { what: string; timeoutMs?: number; intervalMs?: number; lastSeen?: () => string },
): Promise<T> {
  const deadline = Date.now() + (options.timeoutMs ?? FOLLOW_DEADLINE_MS);
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) {
      const seen = options.lastSeen ? ` (last seen: ${options.lastSeen()})` : '';
      throw new Error(`timed out after ${options.timeoutMs ?? FOLLOW_DEADLINE_MS} ms waiting for ${options.what}${seen}`);
    }
    await sleep(options.intervalMs ?? 100);
  }
}

/**
 * Resolves with the first element an event fires with that `matches` accepts (undefined, "everything", included
 * when `matches` accepts it); rejects after the deadline. Subscribe before making the change.
 */
export function nextEvent<T>(
  event: vscode.Event<T>,
  matches: (value: T) => boolean,
  options: { what: string; timeoutMs?: number },
): Promise<T> {
  const timeoutMs = options.timeoutMs ?? FOLLOW_DEADLINE_MS;
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => {
      subscription.dispose();
      reject(new Error(`timed out after ${timeoutMs} ms waiting for ${options.what}`));
    }, timeoutMs);
    const subscription = event((value) => {
      if (!matches(value)) return;
      clearTimeout(timer);
      subscription.dispose();
      resolve(value);
    });
  });
}
