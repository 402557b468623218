/** The reading commands: ls, show, snapshot. */
import { NetnsLabError } from '../../core/errors.js';
import type { NamespaceState } from '../../core/model.js';
import { checkNamespaceName } from '../../core/names.js';
import { readNamespace, readNamespaceSummaries, readSnapshot } from '../../core/state/read.js';
import { checkArguments, expectPositionals, parseCommandArgs, UsageError } from '../args.js';
import type { CliCommand, CliContext } from '../context.js';
import { renderNamespace } from '../render.js';
import { printable, renderTable } from '../table.js';

export const listCommand: CliCommand = {
  name: 'ls',
  summary: 'list the named namespaces with their interface counts',
  usage: 'netns-lab ls [--json]',
  async run(args, context) {
    expectPositionals('ls', parseCommandArgs('ls', args, {}).positionals, []);
    const summaries = await readNamespaceSummaries(context.host);
    if (context.json) {
      context.out(JSON.stringify({ namespaces: summaries }, null, 2) + '\n');
    } else if (summaries.length === 0) {
      context.out('No named network namespaces.\n');
    } else {
      const rows = summaries.map((summary) => [printable(summary.name), summary.error ? `error: ${summary.error}` : String(summary.interfaces)]);
      context.out(renderTable(['NAMESPACE', 'INTERFACES'], rows));
    }
    return summaries.some((summary) => summary.error) ? 1 : 0;
  },
};

export const showCommand: CliCommand = {
  name: 'show',
  summary: 'interfaces (kind, state, addresses, veth peer, bridge) and routes of one namespace',
  usage: 'netns-lab show [NS] [--json]\n\nWithout NS, shows the root namespace.',
  async run(args, context) {
    const { positionals } = parseCommandArgs('show', args, {});
    if (positionals.length > 1) throw new UsageError('expected at most one namespace name', 'show');
    const name = positionals[0] === undefined ? null : checkArguments('show', () => checkNamespaceName(positionals[0]!));
    const state = await readNamespace(context.host, name);
    if (state.error) throw new NetnsLabError(`Could not read ${name === null ? 'the root namespace' : `namespace ${JSON.stringify(name)}`}: ${state.error}`);
    if (context.json) context.out(JSON.stringify({ namespace: namespaceJson(state) }, null, 2) + '\n');
    else context.out(renderNamespace(state));
    return 0;
  },
};

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
