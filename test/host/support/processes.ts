// Watching processes a test started: whether they still run, and waiting for them to go.
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';

/** True while the process exists and is not a zombie (a zombie has ended; it only waits to be reaped). */
export function isRunning(pid: number): boolean {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return false;
  }
  // The state is the first field after the command name, which is in parentheses and may itself hold spaces.
  const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
  return state !== 'Z' && state !== 'X';
}

/** Waits until none of the pids runs, up to `timeoutMs`; returns the ones still running then. */
export async function waitUntilGone(pids: readonly number[], timeoutMs = 4000): Promise<number[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const running = pids.filter(isRunning);
    if (running.length === 0 || Date.now() > deadline) return running;
    await sleep(50);
  }
}

/** Reads whitespace-separated pids from a file once it holds `count` of them (up to `timeoutMs`). */
export async function waitForPids(file: string, count: number, timeoutMs = 5000): Promise<number[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    let pids: number[] = [];
    try {
      pids = readFileSync(file, 'utf8').split(/\s+/u).filter(Boolean).map(Number);
    } catch {
      // not written yet
    }
    if (pids.length >= count) return pids;
    if (Date.now() > deadline) throw new Error(`only ${pids.length} of ${count} pids appeared in ${file}`);
    await sleep(20);
  }
}

/** Ends leftovers of a failed test by pid (never by name). */
export function killIfRunning(pids: readonly number[]): void {
  for (const pid of pids) {
    try {
      if (isRunning(pid)) process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
}

/** Pids of the running processes whose environment carries `NAME=VALUE` (read as root: any process's environment). */
export function processesWithEnvironment(assignment: string): number[] {
  return allPids().filter((pid) => {
    try {
      return readFileSync(`/proc/${pid}/environ`, 'latin1').split('\0').includes(assignment) && isRunning(pid);
    } catch {
      return false; // gone meanwhile, or a kernel thread
    }
  });
}

/** Pids of the running processes inside the network namespace with inode `inode` (what keeps it alive). */
export function processesInNetworkNamespace(inode: number): number[] {
  return allPids().filter((pid) => {
    try {
      return readlinkSync(`/proc/${pid}/ns/net`) === `net:[${inode}]` && isRunning(pid);
    } catch {
      return false;
    }
  });
}

function allPids(): number[] {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/u.test(name))
    .map(Number);
}

/** Pids of the running children of `parent`. */
export function childrenOf(parent: number): number[] {
  return allPids().filter((pid) => {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === parent && isRunning(pid);
    } catch {
      return false;
    }
  });
}
