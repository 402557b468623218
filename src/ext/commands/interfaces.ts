/** Bringing interfaces up or down, and deleting them. */
import { deleteLink, describeEnd, describeNamespace, setLinkUp } from '../../core/changes/operations.js';
import type { LinkInfo, NamespaceName } from '../../core/model.js';
import { readNamespace } from '../../core/state/read.js';
import type { Services } from '../services.js';
import { interfaceRequest, type Place } from '../view-model/arguments.js';
import { interfaceDeletionDetail } from '../view-model/deletion-details.js';
import { givenOrPickedNamespace, pickInterface } from '../ui/pickers.js';
import { confirmDeletion, stepTitles } from '../ui/prompts.js';
import { applyChange } from './run.js';

/** An interface to delete, with what the warning says about it (known when it came from the tree or a picker). */
interface ChosenInterface {
  name: string;
  link?: LinkInfo;
  bridgePorts: LinkInfo[];
}

/** netnsLab.interface.setUp. */
export async function setInterfaceUpCommand(services: Services, argument: unknown): Promise<void> {
  await setInterfaceState(services, interfaceRequest('netnsLab.interface.setUp', argument), true);
}

/** netnsLab.interface.setDown. */
export async function setInterfaceDownCommand(services: Services, argument: unknown): Promise<void> {
  await setInterfaceState(services, interfaceRequest('netnsLab.interface.setDown', argument), false);
}

/** netnsLab.interface.delete: from the UI, only after a warning that names what goes with it (a veth's peer). */
export async function deleteInterfaceCommand(services: Services, argument: unknown): Promise<void> {
  const request = interfaceRequest('netnsLab.interface.delete', argument);
  const host = services.host(request.targetId);
  const on = services.where(request.targetId).suffix;
  const title = stepTitles(`Delete Interface${on}`, missingCount(request));
  const namespace = await givenOrPickedNamespace(host, request.namespace, { title, placeholder: 'The namespace of the interface' });
  const chosen: ChosenInterface =
    request.interface !== undefined ? { name: request.interface, link: request.link, bridgePorts: request.bridgePorts ?? [] } : await pickToDelete(services, request.targetId, namespace, title());
  const name = chosen.name;
  if (request.origin === 'ui') {
    await confirmDeletion(`Delete interface ${JSON.stringify(name)} in ${describeNamespace(namespace)}${on}?`, interfaceDeletionDetail(chosen.link, chosen.bridgePorts));
  }
  const change = { targetId: request.targetId, description: `delete ${describeEnd({ name, namespace })}`, namespaces: affectedByDeletion(namespace, chosen.link) };
  await applyChange(services, change, (target) => deleteLink(target, namespace, name));
}

async function setInterfaceState(services: Services, request: Place, up: boolean): Promise<void> {
  const host = services.host(request.targetId);
  const title = stepTitles(`${up ? 'Set Interface Up' : 'Set Interface Down'}${services.where(request.targetId).suffix}`, missingCount(request));
  const namespace = await givenOrPickedNamespace(host, request.namespace, { title, placeholder: 'The namespace of the interface' });
  const placeholder = `The interface to bring ${up ? 'up' : 'down'}`;
  const name = request.interface ?? (await pickInterface(await readNamespace(host, namespace), { title: title(), placeholder, filter: (link) => link.up !== up })).name;
  const change = { targetId: request.targetId, description: `bring ${up ? 'up' : 'down'} ${describeEnd({ name, namespace })}`, namespaces: [namespace] };
  await applyChange(services, change, (target) => setLinkUp(target, namespace, name, up));
}

/** Any interface but the loopback (which cannot be deleted), with what the warning needs to know about it. */
async function pickToDelete(services: Services, targetId: string, namespace: NamespaceName, title: string): Promise<ChosenInterface> {
  const state = await readNamespace(services.host(targetId), namespace);
  const link = await pickInterface(state, { title, placeholder: 'The interface to delete', filter: (candidate) => candidate.kind !== 'loopback' });
  const bridgePorts = state.links.filter((candidate) => candidate.master === link.name);
  return { name: link.name, link, bridgePorts };
}

/**
 * The namespaces whose contents a deletion changes: a veth's peer goes too. When what was deleted is not known (a
 * program named it), every namespace may have changed.
 */
function affectedByDeletion(namespace: NamespaceName, link: LinkInfo | undefined): NamespaceName[] | undefined {
  if (!link || (link.kind === 'veth' && !link.peer)) return undefined;
  return link.peer ? [namespace, link.peer.namespace] : [namespace];
}

function missingCount(request: Place): number {
  return [request.namespace, request.interface].filter((part) => part === undefined).length;
}
