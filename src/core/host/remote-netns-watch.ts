/**
 * Noticing namespaces being added or deleted on a target reached over SSH, where no local directory watch can see
 * them: inotifywait (inotify-tools) on the target, run in one of the host's long-lived shells, prints a line per
 * change. Blocking waits, no polling; without inotifywait nothing is watched and only a refresh shows such changes.
 */
import type { Host } from './host.js';

/**
 * Prints a line whenever /run/netns may have changed: inotifywait on /run/netns, or, while it does not exist yet,
 * on /run until something is made there (then the loop looks again). Exits 3 when inotifywait is missing.
 */
const NETNS_WATCH_SCRIPT = `
command -v inotifywait >/dev/null 2>&1 || exit 3
while :; do
  if [ -d /run/netns ]; then
    inotifywait -m -q -e create -e delete -e moved_to -e moved_from --format x /run/netns || sleep 1
  else
    inotifywait -q -e create --format x /run || sleep 1
  fi
done
`;

/** Calls `onChange` (at most once per `quietMs`) when the set of files in the target's /run/netns may have changed. */
export function watchRemoteNetnsDirectory(host: Pick<Host, 'run'>, onChange: () => void, quietMs = 100): { dispose(): void } {
  const abort = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const changed = (): void => {
    timer ??= setTimeout(() => ((timer = undefined), onChange()), quietMs);
  };
  host.run(['sh', '-c', NETNS_WATCH_SCRIPT], { signal: abort.signal, onStdout: changed }).catch(() => undefined);
  return {
    dispose() {
      clearTimeout(timer);
      abort.abort();
    },
  };
}
