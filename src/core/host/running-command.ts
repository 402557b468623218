/**
 * One streamed command (a notebook cell, `netns-lab exec`) running in a wrapper shell of its own (see
 * command-wrapper.ts), locally or over SSH. Its output is bytes, passed on as they come through two Readables
 * with backpressure: when the reader stops, the shell's pipe fills and the command waits, so memory stays flat
 * whatever it prints. The command has ended when its wrapper says so, even while processes it left in the
 * background still hold its output open; what they print later goes to `onLateOutput`.
 */
import { Readable, type Writable } from 'node:stream';
import { CancelledError, HostError, TimeoutError } from '../errors.js';
import { FrameReader, type Marker } from './frame-reader.js';
import type { Carrier, CommandExit, GroupSignaller, StartOptions, StreamName } from './start-options.js';

/** How long a stopped command gets between TERM and KILL. */
const KILL_GRACE_MS = 2000;

/** How much longer than the TERM-to-KILL grace a stop waits for a running command's end before giving up on it. */
const STOP_WAIT_EXTRA_MS = 1500;

/** How long processes left in the background get between TERM and KILL (callers wait this long). */
const STOP_GRACE_AFTER_EXIT_MS = 200;

/** How long a stop waits for the command's group id before it ends the wrapper shell itself. */
const GROUP_WAIT_MS = 1000;

interface Wiring {
  argv: readonly string[];
  nonce: string;
  /** Written to the command's standard input before anything else (the sudo password line, when one is needed). */
  prelude: string;
  stopGroup: GroupSignaller;
  /** Whether a process group still has a member on the command's machine. */
  probeGroup: (group: number) => Promise<boolean>;
  /** Where the shell runs, for messages: `this machine`, `ssh://lab1`. */
  where: string;
}

interface Source {
  stream: Readable;
  target: Readable | undefined;
  /** The first mark has come: from then on the bytes are the command's (before it, a login's chatter). */
  started: boolean;
  /** This source's exit or end mark has come: later bytes are late output of background processes. */
  ended: boolean;
  output: StreamName | undefined;
}

export { checkTimeout, MAX_TIMEOUT_MS, type Carrier, type CommandExit, type StartOptions, type StreamName } from './start-options.js';

export class RunningCommand {
  /** The command's standard output, when it passes through here (else it ends at once: it went straight out). */
  readonly stdout: Readable;
  readonly stderr: Readable;
  /** The command's standard input, when started with `stdin: 'pipe'`; end it to give end-of-file. */
  readonly stdin: Writable | undefined;
  /** Resolves when the command has exited; rejects when it timed out, was cancelled or its shell died. */
  readonly exit: Promise<CommandExit>;
  /** Resolves once nothing holds the command's output any more (it and all it started have closed it). */
  readonly released: Promise<void>;
  /** The command's process group on its machine, once known. */
  processGroup: number | undefined;
  readonly argv: readonly string[];

  private readonly started = performance.now();
  private readonly sources: Source[];
  private readonly seen = { exit: false, end: false };
  private readonly early: Buffer[] = [];
  private exitCode: number | undefined;
  private stopReason: 'timeout' | 'cancel' | undefined;
  private settled = false;
  private readonly timers: NodeJS.Timeout[] = [];
  private settle!: (outcome: CommandExit | Error) => void;
  private readonly onAbort = (): void => this.requestStop('cancel');
  /** Output after a stop is dropped: the reader may be gone, and the marks must still be read. */
  private discarding = false;
  private readonly releaseListeners: Array<() => void> = [];

  constructor(
    private readonly carrier: Carrier,
    private readonly wiring: Wiring,
    private readonly options: StartOptions = {},
  ) {
    this.argv = wiring.argv;
    this.exit = new Promise<CommandExit>((resolve, reject) => {
      this.settle = (outcome) => (outcome instanceof Error ? reject(outcome) : resolve(outcome));
    });
    // Nobody may be waiting on `exit` when it rejects (a caller that only reads the streams).
    this.exit.catch(() => undefined);
    this.sources = carrier.sources.map(({ stream, output }) => ({ stream, output, target: undefined, started: false, ended: false }));
    this.stdout = this.outputStream('stdout');
    this.stderr = this.outputStream('stderr');
    this.released = Promise.all([carrier.exited, ...this.sources.map((source) => closed(source.stream))]).then(() => undefined);
    for (const source of this.sources) this.readFramed(source);
    this.stdin = this.feedInput(carrier.stdin, wiring.prelude, options.stdin === 'pipe' || options.passThrough !== undefined);
    void carrier.startError?.then((error) => this.complete(error));
    options.signal?.addEventListener('abort', this.onAbort, { once: true });
    if (options.signal?.aborted) this.requestStop('cancel');
    if (options.timeoutMs !== undefined) this.timers.push(setTimeout(() => this.requestStop('timeout'), options.timeoutMs));
  }

  /**
   * Ends the command's whole process group (TERM, then KILL), background processes included. Before the
   * command has exited, `exit` then rejects with CancelledError.
   */
  async stop(): Promise<void> {
    if (!this.settled) return this.stopRunning();
    if (!(await this.isGroupAlive())) return;
    await this.signalGroup('TERM');
    await new Promise((resolve) => setTimeout(resolve, STOP_GRACE_AFTER_EXIT_MS));
    if (await this.isGroupAlive()) await this.signalGroup('KILL');
  }

  /**
   * Stops a command that is still running and waits until it has ended: what it prints from now on is dropped
   * (nobody may be reading any more), so its end is still seen; if that does not come in time (a connection
   * gone), it is given up on and its carrier ended.
   */
  private async stopRunning(): Promise<void> {
    this.discarding = true;
    for (const source of this.sources) {
      this.endSource(source);
      source.stream.resume();
    }
    this.requestStop('cancel');
    // Not unref'd: a program whose last work is this stop must not end before it does.
    let timer: NodeJS.Timeout | undefined;
    const givenUp = new Promise<void>((resolve) => (timer = setTimeout(resolve, KILL_GRACE_MS + STOP_WAIT_EXTRA_MS)));
    await Promise.race([
      this.exit.then(
        () => undefined,
        () => undefined,
      ),
      givenUp,
    ]);
    clearTimeout(timer);
    if (!this.settled) {
      this.carrier.kill();
      this.complete(new CancelledError(this.argv));
    }
  }

  /**
   * Lets the command go: it is no longer read, and the host no longer ends its group when it is closed (what
   * `netns-lab run --keep-background` leaves running).
   */
  release(): void {
    this.detach();
    for (const listener of this.releaseListeners.splice(0)) listener();
  }

  /** Called once when the command is let go with `release`. */
  onRelease(listener: () => void): void {
    this.releaseListeners.push(listener);
  }

  /** True once the command has exited (or failed, or was stopped). */
  get ended(): boolean {
    return this.settled;
  }

  /** Whether anything the command started still runs in its process group. */
  async isGroupAlive(): Promise<boolean> {
    if (this.processGroup === undefined) return false;
    return this.wiring.probeGroup(this.processGroup).catch(() => false);
  }

  /**
   * Stops reading the output and lets go of the carrier (ssh, when remote): processes left in the background
   * keep running, but nobody reads what they print any more.
   */
  detach(): void {
    for (const source of this.sources) source.stream.destroy();
    this.carrier.stdin?.destroy();
    this.carrier.kill();
  }

  private feedInput(stdin: Writable | undefined, prelude: string, keepOpen: boolean): Writable | undefined {
    if (!stdin) return undefined;
    stdin.on('error', () => undefined); // a command that exits without reading its input
    if (prelude) stdin.write(prelude);
    if (keepOpen) return stdin;
    stdin.end();
    return undefined;
  }

  /** A Readable fed by the source carrying that output, or one that ends at once when none carries it. */
  private outputStream(name: StreamName): Readable {
    const source = this.sources.find((candidate) => candidate.output === name);
    // Reading resumes the carrier's pipe that a full buffer paused: that is the backpressure.
    const stream = new Readable({ read: () => void source?.stream.resume() });
    if (source) source.target = stream;
    else stream.push(null);
    return stream;
  }

  private readFramed(source: Source): void {
    const reader = new FrameReader(
      this.wiring.nonce,
      (bytes) => this.onBytes(source, bytes),
      (marker) => this.onMarker(source, marker),
    );
    source.stream.on('data', (chunk: Buffer) => reader.push(chunk));
    source.stream.on('end', () => (reader.flush(), this.onStreamEnd(source)));
    source.stream.on('error', () => this.onStreamEnd(source));
  }

  private onBytes(source: Source, bytes: Buffer): void {
    if (!source.started) return void (this.early.push(bytes), this.early.splice(0, this.early.length - 16));
    if (!source.target) return;
    if (this.discarding) return;
    if (source.ended) return this.options.onLateOutput?.(source.output!, bytes);
    if (!source.target.push(bytes)) source.stream.pause();
  }

  private onMarker(source: Source, marker: Marker): void {
    source.started = true;
    if (marker.kind === 'pid') this.onProcessGroup(Number(marker.value));
    else if (marker.kind === 'exit') {
      this.seen.exit = true;
      this.exitCode = Number(marker.value);
      this.endSource(source);
    } else if (marker.kind === 'end') {
      this.seen.end = true;
      this.endSource(source);
    }
    if (this.seen.exit && this.seen.end) this.finish();
  }

  private onProcessGroup(group: number): void {
    this.processGroup = group;
    this.early.length = 0;
    if (this.stopReason) this.signalStopped();
  }

  private onStreamEnd(source: Source): void {
    this.endSource(source);
    if (this.settled || this.sources.some((other) => !other.ended)) return;
    // Every stream closed without the wrapper's last word: its shell was killed, or never started the command.
    if (this.stopReason) return this.finish();
    const said = Buffer.concat(this.early).toString('utf8').trim();
    this.complete(new HostError(`The shell running the command on ${this.wiring.where} ended before the command did${said ? `: ${said}` : ' (it was killed)'}`));
  }

  private endSource(source: Source): void {
    if (source.ended) return;
    source.ended = true;
    source.target?.push(null);
  }

  private requestStop(reason: 'timeout' | 'cancel'): void {
    if (this.stopReason || this.settled) return;
    this.stopReason = reason;
    if (this.processGroup !== undefined) return this.signalStopped();
    // Still starting (a login, sudo): if the group's id does not come soon, end the shell, and so the start.
    this.timers.push(setTimeout(() => this.processGroup === undefined && this.carrier.kill(), GROUP_WAIT_MS));
  }

  private signalStopped(): void {
    void this.signalGroup('TERM');
    this.timers.push(setTimeout(() => void this.signalGroup('KILL'), KILL_GRACE_MS));
  }

  private async signalGroup(signal: 'TERM' | 'KILL'): Promise<void> {
    await this.wiring.stopGroup(this.processGroup!, signal).catch(() => undefined);
  }

  private finish(): void {
    // The leader is gone; when it was stopped, whatever it left in its group goes too.
    if (this.stopReason && this.processGroup !== undefined) void this.signalGroup('KILL');
    const argv = this.wiring.argv;
    if (this.stopReason === 'timeout') return this.complete(new TimeoutError(argv, this.options.timeoutMs ?? 0));
    if (this.stopReason === 'cancel') return this.complete(new CancelledError(argv));
    this.complete({ argv, exitCode: this.exitCode!, durationMs: performance.now() - this.started });
  }

  private complete(outcome: CommandExit | Error): void {
    if (this.settled) return;
    this.settled = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.options.signal?.removeEventListener('abort', this.onAbort);
    this.settle(outcome);
  }
}

function closed(stream: Readable): Promise<void> {
  return new Promise((resolve) => {
    if (stream.destroyed || stream.readableEnded) return resolve();
    stream.once('close', () => resolve());
  });
}
