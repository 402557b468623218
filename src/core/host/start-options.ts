/**
 * What starting a streamed command takes and gives (see Host.start and RunningCommand): its options, how it
 * ends, the process that carries it, and the limit of a timeout.
 */
import type { Readable, Writable } from 'node:stream';
import { InvalidArgumentError } from '../errors.js';

/** The longest timeout a Node timer can hold (2^31 - 1 ms, about 24.8 days). */
export const MAX_TIMEOUT_MS = 2_147_483_647;

export interface StartOptions {
  /** Aborting ends the command's whole process group; `exit` then rejects with CancelledError. */
  signal?: AbortSignal;
  /** After this many milliseconds the process group is ended and `exit` rejects with TimeoutError. */
  timeoutMs?: number;
  /** `pipe`: `stdin` carries the command's standard input. Otherwise it reads end-of-file at once. */
  stdin?: 'pipe' | 'none';
  /** Output that arrives after the command has exited, from processes it left running in the background. */
  onLateOutput?: (stream: 'stdout' | 'stderr', bytes: Buffer) => void;
  /**
   * The command uses these file descriptors of this process directly, so its bytes do not pass through here:
   * the fastest way through (`netns-lab exec`). The `stdout` and `stderr` Readables then end at once, except
   * that over SSH standard error still passes through `stderr`. Standard input is this process's own, except
   * where a sudo password must go first: then `stdin` is given, to be fed from this process's input.
   */
  passThrough?: { stdin: number; stdout: number; stderr: number };
}

export interface CommandExit {
  argv: readonly string[];
  /** The command's real exit status (128 + signal number when a signal ended it). */
  exitCode: number;
  durationMs: number;
}

/**
 * The process that carries a command (its wrapper shell, sudo, or ssh) as seen from here: the streams that bring
 * the wrapper's marks, each with the command's own output it carries too, if any.
 */
export interface Carrier {
  /** The command's standard input; absent when the command reads this process's own standard input directly. */
  stdin?: Writable;
  sources: ReadonlyArray<{ stream: Readable; output?: StreamName }>;
  /** Resolves when the carrier process has exited. */
  exited: Promise<unknown>;
  /** Resolves when the carrier could not be started at all (its program is missing, say). */
  startError?: Promise<Error>;
  kill(): void;
}

export type StreamName = 'stdout' | 'stderr';

/** Sends a signal to a process group on the shell's machine. */
export type GroupSignaller = (processGroup: number, signal: 'TERM' | 'KILL') => Promise<void>;

/** Refuses a timeout that a timer cannot hold: Node would fire it at once instead. */
export function checkTimeout(timeoutMs: number | undefined): void {
  if (timeoutMs === undefined) return;
  if (!Number.isFinite(timeoutMs) || timeoutMs < 0 || timeoutMs > MAX_TIMEOUT_MS) {
    throw new InvalidArgumentError(`A timeout must be between 0 and ${Math.floor(MAX_TIMEOUT_MS / 1000)} seconds (about 24 days), not ${timeoutMs / 1000} seconds`);
  }
}
