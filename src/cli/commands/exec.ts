/** Running a command inside a namespace: exec. */
import { spawn } from 'node:child_process';
import { constants } from 'node:os';
import { HostError } from '../../core/errors.js';
import { namespaceExecArgv, startInNamespace } from '../../core/changes/operations.js';
import { checkNamespaceExists } from '../../core/state/read.js';
import type { NamespaceName } from '../../core/model.js';
import { checkNamespaceName } from '../../core/names.js';
import { checkArguments, UsageError } from '../args.js';
import type { CliCommand, CliContext } from '../context.js';
import { passBytesThrough } from '../byte-streams.js';

export const execCommand: CliCommand = {
  name: 'exec',
  summary: 'run a command inside a namespace, with its input, output and exit status',
  usage: [
    'netns-lab exec NS -- CMD [ARG...]',
    '',
    "Standard input, output and error pass through byte for byte, and the exit status is the command's.",
    'With a terminal on both ends the command gets a terminal of its own (netns-lab exec red -- bash is an',
    'interactive shell). Ctrl-C stops the command and everything it started.',
    'Example: netns-lab exec red -- ping -c 1 10.0.0.2',
  ].join('\n'),
  handlesInterrupts: true,
  async run(args, context) {
    const separator = args.indexOf('--');
    const before = separator < 0 ? args : args.slice(0, separator);
    const command = separator < 0 ? [] : args.slice(separator + 1);
    if (before.length !== 1 || command.length === 0) throw new UsageError('expected NS -- CMD [ARG...]', 'exec');
    const namespace = checkArguments('exec', () => checkNamespaceName(before[0]!));
    if (context.stdin.isTTY && context.stdout.isTTY) return runOnTerminal(context, namespace, command);
    return runStreamed(context, namespace, command);
  },
};

/**
 * Pipes and files: the command uses this program's own standard streams, so its bytes go straight through
 * unchanged and as fast as with `ip netns exec` (where they must pass through here, over SSH or behind a sudo
 * password, with backpressure).
 */
async function runStreamed(context: CliContext, namespace: NamespaceName, command: string[]): Promise<number> {
  const passThrough = { stdin: 0, stdout: 1, stderr: 2 };
  const running = await startInNamespace(context.host, namespace, command, { signal: context.interrupts.signal, passThrough });
  return passBytesThrough(running, context);
}

/**
 * A terminal on both ends: the command runs on it directly (through `ssh -t` for a target), so it is interactive
 * and Ctrl-C reaches it rather than this program. SIGTERM and SIGHUP still end it.
 */
async function runOnTerminal(context: CliContext, namespace: NamespaceName, command: string[]): Promise<number> {
  await checkNamespaceExists(context.host, namespace);
  const [file, ...args] = await context.host.interactiveArgv(namespaceExecArgv(namespace, command));
  context.interrupts.passInterruptsThrough = true;
  try {
    return await new Promise<number>((resolve, reject) => {
      const child = spawn(file!, args, { stdio: 'inherit' });
      const stop = (): void => void child.kill('SIGTERM');
      context.interrupts.signal.addEventListener('abort', stop, { once: true });
      child.once('error', (error) => reject(new HostError(`Could not start ${file}: ${error.message}`)));
      child.once('exit', (code, signal) => {
        context.interrupts.signal.removeEventListener('abort', stop);
        resolve(code ?? 128 + (signal ? constants.signals[signal] : 1));
      });
    });
  } finally {
    context.interrupts.passInterruptsThrough = false;
  }
}
