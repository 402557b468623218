/**
 * Starting the program a ShellSession talks to (a local root shell, or ssh to a remote one): pipes for all three
 * streams, no buffering, and none of execa's exit handlers, which would end the shell (and this process) before an
 * interrupted command's process group could be stopped; the shell ends by itself when its standard input closes.
 */
import { spawn } from 'node:child_process';
import type { Readable } from 'node:stream';
import { execa, type ResultPromise } from 'execa';
import type { Carrier, StreamName } from './running-command.js';
import type { ShellProcess } from './shell-session.js';

export interface StartedShellProcess {
  /** The child itself, for callers that look at how it ended. */
  child: ResultPromise<{ buffer: false; reject: false }>;
  process: ShellProcess;
}

/**
 * `detached`: the process leads a session of its own, so a Ctrl-C in this process's terminal reaches only this
 * process, which then stops the command in order, instead of killing the shell under it.
 */
export function startShellProcess(file: string, args: readonly string[], env?: Record<string, string>, detached = false): StartedShellProcess {
  const child = execa(file, args, { stdin: 'pipe', stdout: 'pipe', stderr: 'pipe', buffer: false, reject: false, cleanup: false, detached, ...(env ? { env } : {}) });
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

/**
 * Starts the carrier of one streamed command (a wrapper shell, sudo, or ssh) in a session of its own, with the
 * given file descriptors of this process as its standard streams where numbers are given, and pipes elsewhere;
 * `marks` says which pipe brings the wrapper's marks along with which output of the command.
 */
export function startCarrier(
  file: string,
  args: readonly string[],
  stdio: { stdin: number | 'pipe'; stdout: number | 'pipe'; stderr: number | 'pipe'; marksOnFd3: boolean },
  missing: () => Error,
  env?: Record<string, string>,
): Carrier {
  const child = spawn(file, args, {
    stdio: [stdio.stdin, stdio.stdout, stdio.stderr, ...(stdio.marksOnFd3 ? (['pipe'] as const) : [])],
    env: env ? { ...process.env, ...env } : process.env,
    detached: true,
  });
  const startError = new Promise<Error>((resolve) => {
    child.once('error', (error: NodeJS.ErrnoException) => resolve(error.code === 'ENOENT' || error.code === 'EACCES' ? missing() : error));
  });
  const exited = new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    void startError.then(() => resolve());
  });
  const sources: { stream: Readable; output?: StreamName }[] = [];
  if (child.stdout) sources.push({ stream: child.stdout, output: 'stdout' });
  if (child.stderr) sources.push({ stream: child.stderr, output: 'stderr' });
  if (stdio.marksOnFd3) sources.push({ stream: child.stdio[3] as Readable });
  return { ...(child.stdin ? { stdin: child.stdin } : {}), sources, exited, startError, kill: () => void child.kill('SIGKILL') };
}
