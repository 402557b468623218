/**
 * The commands a host started that may still have processes: the host ends their groups when it is closed,
 * so nothing it started outlives it.
 */
import type { RunningCommand } from './running-command.js';

export class StartedCommands {
  private readonly commands = new Set<RunningCommand>();

  follow(command: RunningCommand): RunningCommand {
    this.commands.add(command);
    // Once it has exited and nothing holds its output, only a daemon without output could be left: checked then.
    void Promise.allSettled([command.exit, command.released]).then(async () => {
      if (!(await command.isGroupAlive())) this.commands.delete(command);
    });
    return command;
  }

  async stopAll(): Promise<void> {
    const commands = [...this.commands];
    this.commands.clear();
    await Promise.all(commands.map((command) => command.stop()));
    for (const command of commands) command.detach();
  }
}
