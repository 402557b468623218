/**
 * What changed between two reads of some namespaces: namespaces, interfaces (admin state, MTU, bridge, moved to
 * another namespace), addresses, routes and neighbours added, removed or changed. What changes by itself is left
 * out: ifindexes, counters, operational state, neighbour states, link-local addresses and routes, and the local
 * table (the kernel keeps it in step with the addresses). Pure: the reads are done by the caller.
 */
import type { AddressInfo, LinkInfo, NamespaceName, NamespaceState, NeighbourInfo, RouteInfo } from '../model.js';
import { routeText } from '../checks/record.js';

export type DiffAction = 'added' | 'removed' | 'changed' | 'moved';
export type DiffObject = 'namespace' | 'link' | 'address' | 'route' | 'neighbour';

/** One change, with where it happened (`/` is the root namespace) and what it is, in words. */
export interface StateChange {
  action: DiffAction;
  object: DiffObject;
  namespace: string;
  /** `veth0`, `10.0.0.1/24 on veth0`, `10.0.0.0/24 dev veth0`. */
  subject: string;
  /** `down → up`; for a moved link `from /`; for an added link what it is: `veth, up, 10.0.0.1/24`. */
  details: string[];
}

/** The payload of `application/vnd.netns-lab.diff+json`, and what `netns-lab run --diff` prints. */
export interface StateDiff {
  /** The namespaces compared (`/` is the root namespace). */
  namespaces: string[];
  changes: StateChange[];
}

/** The mime type of a cell's diff. */
export const DIFF_MIME = 'application/vnd.netns-lab.diff+json';

/** The changes from `before` to `after`; a namespace in only one of them was added or removed. */
export function diffStates(before: readonly NamespaceState[], after: readonly NamespaceState[]): StateDiff {
  const names = [...new Set([...before, ...after].map((state) => label(state.name)))];
  const beforeByName = new Map(before.map((state) => [label(state.name), state]));
  const afterByName = new Map(after.map((state) => [label(state.name), state]));
  const changes: StateChange[] = [];
  const linkChanges = diffLinksAcross(before, after);
  for (const name of names) {
    const old = beforeByName.get(name);
    const now = afterByName.get(name);
    if (!old && now) changes.push(change('added', 'namespace', name, name));
    if (old && !now) {
      changes.push(change('removed', 'namespace', name, name));
      continue; // what it held went with it
    }
    changes.push(...linkChanges.filter((linkChange) => linkChange.namespace === name));
    const oldState = old ?? empty(name);
    const nowState = now!;
    changes.push(...diffAddresses(name, oldState, nowState), ...diffRoutes(name, oldState, nowState), ...diffNeighbours(name, oldState, nowState));
  }
  return { namespaces: names, changes };
}

/** `ADDRESS/PREFIX` lines for the text form: `+ link veth0 in ns1 (veth, up)`. */
export function stateDiffLines(diff: StateDiff): string[] {
  if (diff.changes.length === 0) return [`no changes in ${diff.namespaces.join(', ') || 'no namespace'}`];
  return diff.changes.map((item) => {
    const where = item.object === 'namespace' ? '' : ` in ${item.namespace}`;
    const details = item.details.length > 0 ? (item.action === 'changed' ? `: ${item.details.join(', ')}` : ` (${item.details.join(', ')})`) : '';
    return `${SIGNS[item.action]} ${item.object} ${item.subject}${where}${details}`;
  });
}

const SIGNS: Record<DiffAction, string> = { added: '+', removed: '-', changed: '~', moved: '>' };

function label(name: NamespaceName): string {
  return name ?? '/';
}

function empty(name: string): NamespaceState {
  return { name, links: [], routes: [], neighbours: [], nsids: [] };
}

function change(action: DiffAction, object: DiffObject, namespace: string, subject: string, details: string[] = []): StateChange {
  return { action, object, namespace, subject, details };
}

interface PlacedLink {
  namespace: string;
  link: LinkInfo;
}

/**
 * Interfaces across all the namespaces read: one gone from a namespace and one new in another with the same MAC
 * and kind (or, without a MAC, the same name and kind) moved there, as `ip link set … netns` does.
 */
function diffLinksAcross(before: readonly NamespaceState[], after: readonly NamespaceState[]): StateChange[] {
  const afterNames = new Set(after.map((state) => label(state.name)));
  const old = placedLinks(before);
  const now = placedLinks(after);
  const changes: StateChange[] = [];
  const gone = old.filter((placed) => !now.some((other) => sameSlot(placed, other)));
  const fresh = now.filter((placed) => !old.some((other) => sameSlot(placed, other)));
  for (const placed of now) {
    const previous = old.find((other) => sameSlot(placed, other));
    if (previous) {
      const details = linkDifferences(previous.link, placed.link);
      if (details.length > 0) changes.push(change('changed', 'link', placed.namespace, placed.link.name, details));
    }
  }
  for (const placed of fresh) {
    const origin = gone.find((other) => isSameLink(other.link, placed.link));
    if (origin) {
      gone.splice(gone.indexOf(origin), 1);
      const renamed = origin.link.name === placed.link.name ? [] : [`was ${origin.link.name}`];
      changes.push(change('moved', 'link', placed.namespace, placed.link.name, [`from ${origin.namespace}`, ...renamed, ...linkSummary(placed.link)]));
    } else if (placed.link.kind !== 'loopback') {
      changes.push(change('added', 'link', placed.namespace, placed.link.name, linkSummary(placed.link)));
    }
  }
  // A link of a namespace that was removed went with it: only the namespace's removal is said.
  for (const placed of gone) if (afterNames.has(placed.namespace)) changes.push(change('removed', 'link', placed.namespace, placed.link.name));
  // By name, not by ifindex: the order in which the kernel numbered a veth's two ends says nothing to a reader.
  return changes.sort((a, b) => (a.subject < b.subject ? -1 : a.subject > b.subject ? 1 : 0));
}

function placedLinks(states: readonly NamespaceState[]): PlacedLink[] {
  return states.flatMap((state) => state.links.map((link) => ({ namespace: label(state.name), link })));
}

function sameSlot(a: PlacedLink, b: PlacedLink): boolean {
  return a.namespace === b.namespace && a.link.name === b.link.name;
}

function isSameLink(a: LinkInfo, b: LinkInfo): boolean {
  if (a.kind !== b.kind || a.kind === 'loopback') return false;
  return a.mac !== undefined && b.mac !== undefined ? a.mac === b.mac : a.name === b.name;
}

function linkDifferences(old: LinkInfo, now: LinkInfo): string[] {
  const details: string[] = [];
  if (old.kind !== now.kind) details.push(`kind ${old.kind} → ${now.kind}`);
  if (old.up !== now.up) details.push(`${old.up ? 'up' : 'down'} → ${now.up ? 'up' : 'down'}`);
  if (old.mtu !== now.mtu) details.push(`mtu ${old.mtu ?? 'unknown'} → ${now.mtu ?? 'unknown'}`);
  if (old.master !== now.master) details.push(`master ${old.master ?? 'none'} → ${now.master ?? 'none'}`);
  return details;
}

/** `veth, up, mtu 1500, master br0, 10.0.0.1/24`: what a new or moved interface is. */
function linkSummary(link: LinkInfo): string[] {
  const addresses = link.addresses.filter((address) => !isLinkLocalAddress(address)).map(cidr);
  return [link.kind, link.up ? 'up' : 'down', ...(link.mtu === undefined ? [] : [`mtu ${link.mtu}`]), ...(link.master ? [`master ${link.master}`] : []), ...addresses];
}

/** Addresses of interfaces present before and after (a new interface says its addresses in its own line). */
function diffAddresses(namespace: string, old: NamespaceState, now: NamespaceState): StateChange[] {
  const oldLinks = new Set(old.links.map((link) => link.name));
  const shared = (state: NamespaceState): Set<string> =>
    new Set(state.links.filter((link) => oldLinks.has(link.name) && now.links.some((other) => other.name === link.name)).flatMap((link) => addressKeys(link)));
  return setChanges(namespace, 'address', shared(old), shared(now));
}

function addressKeys(link: LinkInfo): string[] {
  return link.addresses.filter((address) => !isLinkLocalAddress(address)).map((address) => `${cidr(address)} on ${link.name}`);
}

/** Routes added and removed; those that went with their interface (deleted or moved away) go unsaid. */
function diffRoutes(namespace: string, old: NamespaceState, now: NamespaceState): StateChange[] {
  const present = new Set(now.links.map((link) => link.name));
  const keys = (state: NamespaceState, keep: (route: RouteInfo) => boolean): Set<string> => new Set(state.routes.filter((route) => isOwnRoute(route) && keep(route)).map(routeText));
  return setChanges(
    namespace,
    'route',
    keys(old, (route) => route.device === undefined || present.has(route.device)),
    keys(now, () => true),
  );
}

/**
 * Neighbours by address and interface; a changed MAC is a change, their states (which age by themselves) are not,
 * and those that went with their interface go unsaid.
 */
function diffNeighbours(namespace: string, old: NamespaceState, now: NamespaceState): StateChange[] {
  const present = new Set(now.links.map((link) => link.name));
  const byKey = (state: NamespaceState): Map<string, NeighbourInfo> =>
    new Map(
      state.neighbours
        .filter((neighbour) => !isLinkLocalText(neighbour.address) && (neighbour.device === undefined || present.has(neighbour.device)))
        .map((neighbour) => [`${neighbour.address}${neighbour.device ? ` on ${neighbour.device}` : ''}`, neighbour]),
    );
  const oldByKey = byKey(old);
  const nowByKey = byKey(now);
  const changes = setChanges(namespace, 'neighbour', new Set(oldByKey.keys()), new Set(nowByKey.keys()));
  for (const [key, neighbour] of nowByKey) {
    const previous = oldByKey.get(key);
    if (previous && previous.mac !== neighbour.mac) changes.push(change('changed', 'neighbour', namespace, key, [`mac ${previous.mac ?? 'none'} → ${neighbour.mac ?? 'none'}`]));
  }
  return changes;
}

function setChanges(namespace: string, object: DiffObject, old: Set<string>, now: Set<string>): StateChange[] {
  return [
    ...[...old].filter((key) => !now.has(key)).map((key) => change('removed', object, namespace, key)),
    ...[...now].filter((key) => !old.has(key)).map((key) => change('added', object, namespace, key)),
  ];
}

/** Routes the user made or that follow from their addresses; not the local table, multicast or link-local ones. */
function isOwnRoute(route: RouteInfo): boolean {
  if (route.table === 'local' || route.type === 'multicast') return false;
  return !isLinkLocalText(route.destination) && !/^ff[0-9a-f]{2}:/iu.test(route.destination);
}

function isLinkLocalAddress(address: AddressInfo): boolean {
  return isLinkLocalText(address.address);
}

function isLinkLocalText(address: string): boolean {
  return /^fe[89ab][0-9a-f]?:/iu.test(address) || address.startsWith('169.254.');
}

function cidr(address: AddressInfo): string {
  return `${address.address}/${address.prefixLength}`;
}
