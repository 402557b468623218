/**
 * A deployed lab's picture marked against its file: the kernel's picture, with what the file declares and the
 * kernel lacks added from the file (`missing`), what the kernel has in the lab's namespaces and the file does not
 * declare marked `extra`, and what both have but set differently marked `differs` with each difference said.
 * Both pictures use the same ids (namespace and interface names), so matching is by id; pure.
 */
import type { NamespaceName } from '../model.js';
import type { GraphDrift, GraphInterface, GraphLink, GraphNamespace, NetworkGraph } from './model.js';

/**
 * `planned` comes from the file (`graphFromTopology`), `actual` from the kernel (`readGraph` of the lab). `lab` names
 * the lab whose namespaces may hold extras: what other namespaces (the root one) show is only what the lab connects to.
 */
export function graphWithDrift(declared: NetworkGraph, actual: NetworkGraph, lab: string): NetworkGraph {
  const planned = withoutUnknown(declared, actual);
  const result: NetworkGraph = { namespaces: [], interfaces: [], links: [], externals: [...actual.externals] };
  // A lab's namespaces carry its name as their prefix; no path of an unnamed namespace does.
  const ownsExtras = (namespace: NamespaceName): boolean => namespace !== null && namespace.startsWith(`${lab}-`);
  markNamespaces(result, planned, actual, ownsExtras);
  const namespaceOf = new Map(result.namespaces.map((namespace) => [namespace.id, namespace.namespace]));
  markInterfaces(result, planned, actual, (shown) => ownsExtras(namespaceOf.get(shown.namespaceId) ?? null));
  const interfaceIds = new Set(result.interfaces.map((shown) => shown.id));
  const declaredInterfaces = new Set(planned.interfaces.map((shown) => shown.id));
  const extraInterfaces = new Set(result.interfaces.filter((shown) => shown.drift?.kind === 'extra').map((shown) => shown.id));
  markLinks(result, planned, actual, (link) => [link.from, link.to].some((end) => declaredInterfaces.has(end) || extraInterfaces.has(end)), interfaceIds);
  markWiring(result, planned, actual);
  return result;
}

/**
 * The file's picture without what it declares inside namespaces the kernel's picture could not read: whether those
 * are there is not known, so they are marked neither way (the namespace's label says it could not be read).
 */
function withoutUnknown(planned: NetworkGraph, actual: NetworkGraph): NetworkGraph {
  const unknown = new Set(actual.namespaces.filter((namespace) => namespace.unreadable !== undefined).map((namespace) => namespace.id));
  if (unknown.size === 0) return planned;
  const interfaces = planned.interfaces.filter((shown) => !unknown.has(shown.namespaceId));
  const kept = new Set(interfaces.map((shown) => shown.id));
  const externals = new Set(planned.externals.map((external) => external.id));
  const links = planned.links.filter((link) => [link.from, link.to].every((end) => kept.has(end) || externals.has(end)));
  return { ...planned, interfaces, links };
}

/** True when a graph has any drift mark: the file and the kernel agree when it has none. */
export function hasDrift(graph: NetworkGraph): boolean {
  return [...graph.namespaces, ...graph.interfaces, ...graph.links].some((element) => element.drift !== undefined);
}

function markNamespaces(result: NetworkGraph, planned: NetworkGraph, actual: NetworkGraph, ownsExtras: (namespace: NamespaceName) => boolean): void {
  const declared = new Set(planned.namespaces.map((namespace) => namespace.id));
  for (const namespace of actual.namespaces) {
    const extra = !declared.has(namespace.id) && namespace.lab !== undefined && ownsExtras(namespace.namespace);
    result.namespaces.push(extra ? withMark(namespace, 'extra', ['in the kernel, not in the file: a deploy deletes it']) : { ...namespace });
  }
  const present = new Set(actual.namespaces.map((namespace) => namespace.id));
  for (const namespace of planned.namespaces) {
    if (present.has(namespace.id)) continue;
    // The root namespace is always there; it is missing from the kernel's picture only when nothing of the lab is in it.
    const drift: GraphDrift | undefined = namespace.namespace === null ? undefined : { kind: 'missing', details: ['declared in the file, not in the kernel: a deploy creates it'] };
    result.namespaces.push({ ...namespace, ...(drift ? { drift } : {}) });
  }
}

function markInterfaces(result: NetworkGraph, planned: NetworkGraph, actual: NetworkGraph, ownsExtras: (shown: GraphInterface) => boolean): void {
  const declared = new Map(planned.interfaces.map((shown) => [shown.id, shown]));
  for (const shown of actual.interfaces) {
    const wanted = declared.get(shown.id);
    if (!wanted) {
      result.interfaces.push(ownsExtras(shown) ? withMark(shown, 'extra', ['in the kernel, not in the file: a deploy deletes it']) : { ...shown });
      continue;
    }
    const details = interfaceDifferences(wanted, shown);
    result.interfaces.push(details.length > 0 ? withMark(shown, 'differs', details) : { ...shown });
  }
  const present = new Set(actual.interfaces.map((shown) => shown.id));
  for (const shown of planned.interfaces) if (!present.has(shown.id)) result.interfaces.push(withMark(shown, 'missing', ['declared in the file, not in the kernel: a deploy creates it']));
}

/** What differs between a declared interface and the kernel's: kind, addresses, MTU, and an interface left down. */
export function interfaceDifferences(wanted: GraphInterface, shown: GraphInterface): string[] {
  const details: string[] = [];
  if (wanted.kind !== shown.kind) details.push(`a ${wanted.kind} in the file, a ${shown.kind} in the kernel`);
  const kernel = new Set(shown.addresses.map(normalAddress));
  const file = new Set(wanted.addresses.map(normalAddress));
  for (const address of wanted.addresses) if (!kernel.has(normalAddress(address))) details.push(`address ${address} declared, not in the kernel`);
  for (const address of shown.addresses) if (!file.has(normalAddress(address))) details.push(`address ${address} in the kernel, not in the file`);
  if (wanted.mtu !== undefined && shown.mtu !== undefined && wanted.mtu !== shown.mtu) details.push(`MTU ${wanted.mtu} declared, ${shown.mtu} in the kernel`);
  if (shown.state === 'down') details.push('down in the kernel: a deploy brings it up');
  return details;
}

function markLinks(result: NetworkGraph, planned: NetworkGraph, actual: NetworkGraph, concernsLab: (link: GraphLink) => boolean, interfaceIds: ReadonlySet<string>): void {
  const declared = new Set(planned.links.map((link) => link.id));
  for (const link of actual.links) {
    const extra = !declared.has(link.id) && link.kind !== 'lower' && link.kind !== 'tunnel' && concernsLab(link);
    result.links.push(extra ? withMark(link, 'extra', [`${linkWords(link)} in the kernel, not in the file`]) : { ...link });
  }
  const present = new Set(actual.links.map((link) => link.id));
  for (const link of planned.links) {
    if (present.has(link.id) || !interfaceIds.has(link.from) || !interfaceIds.has(link.to)) continue;
    result.links.push(withMark(link, 'missing', [`${linkWords(link)} declared in the file, not in the kernel`]));
  }
}

/** A declared veth end whose peer in the kernel is another interface says where it leads instead. */
function markWiring(result: NetworkGraph, planned: NetworkGraph, actual: NetworkGraph): void {
  const plannedPeer = peers(planned);
  const actualPeer = peers(actual);
  for (const shown of result.interfaces) {
    const wanted = plannedPeer.get(shown.id);
    const found = actualPeer.get(shown.id);
    if (wanted === undefined || found === undefined || wanted === found) continue;
    const detail = `wired to ${endWords(found)} in the kernel; the file says ${endWords(wanted)}`;
    shown.drift = shown.drift?.kind === 'differs' ? { kind: 'differs', details: [...shown.drift.details, detail] } : { kind: 'differs', details: [detail] };
  }
}

function peers(graph: NetworkGraph): Map<string, string> {
  const found = new Map<string, string>();
  for (const link of graph.links) {
    if (link.kind !== 'veth') continue;
    found.set(link.from, link.to);
    found.set(link.to, link.from);
  }
  return found;
}

function withMark<T extends GraphNamespace | GraphInterface | GraphLink>(element: T, kind: GraphDrift['kind'], details: string[]): T {
  return { ...element, drift: { kind, details } };
}

function linkWords(link: GraphLink): string {
  const ends = `${endWords(link.from)} and ${endWords(link.to)}`;
  return link.kind === 'port' ? `the port ${endWords(link.from)} of ${endWords(link.to)}` : `the ${link.kind} between ${ends}`;
}

/** `NS:IF` of an interface id (`if:NS/IF`), `root:IF` for the root namespace. */
function endWords(id: string): string {
  const body = id.startsWith('if:') ? id.slice(3) : id;
  const slash = body.lastIndexOf('/');
  if (slash < 0) return body;
  const namespace = body.slice(0, slash);
  return `${namespace === '' ? 'root' : namespace}:${body.slice(slash + 1)}`;
}

/** Addresses compared as the kernel writes them: lower-case hex; IPv6 zero runs are the parser's concern. */
function normalAddress(address: string): string {
  return address.toLowerCase();
}
