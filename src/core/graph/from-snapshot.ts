/** The picture of what the kernel has: a whole host, or a lab's namespaces and what they connect to. */
import { unnamedNamespaceLabel } from '../display.js';
import { isUnnamedNamespace, type HostSnapshot, type LinkInfo, type NamespaceName, type NamespaceState } from '../model.js';
import { describeNamespaceUser } from '../state/namespace-users.js';
import { interfaceId, namespaceId, type GraphInterface, type GraphLink, type GraphNamespace, type InterfaceState, type NetworkGraph } from './model.js';
import { withBridgeLans } from './bridge-lans.js';
import { sharedSubnets } from './subnets.js';

export interface SnapshotGraphOptions {
  /** Deployed labs, so that their namespaces are marked as theirs. */
  labs?: ReadonlyArray<{ lab: string; namespaces: readonly string[] }>;
  /**
   * Only these namespaces (a lab's). The root namespace then shows only what they connect to: veth peers, the
   * bridges those are ports of, and the other ports of those bridges.
   */
  only?: ReadonlySet<NamespaceName>;
}

/** Kinds that lead out of the host by themselves. */
const TUNNEL_KINDS = new Set(['vxlan', 'geneve', 'gre', 'gretap', 'ip6gre', 'ip6gretap', 'ipip', 'sit', 'ip6tnl', 'wireguard']);

export function graphFromSnapshot(snapshot: HostSnapshot, options: SnapshotGraphOptions = {}): NetworkGraph {
  const labOf = new Map<string, string>();
  for (const lab of options.labs ?? []) for (const namespace of lab.namespaces) labOf.set(namespace, lab.lab);
  const wanted = snapshot.namespaces.filter((state) => !options.only || options.only.has(state.name) || state.name === null);
  const states = wanted.filter((state) => state.error === undefined);
  const shown = options.only ? shownLinks(states, options.only) : undefined;
  const graph: NetworkGraph = { namespaces: [], interfaces: [], links: [], externals: [] };
  const byId = new Map<string, GraphInterface>();
  for (const state of wanted) {
    const lab = state.name === null ? undefined : labOf.get(state.name);
    if (state.error !== undefined) {
      // One that could not be read is there all the same: drawn empty, saying so, rather than left out unsaid.
      if (state.name !== null) graph.namespaces.push({ ...namespaceOf(state, lab), label: `${namespaceLabel(state)} (could not be read)`, unreadable: state.error });
      continue;
    }
    const links = state.links.filter((link) => link.kind !== 'loopback' && (!shown || shown.has(interfaceId(state.name, link.name))));
    if (links.length === 0 && state.name === null) continue;
    graph.namespaces.push(namespaceOf(state, lab));
    for (const link of links) {
      const shownInterface = toInterface(state.name, link);
      graph.interfaces.push(shownInterface);
      byId.set(shownInterface.id, shownInterface);
    }
  }
  // Each veth is met from both ends; its id (the ends sorted) keeps it once.
  const linkIds = new Set<string>();
  for (const state of states) addLinks(graph, byId, linkIds, state, snapshot);
  return withBridgeLans(graph);
}

function namespaceOf(state: NamespaceState, lab: string | undefined): GraphNamespace {
  return { id: namespaceId(state.name), label: namespaceLabel(state), namespace: state.name, ...(lab ? { lab } : {}), ...(isUnnamedNamespace(state.name) ? { unnamed: true } : {}) };
}

function namespaceLabel(state: NamespaceState): string {
  if (state.name === null) return 'root namespace';
  if (!isUnnamedNamespace(state.name)) return state.name;
  return state.unnamed ? describeNamespaceUser(state.unnamed.user, state.unnamed.inode) : unnamedNamespaceLabel(state.name);
}

function toInterface(namespace: NamespaceName, link: LinkInfo): GraphInterface {
  const shown: GraphInterface = {
    id: interfaceId(namespace, link.name),
    namespaceId: namespaceId(namespace),
    name: link.name,
    kind: link.kind,
    state: stateOf(link),
    addresses: link.addresses.filter((address) => !(address.family === 'inet6' && /^fe[89ab]/iu.test(address.address))).map((address) => `${address.address}/${address.prefixLength}`),
  };
  if (link.mtu !== undefined) shown.mtu = link.mtu;
  if (link.mac !== undefined) shown.mac = link.mac;
  if (link.kind === 'device' || TUNNEL_KINDS.has(link.kind)) shown.leadsOut = true;
  return shown;
}

function stateOf(link: LinkInfo): InterfaceState {
  if (!link.up) return 'down';
  return link.operState === 'DOWN' || link.operState === 'LOWERLAYERDOWN' ? 'no-carrier' : 'up';
}

function addLinks(graph: NetworkGraph, byId: Map<string, GraphInterface>, linkIds: Set<string>, state: NamespaceState, snapshot: HostSnapshot): void {
  const add = (kind: GraphLink['kind'], from: string, to: string): void => {
    const [first, second] = kind === 'veth' ? [from, to].sort() : [from, to];
    const id = `${kind}:${first}|${second}`;
    if (linkIds.has(id)) return;
    linkIds.add(id);
    const subnets = sharedSubnets(byId.get(first!)?.addresses ?? [], byId.get(second!)?.addresses ?? []);
    graph.links.push({ id, kind, from: first!, to: second!, subnets });
  };
  for (const link of state.links) {
    const self = interfaceId(state.name, link.name);
    if (!byId.has(self)) continue;
    if (link.kind === 'veth' && link.peer) {
      const peer = interfaceId(link.peer.namespace, link.peer.interface);
      if (byId.has(peer)) add('veth', self, peer);
    }
    if (link.master) {
      const bridge = interfaceId(state.name, link.master);
      if (byId.has(bridge)) add('port', self, bridge);
    }
    const lower = lowerOf(state, link, snapshot);
    if (lower && byId.has(lower)) add('lower', self, lower);
    const remote = typeof link.details?.remote === 'string' ? link.details.remote : typeof link.details?.group === 'string' ? link.details.group : undefined;
    if (remote && TUNNEL_KINDS.has(link.kind)) {
      const external = `ext:${remote}`;
      if (!graph.externals.some((candidate) => candidate.id === external)) graph.externals.push({ id: external, label: `remote ${remote}` });
      add('tunnel', self, external);
    }
  }
}

/** The parent of a stacked link: by name in its own namespace, or by index in the namespace its nsid stands for. */
function lowerOf(state: NamespaceState, link: LinkInfo, snapshot: HostSnapshot): string | undefined {
  if (link.kind === 'veth') return undefined;
  if (link.linkNetnsId === undefined) return link.parentName ? interfaceId(state.name, link.parentName) : undefined;
  const entry = state.nsids.find((candidate) => candidate.id === link.linkNetnsId);
  const parentNamespace = entry && snapshot.namespaces.find((candidate) => candidate.name === entry.namespace);
  const parent = parentNamespace?.links.find((candidate) => candidate.index === link.linkIndex);
  return parent ? interfaceId(parentNamespace!.name, parent.name) : undefined;
}

/** The interfaces a lab's picture shows: all of its namespaces', and in the root namespace what they lead to. */
function shownLinks(states: readonly NamespaceState[], only: ReadonlySet<NamespaceName>): Set<string> {
  const shown = new Set<string>();
  const root = states.find((state) => state.name === null);
  for (const state of states) {
    if (state.name === null || !only.has(state.name)) continue;
    for (const link of state.links) {
      shown.add(interfaceId(state.name, link.name));
      if (link.peer?.namespace === null) shown.add(interfaceId(null, link.peer.interface));
    }
  }
  if (root && !only.has(null)) {
    const bridges = new Set(root.links.filter((link) => shown.has(interfaceId(null, link.name)) && link.master).map((link) => link.master!));
    for (const link of root.links) if (bridges.has(link.name) || (link.master && bridges.has(link.master))) shown.add(interfaceId(null, link.name));
  } else if (root) {
    for (const link of root.links) shown.add(interfaceId(null, link.name));
  }
  return shown;
}
