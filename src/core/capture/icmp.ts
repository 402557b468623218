/** ICMP for IPv4: echo, unreachable (with the packet it is about), time exceeded, and the rest by name or number. */
import { ipv4Text } from './address-text.js';
import { hex16, read16, truncated, type PacketContext } from './packet-context.js';
import { ipProtocolName } from './transport.js';

const ICMP_HEADER = 8;

const TYPES: Record<number, string> = {
  0: 'echo reply',
  3: 'destination unreachable',
  4: 'source quench',
  5: 'redirect',
  8: 'echo request',
  9: 'router advertisement',
  10: 'router solicitation',
  11: 'time exceeded',
  12: 'parameter problem',
  13: 'time stamp request',
  14: 'time stamp reply',
};

const UNREACHABLE: Record<number, string> = { 0: 'net', 1: 'host', 2: 'protocol', 3: 'port', 4: 'need to frag', 9: 'net prohibited', 10: 'host prohibited', 13: 'administratively prohibited' };

/** `length` is the ICMP message's length on the wire. */
export function decodeIcmp(context: PacketContext, offset: number, payloadEnd: number, length: number): string {
  const { bytes, tree } = context;
  context.protocol = 'ICMP';
  if (payloadEnd - offset < 4) return `ICMP ${truncated(context, 'icmp', offset, ICMP_HEADER)}`;
  const type = bytes[offset]!;
  const code = bytes[offset + 1]!;
  tree?.layer('ICMP', offset, Math.min(ICMP_HEADER, payloadEnd - offset));
  tree?.field('Type', offset, 1, `${TYPES[type] ?? 'unknown'} (${type})`);
  tree?.field('Code', offset + 1, 1, code);
  tree?.field('Checksum', offset + 2, 2, hex16(bytes, offset + 2));
  if (type === 0 || type === 8) {
    if (payloadEnd - offset < ICMP_HEADER) return `ICMP ${TYPES[type]}, ${truncated(context, 'icmp', offset, ICMP_HEADER)}`;
    tree?.field('Identifier', offset + 4, 2, read16(bytes, offset + 4));
    tree?.field('Sequence', offset + 6, 2, read16(bytes, offset + 6));
    return `ICMP ${TYPES[type]}, id ${read16(bytes, offset + 4)}, seq ${read16(bytes, offset + 6)}, length ${length}`;
  }
  if (type === 3) return `ICMP ${unreachableText(context, offset, payloadEnd, code)}, length ${length}`;
  if (type === 11) return `ICMP time exceeded ${code === 0 ? 'in-transit' : code === 1 ? 'in-reassembly' : `code ${code}`}, length ${length}`;
  return `ICMP ${TYPES[type] ?? `type ${type}`}${code ? `, code ${code}` : ''}, length ${length}`;
}

/** tcpdump's wording: `10.0.0.2 udp port 5000 unreachable`, `host 10.0.0.9 unreachable`, from the quoted packet. */
function unreachableText(context: PacketContext, offset: number, payloadEnd: number, code: number): string {
  const { bytes, tree } = context;
  const inner = offset + ICMP_HEADER;
  if (code === 4 && payloadEnd - offset >= ICMP_HEADER) tree?.field('Next-hop MTU', offset + 6, 2, read16(bytes, offset + 6));
  if (payloadEnd - inner < 20) return `destination unreachable, code ${code}`;
  const innerHeader = (bytes[inner]! & 0x0f) * 4;
  const protocol = bytes[inner + 9]!;
  const destination = ipv4Text(bytes, inner + 16);
  tree?.field('Original destination', inner + 16, 4, destination);
  tree?.field('Original protocol', inner + 9, 1, ipProtocolName(protocol));
  if (code === 3 && (protocol === 6 || protocol === 17) && payloadEnd - inner >= innerHeader + 4) {
    return `${destination} ${protocol === 6 ? 'tcp' : 'udp'} port ${read16(bytes, inner + innerHeader + 2)} unreachable`;
  }
  if (code === 0 || code === 1) return `${UNREACHABLE[code]} ${destination} unreachable`;
  if (code === 2) return `${destination} protocol ${protocol} unreachable`;
  if (code === 4) return `${destination} unreachable - need to frag (mtu ${read16(bytes, offset + 6)})`;
  return `${destination} unreachable (${UNREACHABLE[code] ?? `code ${code}`})`;
}
