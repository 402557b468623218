/** Running a command inside a namespace: exec. */
import { execInNamespace } from '../../core/changes/operations.js';
import { checkNamespaceName } from '../../core/names.js';
import { UsageError } from '../args.js';
import type { CliCommand } from '../context.js';

export const execCommand: CliCommand = {
  name: 'exec',
  summary: 'run a command inside a namespace, with its output and exit status',
  usage: 'netns-lab exec NS -- CMD [ARG...]\n\nCtrl-C stops the command and everything it started.\nExample: netns-lab exec red -- ping -c 1 10.0.0.2',
  async run(args, context) {
    const separator = args.indexOf('--');
    const before = separator < 0 ? args : args.slice(0, separator);
    const command = separator < 0 ? [] : args.slice(separator + 1);
    if (before.length !== 1 || command.length === 0) throw new UsageError('expected NS -- CMD [ARG...]', 'exec');
    const namespace = checkNamespaceName(before[0]!);
    const abort = new AbortController();
    const onInterrupt = (): void => abort.abort();
    process.once('SIGINT', onInterrupt);
    process.once('SIGTERM', onInterrupt);
    try {
      const result = await execInNamespace(context.host, namespace, command, {
        signal: abort.signal,
        onStdout: (chunk) => context.out(chunk),
        onStderr: (chunk) => context.err(chunk),
      });
      return result.exitCode;
    } finally {
      process.off('SIGINT', onInterrupt);
      process.off('SIGTERM', onInterrupt);
    }
  },
};
