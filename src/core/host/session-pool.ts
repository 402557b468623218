/**
 * A few long-lived shells per target, so that a long-running command (a notebook cell, a terminal) does not hold
 * up the quick reads of the tree. Sessions start on demand and close after a while unused.
 */
import { CancelledError, HostError } from '../errors.js';
import type { ShellSession } from './shell-session.js';

const IDLE_CLOSE_MS = 30_000;

interface Waiter {
  resolve(session: ShellSession): void;
  reject(error: unknown): void;
}

export class SessionPool {
  private readonly all = new Set<ShellSession>();
  private readonly idle: ShellSession[] = [];
  private readonly waiting: Waiter[] = [];
  private readonly idleTimers = new Map<ShellSession, NodeJS.Timeout>();
  private starting = 0;
  private disposed = false;

  constructor(
    private readonly startSession: () => Promise<ShellSession>,
    private readonly maxSessions = 4,
  ) {}

  /**
   * Takes an idle session, starts one, or waits for one; aborting `signal` gives up waiting (rejecting with
   * CancelledError). `urgent` may exceed the limit (used to stop commands).
   */
  async acquire(options: { urgent?: boolean; signal?: AbortSignal; argv?: readonly string[] } = {}): Promise<ShellSession> {
    if (this.disposed) throw closedError();
    for (let session = this.idle.pop(); session; session = this.idle.pop()) {
      this.clearIdleTimer(session);
      if (!session.closed) return session;
      this.all.delete(session);
    }
    if (this.all.size + this.starting < this.maxSessions || options.urgent) return this.startTracked();
    return this.waitForSession(options.signal, options.argv ?? []);
  }

  private waitForSession(signal: AbortSignal | undefined, argv: readonly string[]): Promise<ShellSession> {
    return new Promise((resolve, reject) => {
      const onAbort = (): void => {
        const index = this.waiting.indexOf(waiter);
        if (index >= 0) this.waiting.splice(index, 1);
        reject(new CancelledError(argv));
      };
      const waiter: Waiter = {
        resolve: (session) => (signal?.removeEventListener('abort', onAbort), resolve(session)),
        reject: (error) => (signal?.removeEventListener('abort', onAbort), reject(error)),
      };
      if (signal?.aborted) return reject(new CancelledError(argv));
      signal?.addEventListener('abort', onAbort, { once: true });
      this.waiting.push(waiter);
    });
  }

  /** Gives a session back after a command; a dead one is dropped and a waiter gets a fresh one. */
  release(session: ShellSession): void {
    if (session.closed || this.disposed) {
      this.all.delete(session);
      session.close();
      const waiter = this.waiting.shift();
      if (waiter) this.startTracked().then(waiter.resolve, waiter.reject);
      return;
    }
    const waiter = this.waiting.shift();
    if (waiter) return waiter.resolve(session);
    this.idle.push(session);
    const timer = setTimeout(() => this.closeIdle(session), IDLE_CLOSE_MS);
    timer.unref();
    this.idleTimers.set(session, timer);
  }

  /** Closes every session, busy ones included: their commands' process groups are ended first, then the shells. */
  async dispose(): Promise<void> {
    await Promise.all([...this.all].map((session) => session.stopRunning()));
    this.disposed = true;
    for (const timer of this.idleTimers.values()) clearTimeout(timer);
    for (const session of this.all) session.close();
    for (const waiter of this.waiting) waiter.reject(closedError());
    this.all.clear();
    this.idle.length = 0;
    this.idleTimers.clear();
    this.waiting.length = 0;
  }

  private async startTracked(): Promise<ShellSession> {
    this.starting++;
    try {
      const session = await this.startSession();
      if (this.disposed) {
        // Closed while this shell was starting: it must not run anything.
        session.close();
        throw closedError();
      }
      this.all.add(session);
      return session;
    } finally {
      this.starting--;
    }
  }

  private closeIdle(session: ShellSession): void {
    const index = this.idle.indexOf(session);
    if (index < 0) return;
    this.idle.splice(index, 1);
    this.idleTimers.delete(session);
    this.all.delete(session);
    session.close();
  }

  private clearIdleTimer(session: ShellSession): void {
    clearTimeout(this.idleTimers.get(session));
    this.idleTimers.delete(session);
  }
}

function closedError(): HostError {
  return new HostError('This host has been closed; nothing more runs on it');
}
