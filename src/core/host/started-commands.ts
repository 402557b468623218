/**
 * The commands a host started that may still have processes: the host ends their groups when it is closed,
 * so nothing it started outlives it.
 */
import { observeStarted, type CommandObserver } from './host.js';
import { RunningCommand, type Carrier, type StartOptions } from './running-command.js';
import type { GroupSignaller } from './start-options.js';

/** How a host reaches the process groups of its commands (on its own machine, through a root shell if need be). */
export interface GroupControl {
  /** Where the commands run, for messages and the log: `this machine`, `ssh://lab1`. */
  where(): string;
  signal: GroupSignaller;
  alive(group: number): Promise<boolean>;
  observer(): CommandObserver | undefined;
}

/**
 * How often the groups of ended commands are looked at again: a group found empty is forgotten, so that its id,
 * which the kernel may give to another process group once this one is gone, is never signalled later.
 */
const RECHECK_MS = 10_000;

export class StartedCommands {
  private readonly commands = new Set<RunningCommand>();
  private timer: NodeJS.Timeout | undefined;
  /** `onKept` hears of each command let go, with its process group when known (for the host's lifeline). */
  constructor(
    private readonly groups: GroupControl,
    private readonly onKept: (group: number | undefined) => void = () => undefined,
  ) {}

  /**
   * A carrier the host has started, as a RunningCommand framed by `nonce`: followed from now on, and told to the
   * host's observer once it has ended.
   */
  begin(carrier: Carrier, framing: { argv: readonly string[]; nonce: string; prelude: string }, options: StartOptions): RunningCommand {
    const { signal, alive } = this.groups;
    const where = this.groups.where();
    const command = new RunningCommand(carrier, { ...framing, where, stopGroup: signal, probeGroup: alive }, options);
    return this.follow(observeStarted(this.groups.observer(), where, command));
  }

  follow(command: RunningCommand): RunningCommand {
    this.commands.add(command);
    command.onRelease(() => {
      this.commands.delete(command);
      this.onKept(command.processGroup);
    });
    // Once it has exited and nothing holds its output, only a daemon without output could be left: checked then.
    void Promise.allSettled([command.exit, command.released]).then(() => this.recheck(command));
    this.timer ??= setInterval(() => void this.recheckEnded(), RECHECK_MS).unref();
    return command;
  }

  async stopAll(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    const commands = [...this.commands];
    this.commands.clear();
    await Promise.all(commands.map((command) => command.stop()));
    for (const command of commands) command.detach();
  }

  private async recheckEnded(): Promise<void> {
    await Promise.all([...this.commands].filter((command) => command.ended).map((command) => this.recheck(command)));
  }

  private async recheck(command: RunningCommand): Promise<void> {
    if (!(await command.isGroupAlive())) this.commands.delete(command);
  }
}
