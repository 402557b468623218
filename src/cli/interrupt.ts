/**
 * Ctrl-C, `kill` and a closed terminal while a command runs: the first SIGINT, SIGTERM or SIGHUP aborts the
 * work through an AbortSignal, so the running command's process group is ended on its machine (here or on the
 * target) and the hosts are closed (SSH connection, temporary folders) before the program exits with 128 plus
 * the signal's number. A second signal of the same kind exits at once. A reader of our output that went away
 * (`| head`) interrupts the work the same way, quietly, as SIGPIPE would end any Unix program (status 141).
 */
import { constants } from 'node:os';

const HANDLED = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
/** The signals handled, and SIGPIPE for a closed output (Node ignores the real one and reports EPIPE). */
export type HandledSignal = (typeof HANDLED)[number] | 'SIGPIPE';

/** The handlers of the interrupts being watched now, so a closed output can reach them. */
const watching = new Set<(name: HandledSignal) => void>();

/** Our standard output or error was closed by its reader: stop the work as SIGPIPE would, or exit when none runs. */
export function outputClosed(): void {
  if (watching.size === 0) process.exit(signalExitStatus('SIGPIPE'));
  for (const handle of watching) handle('SIGPIPE');
}

export interface Interrupts {
  readonly signal: AbortSignal;
  /** The signal that interrupted the work, if one did. */
  readonly received: HandledSignal | undefined;
  /** While set, Ctrl-C is left to a program that has this terminal (an interactive `exec`). */
  passInterruptsThrough: boolean;
  dispose(): void;
}

/** The exit status of a program ended by `signal`: 130 for SIGINT, 143 for SIGTERM, 129 for SIGHUP, 141 for SIGPIPE. */
export function signalExitStatus(signal: HandledSignal): number {
  return 128 + constants.signals[signal];
}

/** `onFirst` runs at the first signal, before the work's AbortSignal is aborted. */
export function watchInterrupts(onFirst?: (signal: HandledSignal) => void): Interrupts {
  const abort = new AbortController();
  const state: Interrupts = {
    signal: abort.signal,
    received: undefined,
    passInterruptsThrough: false,
    dispose: () => {
      for (const name of HANDLED) process.off(name, handlers[name]);
      watching.delete(handle);
    },
  };
  const handle = (name: HandledSignal): void => {
    if (name === 'SIGINT' && state.passInterruptsThrough) return;
    // Every later write to the closed output fails again: that is the same interruption, not a second one.
    if (state.received && name === 'SIGPIPE') return;
    if (state.received) process.exit(signalExitStatus(name));
    (state as { received: HandledSignal | undefined }).received = name;
    onFirst?.(name);
    abort.abort();
  };
  const handlers = Object.fromEntries(HANDLED.map((name) => [name, () => handle(name)])) as Record<HandledSignal, () => void>;
  for (const name of HANDLED) process.on(name, handlers[name]);
  watching.add(handle);
  return state;
}
