/**
 * From an `ip` table payload to a table description: column titles, rows of text cells with a style class, and a
 * caption. Pure (no DOM, no editor), so it is tested under Node; `index.ts` only turns the description into elements.
 */
import type { AddressInfo, LinkInfo, NeighbourInfo, NextHop, RouteInfo } from '../core/model.js';
import type { IpTablePayload } from '../core/notebook/ip-output.js';

/** One cell: its text (lines separated by `\n`) and an optional class (`state-up`, `mono`, `number`, …). */
export interface TableCell {
  text: string;
  className?: string;
}

/** A table ready to draw: a header row, body rows of the same width, and a one-line caption. */
export interface TableDescription {
  columns: string[];
  rows: TableCell[][];
  /** "3 interfaces, 7 addresses", "12 routes", "1 neighbour". */
  caption: string;
}

/** The class that colours a state: up (working), down (broken) or unknown (neither, or not known). */
export type StateClass = 'state-up' | 'state-down' | 'state-unknown';

/**
 * The table for one payload. Unknown kinds and missing lists are drawn as empty tables rather than failing, since the
 * payload crossed a process boundary as JSON.
 * @throws Error when the payload's kind is not one of the four table kinds.
 */
export function describeTable(payload: IpTablePayload): TableDescription {
  switch (payload.kind) {
    case 'addr':
      return describeLinks(payload.links ?? [], true);
    case 'link':
      return describeLinks(payload.links ?? [], false);
    case 'route':
      return describeRoutes(payload.routes ?? []);
    case 'neigh':
      return describeNeighbours(payload.neighbours ?? []);
    default:
      throw new Error(`Unknown ip table kind: ${String((payload as { kind: unknown }).kind)}`);
  }
}

/**
 * Interfaces, one row each. `ip addr` tables show the addresses; `ip link` output has none, so its tables show the
 * MAC address in that column instead.
 */
export function describeLinks(links: LinkInfo[], withAddresses: boolean): TableDescription {
  const addressCount = links.reduce((count, link) => count + link.addresses.length, 0);
  const caption = withAddresses ? `${countOf(links.length, 'interface')}, ${countOf(addressCount, 'address', 'addresses')}` : countOf(links.length, 'interface');
  return {
    columns: ['Interface', 'Kind', 'State', 'MTU', withAddresses ? 'Addresses' : 'MAC', 'Peer / master'],
    rows: links.map((link) => [
      { text: link.name, className: 'name' },
      { text: link.kind },
      { text: link.operState, className: linkStateClass(link.operState) },
      { text: link.mtu === undefined ? '' : String(link.mtu), className: 'number' },
      { text: withAddresses ? link.addresses.map(addressText).join('\n') : (link.mac ?? ''), className: 'mono' },
      { text: peerAndMaster(link) },
    ]),
    caption,
  };
}

/** Routes, one row each, in ip's order. */
export function describeRoutes(routes: RouteInfo[]): TableDescription {
  return {
    columns: ['Destination', 'Gateway', 'Device', 'Protocol', 'Scope', 'Metric', 'Table'],
    rows: routes.map((route) => [
      // ip writes the type before the destination unless it is unicast ("blackhole 10.66.0.0/16").
      { text: route.type && route.type !== 'unicast' ? `${route.type} ${route.destination}` : route.destination, className: 'mono' },
      { text: route.nextHops.length > 0 ? route.nextHops.map(nextHopText).join('\n') : (route.gateway ?? ''), className: 'mono' },
      // Flags (linkdown, onlink) belong to the path through the device, so they are shown beside it.
      { text: [route.device, ...route.flags].filter(Boolean).join(' ') },
      { text: route.protocol ?? '' },
      { text: route.scope ?? '' },
      { text: route.metric === undefined ? '' : String(route.metric), className: 'number' },
      { text: route.table ?? '' },
    ]),
    caption: countOf(routes.length, 'route'),
  };
}

/** Neighbour (ARP/NDP) entries, one row each. */
export function describeNeighbours(neighbours: NeighbourInfo[]): TableDescription {
  return {
    columns: ['Address', 'Device', 'MAC', 'State', 'Router'],
    rows: neighbours.map((neighbour) => {
      const state: TableCell = { text: neighbour.states.join(' ') };
      const stateClass = neighbourStateClass(neighbour.states);
      if (stateClass) state.className = stateClass;
      return [{ text: neighbour.address, className: 'mono' }, { text: neighbour.device ?? '' }, { text: neighbour.mac ?? '', className: 'mono' }, state, { text: neighbour.router ? 'yes' : '' }];
    }),
    caption: countOf(neighbours.length, 'neighbour'),
  };
}

/** The colour of a link's operational state. UNKNOWN is normal for lo and tun devices, so it is not drawn as down. */
export function linkStateClass(operState: string): StateClass {
  if (operState === 'UP') return 'state-up';
  if (['DOWN', 'LOWERLAYERDOWN', 'NOTPRESENT'].includes(operState)) return 'state-down';
  return 'state-unknown';
}

/**
 * The colour of a neighbour entry: usable (REACHABLE, PERMANENT, NOARP), unusable (FAILED, INCOMPLETE), or being
 * checked (STALE, DELAY, PROBE, NONE). Undefined for entries without states (proxy entries).
 */
export function neighbourStateClass(states: string[]): StateClass | undefined {
  if (states.length === 0) return undefined;
  if (states.some((state) => state === 'FAILED' || state === 'INCOMPLETE')) return 'state-down';
  if (states.some((state) => ['REACHABLE', 'PERMANENT', 'NOARP'].includes(state))) return 'state-up';
  return 'state-unknown';
}

// Address flags that explain why an address does not work yet, or no longer.
const NOTABLE_ADDRESS_FLAGS = ['tentative', 'dadfailed', 'deprecated'];

/** "10.1.0.1/24"; "10.9.9.1 peer 10.9.9.2/32" for point-to-point (the prefix belongs to the peer, as ip prints it). */
export function addressText(address: AddressInfo): string {
  const base = address.peer ? `${address.address} peer ${address.peer}/${address.prefixLength}` : `${address.address}/${address.prefixLength}`;
  const notable = address.flags.filter((flag) => NOTABLE_ADDRESS_FLAGS.includes(flag));
  return [base, ...notable].join(' ');
}

/**
 * Where a link leads, one fact per line: the veth peer as `namespace/name` (`(root)/name` for the root namespace)
 * when it was resolved, else `link-netnsid N` when the peer or lower link is in another namespace, else the peer or
 * lower link in this namespace; then `master X` for bridge and bond ports.
 */
export function peerAndMaster(link: LinkInfo): string {
  const lines: string[] = [];
  if (link.peer) lines.push(`${link.peer.namespace === null ? '(root)' : link.peer.namespace}/${link.peer.interface}`);
  else if (link.linkNetnsId !== undefined) lines.push(`link-netnsid ${link.linkNetnsId}`);
  else if (link.parentName) lines.push(link.parentName);
  if (link.master) lines.push(`master ${link.master}`);
  return lines.join('\n');
}

/** One path of a multipath route: "10.1.0.253 dev va0 weight 1". */
function nextHopText(hop: NextHop): string {
  return [hop.gateway, hop.device && `dev ${hop.device}`, hop.weight !== undefined && `weight ${hop.weight}`, ...hop.flags].filter(Boolean).join(' ');
}

function countOf(count: number, singular: string, plural = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : plural}`;
}
