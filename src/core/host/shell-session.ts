/**
 * One long-lived POSIX shell that runs framed commands one at a time. Each command runs as its own process group
 * (`setsid`), with standard input from /dev/null (or the given input), and is followed by markers carrying its pid
 * and exit status, so output stays byte for byte and the group can be stopped on cancel or timeout.
 * Measured here: a framed command costs well under a millisecond, a fresh process start several.
 */
import { randomBytes } from 'node:crypto';
import type { Readable, Writable } from 'node:stream';
import { CancelledError, HostError, TimeoutError } from '../errors.js';
import { shellCommand, shellQuote } from '../quote.js';
import { FrameReader, type Marker } from './frame-reader.js';
import type { RunOptions, RunResult } from './host.js';
import type { GroupSignaller } from './start-options.js';

/** The streams and life of the shell process, whatever started it (a local sh, sudo, ssh). */
export interface ShellProcess {
  readonly stdin: Writable;
  readonly stdout: Readable;
  readonly stderr: Readable;
  /** Resolves when the process has exited. */
  readonly exited: Promise<unknown>;
  kill(): void;
}

/** How long a stopped command gets between TERM and KILL. */
const KILL_GRACE_MS = 2000;

interface Pending {
  onStdout(bytes: Buffer): void;
  onStderr(bytes: Buffer): void;
  onMarker(marker: Marker): void;
  fail(error: Error): void;
  stopNow(): Promise<void>;
}

export class ShellSession {
  private readonly nonce = `__netns_lab_${randomBytes(12).toString('hex')}__`;
  private pending: Pending | undefined;
  private exitedEarly = false;
  private unclaimedStderr = Buffer.alloc(0);

  private constructor(
    private readonly shell: ShellProcess,
    private readonly description: string,
    private readonly jobControl: boolean,
  ) {
    const stdoutReader = new FrameReader(
      this.nonce,
      (bytes) => this.pending?.onStdout(bytes),
      (marker) => this.pending?.onMarker(marker),
    );
    const stderrReader = new FrameReader(
      this.nonce,
      (bytes) => this.onStderrBytes(bytes),
      (marker) => this.pending?.onMarker(marker),
    );
    shell.stdout.on('data', (chunk: Buffer) => stdoutReader.push(chunk));
    shell.stderr.on('data', (chunk: Buffer) => stderrReader.push(chunk));
    shell.stdin.on('error', () => undefined); // a dead shell is reported through `exited`
    void shell.exited.then(() => this.onExit());
  }

  /**
   * Starts a session on a spawned shell and waits until it answers, so start-up failures surface here.
   * With `jobControl` (bash) each command becomes its own process group through `set -m`; a plain POSIX sh uses
   * `setsid`, which costs one more program start per command.
   */
  static async start(shell: ShellProcess, description: string, options: { prelude?: string; jobControl: boolean }): Promise<ShellSession> {
    const session = new ShellSession(shell, description, options.jobControl);
    shell.stdin.write(options.prelude ?? '');
    if (options.jobControl) shell.stdin.write('set -m\n');
    await session.run(['true'], {}, async () => undefined);
    return session;
  }

  get closed(): boolean {
    return this.exitedEarly;
  }

  /** Runs one command; the caller (the pool) makes sure only one runs at a time. */
  run(argv: readonly string[], options: RunOptions, stopGroup: GroupSignaller): Promise<RunResult> {
    if (this.pending) return Promise.reject(new Error('internal: a shell session ran two commands at once'));
    if (this.exitedEarly) return Promise.reject(this.deadError());
    if (options.signal?.aborted) return Promise.reject(new CancelledError(argv));
    return new Promise<RunResult>((resolve, reject) => {
      const run = new FramedRun(argv, options, stopGroup, (outcome) => {
        this.pending = undefined;
        if (outcome instanceof Error) reject(outcome);
        else resolve(outcome);
      });
      this.pending = run;
      this.shell.stdin.write(this.script(argv, options.input));
    });
  }

  /** Ends the process group of the command in flight, if any (the shell's own end would not reach it). */
  async stopRunning(): Promise<void> {
    await this.pending?.stopNow();
  }

  close(): void {
    this.shell.stdin.end();
    this.shell.kill();
  }

  private script(argv: readonly string[], input: string | undefined): string {
    const nonce = shellQuote(this.nonce);
    return [
      `${this.job(argv, input)} &`,
      `__netns_lab_pid=$!`,
      `printf '%s pid %d\\n' ${nonce} "$__netns_lab_pid" >&2`,
      // The redirection keeps bash's job notices ("Terminated") out of the output.
      `wait "$__netns_lab_pid" 2>/dev/null`,
      `__netns_lab_status=$?`,
      `printf '%s exit %d\\n' ${nonce} "$__netns_lab_status"`,
      `printf '%s end\\n' ${nonce} >&2`,
      '',
    ].join('\n');
  }

  /** The command as a job whose pid ($!) leads its own process group. */
  private job(argv: readonly string[], input: string | undefined): string {
    const command = this.jobControl ? shellCommand(argv) : `setsid ${shellCommand(argv)}`;
    if (input === undefined) return `${command} </dev/null`;
    const feed = `printf '%s' ${shellQuote(input)} | ${command}`;
    // Under job control a pipeline's group is led by its first process, so wrap it to make $! the leader.
    return this.jobControl ? `( ${feed} )` : feed;
  }

  private onStderrBytes(bytes: Buffer): void {
    if (this.pending) this.pending.onStderr(bytes);
    else this.unclaimedStderr = Buffer.concat([this.unclaimedStderr, bytes]).subarray(-4000);
  }

  private onExit(): void {
    this.exitedEarly = true;
    this.pending?.fail(this.deadError());
  }

  private deadError(): HostError {
    const detail = this.unclaimedStderr.toString('utf8').trim();
    return new HostError(`The shell on ${this.description} ended unexpectedly${detail ? `: ${detail}` : ''}`);
  }
}

/** The bookkeeping of one command in flight: output, markers, stop requests. */
/** How long stopping a command waits for its group's id when it has not been read yet. */
const GROUP_WAIT_MS = 1000;

class FramedRun implements Pending {
  private onGroupKnown: (() => void) | undefined;
  private readonly started = performance.now();
  private readonly stdout: Buffer[] = [];
  private readonly stderr: Buffer[] = [];
  private processGroup: number | undefined;
  private exitCode: number | undefined;
  private stderrEnded = false;
  private stopReason: 'timeout' | 'cancel' | undefined;
  private readonly timers: NodeJS.Timeout[] = [];
  private readonly onAbort = (): void => this.stop('cancel');
  private settled = false;

  constructor(
    private readonly argv: readonly string[],
    private readonly options: RunOptions,
    private readonly stopGroup: GroupSignaller,
    private readonly settle: (outcome: RunResult | Error) => void,
  ) {
    options.signal?.addEventListener('abort', this.onAbort, { once: true });
    if (options.timeoutMs !== undefined) this.timers.push(setTimeout(() => this.stop('timeout'), options.timeoutMs));
  }

  onStdout(bytes: Buffer): void {
    this.stdout.push(bytes);
    this.options.onStdout?.(bytes);
  }

  onStderr(bytes: Buffer): void {
    this.stderr.push(bytes);
    this.options.onStderr?.(bytes);
  }

  onMarker(marker: Marker): void {
    if (marker.kind === 'pid') {
      this.processGroup = Number(marker.value);
      this.onGroupKnown?.();
      if (this.stopReason) this.signalGroup();
    } else if (marker.kind === 'exit') {
      this.exitCode = Number(marker.value);
    } else if (marker.kind === 'end') {
      this.stderrEnded = true;
    }
    if (this.exitCode !== undefined && this.stderrEnded) this.finish();
  }

  fail(error: Error): void {
    this.cleanUp();
    this.settle(error);
  }

  async stopNow(): Promise<void> {
    // The command may have started before its group's id has been read: wait for it a moment, or the group would
    // outlive the shell (and hold its pipes open, so the shell's end would never be seen either).
    if (this.processGroup === undefined && !this.settled) await this.groupKnown(GROUP_WAIT_MS);
    if (this.processGroup !== undefined) await this.stopGroup(this.processGroup, 'KILL').catch(() => undefined);
  }

  private groupKnown(timeoutMs: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, timeoutMs);
      this.onGroupKnown = () => (clearTimeout(timer), resolve());
    });
  }

  private stop(reason: 'timeout' | 'cancel'): void {
    if (this.stopReason || this.settled) return;
    this.stopReason = reason;
    if (this.processGroup !== undefined) this.signalGroup();
  }

  private signalGroup(): void {
    const group = this.processGroup!;
    void this.stopGroup(group, 'TERM').catch(() => undefined);
    this.timers.push(setTimeout(() => void this.stopGroup(group, 'KILL').catch(() => undefined), KILL_GRACE_MS));
  }

  private finish(): void {
    this.cleanUp();
    // The leader is gone; anything it left in its group goes too when the command was stopped.
    if (this.stopReason && this.processGroup !== undefined) void this.stopGroup(this.processGroup, 'KILL').catch(() => undefined);
    if (this.stopReason === 'timeout') return this.settle(new TimeoutError(this.argv, this.options.timeoutMs ?? 0));
    if (this.stopReason === 'cancel') return this.settle(new CancelledError(this.argv));
    const durationMs = performance.now() - this.started;
    // Decoded once, whole: these are short answers (JSON, names) read by the core, never a split character.
    const stdout = Buffer.concat(this.stdout).toString('utf8');
    const stderr = Buffer.concat(this.stderr).toString('utf8');
    this.settle({ argv: this.argv, exitCode: this.exitCode!, stdout, stderr, durationMs });
  }

  private cleanUp(): void {
    this.settled = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.options.signal?.removeEventListener('abort', this.onAbort);
  }
}
