/** Name It: a namespace without a name gets one (`ip netns attach`), after which every command works on it. */
import { nameNamespace } from '../../core/changes/operations.js';
import type { Host } from '../../core/host/host.js';
import type { UnnamedNamespace } from '../../core/model.js';
import { namespaceNameProblem } from '../../core/names.js';
import { describeNamespaceUser } from '../../core/state/namespace-users.js';
import { readNamespaceListing, readNamespaceNames } from '../../core/state/read.js';
import type { Services } from '../services.js';
import { nameNamespaceRequest } from '../view-model/name-namespace-arguments.js';
import { inputText, pickOne } from '../ui/prompts.js';
import { applyChange } from './run.js';

/** netnsLab.namespace.name: from a node, or the palette (then it asks which namespace). */
export async function nameNamespaceCommand(services: Services, argument: unknown): Promise<void> {
  const request = nameNamespaceRequest(argument);
  const host = services.host(request.targetId);
  const title = `Name It${services.where(request.targetId).suffix}`;
  const chosen = request.pid === undefined ? await pickUnnamed(host, title) : { pid: request.pid, unnamed: request.unnamed };
  const what = chosen.unnamed ? describeNamespaceUser(chosen.unnamed.user, chosen.unnamed.inode) : `process ${chosen.pid}`;
  const name = request.name ?? (await askName(host, `${title}: ${what}`));
  await applyChange(services, { targetId: request.targetId, description: `name the namespace of ${what} ${JSON.stringify(name)}` }, (target) => nameNamespace(target, name, chosen.pid));
}

async function pickUnnamed(host: Host, title: string): Promise<{ pid: number; unnamed: UnnamedNamespace }> {
  const { unnamed } = await readNamespaceListing(host);
  const choices = unnamed
    .filter((namespace) => namespace.pids.length > 0)
    .map((namespace) => ({ label: describeNamespaceUser(namespace.user, namespace.inode), description: `inode ${namespace.inode}`, value: { pid: namespace.pids[0]!, unnamed: namespace } }));
  return pickOne(choices, { title, placeholder: 'The namespace without a name to name', emptyMessage: 'There is no namespace without a name (with a process) to name' });
}

async function askName(host: Host, title: string): Promise<string> {
  const existing = new Set(await readNamespaceNames(host));
  return inputText({
    title,
    prompt: 'The name it gets under /run/netns',
    placeholder: 'e.g. web1',
    problem: (name) => namespaceNameProblem(name) ?? (existing.has(name) ? `a namespace named ${JSON.stringify(name)} already exists` : undefined),
  });
}
