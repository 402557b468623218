/** Creating bridges and attaching interfaces to them or detaching them. */
import { attachToBridge, createBridge, describeEnd, describeNamespace, detachFromBridge } from '../../core/changes/operations.js';
import type { Host } from '../../core/host/host.js';
import type { LinkInfo, NamespaceName, NamespaceState } from '../../core/model.js';
import { interfaceNameProblem } from '../../core/names.js';
import { readNamespace } from '../../core/state/read.js';
import type { Services } from '../services.js';
import { bridgeAttachRequest, bridgeCreateRequest, interfaceRequest } from '../view-model/arguments.js';
import { pickLabel } from '../view-model/input-rules.js';
import { givenOrPickedNamespace, namespaceReader, pickInterface } from '../ui/pickers.js';
import { inputText, NothingToChoose, pickMany, stepTitles, type Choice } from '../ui/prompts.js';
import { applyChange } from './run.js';

/** netnsLab.bridge.create: asks for the namespace (unless known), the name and the ports. */
export async function createBridgeCommand(services: Services, argument: unknown): Promise<void> {
  const request = bridgeCreateRequest(argument);
  const host = services.host(request.targetId);
  const title = stepTitles(`Create Bridge${services.where(request.targetId).suffix}`, (request.namespace === undefined ? 1 : 0) + (request.name === undefined ? 2 : 0));
  const namespace = await givenOrPickedNamespace(host, request.namespace, { title, placeholder: 'The namespace of the new bridge' });
  const { name, ports } = request.name !== undefined ? { name: request.name, ports: request.ports ?? [] } : await askBridge(host, namespace, title);
  const description = `create bridge ${describeEnd({ name, namespace })}`;
  await applyChange(services, { targetId: request.targetId, description, namespaces: [namespace] }, (target) => createBridge(target, namespace, name, { ports, up: request.up }));
}

/** netnsLab.bridge.attach: asks for what is missing of the namespace, the interface and the bridge. */
export async function attachToBridgeCommand(services: Services, argument: unknown): Promise<void> {
  const request = bridgeAttachRequest(argument);
  const host = services.host(request.targetId);
  const title = stepTitles(`Attach Interface to Bridge${services.where(request.targetId).suffix}`, [request.namespace, request.interface, request.bridge].filter((part) => part === undefined).length);
  const namespace = await givenOrPickedNamespace(host, request.namespace, { title, placeholder: 'The namespace of the interface and the bridge' });
  const state = namespaceReader(host, namespace);
  // Without a bridge there is nothing to attach to: say so before asking which interface.
  const bridges = request.bridge === undefined ? bridgesOf(await state(), describeNamespace(namespace)) : [];
  const port = request.interface ?? (await pickInterface(await state(), { title: title(), placeholder: 'The interface to attach', filter: canBePort })).name;
  const bridge = request.bridge ?? (await pickBridge(await state(), bridges, port, title()));
  await applyChange(services, { targetId: request.targetId, description: `attach ${port} to bridge ${bridge}`, namespaces: [namespace] }, (target) => attachToBridge(target, namespace, port, bridge));
}

/** netnsLab.bridge.detach: asks for the namespace and the port when not given. */
export async function detachFromBridgeCommand(services: Services, argument: unknown): Promise<void> {
  const request = interfaceRequest('netnsLab.bridge.detach', argument);
  const host = services.host(request.targetId);
  const title = stepTitles(`Detach Interface from Bridge${services.where(request.targetId).suffix}`, [request.namespace, request.interface].filter((part) => part === undefined).length);
  const namespace = await givenOrPickedNamespace(host, request.namespace, { title, placeholder: 'The namespace of the bridge port' });
  const port = request.interface ?? (await pickPort(host, namespace, title()));
  await applyChange(services, { targetId: request.targetId, description: `detach ${port} from its bridge`, namespaces: [namespace] }, (target) => detachFromBridge(target, namespace, port));
}

/** The new bridge's name, then its ports. */
async function askBridge(host: Host, namespace: NamespaceName, title: () => string): Promise<{ name: string; ports: string[] }> {
  const state = await readNamespace(host, namespace);
  const name = await askBridgeName(state, title());
  return { name, ports: await askPorts(state, name, title()) };
}

function askBridgeName(state: NamespaceState, title: string): Promise<string> {
  const existing = new Set(state.links.map((link) => link.name));
  return inputText({
    title,
    prompt: 'Name of the new bridge',
    placeholder: 'e.g. br0',
    problem: (name) => interfaceNameProblem(name) ?? (existing.has(name) ? `there is already an interface named ${JSON.stringify(name)} here` : undefined),
  });
}

/** The interfaces that can become ports: none to choose is an answer, and then the step is skipped. */
async function askPorts(state: NamespaceState, bridge: string, title: string): Promise<string[]> {
  const candidates = state.links.filter(canBePort);
  if (candidates.length === 0) return [];
  const choices = candidates.map((link): Choice<string> => ({ label: pickLabel(link.name), description: link.kind, value: link.name }));
  return pickMany(choices, { title, placeholder: `Interfaces to attach to ${bridge} (none is fine)` });
}

function bridgesOf(state: NamespaceState, where: string): LinkInfo[] {
  const bridges = state.links.filter((link) => link.kind === 'bridge');
  if (bridges.length === 0) throw new NothingToChoose(`There is no bridge in ${where}: create one first (Netns Lab: Create Bridge).`);
  return bridges;
}

async function pickBridge(state: NamespaceState, bridges: LinkInfo[], port: string, title: string): Promise<string> {
  const candidates = bridges.filter((link) => link.name !== port);
  return (await pickInterface({ ...state, links: candidates }, { title, placeholder: `The bridge to attach ${port} to` })).name;
}

async function pickPort(host: Host, namespace: NamespaceName, title: string): Promise<string> {
  const state = await readNamespace(host, namespace);
  return (await pickInterface(state, { title, placeholder: 'The interface to detach from its bridge', filter: (link) => link.master !== undefined })).name;
}

/** Not the loopback, not a bridge, not already a port of something. */
function canBePort(link: LinkInfo): boolean {
  return link.kind !== 'loopback' && link.kind !== 'bridge' && link.master === undefined;
}
