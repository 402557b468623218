/** Creating and deleting namespaces: add, del. */
import { createNamespaces, deleteNamespace } from '../../core/changes/operations.js';
import { listSome, quoteName } from '../../core/display.js';
import { NetnsLabError, NotFoundError } from '../../core/errors.js';
import type { Host } from '../../core/host/host.js';
import { checkNamespaceName } from '../../core/names.js';
import { readNamespaceNames } from '../../core/state/read.js';
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
  usage: 'netns-lab del NS...\n\nEvery name is checked first: when one of them does not exist, nothing is deleted.',
  async run(args, context) {
    const names = requireNames('del', parseCommandArgs('del', args, {}).positionals);
    await deleteAllOrNone(context.host, names);
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

/**
 * Deletes the namespaces only when all of them exist, so that a typo in one name deletes none: a deleted namespace
 * cannot be brought back. Should a deletion itself fail, the message says which were already deleted.
 */
async function deleteAllOrNone(host: Host, names: readonly string[]): Promise<void> {
  const existing = new Set(await readNamespaceNames(host));
  const missing = names.filter((name) => !existing.has(name));
  if (missing.length > 0) {
    const what = missing.length === 1 ? 'There is no network namespace named' : 'There are no network namespaces named';
    throw new NotFoundError(`${what} ${listSome(missing.map(quoteName))}, so nothing was deleted; check the names with netns-lab ls`);
  }
  for (const [index, name] of names.entries()) {
    try {
      await deleteNamespace(host, name);
    } catch (error) {
      if (index === 0 || !(error instanceof NetnsLabError)) throw error;
      throw new NetnsLabError(`${error.message}; already deleted: ${listSome(names.slice(0, index).map(quoteName))}`);
    }
  }
}
