/** Creating and deleting namespaces: add, del. */
import { createNamespaces, deleteNamespace } from '../../core/changes/operations.js';
import { quoteName } from '../../core/display.js';
import { checkNamespaceName } from '../../core/names.js';
import { checkArguments, flag, parseCommandArgs, UsageError } from '../args.js';
import type { CliCommand } from '../context.js';

export const addCommand: CliCommand = {
  name: 'add',
  summary: 'create namespaces',
  usage: 'netns-lab add NS... [--lo-up]\n\n  --lo-up   also bring up the loopback interface in each new namespace\n\nAll are created or none: if one fails, those made before it are removed.',
  async run(args, context) {
    const parsed = parseCommandArgs('add', args, { 'lo-up': { type: 'boolean' } });
    const names = requireNames('add', parsed.positionals);
    await createNamespaces(context.host, names, { loopbackUp: flag(parsed, 'lo-up') });
    return 0;
  },
};

export const deleteCommand: CliCommand = {
  name: 'del',
  summary: 'delete namespaces (their veths go with them)',
  usage: 'netns-lab del NS...',
  async run(args, context) {
    const names = requireNames('del', parseCommandArgs('del', args, {}).positionals);
    for (const name of names) await deleteNamespace(context.host, name);
    return 0;
  },
};

/** The namespace names of a command, each valid and given once (a repeated name is most likely a slip). */
function requireNames(command: string, positionals: string[]): string[] {
  if (positionals.length === 0) throw new UsageError('expected at least one namespace name', command);
  const names = checkArguments(command, () => positionals.map(checkNamespaceName));
  const seen = new Set<string>();
  for (const name of names) {
    if (seen.has(name)) throw new UsageError(`the namespace name ${quoteName(name)} is given twice; give each name once`, command);
    seen.add(name);
  }
  return names;
}

