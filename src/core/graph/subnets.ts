/** The subnet an address lies in, and the subnets two interfaces share: what a link between them carries. */
import { numericAddress } from '../topology/ip-math.js';

/** `10.0.0.1/24` → `10.0.0.0/24`; `fd00::1/64` → `fd00::/64`; undefined for what is not ADDRESS/PREFIX. */
export function subnetOf(cidr: string): string | undefined {
  const [address, prefixText] = cidr.split('/');
  const numeric = numericAddress(address ?? '');
  const prefixLength = Number(prefixText);
  if (!numeric || !/^\d{1,3}$/u.test(prefixText ?? '')) return undefined;
  const bits = numeric.family === 'inet' ? 32n : 128n;
  if (BigInt(prefixLength) > bits) return undefined;
  const hostBits = bits - BigInt(prefixLength);
  const network = (numeric.value >> hostBits) << hostBits;
  return `${numeric.family === 'inet' ? formatIpv4(network) : formatIpv6(network)}/${prefixLength}`;
}

/** The subnets both lists of addresses have (each list: ADDRESS/PREFIX), in the first list's order. */
export function sharedSubnets(first: readonly string[], second: readonly string[]): string[] {
  const theirs = new Set(second.map(subnetOf));
  return [...new Set(first.map(subnetOf))].filter((subnet): subnet is string => subnet !== undefined && theirs.has(subnet));
}

function formatIpv4(value: bigint): string {
  return [24n, 16n, 8n, 0n].map((shift) => String((value >> shift) & 255n)).join('.');
}

/** The shortest form: lower case, no leading zeros, the longest run of two or more zero groups as `::`. */
function formatIpv6(value: bigint): string {
  const groups = Array.from({ length: 8 }, (_, index) => Number((value >> BigInt(112 - 16 * index)) & 0xffffn));
  let best = { start: -1, length: 0 };
  for (let start = 0; start < 8;) {
    if (groups[start] !== 0) {
      start++;
      continue;
    }
    let end = start;
    while (end < 8 && groups[end] === 0) end++;
    if (end - start > best.length) best = { start, length: end - start };
    start = end;
  }
  const hex = groups.map((group) => group.toString(16));
  if (best.length < 2) return hex.join(':');
  return `${hex.slice(0, best.start).join(':')}::${hex.slice(best.start + best.length).join(':')}`;
}
