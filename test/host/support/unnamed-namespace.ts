// A network namespace without a name, as containers and `unshare --net` make them: `unshare --net sleep 300`,
// started in a process group of its own so that the test ends exactly it (by its group id) in an `after` hook.
import { spawn } from 'node:child_process';
import { readlinkSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { isRunning, waitUntilGone } from './processes.js';

export interface UnnamedNamespaceProcess {
  /** The pid of the `sleep` that holds the namespace (unshare runs it in its own place, so the pid is the same). */
  pid: number;
  /** `/proc/PID/ns/net`: how the core names a namespace without a name. */
  path: string;
  /** The inode of its nsfs file, as `ls -l /proc/PID/ns/net` shows it. */
  inode: number;
  /** Ends the process group the test started and waits until the process is gone. */
  stop(): Promise<void>;
}

/** Starts `unshare --net sleep 300` and waits until its process sits in a namespace of its own. */
export async function startUnnamedNamespace(): Promise<UnnamedNamespaceProcess> {
  const child = spawn('unshare', ['--net', 'sleep', '300'], { detached: true, stdio: 'ignore' });
  const pid = child.pid;
  if (pid === undefined) throw new Error('unshare --net did not start');
  child.unref();
  const stop = async (): Promise<void> => {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      // already gone
    }
    await waitUntilGone([pid]);
  };
  const ours = readlinkSync('/proc/self/ns/net');
  const deadline = Date.now() + 5000;
  for (;;) {
    const link = namespaceLink(pid);
    if (link !== undefined && link !== ours && commandOf(pid) === 'sleep') {
      return { pid, path: `/proc/${pid}/ns/net`, inode: Number(/\[(\d+)\]/u.exec(link)![1]), stop };
    }
    if (!isRunning(pid) || Date.now() > deadline) {
      await stop();
      throw new Error(`unshare --net sleep 300 (pid ${pid}) did not reach a namespace of its own`);
    }
    await sleep(20);
  }
}

function namespaceLink(pid: number): string | undefined {
  try {
    return readlinkSync(`/proc/${pid}/ns/net`);
  } catch {
    return undefined;
  }
}

function commandOf(pid: number): string | undefined {
  try {
    return readlinkSync(`/proc/${pid}/exe`).split('/').pop();
  } catch {
    return undefined;
  }
}
