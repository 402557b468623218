/**
 * Checks of single values in a topology file (interface names, addresses, MTUs), reusing the rules the rest of the
 * core applies to what users type, and reporting their messages at the value's place.
 */
import type { Node as YamlNode } from 'yaml';
import { checkMtu, parseCidr } from '../addresses.js';
import { interfaceNameProblem } from '../names.js';
import { type Located, type MapEntry, type ReadContext, readInteger, readList, readString } from './yaml-nodes.js';

/** True, after reporting, unless the name is one the kernel takes for a new interface. */
export function checkDeclaredInterfaceName(context: ReadContext, name: Located<string>, what: string): boolean {
  const problem = interfaceNameProblem(name.value);
  if (problem) {
    context.diagnostics.add(name.span, `${what} ${JSON.stringify(name.value)} is not valid: ${problem}`);
    return false;
  }
  if (name.value === 'lo') {
    // Every namespace already has its loopback interface `lo`; a veth or bridge of that name could never be made.
    context.diagnostics.add(name.span, `${what} "lo" is the loopback interface every namespace already has; choose another name`);
    return false;
  }
  return true;
}

/** True, after reporting, unless the text is an address with prefix length (`10.0.0.1/24`). */
export function checkCidr(context: ReadContext, address: Located<string>): boolean {
  try {
    parseCidr(address.value);
    return true;
  } catch (error) {
    context.diagnostics.add(address.span, (error as Error).message);
    return false;
  }
}

/** An MTU value: a whole number the kernel accepts for a link. */
export function readMtu(context: ReadContext, node: YamlNode | null): number | undefined {
  const mtu = readInteger(context, node, 'mtu', 'a whole number from 68 to 65535');
  if (mtu === undefined) return undefined;
  try {
    return checkMtu(mtu.value);
  } catch (error) {
    context.diagnostics.add(mtu.span, (error as Error).message);
    return undefined;
  }
}

/** The valid addresses of `address: CIDR` or `addresses: [CIDR, ...]` in a map (giving both is refused). */
export function readAddresses(context: ReadContext, entries: Map<string, MapEntry>, what: string): Located<string>[] {
  const single = entries.get('address');
  const list = entries.get('addresses');
  if (single && list) {
    context.diagnostics.add(list.keySpan, `${what} has both "address" and "addresses"; put every address under "addresses"`);
    return [];
  }
  const nodes = single ? [single.value] : list ? (readList(context, list.value, 'addresses', '[10.0.0.1/24, fd00::1/64]') ?? []) : [];
  const addresses: Located<string>[] = [];
  for (const node of nodes) {
    const address = readString(context, node, 'an address');
    if (address && checkCidr(context, address)) addresses.push(address);
  }
  return addresses;
}
