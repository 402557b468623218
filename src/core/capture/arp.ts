/** ARP (and RARP) for IPv4 over Ethernet, summarised as tcpdump does; other hardware kinds by their numbers. */
import { ipv4Text, macText } from './address-text.js';
import { read16, truncated, type PacketContext } from './packet-context.js';

const ARP_FIXED = 8;
const ARP_ETHERNET_IPV4 = 28;

const OPERATIONS: Record<number, string> = { 1: 'Request', 2: 'Reply', 3: 'Reverse Request', 4: 'Reverse Reply' };

export function decodeArp(context: PacketContext, offset: number): string {
  const { bytes, tree } = context;
  context.protocol = 'ARP';
  if (context.end - offset < ARP_FIXED) return `ARP, ${truncated(context, 'arp', offset, ARP_FIXED)}`;
  const hardware = read16(bytes, offset);
  const protocol = read16(bytes, offset + 2);
  const operation = read16(bytes, offset + 6);
  const length = context.wireLength - offset;
  const ethernetIpv4 = hardware === 1 && protocol === 0x0800 && bytes[offset + 4] === 6 && bytes[offset + 5] === 4;
  tree?.layer('ARP', offset, ethernetIpv4 ? ARP_ETHERNET_IPV4 : ARP_FIXED);
  tree?.field('Hardware type', offset, 2, hardware === 1 ? 'Ethernet (1)' : hardware);
  tree?.field('Protocol type', offset + 2, 2, `0x${protocol.toString(16).padStart(4, '0')}`);
  tree?.field('Hardware size', offset + 4, 1, bytes[offset + 4]!);
  tree?.field('Protocol size', offset + 5, 1, bytes[offset + 5]!);
  tree?.field('Operation', offset + 6, 2, `${OPERATIONS[operation] ?? 'unknown'} (${operation})`);
  if (!ethernetIpv4) return `ARP, hardware ${hardware}, protocol 0x${protocol.toString(16).padStart(4, '0')}, operation ${operation}, length ${length}`;
  if (context.end - offset < ARP_ETHERNET_IPV4) return `ARP, ${truncated(context, 'arp', offset, ARP_ETHERNET_IPV4)}`;
  const sender = ipv4Text(bytes, offset + 14);
  const target = ipv4Text(bytes, offset + 24);
  tree?.field('Sender MAC', offset + 8, 6, macText(bytes, offset + 8));
  tree?.field('Sender IP', offset + 14, 4, sender);
  tree?.field('Target MAC', offset + 18, 6, macText(bytes, offset + 18));
  tree?.field('Target IP', offset + 24, 4, target);
  context.source = sender;
  context.destination = target;
  return `ARP, ${arpSentence(bytes, offset, operation, sender, target)}, length ${length}`;
}

function arpSentence(bytes: Uint8Array, offset: number, operation: number, sender: string, target: string): string {
  if (operation === 1) return `Request who-has ${target}${isZero(bytes, offset + 18, 6) ? '' : ` (${macText(bytes, offset + 18)})`} tell ${sender}`;
  if (operation === 2) return `Reply ${sender} is-at ${macText(bytes, offset + 8)}`;
  if (operation === 3) return `Reverse Request who-is ${macText(bytes, offset + 18)} tell ${macText(bytes, offset + 8)}`;
  if (operation === 4) return `Reverse Reply ${macText(bytes, offset + 18)} at ${target}`;
  return `operation ${operation} ${sender} > ${target}`;
}

function isZero(bytes: Uint8Array, offset: number, length: number): boolean {
  for (let index = offset; index < offset + length; index++) if (bytes[index] !== 0) return false;
  return true;
}
