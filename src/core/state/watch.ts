/**
 * Following changes without polling. `ip monitor` in each watched namespace serves only as a trigger (DESIGN:
 * its own account of other namespaces is unreliable): all monitors run in one shell job that prints, per event,
 * the position of the namespace it came from; the caller then re-reads just that namespace.
 */
import { CancelledError } from '../errors.js';
import type { Host } from '../host/host.js';
import type { NamespaceName } from '../model.js';

/** One `ip monitor` per namespace (empty name: the root namespace), each event line turned into its index. */
const MONITOR_SCRIPT = `
index=0
for name in "$@"; do
  if [ -z "$name" ]; then
    ip monitor link address route
  else
    ip -n "$name" monitor link address route
  fi 2>/dev/null | while IFS= read -r line; do echo "$index"; done &
  index=$((index + 1))
done
# The monitors subscribe a moment after they start; only then can nothing be missed.
sleep 0.2
echo ready
wait
`;

export interface Watch {
  /** Stops the monitors (their whole process group). */
  dispose(): void;
}

/**
 * Calls `onChange(namespace)` when a link, address or route changes in one of `namespaces`, at most once per
 * `quietMs` for each namespace (events come in bursts). `onStopped` hears when the monitors end on their own.
 */
export function watchNamespaceChanges(
  host: Host,
  namespaces: readonly NamespaceName[],
  onChange: (namespace: NamespaceName) => void,
  options: {
    quietMs?: number;
    onStopped?: (error: unknown) => void;
    /** Called once the monitors listen: a read from then on misses no change. */
    onReady?: () => void;
  } = {},
): Watch {
  const abort = new AbortController();
  const pending = new Map<number, NodeJS.Timeout>();
  let partialLine = '';
  const onEvent = (index: number): void => {
    if (pending.has(index) || index >= namespaces.length) return;
    pending.set(
      index,
      setTimeout(() => (pending.delete(index), onChange(namespaces[index]!)), options.quietMs ?? 150),
    );
  };
  const argv = ['sh', '-c', MONITOR_SCRIPT, 'netns-lab-monitor', ...namespaces.map((name) => name ?? '')];
  host
    .run(argv, {
      signal: abort.signal,
      onStdout: (chunk) => {
        const lines = (partialLine + chunk.toString('utf8')).split('\n');
        partialLine = lines.pop() ?? '';
        for (const line of lines) {
          if (/^\d+$/u.test(line)) onEvent(Number(line));
          else if (line === 'ready') options.onReady?.();
        }
      },
    })
    .then(
      (result) => options.onStopped?.(new Error(`the change monitors ended (status ${result.exitCode})`)),
      (error: unknown) => {
        if (!(error instanceof CancelledError)) options.onStopped?.(error);
      },
    );
  return {
    dispose() {
      abort.abort();
      for (const timer of pending.values()) clearTimeout(timer);
      pending.clear();
    },
  };
}
