/**
 * A Host runs argv arrays (never shell strings) on a target Linux machine, as root, and returns or streams their
 * output. The local machine and SSH targets implement it the same way: a pool of long-lived shells that run
 * framed commands, so a command costs a write and a read instead of a process start or a login.
 */
import { CommandError } from '../errors.js';
import type { RunningCommand, StartOptions } from './running-command.js';

export interface RunOptions {
  /** Text for the command's standard input. Without it, standard input is /dev/null, so readers get end-of-file. */
  input?: string;
  /** Aborting ends the command's whole process group; the call then rejects with CancelledError. */
  signal?: AbortSignal;
  /** After this many milliseconds the process group is ended and the call rejects with TimeoutError. */
  timeoutMs?: number;
  /** Called with standard output's bytes as they arrive (for long-running watchers). */
  onStdout?: (chunk: Buffer) => void;
  /** Called with standard error's bytes as they arrive. */
  onStderr?: (chunk: Buffer) => void;
  /**
   * A read that any user may make (stat of namespace files, /proc of one's own processes, the root namespace's
   * `ip` output): under privilege `none` without the needed capabilities it still runs, as the user, and may see
   * less; every other command then fails with the capabilities' PrivilegeError.
   */
  unprivileged?: boolean;
}

export interface RunResult {
  argv: readonly string[];
  /** The command's real exit status (128 + signal number when a signal ended it). */
  exitCode: number;
  stdout: string;
  stderr: string;
  durationMs: number;
}

/** What a host tells its observer after each command, for the log. */
export interface CommandRecord {
  host: string;
  argv: readonly string[];
  exitCode: number | undefined;
  durationMs: number;
  error?: string;
}

export type CommandObserver = (record: CommandRecord) => void;

export interface Host {
  /** A short label for messages and the tree, e.g. `this machine` or `ssh://lab1`. */
  readonly label: string;
  /**
   * Runs a command as root on the target and collects its output as text: for short answers (`ip -j`, names).
   * Resolves with its exit status, whatever it is.
   */
  run(argv: readonly string[], options?: RunOptions): Promise<RunResult>;
  /**
   * Starts a command as root on the target in a shell of its own, with its output as byte streams and its
   * standard input passed through: for commands whose output is the user's (notebook cells, exec, capture).
   */
  start(argv: readonly string[], options?: StartOptions): Promise<RunningCommand>;
  /**
   * The argv of a program to run here, with a terminal, that runs `argv` as root on the target (a namespace
   * terminal, `netns-lab exec` on a terminal). sudo, where needed, asks in that terminal.
   */
  interactiveArgv(argv: readonly string[]): Promise<string[]>;
  /**
   * Names of the target's named network namespaces (entries of /run/netns), sorted, read the cheapest way the
   * target allows.
   */
  listNamespaceNames(): Promise<string[]>;
  /**
   * Calls `onChange` when namespaces may have been added or deleted, without polling, where the target allows
   * it (absent otherwise: then only a refresh shows such changes).
   */
  watchNamespaceNames?(onChange: () => void): { dispose(): void };
  /**
   * The contents of a directory's `*.json` files (none when it does not exist), read directly where the target
   * allows it, so a cold host answers without starting a shell. Absent: callers read through `run`.
   */
  readJsonFiles?(directory: string): Promise<string[]>;
  /** Ends every shell and process this host started. */
  dispose(): Promise<void>;
}

/** Runs a command and throws CommandError (with `summary` first in the message) unless it exits 0. */
export async function runChecked(host: Host, argv: readonly string[], summary: string, options?: RunOptions): Promise<RunResult> {
  const result = await host.run(argv, options);
  if (result.exitCode !== 0) {
    throw new CommandError(summary, { argv, exitCode: result.exitCode, stderr: result.stderr });
  }
  return result;
}

/** Tells the observer how a started command went, once it has ended. */
export function observeStarted(observer: CommandObserver | undefined, host: string, command: RunningCommand): RunningCommand {
  const started = performance.now();
  command.exit.then(
    (exit) => observer?.({ host, argv: exit.argv, exitCode: exit.exitCode, durationMs: exit.durationMs }),
    (error: unknown) => observer?.({ host, argv: command.argv, exitCode: undefined, durationMs: performance.now() - started, error: error instanceof Error ? error.message : String(error) }),
  );
  return command;
}

/**
 * Runs `work` (one command on a host) and tells the observer how it went: its exit status and duration, or the
 * error it failed with. Every host records its commands the same way through this.
 */
export async function observedRun(observer: CommandObserver | undefined, host: string, argv: readonly string[], work: () => Promise<RunResult>): Promise<RunResult> {
  const started = performance.now();
  try {
    const result = await work();
    observer?.({ host, argv, exitCode: result.exitCode, durationMs: result.durationMs });
    return result;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    observer?.({ host, argv, exitCode: undefined, durationMs: performance.now() - started, error: message });
    throw error;
  }
}

/** The longest script text shown in the one-line record. */
const SCRIPT_SHOWN = 60;

/** The argv with the script of `sh -c SCRIPT` (or bash) cut to its first line, when it is longer; else the argv itself. */
export function shortenScripts(argv: readonly string[]): readonly string[] {
  const index = argv.findIndex((word, position) => word === '-c' && position > 0 && /(^|\/)(ba)?sh$/u.test(argv[position - 1]!));
  const script = index < 0 ? undefined : argv[index + 1];
  if (script === undefined || (script.length <= SCRIPT_SHOWN && !script.includes('\n'))) return argv;
  const firstLine = script.trim().split('\n')[0]!.slice(0, SCRIPT_SHOWN);
  return [...argv.slice(0, index + 1), `${firstLine} … (${script.length} characters)`, ...argv.slice(index + 2)];
}
