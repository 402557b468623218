/**
 * Argv builders for iproute2. Each returns the words after `ip` for one command in one namespace, as an
 * `IpCommand`, so a caller can run it alone (`ip [-n NS] ARGS`) or gather commands of one namespace into a
 * single `ip [-n NS] -batch -`. Names and addresses are validated here, before anything runs.
 */
import { checkIpAddress, checkMtu, checkRouteDestination, parseCidr } from '../addresses.js';
import { InvalidArgumentError } from '../errors.js';
import type { NamespaceName, RouteSpec } from '../model.js';
import { checkInterfaceName, checkNamespaceName } from '../names.js';

/** One `ip` command and the namespace it runs in (`null`: the root namespace). */
export interface IpCommand {
  namespace: NamespaceName;
  /** `tc` for traffic control commands, which take the same `-n NS` and `-batch -`; `ip` when absent. */
  program?: 'tc';
  /** The words after `ip` (and after `-n NS`). */
  args: string[];
}

/** The full argv of one command: `ip [-n NS] ARGS`. */
export function ipArgv(command: IpCommand): string[] {
  return [command.program ?? 'ip', ...namespaceOption(command.namespace), ...command.args];
}

// Interface names always follow a keyword (`name`, `dev`): ip reads a bare word that abbreviates one of its
// keywords as that keyword (a link called `b` would be read as `broadcast`).

/** The argv of a batch in one namespace; its lines come on standard input. */
export function ipBatchArgv(namespace: NamespaceName, options: string[] = [], program: 'ip' | 'tc' = 'ip'): string[] {
  return [program, ...namespaceOption(namespace), ...options, '-batch', '-'];
}

function namespaceOption(namespace: NamespaceName): string[] {
  return namespace === null ? [] : ['-n', checkNamespaceName(namespace)];
}

function inNamespace(namespace: NamespaceName, args: string[]): IpCommand {
  if (namespace !== null) checkNamespaceName(namespace);
  return { namespace, args };
}

export function namespaceAdd(name: string): IpCommand {
  return { namespace: null, args: ['netns', 'add', checkNamespaceName(name)] };
}

/** Names the namespace of process `pid` (a bind mount under /run/netns, as `netns add` makes). */
export function namespaceAttach(name: string, pid: number): IpCommand {
  return { namespace: null, args: ['netns', 'attach', checkNamespaceName(name), String(pid)] };
}

export function namespaceDelete(name: string): IpCommand {
  return { namespace: null, args: ['netns', 'delete', checkNamespaceName(name)] };
}

/** One end of a veth pair: its interface name and namespace. */
export interface VethEnd {
  name: string;
  namespace: NamespaceName;
}

/**
 * Creates a veth pair with each end in any namespace. The pair is made in the first end's namespace and the peer
 * sent to its own; when only the peer is in the root namespace, the pair is made there instead, because the root
 * namespace has no name to send a link to.
 */
export function vethAdd(first: VethEnd, second: VethEnd): IpCommand {
  for (const end of [first, second]) {
    checkInterfaceName(end.name);
    // ip reads a `netns` word containing "/" as a path, so the peer's namespace is checked here too.
    if (end.namespace !== null) checkNamespaceName(end.namespace);
  }
  if (first.namespace === second.namespace && first.name === second.name) {
    throw new InvalidArgumentError(`Both ends of the veth pair are named ${JSON.stringify(first.name)} in the same namespace: give them different names`);
  }
  const [local, remote] = vethCreationOrder(first, second);
  const peerNamespace = remote.namespace !== local.namespace && remote.namespace !== null ? ['netns', remote.namespace] : [];
  return inNamespace(local.namespace, ['link', 'add', 'name', local.name, 'type', 'veth', 'peer', 'name', remote.name, ...peerNamespace]);
}

/** The end `ip link add` is run beside (deleting it removes both ends), then the peer. */
export function vethCreationOrder<End extends VethEnd>(first: End, second: End): [End, End] {
  return first.namespace === null || second.namespace !== null ? [first, second] : [second, first];
}

export function bridgeAdd(namespace: NamespaceName, name: string): IpCommand {
  return inNamespace(namespace, ['link', 'add', 'name', checkInterfaceName(name), 'type', 'bridge']);
}

export function linkSetMaster(namespace: NamespaceName, device: string, master: string): IpCommand {
  return inNamespace(namespace, ['link', 'set', 'dev', checkInterfaceName(device), 'master', checkInterfaceName(master)]);
}

export function linkSetNoMaster(namespace: NamespaceName, device: string): IpCommand {
  return inNamespace(namespace, ['link', 'set', 'dev', checkInterfaceName(device), 'nomaster']);
}

export function linkSetUp(namespace: NamespaceName, device: string): IpCommand {
  return inNamespace(namespace, ['link', 'set', 'dev', checkInterfaceName(device), 'up']);
}

export function linkSetDown(namespace: NamespaceName, device: string): IpCommand {
  return inNamespace(namespace, ['link', 'set', 'dev', checkInterfaceName(device), 'down']);
}

export function linkSetMtu(namespace: NamespaceName, device: string, mtu: number): IpCommand {
  return inNamespace(namespace, ['link', 'set', 'dev', checkInterfaceName(device), 'mtu', String(checkMtu(mtu))]);
}

export function linkDelete(namespace: NamespaceName, device: string): IpCommand {
  return inNamespace(namespace, ['link', 'delete', 'dev', checkInterfaceName(device)]);
}

// No -4/-6 in these words: ip infers the family from the address, and batch lines do not accept options.

export function addressAdd(namespace: NamespaceName, device: string, cidr: string): IpCommand {
  parseCidr(cidr);
  return inNamespace(namespace, ['address', 'add', cidr, 'dev', checkInterfaceName(device)]);
}

export function addressDelete(namespace: NamespaceName, device: string, cidr: string): IpCommand {
  parseCidr(cidr);
  return inNamespace(namespace, ['address', 'delete', cidr, 'dev', checkInterfaceName(device)]);
}

// RouteSpec lives with the other shared types at the bottom of the core; named here too so the library's
// `ip.RouteSpec` stays.
export type { RouteSpec } from '../model.js';

export function routeAdd(namespace: NamespaceName, route: RouteSpec): IpCommand {
  return inNamespace(namespace, routeArgs('add', route));
}

export function routeDelete(namespace: NamespaceName, route: RouteSpec): IpCommand {
  return inNamespace(namespace, routeArgs('delete', route));
}

function routeArgs(action: 'add' | 'delete', route: RouteSpec): string[] {
  if (route.via === undefined && route.device === undefined && action === 'add') {
    throw new InvalidArgumentError('A route needs a gateway (via ADDRESS) or a device (dev NAME), or both');
  }
  const destinationFamily = checkRouteDestination(route.destination);
  const viaFamily = route.via === undefined ? undefined : checkIpAddress(route.via, 'gateway');
  if (destinationFamily && viaFamily && destinationFamily !== viaFamily) {
    throw new InvalidArgumentError(`The route to ${route.destination} and its gateway ${route.via} are of different address families`);
  }
  const family = destinationFamily ?? viaFamily ?? route.family ?? 'inet';
  // Without -6 (batch lines take no options), ip reads `default` as IPv4 unless a gateway says otherwise.
  const destination = route.destination === 'default' && family === 'inet6' && viaFamily === undefined ? '::/0' : route.destination;
  const words = ['route', action, destination];
  if (route.via !== undefined) words.push('via', route.via);
  if (route.device !== undefined) words.push('dev', checkInterfaceName(route.device));
  if (route.metric !== undefined) {
    if (!Number.isInteger(route.metric) || route.metric < 0) throw new InvalidArgumentError(`Invalid route metric ${route.metric}: expected a whole number, 0 or more`);
    words.push('metric', String(route.metric));
  }
  return words;
}

/**
 * Creates a veth pair from the root namespace with each end made directly in its own namespace (no `netns` word
 * for an end in the root), so that a whole lab's pairs fit in one root `ip -batch`.
 */
export function vethAddFromRoot(first: VethEnd, second: VethEnd): IpCommand {
  const placed = (end: VethEnd): string[] => [checkInterfaceName(end.name), ...(end.namespace === null ? [] : ['netns', checkNamespaceName(end.namespace)])];
  return { namespace: null, args: ['link', 'add', 'name', ...placed(first), 'type', 'veth', 'peer', 'name', ...placed(second)] };
}

/** Sets a sysctl inside a named namespace, run from the root (so it fits in the root batch). */
export function namespaceSysctl(namespace: string, key: string, value: string): IpCommand {
  if (!/^[A-Za-z0-9_]+(\.[A-Za-z0-9_-]+)+$/u.test(key)) throw new InvalidArgumentError(`Invalid sysctl key ${JSON.stringify(key)}: expected dotted words such as net.ipv4.ip_forward`);
  if (/[\s=]/u.test(value) || value.length === 0) throw new InvalidArgumentError(`Invalid value ${JSON.stringify(value)} for sysctl ${key}: expected one word without spaces or "="`);
  return { namespace: null, args: ['netns', 'exec', checkNamespaceName(namespace), 'sysctl', '-q', '-w', `${key}=${value}`] };
}

/** What one `link set` can change at once. */
export interface LinkSettings {
  mtu?: number;
  master?: string;
  alias?: string;
  up?: boolean;
}

/**
 * Several settings of one link in one command: the kernel applies them in one request, so a lab's links cost one
 * batch line each instead of one per setting.
 */
export function linkSet(namespace: NamespaceName, device: string, settings: LinkSettings): IpCommand {
  const words = ['link', 'set', 'dev', checkInterfaceName(device)];
  if (settings.mtu !== undefined) words.push('mtu', String(checkMtu(settings.mtu)));
  if (settings.master !== undefined) words.push('master', checkInterfaceName(settings.master));
  if (settings.alias !== undefined) words.push('alias', settings.alias);
  if (settings.up) words.push('up');
  return inNamespace(namespace, words);
}
