/**
 * Noticing namespaces being added or deleted on this machine: they are files in /run/netns, so a directory
 * watch (inotify) sees them at once, with no process and no polling. /run/netns itself appears with the first
 * namespace ever made, so /run is watched until it exists.
 */
import { watch, type FSWatcher } from 'node:fs';

const RUN_DIRECTORY = '/run';
const NETNS_DIRECTORY = '/run/netns';

/** Calls `onChange` (at most once per `quietMs`) when the set of files in /run/netns may have changed. */
export function watchNetnsDirectory(onChange: () => void, quietMs = 100): { dispose(): void } {
  let netnsWatcher: FSWatcher | undefined;
  let timer: NodeJS.Timeout | undefined;
  const changed = (): void => {
    timer ??= setTimeout(() => ((timer = undefined), onChange()), quietMs);
  };
  const watchNetns = (justCreated: boolean): void => {
    if (netnsWatcher) return;
    try {
      netnsWatcher = watch(NETNS_DIRECTORY, { persistent: false }, changed);
      netnsWatcher.on('error', () => ((netnsWatcher = undefined), changed()));
      if (justCreated) changed();
    } catch {
      netnsWatcher = undefined;
    }
  };
  const runWatcher = watch(RUN_DIRECTORY, { persistent: false }, (_event, name) => {
    if (name === 'netns') watchNetns(true);
  });
  runWatcher.on('error', () => undefined);
  watchNetns(false);
  return {
    dispose() {
      clearTimeout(timer);
      netnsWatcher?.close();
      runWatcher.close();
    },
  };
}
