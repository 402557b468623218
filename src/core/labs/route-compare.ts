/**
 * Comparing a route the file asks for with one the kernel reports, in the kernel's spelling: `0.0.0.0/0` is
 * `default`, a /32 or /128 is a bare address, IPv6 is compressed, and a route added without a metric has 0 (IPv4)
 * or 1024 (IPv6).
 */
import { isIP } from 'node:net';
import type { RouteSpec } from '../iproute2/commands.js';
import type { RouteInfo } from '../model.js';
import { canonicalAddress, canonicalCidr } from '../addresses.js';

export function routeMatches(actual: RouteInfo, wanted: RouteSpec): boolean {
  const family = routeFamily(wanted);
  if (actual.family !== family) return false;
  if (canonicalDestination(actual.destination) !== canonicalDestination(wanted.destination)) return false;
  if ((actual.gateway === undefined ? undefined : canonicalAddress(actual.gateway)) !== (wanted.via === undefined ? undefined : canonicalAddress(wanted.via))) return false;
  if (wanted.device !== undefined && actual.device !== wanted.device) return false;
  return (actual.metric ?? 0) === (wanted.metric ?? (family === 'inet6' ? 1024 : 0));
}

/** The words to delete a route the kernel reports. */
export function routeSpecOf(actual: RouteInfo): RouteSpec {
  return {
    destination: actual.destination === 'default' && actual.family === 'inet6' ? '::/0' : actual.destination,
    ...(actual.gateway === undefined ? {} : { via: actual.gateway }),
    ...(actual.device === undefined ? {} : { device: actual.device }),
    ...(actual.metric === undefined ? {} : { metric: actual.metric }),
    family: actual.family,
  };
}

export function describeRouteSpec(route: RouteSpec): string {
  return [route.destination, route.via && `via ${route.via}`, route.device && `dev ${route.device}`, route.metric !== undefined && `metric ${route.metric}`].filter(Boolean).join(' ');
}

function routeFamily(route: RouteSpec): 'inet' | 'inet6' {
  const probe = route.destination === 'default' ? route.via : route.destination.split('/')[0];
  if (probe !== undefined && isIP(probe) === 6) return 'inet6';
  if (probe !== undefined && isIP(probe) === 4) return 'inet';
  return route.family ?? 'inet';
}

export function canonicalDestination(destination: string): string {
  if (destination === 'default' || destination === '0.0.0.0/0' || destination === '::/0') return 'default';
  const cidr = destination.includes('/') ? canonicalCidr(destination) : `${canonicalAddress(destination)}/${isIP(destination) === 6 ? 128 : 32}`;
  const [address = '', length] = cidr.split('/');
  return length === (address.includes(':') ? '128' : '32') ? address : cidr;
}
