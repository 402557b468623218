// Watching processes a test started: whether they still run, and waiting for them to go.
import { readFileSync } from 'node:fs';
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
