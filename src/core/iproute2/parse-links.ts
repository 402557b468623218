/** Parses `ip -d -j link show` and `ip -d -j addr show` into LinkInfo. */
import type { AddressInfo, LinkInfo } from '../model.js';
import {
  type JsonObject,
  type Place,
  readArray,
  readNumber,
  readObject,
  readOptionalArray,
  readOptionalNumber,
  readOptionalObject,
  readOptionalString,
  readString,
  readStringList,
  withoutUndefined,
} from './parse-fields.js';

const CONTEXT = 'ip -j link show';

/**
 * Reads the output of `ip -d -j link show` or `ip -d -j addr show` (whose `addr_info` becomes `addresses`).
 * Every link is kept, whatever its kind. Without `-d` there is no `linkinfo`, so every link but lo reads as `device`.
 * Errors name the link by its position in the array, counting from 0: "link 3 (va0): mtu is not a number …".
 * @throws ParseError when the JSON does not have the shape `ip` prints.
 */
export function parseLinks(json: unknown): LinkInfo[] {
  return readArray(json, 'links', CONTEXT).map(parseLink);
}

function parseLink(item: unknown, position: number): LinkInfo {
  const object = readObject(item, { where: `link ${position}`, context: CONTEXT });
  const name = readString(object, 'ifname', { where: `link ${position}`, context: CONTEXT });
  const place: Place = { where: `link ${position} (${name})`, context: CONTEXT };
  const flags = readStringList(object, 'flags', place);
  const linkInfo = readOptionalObject(object, 'linkinfo', place);
  return withoutUndefined({
    index: readNumber(object, 'ifindex', place),
    name,
    kind: linkKind(object, flags, linkInfo, place),
    portKind: linkInfo && readOptionalString(linkInfo, 'info_slave_kind', place),
    flags,
    up: flags.includes('UP'),
    operState: readString(object, 'operstate', place),
    mtu: readOptionalNumber(object, 'mtu', place),
    qdisc: readOptionalString(object, 'qdisc', place),
    mac: readOptionalString(object, 'address', place),
    master: readOptionalString(object, 'master', place),
    alias: readOptionalString(object, 'ifalias', place),
    // "link" is a name when the lower/peer link is in this namespace, null for tunnels without one.
    parentName: readOptionalString(object, 'link', place),
    linkIndex: readOptionalNumber(object, 'link_index', place),
    linkNetnsId: readOptionalNumber(object, 'link_netnsid', place),
    addresses: parseAddresses(object, place),
    details: linkInfo && readOptionalObject(linkInfo, 'info_data', place),
    portDetails: linkInfo && readOptionalObject(linkInfo, 'info_slave_data', place),
  });
}

function linkKind(object: JsonObject, flags: string[], linkInfo: JsonObject | undefined, place: Place): string {
  const kind = linkInfo && readOptionalString(linkInfo, 'info_kind', place);
  if (kind) return kind;
  // Family-filtered output (`ip -4 -j addr`) has no link_type, but lo still carries the LOOPBACK flag.
  const isLoopback = readOptionalString(object, 'link_type', place) === 'loopback' || flags.includes('LOOPBACK');
  return isLoopback ? 'loopback' : 'device';
}

function parseAddresses(object: JsonObject, linkPlace: Place): AddressInfo[] {
  const addresses: AddressInfo[] = [];
  readOptionalArray(object, 'addr_info', linkPlace).forEach((item, position) => {
    const place = { where: `${linkPlace.where} address ${position}`, context: linkPlace.context };
    const entry = readObject(item, place);
    // Older iproute2 printed an empty {} for each address hidden by a family filter (-4/-6): nothing to read.
    if (Object.keys(entry).length > 0) addresses.push(parseAddress(entry, place));
  });
  return addresses;
}

function parseAddress(entry: JsonObject, place: Place): AddressInfo {
  return withoutUndefined({
    family: readString(entry, 'family', place),
    address: readString(entry, 'local', place),
    prefixLength: readNumber(entry, 'prefixlen', place),
    scope: readOptionalString(entry, 'scope', place),
    broadcast: readOptionalString(entry, 'broadcast', place),
    // Inside addr_info, "address" is the point-to-point peer; "local" is the address itself.
    peer: readOptionalString(entry, 'address', place),
    label: readOptionalString(entry, 'label', place),
    // ip prints each address flag (dynamic, nodad, tentative, secondary, …) as its own key set to true.
    flags: Object.keys(entry).filter((key) => entry[key] === true),
  });
}
