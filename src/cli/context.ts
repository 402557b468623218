/** What every command gets: the host to work on, where to write, and the global options. */
import type { Readable, Writable } from 'node:stream';
import type { Host } from '../core/host/host.js';
import type { Interrupts } from './interrupt.js';

export interface CliContext {
  /** The host of --target (this machine without it). */
  host: Host;
  /** Whether --target was given (a notebook's own target then yields to it). */
  targetGiven: boolean;
  /** The host of another target, opened once and closed with the run. */
  hostFor(target: string | undefined): Host;
  json: boolean;
  /** Progress lines for long work; set only when stderr is a terminal, so logs and pipes stay clean. */
  progress?: (message: string) => void;
  out: (text: string) => void;
  err: (text: string) => void;
  /** The program's own streams, for commands that pass bytes through (exec, run). */
  stdin: Readable & { isTTY?: boolean };
  stdout: Writable & { isTTY?: boolean };
  stderr: Writable;
  /** Aborted by Ctrl-C, SIGTERM or SIGHUP: the running work stops and cleans up. */
  interrupts: Interrupts;
}

/** A command: gets its own arguments (after its name), returns the exit status. */
export interface CliCommand {
  name: string;
  summary: string;
  usage: string;
  /**
   * The command stops its own work when `interrupts.signal` aborts. Without it, an interrupt closes the hosts
   * (ending what runs on them) and exits at once.
   */
  handlesInterrupts?: boolean;
  run(args: string[], context: CliContext): Promise<number>;
}
