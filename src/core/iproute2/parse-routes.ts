/** Parses `ip -j route show` (any table, either family, multipath) into RouteInfo. */
import type { NextHop, RouteInfo } from '../model.js';
import {
  type JsonObject,
  type Place,
  fail,
  readArray,
  readObject,
  readOptionalArray,
  readOptionalNumber,
  readOptionalObject,
  readOptionalString,
  readString,
  readStringList,
  withoutUndefined,
} from './parse-fields.js';

const CONTEXT = 'ip -j route show';

/**
 * Reads the output of `ip -j route show` (also with `-d`, `-6`, `table all`, and `ip -j route get`).
 * `type` is `unicast` when ip leaves it out (it prints the type only for other types or with `-d`).
 * `table` is only what ip printed: it leaves out `main` unless `-d` is given, and leaves out the table it was asked
 * for (`ip route show table local` prints no table at all).
 * @throws ParseError when the JSON does not have the shape `ip` prints.
 */
export function parseRoutes(json: unknown): RouteInfo[] {
  return readArray(json, 'routes', CONTEXT).map(parseRoute);
}

/** True for routes of the kernel's `local` table (local and broadcast addresses), which the tree hides. */
export function isLocalTableRoute(route: RouteInfo): boolean {
  return route.table === 'local';
}

function parseRoute(item: unknown, position: number): RouteInfo {
  const object = readObject(item, { where: `route ${position}`, context: CONTEXT });
  const destination = readString(object, 'dst', { where: `route ${position}`, context: CONTEXT });
  const place: Place = { where: `route ${position} (${destination})`, context: CONTEXT };
  const gateway = readGateway(object, place);
  const preferredSource = readOptionalString(object, 'prefsrc', place);
  const nextHops = readOptionalArray(object, 'nexthops', place).map((hop, index) => parseNextHop(hop, { where: `${place.where} nexthop ${index}`, context: CONTEXT }));
  const addresses = [gateway, preferredSource, ...nextHops.map((hop) => hop.gateway)];
  return withoutUndefined({
    family: routeFamily(object, destination, addresses, place),
    destination,
    type: readOptionalString(object, 'type', place) ?? 'unicast',
    gateway,
    device: readOptionalString(object, 'dev', place),
    protocol: readOptionalString(object, 'protocol', place),
    scope: readOptionalString(object, 'scope', place),
    metric: readOptionalNumber(object, 'metric', place),
    table: readTable(object, place),
    preferredSource,
    flags: readStringList(object, 'flags', place),
    nextHops,
  });
}

function parseNextHop(item: unknown, place: Place): NextHop {
  const object = readObject(item, place);
  return withoutUndefined({
    gateway: readGateway(object, place),
    device: readOptionalString(object, 'dev', place),
    weight: readOptionalNumber(object, 'weight', place),
    flags: readStringList(object, 'flags', place),
  });
}

// A gateway of the other family (an IPv4 route via an IPv6 next hop) is printed as "via": {"family", "host"}.
function readGateway(object: JsonObject, place: Place): string | undefined {
  const gateway = readOptionalString(object, 'gateway', place);
  if (gateway !== undefined) return gateway;
  const via = readOptionalObject(object, 'via', place);
  return via && readString(via, 'host', { where: `${place.where} via`, context: place.context });
}

function readTable(object: JsonObject, place: Place): string | undefined {
  // ip prints table names and numbers as strings ("main", "100"); a number is read the same way.
  const table = object.table;
  return typeof table === 'number' ? String(table) : readOptionalString(object, 'table', place);
}

function routeFamily(object: JsonObject, destination: string, addresses: (string | undefined)[], place: Place): 'inet' | 'inet6' {
  const family = readOptionalString(object, 'family', place);
  if (family === 'inet' || family === 'inet6') return family;
  if (family !== undefined) fail(place, `family "${family}" is not inet or inet6`);
  if (destination !== 'default') return destination.includes(':') ? 'inet6' : 'inet';
  // Only IPv6 routes carry a router preference, so "pref" settles a default route that has no gateway.
  if (object.pref !== undefined) return 'inet6';
  return addresses.some((address) => address?.includes(':')) ? 'inet6' : 'inet';
}
