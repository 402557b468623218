/**
 * Multi-step changes (a veth pair with addresses and links up, a bridge with ports) as a list of steps, run in as
 * few `ip` processes as the batch rules allow, and undone in reverse order when a later step fails, so a failed
 * change leaves nothing half-made.
 */
import { CommandError } from '../errors.js';
import { runChecked, type Host } from '../host/host.js';
import { ipArgv, ipBatchArgv, type IpCommand } from '../iproute2/commands.js';
import type { NamespaceName } from '../model.js';
import { batchLine, shellCommand } from '../quote.js';

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
  program: 'ip' | 'tc';
  steps: Step[];
  lines: string[];
}

/**
 * Runs the steps in order, all in one shell script on the host (one round trip; one `ip` start per group). On
 * failure, undoes the steps that succeeded (newest first) and throws a CommandError naming the step that failed;
 * if undoing fails too, the message says what may be left.
 */
export async function applySteps(host: Host, steps: readonly Step[]): Promise<void> {
  const groups = groupSteps(steps);
  if (groups.length === 0) return;
  const result = await host.run(['sh', '-s'], { input: stepsScript(groups) });
  const failedGroup = Number(/^netns-lab-failed-group (\d+)$/mu.exec(result.stdout)?.[1] ?? (result.exitCode === 0 ? NaN : 0));
  if (Number.isNaN(failedGroup)) return;
  const done = groups.slice(0, failedGroup).flatMap((group) => group.steps);
  const failure = describeFailure(groups[failedGroup]!, result.stderr, result.exitCode, done);
  const leftovers = await undoSteps(host, done);
  throw withLeftovers(failure, leftovers);
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
    const program = step.command.program ?? 'ip';
    const joinsLast = last && last.namespace === step.command.namespace && last.program === program && last.lines.length === last.steps.length;
    if (line !== undefined && joinsLast) {
      last.steps.push(step);
      last.lines.push(line);
    } else {
      groups.push({ namespace: step.command.namespace, program, steps: [step], lines: line === undefined ? [] : [line] });
    }
  }
  return groups;
}

/**
 * The script: each group is one `ip -batch` fed by a here-document (or one plain `ip` command when its words
 * cannot go into a batch line); the first failure prints the group's number and stops the script.
 */
function stepsScript(groups: readonly Group[]): string {
  return (
    groups
      .map((group, index) => {
        const run =
          group.lines.length > 0
            ? `${shellCommand(ipBatchArgv(group.namespace, [], group.program))} <<'NETNS_LAB_STEPS'\n${group.lines.join('\n')}\nNETNS_LAB_STEPS`
            : `${shellCommand(ipArgv(group.steps[0]!.command))} </dev/null`;
        return `${run}\n[ $? -eq 0 ] || { echo 'netns-lab-failed-group ${index}'; exit 1; }`;
      })
      .join('\n') + '\n'
  );
}

/** The error of a failed group; steps of it that ran before the failing line are added to `done`. */
function describeFailure(group: Group, stderr: string, exitCode: number, done: Step[]): CommandError {
  // Without -force, ip stops at the first failing line and says which: "Command failed -:N".
  const failedLine = group.lines.length > 0 ? Number(/Command failed -:(\d+)/u.exec(stderr)?.[1] ?? '1') : 1;
  done.push(...group.steps.slice(0, failedLine - 1));
  const step = group.steps[failedLine - 1] ?? group.steps[0]!;
  const reason = stderr
    .split('\n')
    .filter((line) => !line.startsWith('Command failed'))
    .join('\n');
  return new CommandError(`Could not ${step.description}`, { argv: ipArgv(step.command), exitCode, stderr: reason });
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
