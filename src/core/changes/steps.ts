/**
 * Multi-step changes (a veth pair with addresses and links up, a bridge with ports) as a list of steps, run in as
 * few `ip` processes as the batch rules allow, and undone in reverse order when a later step fails, so a failed
 * change leaves nothing half-made.
 */
import { CommandError } from '../errors.js';
import { runChecked, type Host } from '../host/host.js';
import { ipArgv, ipBatchArgv, type IpCommand } from '../iproute2/commands.js';
import type { NamespaceName } from '../model.js';
import { batchLine } from '../quote.js';

export interface Step {
  command: IpCommand;
  /** How to take this step back; omitted when an earlier step's undo already covers it (e.g. deleting the link). */
  undo?: IpCommand;
  /** What the step does, for messages: "create veth pair veth-a/veth-b". */
  description: string;
}

/** A run of consecutive steps in one namespace that can go into one `ip -batch`. */
interface Group {
  namespace: NamespaceName;
  steps: Step[];
  lines: string[];
}

/**
 * Runs the steps in order. On failure, undoes the steps that succeeded (newest first) and throws a CommandError
 * naming the step that failed; if undoing fails too, the message says what may be left.
 */
export async function applySteps(host: Host, steps: readonly Step[]): Promise<void> {
  const done: Step[] = [];
  for (const group of groupSteps(steps)) {
    const failure = await runGroup(host, group, done);
    if (failure) {
      const leftovers = await undoSteps(host, done);
      throw withLeftovers(failure, leftovers);
    }
  }
}

/** Undoes steps newest first, each on its own so one failure does not stop the rest. Returns what failed. */
export async function undoSteps(host: Host, done: readonly Step[]): Promise<string[]> {
  const failed: string[] = [];
  for (const step of [...done].reverse()) {
    if (!step.undo) continue;
    const result = await host.run(ipArgv(step.undo)).catch((error: Error) => ({ exitCode: -1, stderr: error.message }));
    if (result.exitCode !== 0) failed.push(`${step.description} (${result.stderr.trim().split('\n')[0]})`);
  }
  return failed;
}

function groupSteps(steps: readonly Step[]): Group[] {
  const groups: Group[] = [];
  for (const step of steps) {
    const line = batchLine(step.command.args);
    const last = groups.at(-1);
    if (line !== undefined && last && last.namespace === step.command.namespace && last.lines.length === last.steps.length) {
      last.steps.push(step);
      last.lines.push(line);
    } else {
      groups.push({ namespace: step.command.namespace, steps: [step], lines: line === undefined ? [] : [line] });
    }
  }
  return groups;
}

/** Runs one group; records the steps that succeeded in `done`; returns the error of the step that failed. */
async function runGroup(host: Host, group: Group, done: Step[]): Promise<CommandError | undefined> {
  if (group.steps.length === 1) {
    const step = group.steps[0]!;
    const argv = ipArgv(step.command);
    const result = await host.run(argv);
    if (result.exitCode === 0) return void done.push(step);
    return new CommandError(`Could not ${step.description}`, { argv, exitCode: result.exitCode, stderr: result.stderr });
  }
  const argv = ipBatchArgv(group.namespace);
  const result = await host.run(argv, { input: group.lines.join('\n') + '\n' });
  if (result.exitCode === 0) return void done.push(...group.steps);
  // Without -force, ip stops at the first failing line and says which: "Command failed -:N".
  const failedLine = Number(/Command failed -:(\d+)/u.exec(result.stderr)?.[1] ?? '1');
  done.push(...group.steps.slice(0, failedLine - 1));
  const step = group.steps[failedLine - 1] ?? group.steps[0]!;
  const stderr = result.stderr.split('\n').filter((line) => !line.startsWith('Command failed')).join('\n');
  return new CommandError(`Could not ${step.description}`, { argv: ipArgv(step.command), exitCode: result.exitCode, stderr });
}

function withLeftovers(error: CommandError, leftovers: string[]): CommandError {
  if (leftovers.length === 0) return error;
  return new CommandError(`${error.summary}; undoing the earlier steps also failed for: ${leftovers.join('; ')}`, {
    argv: error.argv,
    exitCode: error.exitCode,
    stderr: error.stderr,
  });
}

/** Runs one command alone and throws a CommandError naming it on failure. */
export async function applyOne(host: Host, command: IpCommand, description: string): Promise<void> {
  await runChecked(host, ipArgv(command), `Could not ${description}`);
}
