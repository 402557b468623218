/**
 * Starting the program a ShellSession talks to (a local root shell, or ssh to a remote one): pipes for all three
 * streams, no buffering, and none of execa's exit handlers, which would end the shell (and this process) before an
 * interrupted command's process group could be stopped; the shell ends by itself when its standard input closes.
 */
import { execa, type ResultPromise } from 'execa';
import type { ShellProcess } from './shell-session.js';

export interface StartedShellProcess {
  /** The child itself, for callers that look at how it ended. */
  child: ResultPromise<{ buffer: false; reject: false }>;
  process: ShellProcess;
}

export function startShellProcess(file: string, args: readonly string[], env?: Record<string, string>): StartedShellProcess {
  const child = execa(file, args, { stdin: 'pipe', stdout: 'pipe', stderr: 'pipe', buffer: false, reject: false, cleanup: false, ...(env ? { env } : {}) });
  const process: ShellProcess = {
    stdin: child.stdin!,
    stdout: child.stdout!,
    stderr: child.stderr!,
    exited: child.then(() => undefined),
    kill: () => void child.kill(),
  };
  return { child, process };
}

/** The program is not there, or not reachable (a folder on PATH that cannot be searched gives EACCES). */
export function couldNotStart(result: { failed: boolean; code?: string }): boolean {
  return result.failed && (result.code === 'ENOENT' || result.code === 'EACCES');
}
