/**
 * The state a topology asks for, namespace by namespace: which interfaces exist there and how each is set up. Plan
 * compares this with what the kernel reports; apply never looks at the file's shape again.
 */
import type { RouteSpec } from '../iproute2/commands.js';
import type { NamespaceName } from '../model.js';
import type { Impairment, Topology, TopologyEndpoint } from '../topology/model.js';

export interface DesiredInterface {
  namespace: NamespaceName;
  name: string;
  kind: 'veth' | 'bridge';
  /** For a veth end: the other end. */
  peer?: { namespace: NamespaceName; name: string };
  addresses: string[];
  mtu?: number;
  /** The bridge this interface is a port of. */
  master?: string;
  impairment?: Impairment;
}

export interface DesiredNamespace {
  /** `null` is the root namespace, which the lab never creates, routes or tunes. */
  name: NamespaceName;
  interfaces: Map<string, DesiredInterface>;
  routes: RouteSpec[];
  sysctls: Record<string, string>;
}

export interface DesiredState {
  lab: string;
  /** The root namespace first, then the lab's namespaces in the order the file declares them. */
  namespaces: Map<NamespaceName, DesiredNamespace>;
  /** Veth pairs as [first end, second end], in the file's order. */
  pairs: Array<[DesiredInterface, DesiredInterface]>;
}

export function desiredState(topology: Topology): DesiredState {
  const namespaces = new Map<NamespaceName, DesiredNamespace>();
  const namespaceOf = (name: NamespaceName): DesiredNamespace => {
    let found = namespaces.get(name);
    if (!found) namespaces.set(name, (found = { name, interfaces: new Map(), routes: [], sysctls: {} }));
    return found;
  };
  namespaceOf(null);
  for (const namespace of topology.namespaces) {
    const desired = namespaceOf(namespace.netns);
    desired.routes = namespace.routes;
    desired.sysctls = namespace.sysctls;
  }
  const masters = portMasters(topology);
  const pairs: DesiredState['pairs'] = [];
  for (const link of topology.links) {
    const [first, second] = link.endpoints.map((end, index) => vethEnd(end, link.endpoints[1 - index]!, masters)) as [DesiredInterface, DesiredInterface];
    namespaceOf(first.namespace).interfaces.set(first.name, first);
    namespaceOf(second.namespace).interfaces.set(second.name, second);
    pairs.push([first, second]);
  }
  for (const bridge of topology.bridges) {
    namespaceOf(bridge.namespace).interfaces.set(bridge.name, {
      namespace: bridge.namespace,
      name: bridge.name,
      kind: 'bridge',
      addresses: bridge.addresses,
      ...(bridge.mtu === undefined ? {} : { mtu: bridge.mtu }),
    });
  }
  return { lab: topology.lab, namespaces, pairs };
}

function vethEnd(end: TopologyEndpoint, other: TopologyEndpoint, masters: Map<string, string>): DesiredInterface {
  const master = masters.get(interfaceKey(end.namespace, end.interface));
  return {
    namespace: end.namespace,
    name: end.interface,
    kind: 'veth',
    peer: { namespace: other.namespace, name: other.interface },
    addresses: end.addresses,
    ...(end.mtu === undefined ? {} : { mtu: end.mtu }),
    ...(master === undefined ? {} : { master }),
    ...(end.impairment === undefined ? {} : { impairment: end.impairment }),
  };
}

/** Interface key → the bridge it is a port of. */
function portMasters(topology: Topology): Map<string, string> {
  const masters = new Map<string, string>();
  for (const bridge of topology.bridges) {
    for (const port of bridge.ports) masters.set(interfaceKey(bridge.namespace, port), bridge.name);
  }
  return masters;
}

export function interfaceKey(namespace: NamespaceName, name: string): string {
  return `${namespace ?? ''}\0${name}`;
}

/** The namespaces the lab creates (all but the root). */
export function labNamespaces(state: DesiredState): string[] {
  return [...state.namespaces.keys()].filter((name): name is string => name !== null);
}
