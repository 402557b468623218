/**
 * Each command's argument turned into a request: what the handler knows, and what it must still ask. A plain
 * object (from a program) must be complete; a tree node (from a menu) fills in what it knows; nothing (from the
 * palette) leaves everything to ask. Pure: no vscode import, so it is tested under plain Node.
 */
import type { VethEndSpec } from '../../core/changes/operations.js';
import type { RouteSpec } from '../../core/iproute2/commands.js';
import type { LinkInfo, NamespaceName, RouteInfo } from '../../core/model.js';
import { LOCAL_TARGET } from '../../core/host/ssh-target.js';
import type { TreeNode } from './tree-nodes.js';
import { CommandArgumentError, FieldReader, invocationOrigin, type Origin } from './argument-fields.js';

/** What every request carries. */
export interface RequestBase {
  origin: Origin;
  targetId: string;
}

/**
 * What a node (or nothing) says about where a command acts. `namespace` undefined: not known (null is the root
 * namespace). A plain object's fields use the same names.
 */
export interface Place extends RequestBase {
  namespace?: NamespaceName;
  /** An interface name. */
  interface?: string;
  /** The interface as the tree showed it (its kind, peer, ports), when the command came from its node. */
  link?: LinkInfo;
  /** Ports of that interface when it is a bridge. */
  bridgePorts?: LinkInfo[];
  /** An address as `ADDRESS/PREFIX`. */
  address?: string;
  route?: RouteSpec;
}

/** netnsLab.namespace.create: `name` undefined is asked. */
export interface NamespaceCreateRequest extends RequestBase {
  name?: string;
  loopbackUp: boolean;
}

/** netnsLab.namespace.delete: `name` undefined is picked. */
export interface NamespaceRequest extends RequestBase {
  name?: string;
}

/** A veth pair to create, complete. */
export interface VethPlan {
  first: VethEndSpec;
  second: VethEndSpec;
  up: boolean;
}

/** netnsLab.veth.create: a complete plan, or what to preselect while asking for one. */
export interface VethCreateRequest extends RequestBase {
  /** Complete when a program asked; undefined when the user is to be asked. */
  plan?: VethPlan;
  /** The namespace to preselect for the first end (the node the command came from). */
  suggestedNamespace?: NamespaceName;
}

/** netnsLab.bridge.create: what is undefined is asked. */
export interface BridgeCreateRequest extends Place {
  name?: string;
  ports?: string[];
  up: boolean;
}

/** netnsLab.bridge.attach: what is undefined is asked. */
export interface BridgeAttachRequest extends Place {
  bridge?: string;
}

const EXPECTED = {
  namespaceCreate: '{ name: string, loopbackUp?: boolean, targetId?: string }',
  namespace: '{ name: string, targetId?: string }',
  terminal: '{ namespace: string | null, targetId?: string }',
  veth: '{ first: { name, namespace }, second: { name, namespace }, firstAddresses?: string[], secondAddresses?: string[], up?: boolean, targetId?: string }',
  bridgeCreate: '{ namespace: string | null, name: string, ports?: string[], up?: boolean, targetId?: string }',
  bridgeAttach: '{ namespace: string | null, interface: string, bridge: string, targetId?: string }',
  interface: '{ namespace: string | null, interface: string, targetId?: string }',
  address: '{ namespace: string | null, interface: string, address: string, targetId?: string }',
  route: '{ namespace: string | null, destination: string, via?: string, device?: string, metric?: number, targetId?: string }',
} as const;

/** netnsLab.namespace.create. The loopback comes up unless `loopbackUp: false`, as most labs want. */
export function namespaceCreateRequest(argument: unknown): NamespaceCreateRequest {
  if (invocationOrigin(argument) === 'ui') return { ...nodePlace('netnsLab.namespace.create', argument), loopbackUp: true };
  const fields = FieldReader.of('netnsLab.namespace.create', EXPECTED.namespaceCreate, argument);
  return { origin: 'program', targetId: fields.targetId(), name: fields.string('name'), loopbackUp: fields.optionalBoolean('loopbackUp', true) };
}

/** netnsLab.namespace.delete: a named namespace (the root namespace cannot be deleted). */
export function namespaceDeleteRequest(argument: unknown): NamespaceRequest {
  const command = 'netnsLab.namespace.delete';
  if (invocationOrigin(argument) === 'ui') {
    const place = nodePlace(command, argument);
    if (place.namespace === null) throw new CommandArgumentError('The root namespace cannot be deleted');
    return { origin: 'ui', targetId: place.targetId, name: place.namespace };
  }
  const fields = FieldReader.of(command, EXPECTED.namespace, argument);
  return { origin: 'program', targetId: fields.targetId(), name: fields.string('name') };
}

/** netnsLab.namespace.openTerminal: any namespace, the root one included. */
export function openTerminalRequest(argument: unknown): Place {
  const command = 'netnsLab.namespace.openTerminal';
  if (invocationOrigin(argument) === 'ui') return onlyNamespace(nodePlace(command, argument));
  const fields = FieldReader.of(command, EXPECTED.terminal, argument);
  return { origin: 'program', targetId: fields.targetId(), namespace: fields.namespace('namespace') };
}

/** netnsLab.veth.create. Both ends come up unless `up: false`. */
export function vethCreateRequest(argument: unknown): VethCreateRequest {
  const command = 'netnsLab.veth.create';
  if (invocationOrigin(argument) === 'ui') {
    const place = nodePlace(command, argument);
    return { origin: 'ui', targetId: place.targetId, suggestedNamespace: place.namespace };
  }
  const fields = FieldReader.of(command, EXPECTED.veth, argument);
  const end = (key: string, addressesKey: string): VethEndSpec => {
    const endFields = fields.object(key);
    return { name: endFields.string('name'), namespace: endFields.namespace('namespace'), addresses: fields.optionalStringList(addressesKey) };
  };
  const plan = { first: end('first', 'firstAddresses'), second: end('second', 'secondAddresses'), up: fields.optionalBoolean('up', true) };
  return { origin: 'program', targetId: fields.targetId(), plan };
}

/** netnsLab.bridge.create. The bridge comes up unless `up: false`. */
export function bridgeCreateRequest(argument: unknown): BridgeCreateRequest {
  const command = 'netnsLab.bridge.create';
  if (invocationOrigin(argument) === 'ui') return { ...onlyNamespace(nodePlace(command, argument)), up: true };
  const fields = FieldReader.of(command, EXPECTED.bridgeCreate, argument);
  const base = { origin: 'program' as const, targetId: fields.targetId(), namespace: fields.namespace('namespace') };
  return { ...base, name: fields.string('name'), ports: fields.optionalStringList('ports'), up: fields.optionalBoolean('up', true) };
}

/** netnsLab.bridge.attach. From a bridge's own node, the bridge is known and the port is asked. */
export function bridgeAttachRequest(argument: unknown): BridgeAttachRequest {
  const command = 'netnsLab.bridge.attach';
  if (invocationOrigin(argument) === 'ui') {
    const place = onlyInterface(nodePlace(command, argument));
    if (place.link?.kind !== 'bridge') return place;
    return { origin: 'ui', targetId: place.targetId, namespace: place.namespace, bridge: place.interface };
  }
  const fields = FieldReader.of(command, EXPECTED.bridgeAttach, argument);
  return { ...interfaceFields(fields), bridge: fields.string('bridge') };
}

/** netnsLab.bridge.detach, netnsLab.interface.setUp / setDown / delete: one interface. */
export function interfaceRequest(command: string, argument: unknown): Place {
  if (invocationOrigin(argument) === 'ui') return onlyInterface(nodePlace(command, argument));
  return interfaceFields(FieldReader.of(command, EXPECTED.interface, argument));
}

/** netnsLab.address.add: from an address's node, its interface is known (the address is asked). */
export function addressAddRequest(argument: unknown): Place {
  const command = 'netnsLab.address.add';
  if (invocationOrigin(argument) === 'ui') return onlyInterface(nodePlace(command, argument));
  return addressFields(FieldReader.of(command, EXPECTED.address, argument));
}

/** netnsLab.address.remove. */
export function addressRemoveRequest(argument: unknown): Place {
  const command = 'netnsLab.address.remove';
  if (invocationOrigin(argument) === 'ui') {
    const { route: _route, ...place } = nodePlace(command, argument);
    return place;
  }
  return addressFields(FieldReader.of(command, EXPECTED.address, argument));
}

/** netnsLab.route.add (from a node only the namespace is known) and netnsLab.route.remove. */
export function routeRequest(command: 'netnsLab.route.add' | 'netnsLab.route.remove', argument: unknown): Place {
  if (invocationOrigin(argument) === 'ui') {
    const place = nodePlace(command, argument);
    return command === 'netnsLab.route.add' ? onlyNamespace(place) : { ...onlyNamespace(place), route: place.route };
  }
  const fields = FieldReader.of(command, EXPECTED.route, argument);
  const route: RouteSpec = { destination: fields.string('destination') };
  const [via, device, metric] = [fields.optionalString('via'), fields.optionalString('device'), fields.optionalNumber('metric')];
  if (via !== undefined) route.via = via;
  if (device !== undefined) route.device = device;
  if (metric !== undefined) route.metric = metric;
  return { origin: 'program', targetId: fields.targetId(), namespace: fields.namespace('namespace'), route };
}

/** netnsLab.copyName: the name of a namespace or an interface node. */
export function nameToCopy(argument: unknown): string {
  const place = nodePlaceOf('netnsLab.copyName', argument);
  if (place.interface !== undefined) return place.interface;
  if (typeof place.namespace === 'string') return place.namespace;
  throw new CommandArgumentError('netnsLab.copyName takes a named namespace or an interface of the Namespaces view');
}

/** netnsLab.copyAddress: `ADDRESS/PREFIX` of an address node. */
export function addressToCopy(argument: unknown): string {
  const place = nodePlaceOf('netnsLab.copyAddress', argument);
  if (place.address === undefined) throw new CommandArgumentError('netnsLab.copyAddress takes an address of the Namespaces view');
  return place.address;
}

/**
 * What the route a tree node shows needs to be removed. The metric is kept so that, of two routes that differ only
 * in metric, the one shown goes. Routes of other tables than main are refused: a route spec has no table, and
 * removing the main table's route to the same destination instead would be wrong.
 */
export function routeSpecOf(route: RouteInfo): RouteSpec {
  if (route.table !== undefined && route.table !== 'main') {
    throw new CommandArgumentError(`The route to ${route.destination} is in table ${route.table}; only routes of the main table can be removed here`);
  }
  const spec: RouteSpec = { destination: route.destination, family: route.family };
  if (route.gateway !== undefined) spec.via = route.gateway;
  if (route.device !== undefined) spec.device = route.device;
  if (route.metric !== undefined) spec.metric = route.metric;
  return spec;
}

/** What a node (or nothing, from the palette) says about where a command acts. */
export function nodePlace(command: string, argument: unknown): Place {
  if (argument === undefined) return { origin: 'ui', targetId: LOCAL_TARGET };
  return nodePlaceOf(command, argument);
}

function nodePlaceOf(command: string, argument: unknown): Place {
  const node = FieldReader.of(command, 'a node of the Namespaces view', argument);
  const kind = node.string('kind') as TreeNode['kind'];
  const base: Place = { origin: 'ui', targetId: node.string('targetId') };
  switch (kind) {
    case 'namespace':
    case 'routes':
      return { ...base, namespace: node.namespace('namespace') };
    case 'interface': {
      const link = (argument as { link: LinkInfo }).link;
      const bridgePorts = (argument as { ports?: LinkInfo[] }).ports ?? [];
      return { ...base, namespace: node.namespace('namespace'), interface: node.object('link').string('name'), link, bridgePorts };
    }
    case 'address': {
      const address = node.object('address');
      const cidr = `${address.string('address')}/${address.number('prefixLength')}`;
      return { ...base, namespace: node.namespace('namespace'), interface: node.string('interfaceName'), address: cidr };
    }
    case 'route':
      node.object('route').string('destination');
      return { ...base, namespace: node.namespace('namespace'), route: routeSpecOf((argument as { route: RouteInfo }).route) };
    case 'target':
    case 'lab':
    case 'unnamedGroup':
    case 'message':
      return base;
    default:
      throw new CommandArgumentError(`${command} takes a node of the Namespaces view, not one of kind ${JSON.stringify(kind)}`);
  }
}

function onlyNamespace(place: Place): Place {
  return { origin: place.origin, targetId: place.targetId, namespace: place.namespace };
}

function onlyInterface(place: Place): Place {
  const { address: _address, route: _route, ...rest } = place;
  return rest;
}

function interfaceFields(fields: FieldReader): Place {
  return { origin: 'program', targetId: fields.targetId(), namespace: fields.namespace('namespace'), interface: fields.string('interface') };
}

function addressFields(fields: FieldReader): Place {
  return { ...interfaceFields(fields), address: fields.string('address') };
}
