/**
 * Processes that commands left running after they exited: a server started with `&` in one notebook cell and
 * queried in the next is an everyday lab pattern, so they are kept, counted, and ended together (with their
 * whole process groups) when their owner closes: a notebook, `netns-lab run`.
 */
import type { RunningCommand } from './running-command.js';

interface Entry {
  command: RunningCommand;
  /** True once the command has exited and its process group was last found with members. */
  alive: boolean;
  /** True once the command has exited (before that it is not in the background). */
  exited: boolean;
}

export class BackgroundProcesses {
  private readonly entries: Entry[] = [];
  private readonly listeners = new Set<() => void>();

  /** Follows a command: once it has exited, whatever it left running counts here until it ends or is stopped. */
  add(command: RunningCommand): void {
    const entry: Entry = { command, alive: false, exited: false };
    this.entries.push(entry);
    // A stopped or failed command's group was ended with it: it leaves nothing behind.
    command.exit.then(
      () => ((entry.exited = true), void this.recheck(entry)),
      () => this.forget(entry),
    );
    // When nothing holds its output any more, whatever is left runs without output, or nothing is.
    void command.released.then(() => this.recheck(entry));
  }

  /** Commands that exited and still have processes running (or holding their output). */
  get count(): number {
    return this.entries.filter((entry) => entry.alive).length;
  }

  /** Called whenever `count` may have changed. */
  onDidChange(listener: () => void): { dispose(): void } {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  /**
   * Ends the process groups of the followed commands that have exited (what they left running), and, with
   * `running`, of those still running too (a notebook closing); resolves when they have ended.
   */
  async stopAll(options: { running?: boolean } = {}): Promise<void> {
    const stopping = this.entries.filter((entry) => entry.exited || options.running);
    this.entries.splice(0, this.entries.length, ...this.entries.filter((entry) => !stopping.includes(entry)));
    await Promise.all(stopping.map((entry) => entry.command.stop()));
    for (const entry of stopping) entry.command.detach();
    this.changed();
  }

  /**
   * Lets the processes run on, unfollowed: their later output is no longer read (a write then fails for them),
   * and their host no longer ends them when it is closed.
   */
  abandon(): void {
    for (const entry of this.entries.splice(0)) entry.command.release();
    this.changed();
  }

  /** Looks again whether the commands' groups still have members (a daemon may run without holding output). */
  async refresh(): Promise<void> {
    await Promise.all(this.entries.map((entry) => this.recheck(entry)));
  }

  private async recheck(entry: Entry): Promise<void> {
    if (!entry.exited || !this.entries.includes(entry)) return;
    entry.alive = await entry.command.isGroupAlive();
    if (!entry.alive) this.forget(entry);
    else this.changed();
  }

  private forget(entry: Entry): void {
    const index = this.entries.indexOf(entry);
    if (index >= 0) this.entries.splice(index, 1);
    this.changed();
  }

  private changed(): void {
    for (const listener of this.listeners) listener();
  }
}
