/** The reading commands: ls, show, snapshot. */
import { NetnsLabError } from '../../core/errors.js';
import { isUnnamedNamespace, type NamespaceName, type NamespaceState } from '../../core/model.js';
import { checkNamespaceName } from '../../core/names.js';
import { readListingLimits, rootReadLimits } from '../../core/state/limits.js';
import { describeNamespaceUser } from '../../core/state/namespace-users.js';
import { readNamespace, readNamespaceListing, readNamespaceSummaries, readSnapshot } from '../../core/state/read.js';
import { checkSelectorValue, selectNamespace } from '../../core/state/select.js';
import { checkArguments, expectPositionals, parseCommandArgs, stringOption, UsageError, type ParsedArgs } from '../args.js';
import type { CliCommand, CliContext } from '../context.js';
import { namespaceLabel, renderNamespace } from '../render.js';
import { printable, renderTable } from '../table.js';

export const listCommand: CliCommand = {
  name: 'ls',
  summary: 'list the namespaces, named or not, with their interface counts',
  usage:
    "netns-lab ls [--json]\n\nNamed namespaces first; then those without a name (a container's, a process's), with their inode,\n" +
    'first process and what it is. Select one of those with `show --pid PID` or `show --inode INODE`.\n' +
    'Without root and the capabilities (--privilege none), what the user can see, counts unknown (-); exit status 0.',
  async run(args, context) {
    expectPositionals('ls', parseCommandArgs('ls', args, {}).positionals, []);
    const { named, unnamed, partial } = await readNamespaceSummaries(context.host);
    // A partial list is still what was asked for (exit 0); one line on stderr says what is missing and how to see it.
    if (partial) context.err(`netns-lab ls: ${partial.reason}\n`);
    if (context.json) {
      context.out(JSON.stringify({ namespaces: named, unnamed, ...(partial ? { partial } : {}) }, null, 2) + '\n');
    } else {
      context.out(
        named.length === 0
          ? 'No named network namespaces.\n'
          : renderTable(
              ['NAMESPACE', 'INTERFACES'],
              named.map((summary) => [printable(summary.name), countText(summary)]),
            ),
      );
      if (unnamed.length > 0) {
        const rows = unnamed.map((summary) => [
          String(summary.inode),
          summary.pids[0] === undefined ? '' : String(summary.pids[0]),
          printable(describeNamespaceUser(summary.user, summary.inode)),
          countText(summary),
        ]);
        context.out(`\nWithout a name\n${renderTable(['INODE', 'PID', 'USED BY', 'INTERFACES'], rows)}`);
      }
    }
    return [...named, ...unnamed].some((summary) => summary.error) ? 1 : 0;
  },
};

/** The interface count; `-` when it is not known (never a 0 that would be wrong). */
function countText(summary: { interfaces: number | null; error?: string }): string {
  return summary.error ? `error: ${summary.error}` : summary.interfaces === null ? '-' : String(summary.interfaces);
}

export const showCommand: CliCommand = {
  name: 'show',
  summary: 'interfaces (kind, state, addresses, veth peer, bridge) and routes of one namespace',
  usage:
    'netns-lab show [NS | --pid PID | --inode INODE] [--json]\n\nWithout NS, shows the root namespace. --pid shows the namespace of a process, --inode the namespace\n' +
    'with that inode (as `netns-lab ls` lists those without a name).',
  async run(args, context) {
    const parsed = parseCommandArgs('show', args, { pid: { type: 'string' }, inode: { type: 'string' } });
    const name = await chosenNamespace(parsed, context);
    const state = await readNamespace(context.host, name);
    // Without the capabilities only the root namespace can be read, and then without its veths' peers: one line says so.
    const limits = name === null ? await readListingLimits(context.host) : undefined;
    if (limits) context.err(`netns-lab show: ${rootReadLimits(limits)}\n`);
    if (state.error) throw new NetnsLabError(`Could not read ${namespaceLabel(name)}: ${state.error}`);
    if (isUnnamedNamespace(name)) state.unnamed = (await readNamespaceListing(context.host)).unnamed.find((found) => found.path === name);
    if (context.json) context.out(JSON.stringify({ namespace: namespaceJson(state) }, null, 2) + '\n');
    else context.out(renderNamespace(state));
    return 0;
  },
};

/** NS, --pid or --inode (one of them at most); nothing: the root namespace. */
async function chosenNamespace(parsed: ParsedArgs, context: CliContext): Promise<NamespaceName> {
  const pid = stringOption(parsed, 'pid');
  const inode = stringOption(parsed, 'inode');
  const given = [parsed.positionals.length > 0, pid !== undefined, inode !== undefined].filter(Boolean).length;
  if (parsed.positionals.length > 1 || given > 1) throw new UsageError('give one namespace: a name, --pid PID or --inode INODE', 'show');
  if (pid !== undefined) checkArguments('show', () => checkSelectorValue(pid, 'pid'));
  if (inode !== undefined) checkArguments('show', () => checkSelectorValue(inode, 'inode'));
  if (pid !== undefined) return selectNamespace(context.host, { pid });
  if (inode !== undefined) return selectNamespace(context.host, { inode });
  return parsed.positionals[0] === undefined ? null : checkArguments('show', () => checkNamespaceName(parsed.positionals[0]!));
}

export const snapshotCommand: CliCommand = {
  name: 'snapshot',
  summary: 'every namespace at once (the root namespace first)',
  usage: 'netns-lab snapshot [--json]',
  async run(args, context) {
    expectPositionals('snapshot', parseCommandArgs('snapshot', args, {}).positionals, []);
    const snapshot = await readSnapshot(context.host);
    if (context.json) context.out(JSON.stringify({ namespaces: snapshot.namespaces.map(namespaceJson) }, null, 2) + '\n');
    else context.out(snapshot.namespaces.map(renderNamespace).join('\n'));
    return snapshot.namespaces.some((namespace) => namespace.error) ? 1 : 0;
  },
};

/** The documented JSON shape of a namespace: the model without internal bookkeeping (the nsid map). */
export function namespaceJson(state: NamespaceState): Omit<NamespaceState, 'nsids'> {
  const { nsids: _internal, ...shown } = state;
  return shown;
}

export type { CliContext };
