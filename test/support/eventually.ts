/** Waiting with a deadline instead of sleeping fixed times: the one helper every test folder uses for it. */
import { setTimeout as sleep } from 'node:timers/promises';

/** How long a change made elsewhere (the kernel, a watcher, the editor's view) may take to show. */
export const FOLLOW_DEADLINE_MS = 5_000;

/**
 * Calls `probe` every `intervalMs` until it returns something other than undefined, and returns that; throws
 * `describe()` (with the last thing probed, when given) once the deadline passes.
 */
export async function eventually<T>(probe: () => Promise<T | undefined> | T | undefined, options: { what: string; timeoutMs?: number; intervalMs?: number; lastSeen?: () => string }): Promise<T> {
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

/** For a probe that says only yes or no: `true`, or undefined to keep waiting. */
export function holds(check: () => boolean): () => true | undefined {
  return () => (check() ? true : undefined);
}
