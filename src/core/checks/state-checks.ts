/**
 * Checks decided by a namespace's state as the kernel reports it (one read per namespace, shared by every check
 * of that namespace in a round): routes, addresses, links, and the whole state against a recorded one.
 */
import { canonicalAddress, canonicalCidr } from '../addresses.js';
import { canonicalDestination } from '../labs/route-compare.js';
import type { NamespaceState, RouteInfo } from '../model.js';
import type { AddressCheck, LinkCheck, RouteCheck, SameCheck } from './model.js';
import type { Outcome } from './reach.js';
import { recordState, routeText, stateDifferences } from './record.js';
import { namespaceLabel } from './subjects.js';

export function routeOutcome(check: RouteCheck, state: NamespaceState): Outcome {
  const where = namespaceLabel(check.namespace);
  const toDestination = state.routes.filter((route) => sameDestination(route, check.destination));
  const matching = toDestination.filter((route) => routeFits(route, check));
  const wanted = [check.destination, check.via && `via ${check.via}`, check.device && `dev ${check.device}`].filter(Boolean).join(' ');
  if (check.present) {
    if (matching.length > 0) return { passed: true, message: `${where} has the route ${routeText(matching[0]!)}` };
    if (toDestination.length > 0) return { passed: false, message: `${where} routes ${check.destination} as ${toDestination.map(routeText).join(', ')}, not ${wanted}` };
    return { passed: false, message: `${where} has no route to ${check.destination}${routeList(state.routes)}` };
  }
  if (matching.length > 0) return { passed: false, message: `${where} has the route ${routeText(matching[0]!)}, which must be absent` };
  return { passed: true, message: `${where} has no route ${wanted}` };
}

function sameDestination(route: RouteInfo, destination: string): boolean {
  try {
    return canonicalDestination(route.destination) === canonicalDestination(destination);
  } catch {
    return false;
  }
}

function routeFits(route: RouteInfo, check: RouteCheck): boolean {
  const gateways = [route.gateway, ...route.nextHops.map((hop) => hop.gateway)].filter((gateway): gateway is string => gateway !== undefined).map(canonicalAddress);
  const devices = [route.device, ...route.nextHops.map((hop) => hop.device)];
  if (check.via !== undefined && !gateways.includes(canonicalAddress(check.via))) return false;
  return check.device === undefined || devices.includes(check.device);
}

function routeList(all: RouteInfo[]): string {
  const routes = all.filter((route) => !route.destination.startsWith('fe80:'));
  if (routes.length === 0) return ' (it has no routes at all)';
  return `; its routes: ${routes.slice(0, 4).map(routeText).join(', ')}${routes.length > 4 ? ', …' : ''}`;
}

export function addressOutcome(check: AddressCheck, state: NamespaceState): Outcome {
  const where = namespaceLabel(check.namespace);
  const wanted = canonicalCidr(check.address);
  const holders = state.links.filter((link) => link.addresses.some((address) => canonicalCidr(`${address.address}/${address.prefixLength}`) === wanted)).map((link) => link.name);
  const onDevice = check.device === undefined ? holders.length > 0 : holders.includes(check.device);
  const place = check.device === undefined ? where : `${check.device} in ${where}`;
  if (check.present && onDevice) return { passed: true, message: `${check.address} is on ${check.device ?? holders[0]} in ${where}` };
  if (check.present && holders.length > 0) return { passed: false, message: `${check.address} is on ${holders.join(', ')} in ${where}, not on ${check.device}` };
  if (check.present && check.device !== undefined && !state.links.some((link) => link.name === check.device)) return { passed: false, message: `${where} has no interface ${check.device}` };
  if (check.present) return { passed: false, message: `${place} has no address ${check.address}` };
  return onDevice ? { passed: false, message: `${check.address} is on ${holders.join(', ')} in ${where}, and must be absent` } : { passed: true, message: `${place} has no address ${check.address}` };
}

export function linkOutcome(check: LinkCheck, state: NamespaceState): Outcome {
  const where = namespaceLabel(check.namespace);
  const link = state.links.find((candidate) => candidate.name === check.interface);
  if (!link) return { passed: !check.present, message: `${where} has no interface ${check.interface}${check.present ? '' : ', as expected'}` };
  if (!check.present) return { passed: false, message: `${where} has the interface ${check.interface}, which must be absent` };
  const problems: string[] = [];
  const up = link.up ? 'up' : 'down';
  if (check.state !== undefined && check.state !== up) problems.push(`is ${up}, not ${check.state}`);
  if (check.mtu !== undefined && link.mtu !== check.mtu) problems.push(`has MTU ${link.mtu ?? 'unknown'}, not ${check.mtu}`);
  if (check.master !== undefined && (link.master ?? null) !== check.master)
    problems.push(link.master ? `is a port of ${link.master}, not ${check.master ?? 'of no bridge'}` : `is no bridge port, not a port of ${check.master}`);
  const facts = `${check.interface} in ${where}`;
  if (problems.length > 0) return { passed: false, message: `${facts} ${problems.join(', ')}` };
  const described = [up, link.mtu !== undefined ? `MTU ${link.mtu}` : '', link.master ? `port of ${link.master}` : ''].filter(Boolean).join(', ');
  return { passed: true, message: `${facts} is there: ${described}` };
}

export function sameOutcome(check: SameCheck, state: NamespaceState): Outcome {
  const differences = stateDifferences(check.state, recordState(state));
  const where = namespaceLabel(check.namespace);
  if (differences.length === 0) return { passed: true, message: `${where} is as recorded` };
  const shown = differences.slice(0, 5).join('; ');
  return { passed: false, message: `${where} differs from its recorded state: ${shown}${differences.length > 5 ? `; and ${differences.length - 5} more` : ''}` };
}
