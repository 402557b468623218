/**
 * A namespace's state as a `same` check records and compares it: interfaces (kind, admin state, MTU, addresses,
 * bridge) and routes, leaving out what changes by itself or from one deploy to the next: ifindexes,
 * MACs, link-local addresses and routes, counters, operational state, neighbours, and veth peers (which a read
 * names only when it reads the peer's namespace too).
 */
import { Document, isMap } from 'yaml';
import type { AddressInfo, NamespaceState, RouteInfo } from '../model.js';
import type { RecordedInterface, RecordedState } from './model.js';

/** The recorded form of a namespace's state. */
export function recordState(state: NamespaceState): RecordedState {
  const interfaces: Record<string, RecordedInterface> = {};
  for (const link of [...state.links].sort((a, b) => compareText(a.name, b.name))) {
    const recorded: RecordedInterface = {
      kind: link.kind,
      up: link.up,
      addresses: link.addresses
        .filter((address) => !isLinkLocal(address))
        .map(cidrOf)
        .sort(compareText),
    };
    if (link.mtu !== undefined) recorded.mtu = link.mtu;
    if (link.master !== undefined) recorded.master = link.master;
    interfaces[link.name] = recorded;
  }
  const routes = state.routes.filter((route) => !isLinkLocalRoute(route)).map(routeText);
  return { interfaces, routes: [...new Set(routes)].sort(compareText) };
}

/** A ready-to-paste `same` check for the namespace, in YAML, each interface on one line. */
export function recordedCheckYaml(namespace: string | null, state: RecordedState): string {
  const interfaces = Object.fromEntries(Object.entries(state.interfaces).map(([name, recorded]) => [name, ordered(recorded)]));
  const document = new Document([{ same: namespace ?? '/', state: { interfaces, routes: state.routes } }]);
  const interfaceMap = document.getIn([0, 'state', 'interfaces'], true);
  if (isMap(interfaceMap)) for (const pair of interfaceMap.items) if (isMap(pair.value)) pair.value.flow = true;
  return document.toString({ lineWidth: 0, flowCollectionPadding: true });
}

/** The keys in the order a reader expects them. */
function ordered(recorded: RecordedInterface): RecordedInterface {
  return {
    kind: recorded.kind,
    up: recorded.up,
    ...(recorded.mtu === undefined ? {} : { mtu: recorded.mtu }),
    addresses: recorded.addresses,
    ...(recorded.master === undefined ? {} : { master: recorded.master }),
  };
}

/** What differs between the recorded state and the actual one, one phrase each; empty when they are the same. */
export function stateDifferences(recorded: RecordedState, actual: RecordedState): string[] {
  const differences: string[] = [];
  for (const [name, wanted] of Object.entries(recorded.interfaces)) {
    const found = actual.interfaces[name];
    if (!found) differences.push(`interface ${name} is missing`);
    else differences.push(...interfaceDifferences(name, wanted, found));
  }
  for (const name of Object.keys(actual.interfaces)) if (!(name in recorded.interfaces)) differences.push(`interface ${name} was not recorded`);
  const actualRoutes = new Set(actual.routes);
  const recordedRoutes = new Set(recorded.routes);
  for (const route of recorded.routes) if (!actualRoutes.has(route)) differences.push(`route ${route} is missing`);
  for (const route of actual.routes) if (!recordedRoutes.has(route)) differences.push(`route ${route} was not recorded`);
  return differences;
}

function interfaceDifferences(name: string, wanted: RecordedInterface, found: RecordedInterface): string[] {
  const differences: string[] = [];
  if (wanted.kind !== found.kind) differences.push(`${name} is a ${found.kind} (recorded: ${wanted.kind})`);
  if (wanted.up !== found.up) differences.push(`${name} is ${found.up ? 'up' : 'down'} (recorded: ${wanted.up ? 'up' : 'down'})`);
  if (wanted.mtu !== undefined && wanted.mtu !== found.mtu) differences.push(`${name} has MTU ${found.mtu ?? 'unknown'} (recorded: ${wanted.mtu})`);
  for (const address of wanted.addresses) if (!found.addresses.includes(address)) differences.push(`${name} lacks address ${address}`);
  for (const address of found.addresses) if (!wanted.addresses.includes(address)) differences.push(`${name} has address ${address}, not recorded`);
  if (wanted.master !== found.master)
    differences.push(`${name} is ${found.master ? `a port of ${found.master}` : 'no bridge port'} (recorded: ${wanted.master ? `a port of ${wanted.master}` : 'no bridge port'})`);
  return differences;
}

/** `DEST [via GW] [dev IF] [table T] [metric N]`, with the type first when it is not unicast (`blackhole 10.9.0.0/16`). */
export function routeText(route: RouteInfo): string {
  const parts = [route.type && route.type !== 'unicast' ? route.type : '', route.destination];
  if (route.gateway) parts.push(`via ${route.gateway}`);
  if (route.device) parts.push(`dev ${route.device}`);
  for (const hop of route.nextHops) parts.push(`nexthop${hop.gateway ? ` via ${hop.gateway}` : ''}${hop.device ? ` dev ${hop.device}` : ''}`);
  if (route.table && route.table !== 'main') parts.push(`table ${route.table}`);
  if (route.metric) parts.push(`metric ${route.metric}`);
  return parts.filter(Boolean).join(' ');
}

function cidrOf(address: AddressInfo): string {
  return `${address.address}/${address.prefixLength}`;
}

function isLinkLocal(address: AddressInfo): boolean {
  return address.family === 'inet6' ? /^fe[89ab]/iu.test(address.address) : address.address.startsWith('169.254.');
}

function isLinkLocalRoute(route: RouteInfo): boolean {
  return /^fe[89ab][0-9a-f]?:/iu.test(route.destination) || route.destination.startsWith('169.254.');
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
