/** Creating and deleting namespaces. */
import { createNamespace, deleteNamespace } from '../../core/changes/operations.js';
import type { Host } from '../../core/host/host.js';
import type { NamespaceState } from '../../core/model.js';
import { namespaceNameProblem } from '../../core/names.js';
import { readNamespace, readNamespaceNames } from '../../core/state/read.js';
import type { Services } from '../services.js';
import { namespaceCreateRequest, namespaceDeleteRequest } from '../view-model/arguments.js';
import { namespaceDeletionDetail } from '../view-model/deletion-details.js';
import { pickNamedNamespace } from '../ui/pickers.js';
import { confirmDeletion, inputText } from '../ui/prompts.js';
import { applyChange } from './run.js';

/** netnsLab.namespace.create: asks for the name (refusing invalid and existing ones as the user types). */
export async function createNamespaceCommand(services: Services, argument: unknown): Promise<void> {
  const request = namespaceCreateRequest(argument);
  const title = `Create Namespace${services.where(request.targetId).suffix}`;
  const name = request.name ?? (await askNewNamespaceName(services.host(request.targetId), title));
  await applyChange(services, { targetId: request.targetId, description: `create namespace ${name}` }, (host) => createNamespace(host, name, { loopbackUp: request.loopbackUp }));
}

/** netnsLab.namespace.delete: from the UI, only after a warning that names what goes with it. */
export async function deleteNamespaceCommand(services: Services, argument: unknown): Promise<void> {
  const request = namespaceDeleteRequest(argument);
  const host = services.host(request.targetId);
  const on = services.where(request.targetId).suffix;
  const name = request.name ?? (await pickNamedNamespace(host, { title: `Delete Namespace${on}`, placeholder: 'The namespace to delete' }));
  if (request.origin === 'ui') {
    await confirmDeletion(`Delete namespace ${JSON.stringify(name)}${on}?`, namespaceDeletionDetail(await readIfPossible(host, name)));
  }
  await applyChange(services, { targetId: request.targetId, description: `delete namespace ${name}` }, (target) => deleteNamespace(target, name));
}

async function askNewNamespaceName(host: Host, title: string): Promise<string> {
  const existing = new Set(await readNamespaceNames(host));
  return inputText({
    title,
    prompt: 'Name of the new network namespace',
    placeholder: 'e.g. lab1',
    problem: (name) => namespaceNameProblem(name) ?? (existing.has(name) ? `a namespace named ${JSON.stringify(name)} already exists` : undefined),
  });
}

/** The namespace's contents for the warning; the warning still goes out (in general words) when it cannot be read. */
async function readIfPossible(host: Host, name: string): Promise<NamespaceState | undefined> {
  try {
    return await readNamespace(host, name);
  } catch {
    return undefined;
  }
}
