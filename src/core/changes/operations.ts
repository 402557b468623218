/**
 * The changes users make, each one call that either completes or leaves the host as it was. Both the editor's
 * commands and the command line call these; names and addresses are checked before anything runs.
 */
import { parseCidr } from '../addresses.js';
import { displayName } from '../display.js';
import type { Host, RunOptions, RunResult } from '../host/host.js';
import type { RunningCommand, StartOptions } from '../host/running-command.js';
import * as ip from '../iproute2/commands.js';
import type { NamespaceName } from '../model.js';
import { checkNamespaceName } from '../names.js';
import { checkNamespaceExists } from '../state/read.js';
import { applyOne, applySteps, type Step } from './steps.js';

/** Creates a namespace; with `loopbackUp`, also brings its `lo` up (as most labs want). */
export async function createNamespace(host: Host, name: string, options: { loopbackUp?: boolean } = {}): Promise<void> {
  await createNamespaces(host, [name], options);
}

/** Creates several namespaces (in one batch where names allow); all or none. */
export async function createNamespaces(host: Host, names: readonly string[], options: { loopbackUp?: boolean } = {}): Promise<void> {
  const steps: Step[] = names.map((name) => ({ command: ip.namespaceAdd(name), undo: ip.namespaceDelete(name), description: `create ${describeNamespace(name)}` }));
  if (options.loopbackUp) steps.push(...names.map((name) => ({ command: ip.linkSetUp(name, 'lo'), description: `bring up lo in ${describeNamespace(name)}` })));
  await applySteps(host, steps);
}

/**
 * Gives the namespace of process `pid` a name, after which every command works on it. Deleting that name later
 * removes only the name while the process lives.
 */
export async function nameNamespace(host: Host, name: string, pid: number): Promise<void> {
  await applyOne(host, ip.namespaceAttach(name, pid), `name the namespace of process ${pid} ${displayName(name)}`);
}

/** Deletes a namespace; its veths go with it (their peers elsewhere too), as the kernel does. */
export async function deleteNamespace(host: Host, name: string): Promise<void> {
  await applyOne(host, ip.namespaceDelete(name), `delete ${describeNamespace(name)}`);
}

/** One end of a veth pair to create, with what to set on it. */
export interface VethEndSpec extends ip.VethEnd {
  addresses?: string[];
  mtu?: number;
}

/** Creates a veth pair with each end in any namespace, sets addresses and MTU, and brings both ends up if asked. */
export async function createVethPair(host: Host, first: VethEndSpec, second: VethEndSpec, options: { up?: boolean } = {}): Promise<void> {
  const pair = `${describeEnd(first)} / ${describeEnd(second)}`;
  const [madeBeside] = ip.vethCreationOrder(first, second);
  const steps: Step[] = [{ command: ip.vethAdd(first, second), undo: ip.linkDelete(madeBeside.namespace, madeBeside.name), description: `create veth pair ${pair}` }];
  for (const end of [first, second]) steps.push(...configureEnd(end, options.up ?? false));
  await applySteps(host, steps);
}

/** Steps that set up one end; none needs an undo, since deleting the pair takes them along. */
function configureEnd(end: VethEndSpec, up: boolean): Step[] {
  const where = describeEnd(end);
  const steps: Step[] = [];
  if (end.mtu !== undefined) steps.push({ command: ip.linkSetMtu(end.namespace, end.name, end.mtu), description: `set the MTU of ${where}` });
  for (const address of end.addresses ?? []) {
    steps.push({ command: ip.addressAdd(end.namespace, end.name, address), description: `add address ${address} to ${where}` });
  }
  if (up) steps.push({ command: ip.linkSetUp(end.namespace, end.name), description: `bring up ${where}` });
  return steps;
}

/** Creates a bridge, attaches the given ports (interfaces already in that namespace), and brings it up if asked. */
export async function createBridge(host: Host, namespace: NamespaceName, name: string, options: { ports?: string[]; addresses?: string[]; up?: boolean } = {}): Promise<void> {
  const where = describeEnd({ name, namespace });
  const steps: Step[] = [{ command: ip.bridgeAdd(namespace, name), undo: ip.linkDelete(namespace, name), description: `create bridge ${where}` }];
  for (const port of options.ports ?? []) {
    steps.push({ command: ip.linkSetMaster(namespace, port, name), undo: ip.linkSetNoMaster(namespace, port), description: `attach ${displayName(port)} to ${where}` });
  }
  for (const address of options.addresses ?? []) {
    steps.push({ command: ip.addressAdd(namespace, name, address), description: `add address ${address} to ${where}` });
  }
  if (options.up) steps.push({ command: ip.linkSetUp(namespace, name), description: `bring up ${where}` });
  await applySteps(host, steps);
}

export async function attachToBridge(host: Host, namespace: NamespaceName, port: string, bridge: string): Promise<void> {
  await applyOne(host, ip.linkSetMaster(namespace, port, bridge), `attach ${describeEnd({ name: port, namespace })} to bridge ${displayName(bridge)}`);
}

export async function detachFromBridge(host: Host, namespace: NamespaceName, port: string): Promise<void> {
  await applyOne(host, ip.linkSetNoMaster(namespace, port), `detach ${describeEnd({ name: port, namespace })} from its bridge`);
}

export async function addAddress(host: Host, namespace: NamespaceName, device: string, cidr: string): Promise<void> {
  parseCidr(cidr);
  await applyOne(host, ip.addressAdd(namespace, device, cidr), `add address ${cidr} to ${describeEnd({ name: device, namespace })}`);
}

export async function deleteAddress(host: Host, namespace: NamespaceName, device: string, cidr: string): Promise<void> {
  await applyOne(host, ip.addressDelete(namespace, device, cidr), `remove address ${cidr} from ${describeEnd({ name: device, namespace })}`);
}

export async function addRoute(host: Host, namespace: NamespaceName, route: ip.RouteSpec): Promise<void> {
  await applyOne(host, ip.routeAdd(namespace, route), `add route ${describeRoute(route)} in ${describeNamespace(namespace)}`);
}

export async function deleteRoute(host: Host, namespace: NamespaceName, route: ip.RouteSpec): Promise<void> {
  await applyOne(host, ip.routeDelete(namespace, route), `remove route ${describeRoute(route)} in ${describeNamespace(namespace)}`);
}

export async function setLinkUp(host: Host, namespace: NamespaceName, device: string, up: boolean): Promise<void> {
  const command = up ? ip.linkSetUp(namespace, device) : ip.linkSetDown(namespace, device);
  await applyOne(host, command, `bring ${up ? 'up' : 'down'} ${describeEnd({ name: device, namespace })}`);
}

export async function setLinkMtu(host: Host, namespace: NamespaceName, device: string, mtu: number): Promise<void> {
  await applyOne(host, ip.linkSetMtu(namespace, device, mtu), `set the MTU of ${describeEnd({ name: device, namespace })} to ${mtu}`);
}

export async function deleteLink(host: Host, namespace: NamespaceName, device: string): Promise<void> {
  await applyOne(host, ip.linkDelete(namespace, device), `delete ${describeEnd({ name: device, namespace })}`);
}

/** The argv that runs a command inside a namespace (as is, for the root namespace). */
export function namespaceExecArgv(namespace: NamespaceName, argv: readonly string[]): string[] {
  return namespace === null ? [...argv] : ['ip', 'netns', 'exec', checkNamespaceName(namespace), ...argv];
}

/**
 * Runs a command inside a namespace, streaming as asked, and resolves with its real exit status. A missing
 * namespace is a NotFoundError first, so that ip's own failure is never mistaken for the command's status.
 */
export async function execInNamespace(host: Host, namespace: NamespaceName, argv: readonly string[], options?: RunOptions): Promise<RunResult> {
  await checkNamespaceExists(host, namespace);
  return host.run(namespaceExecArgv(namespace, argv), options);
}

/**
 * Starts a command inside a namespace with its output as byte streams and its standard input passed through
 * (see Host.start). A missing namespace is a NotFoundError first.
 */
export async function startInNamespace(host: Host, namespace: NamespaceName, argv: readonly string[], options?: StartOptions): Promise<RunningCommand> {
  await checkNamespaceExists(host, namespace);
  return host.start(namespaceExecArgv(namespace, argv), options);
}

/** "veth-a in lab1", "veth-a in the root namespace". */
export function describeEnd(end: ip.VethEnd): string {
  return `${displayName(end.name)} in ${describeNamespace(end.namespace)}`;
}

export function describeNamespace(namespace: NamespaceName): string {
  return namespace === null ? 'the root namespace' : `namespace ${displayName(namespace)}`;
}

function describeRoute(route: ip.RouteSpec): string {
  return [route.destination, route.via ? `via ${route.via}` : '', route.device ? `dev ${route.device}` : ''].filter(Boolean).join(' ');
}
