/**
 * The Topology panel's picture as the elements cytoscape draws: namespaces as compound boxes (grouped in their lab
 * on a target's picture), interfaces as nodes inside them, bridges as nodes of their own shape, veths, bridge
 * ports, stacked links and tunnels as edges, remotes outside every box. Each element carries what its details box
 * says and classes for its look (state, drift, planned). Pure: the panel sends these to the page, which only draws.
 */
import { lanWords } from '../../core/graph/appearance.js';
import type { GraphDrift, GraphInterface, GraphLink, GraphNamespace, NetworkGraph } from '../../core/graph/model.js';
import type { NamespaceName } from '../../core/model.js';

export type TopologyRole = 'lab' | 'namespace' | 'interface' | 'bridge' | 'external';

export interface TopologyNodeData {
  id: string;
  /** The box it is drawn in (a namespace's id, or a lab's). */
  parent?: string;
  label: string;
  role: TopologyRole;
  /** The namespace a namespace, interface or bridge is in (null: the root namespace); what commands act on. */
  namespace?: NamespaceName;
  /** An interface's (or bridge's) name. */
  interface?: string;
  /** A namespace without a name: shown, but no command changes it. */
  readOnly?: boolean;
  /** The details box: a title, then short lines. */
  title: string;
  details: string[];
}

export interface TopologyEdgeData {
  id: string;
  source: string;
  target: string;
  /** Its subnets, shown on the edge when selected or hovered. */
  label: string;
  title: string;
  details: string[];
}

export type TopologyElement = { group: 'nodes'; data: TopologyNodeData; classes: string } | { group: 'edges'; data: TopologyEdgeData; classes: string };

export interface TopologyElementOptions {
  /** Draw a box around each lab's namespaces (a target's picture; a lab's own picture has one lab). */
  groupLabs?: boolean;
}

/** The id of a lab's box. */
export function labBoxId(lab: string): string {
  return `lab:${lab}`;
}

/** The elements of a graph: boxes before what they hold, nodes before edges (the order cytoscape needs). */
export function topologyElements(graph: NetworkGraph, options: TopologyElementOptions = {}): TopologyElement[] {
  const elements: TopologyElement[] = [];
  if (options.groupLabs) {
    const labs = [...new Set(graph.namespaces.flatMap((namespace) => (namespace.lab === undefined ? [] : [namespace.lab])))];
    for (const lab of labs) elements.push({ group: 'nodes', data: { id: labBoxId(lab), label: `lab ${lab}`, role: 'lab', title: `Lab ${lab}`, details: [] }, classes: 'lab' });
  }
  const namespaces = new Map(graph.namespaces.map((namespace) => [namespace.id, namespace]));
  for (const namespace of graph.namespaces) elements.push(namespaceElement(namespace, options));
  for (const shown of graph.interfaces) elements.push(interfaceElement(shown, namespaces.get(shown.namespaceId)));
  for (const external of graph.externals) {
    elements.push({ group: 'nodes', data: { id: external.id, label: external.label, role: 'external', title: external.label, details: ['outside this host'] }, classes: 'external' });
  }
  const interfaces = new Map(graph.interfaces.map((shown) => [shown.id, shown]));
  const nodeIds = new Set<string>([...interfaces.keys(), ...graph.externals.map((external) => external.id)]);
  for (const link of graph.links) if (nodeIds.has(link.from) && nodeIds.has(link.to)) elements.push(linkElement(link, interfaces));
  return elements;
}

function namespaceElement(namespace: GraphNamespace, options: TopologyElementOptions): TopologyElement {
  const classes = [
    'namespace',
    namespace.namespace === null ? 'root' : '',
    namespace.unnamed ? 'unnamed' : '',
    namespace.unreadable !== undefined ? 'unreadable' : '',
    ...driftClasses(namespace.drift),
  ];
  const details = [namespace.namespace === null ? "the host's own namespace" : namespace.unnamed ? `no name: ${namespace.namespace}` : 'network namespace'];
  if (namespace.lab !== undefined) details.push(`lab ${namespace.lab}`);
  if (namespace.unreadable !== undefined) details.push(`could not be read: ${namespace.unreadable}`);
  const data: TopologyNodeData = {
    id: namespace.id,
    label: namespace.label,
    role: 'namespace',
    namespace: namespace.namespace,
    title: namespace.label,
    details: [...details, ...driftLines(namespace.drift)],
  };
  if (namespace.unnamed) data.readOnly = true;
  if (options.groupLabs && namespace.lab !== undefined) data.parent = labBoxId(namespace.lab);
  return { group: 'nodes', data, classes: joinClasses(classes) };
}

function interfaceElement(shown: GraphInterface, namespace: GraphNamespace | undefined): TopologyElement {
  const bridge = shown.kind === 'bridge';
  const classes = [bridge ? 'bridge' : 'interface', `kind-${shown.kind}`, `state-${shown.state}`, shown.leadsOut ? 'leads-out' : '', ...driftClasses(shown.drift)];
  const facts = [shown.kind, STATE_WORDS[shown.state], shown.mtu === undefined ? '' : `mtu ${shown.mtu}`].filter(Boolean).join(' · ');
  const details = [
    facts,
    ...shown.addresses,
    ...(shown.lan ? [lanWords(shown.lan)] : []),
    ...(shown.mac ? [shown.mac] : []),
    ...(shown.leadsOut ? ['leads out of the host'] : []),
    ...driftLines(shown.drift),
  ];
  const data: TopologyNodeData = {
    id: shown.id,
    parent: shown.namespaceId,
    label: interfaceLabel(shown),
    role: bridge ? 'bridge' : 'interface',
    namespace: namespace?.namespace ?? null,
    interface: shown.name,
    title: `${shown.name} in ${namespace?.label ?? 'its namespace'}`,
    details,
  };
  if (namespace?.unnamed) data.readOnly = true;
  return { group: 'nodes', data, classes: joinClasses(classes) };
}

/**
 * Its name, and its first address (with how many more) so that a picture of a lab says what it is at a glance; a
 * bridge without an address says its LAN instead.
 */
export function interfaceLabel(shown: GraphInterface): string {
  const [first, ...more] = shown.addresses;
  if (first === undefined) return shown.lan ? `${shown.name}\n${lanWords(shown.lan)}` : shown.name;
  return `${shown.name}\n${first}${more.length > 0 ? ` +${more.length}` : ''}`;
}

function linkElement(link: GraphLink, interfaces: ReadonlyMap<string, GraphInterface>): TopologyElement {
  const end = (id: string): string => interfaces.get(id)?.name ?? id.replace(/^ext:/u, '');
  const words = { veth: 'veth pair', port: 'bridge port', lower: 'stacked on', tunnel: 'tunnel to' }[link.kind];
  const details = [words, ...link.subnets.map((subnet) => `subnet ${subnet}`), ...driftLines(link.drift)];
  return {
    group: 'edges',
    data: { id: link.id, source: link.from, target: link.to, label: link.subnets.join(', '), title: `${end(link.from)} — ${end(link.to)}`, details },
    classes: joinClasses([link.kind, ...driftClasses(link.drift)]),
  };
}

const STATE_WORDS: Record<GraphInterface['state'], string> = { up: 'up', down: 'down', 'no-carrier': 'no carrier', planned: 'planned' };

function driftClasses(drift: GraphDrift | undefined): string[] {
  return drift ? ['drift', `drift-${drift.kind}`] : [];
}

function driftLines(drift: GraphDrift | undefined): string[] {
  if (!drift) return [];
  const heading = { missing: 'drift: in the file, not in the kernel', extra: 'drift: in the kernel, not in the file', differs: 'drift: differs from the file' }[drift.kind];
  return [heading, ...drift.details];
}

function joinClasses(classes: readonly string[]): string {
  return classes.filter(Boolean).join(' ');
}
