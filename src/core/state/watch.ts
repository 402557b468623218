/**
 * Following changes without polling, as triggers only (DESIGN: `ip monitor`'s own account of other namespaces is
 * unreliable): one process on the host prints, per event, the position of the namespace it came from; the caller
 * then re-reads just that namespace. That process is the netlink watcher (`watch-netlink.ts`, one Python process
 * for every namespace) where the host runs Python 3 and lets it step into namespaces; else one `ip monitor` per
 * namespace, all in one shell job.
 */
import { CancelledError } from '../errors.js';
import type { Host } from '../host/host.js';
import type { NamespaceName } from '../model.js';
import { namespacePath } from './netlink-helper-run.js';
import { FIND_PYTHON } from './python-namespaces.js';
import { WATCH_NETLINK_SCRIPT } from './watch-netlink.js';

/** One `ip monitor` per namespace (empty name: the root namespace), each event line turned into its index. */
const IP_MONITORS = `
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

/**
 * The netlink watcher with the system's Python 3, given the namespaces' paths; where there is none, or it cannot
 * step into namespaces (status 3), the `ip monitor`s given their names.
 */
const MONITOR_SCRIPT = `
watcher=$1; count=$2; shift 2
${FIND_PYTHON}if [ -n "$python" ]; then
  "$python" -I -S -c "$watcher" netns-lab-monitor "$count" "$@"
  status=$?
  [ "$status" -eq 3 ] || exit "$status"
fi
shift "$count"
${IP_MONITORS}`;

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
    /** `ip`: one `ip monitor` per namespace even where the netlink watcher would run. */
    monitor?: 'ip';
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
  const ipNames = namespaces.map((name) => name ?? '');
  const argv =
    options.monitor === 'ip'
      ? ['sh', '-c', IP_MONITORS, 'netns-lab-monitor', ...ipNames]
      : ['sh', '-c', MONITOR_SCRIPT, 'netns-lab-monitor', WATCH_NETLINK_SCRIPT, String(namespaces.length), ...namespaces.map(namespacePath), ...ipNames];
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
