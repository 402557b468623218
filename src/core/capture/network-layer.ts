/** What an EtherType names: ARP, IPv4, IPv6, or a type shown by its number. */
import { decodeArp } from './arp.js';
import { decodeIpv4 } from './ipv4.js';
import { decodeIpv6 } from './ipv6.js';
import type { PacketContext } from './packet-context.js';

export function decodeEtherType(context: PacketContext, type: number, offset: number): string {
  if (type === 0x0800) return decodeIpv4(context, offset);
  if (type === 0x86dd) return decodeIpv6(context, offset);
  if (type === 0x0806) return decodeArp(context, offset);
  context.protocol = `0x${type.toString(16).padStart(4, '0')}`;
  return `ethertype 0x${type.toString(16).padStart(4, '0')}, length ${Math.max(0, context.wireLength - offset)}`;
}
