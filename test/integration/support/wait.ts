/** Waiting in the editor tests: eventually (shared with the other test folders) and the next matching event. */
import type * as vscode from 'vscode';
import { FOLLOW_DEADLINE_MS } from '../../support/eventually.js';

export { eventually, FOLLOW_DEADLINE_MS } from '../../support/eventually.js';

/**
 * Resolves with the first element an event fires with that `matches` accepts (undefined, "everything", included
 * when `matches` accepts it); rejects after the deadline. Subscribe before making the change.
 */
export function nextEvent<T>(event: vscode.Event<T>, matches: (value: T) => boolean, options: { what: string; timeoutMs?: number }): Promise<T> {
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
