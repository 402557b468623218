/**
 * TCP and UDP (and VXLAN inside UDP, with its inner frame decoded), summarised as tcpdump does:
 * `10.0.0.1.40000 > 10.0.0.2.80: Flags [S], seq 1, win 64240, length 0`. Sequence numbers are shown as they are
 * on the wire (tcpdump's -S), since one packet alone has no connection to be relative to.
 */
import { hex16, read16, read32, truncated, type PacketContext } from './packet-context.js';

const TCP_MIN_HEADER = 20;
const UDP_HEADER = 8;
const VXLAN_HEADER = 8;
const VXLAN_PORT = 4789;

const PROTOCOL_NAMES: Record<number, string> = {
  0: 'HBH',
  1: 'ICMP',
  2: 'IGMP',
  4: 'IPIP',
  6: 'TCP',
  17: 'UDP',
  41: 'IPv6',
  43: 'routing',
  44: 'fragment',
  47: 'GRE',
  50: 'ESP',
  51: 'AH',
  58: 'ICMPv6',
  59: 'none',
  60: 'dstopt',
  89: 'OSPF',
  112: 'VRRP',
  132: 'SCTP',
};

/** An IP protocol number's name (`TCP`), or `ip-proto-N` as tcpdump writes an unknown one. */
export function ipProtocolName(protocol: number): string {
  return PROTOCOL_NAMES[protocol] ?? `ip-proto-${protocol}`;
}

/** The upper layer of an IP packet: `length` is its length on the wire, `payloadEnd` where its captured bytes end. */
export function decodeTransport(context: PacketContext, protocol: number, offset: number, payloadEnd: number, length: number, source: string, destination: string): string {
  if (protocol === 6) return decodeTcp(context, offset, payloadEnd, length, source, destination);
  if (protocol === 17) return decodeUdp(context, offset, payloadEnd, source, destination);
  context.protocol = ipProtocolName(protocol);
  return `${source} > ${destination}: ${ipProtocolName(protocol)}, length ${length}`;
}

/** tcpdump's flag letters, in its order. */
const TCP_FLAGS: ReadonlyArray<[number, string]> = [
  [0x01, 'F'],
  [0x02, 'S'],
  [0x04, 'R'],
  [0x08, 'P'],
  [0x10, '.'],
  [0x20, 'U'],
  [0x40, 'E'],
  [0x80, 'W'],
];

function decodeTcp(context: PacketContext, offset: number, payloadEnd: number, length: number, source: string, destination: string): string {
  const { bytes, tree } = context;
  context.protocol = 'TCP';
  if (payloadEnd - offset < TCP_MIN_HEADER) return `${source} > ${destination}: ${truncated(context, 'tcp', offset, TCP_MIN_HEADER)}`;
  const sourcePort = read16(bytes, offset);
  const destinationPort = read16(bytes, offset + 2);
  const sequence = read32(bytes, offset + 4);
  const acknowledgement = read32(bytes, offset + 8);
  const headerLength = (bytes[offset + 12]! >> 4) * 4;
  const flags = bytes[offset + 13]!;
  const window = read16(bytes, offset + 14);
  const flagText = tcpFlagText(flags);
  tree?.layer('TCP', offset, headerLength);
  tree?.field('Source port', offset, 2, sourcePort);
  tree?.field('Destination port', offset + 2, 2, destinationPort);
  tree?.field('Sequence number', offset + 4, 4, sequence);
  tree?.field('Acknowledgement number', offset + 8, 4, acknowledgement);
  tree?.field('Header length', offset + 12, 1, `${headerLength} bytes`);
  tree?.field('Flags', offset + 13, 1, `[${flagText}] (0x${flags.toString(16).padStart(2, '0')})`);
  tree?.field('Window', offset + 14, 2, window);
  tree?.field('Checksum', offset + 16, 2, hex16(bytes, offset + 16));
  tree?.field('Urgent pointer', offset + 18, 2, read16(bytes, offset + 18));
  if (headerLength > TCP_MIN_HEADER) tree?.field('Options', offset + TCP_MIN_HEADER, headerLength - TCP_MIN_HEADER, `${headerLength - TCP_MIN_HEADER} bytes`);
  const ends = `${source}.${sourcePort} > ${destination}.${destinationPort}`;
  if (headerLength < TCP_MIN_HEADER || headerLength > length) return `${ends}: Flags [${flagText}], bad header length ${headerLength}`;
  const dataLength = length - headerLength;
  if (dataLength > 0) tree?.field('Data', offset + headerLength, Math.max(0, Math.min(dataLength, payloadEnd - offset - headerLength)), `${dataLength} bytes`);
  let text = `${ends}: Flags [${flagText}]`;
  if (dataLength > 0 || flags & 0x07) text += dataLength > 0 ? `, seq ${sequence}:${(sequence + dataLength) >>> 0}` : `, seq ${sequence}`;
  if (flags & 0x10) text += `, ack ${acknowledgement}`;
  text += `, win ${window}`;
  if (flags & 0x20) text += `, urg ${read16(bytes, offset + 18)}`;
  return `${text}, length ${dataLength}`;
}

export function tcpFlagText(flags: number): string {
  let text = '';
  for (const [bit, letter] of TCP_FLAGS) if (flags & bit) text += letter;
  return text || 'none';
}

function decodeUdp(context: PacketContext, offset: number, payloadEnd: number, source: string, destination: string): string {
  const { bytes, tree } = context;
  context.protocol = 'UDP';
  if (payloadEnd - offset < UDP_HEADER) return `${source} > ${destination}: ${truncated(context, 'udp', offset, UDP_HEADER)}`;
  const sourcePort = read16(bytes, offset);
  const destinationPort = read16(bytes, offset + 2);
  const udpLength = read16(bytes, offset + 4);
  tree?.layer('UDP', offset, UDP_HEADER);
  tree?.field('Source port', offset, 2, sourcePort);
  tree?.field('Destination port', offset + 2, 2, destinationPort);
  tree?.field('Length', offset + 4, 2, udpLength);
  tree?.field('Checksum', offset + 6, 2, hex16(bytes, offset + 6));
  const ends = `${source}.${sourcePort} > ${destination}.${destinationPort}`;
  if (udpLength < UDP_HEADER) return `${ends}: UDP, bad length ${udpLength}`;
  if (destinationPort === VXLAN_PORT) return `${ends}: ${decodeVxlan(context, offset + UDP_HEADER, Math.min(payloadEnd, offset + udpLength))}`;
  return `${ends}: UDP, length ${udpLength - UDP_HEADER}`;
}

/** VXLAN: flags and the network id, then the Ethernet frame it carries, decoded like any other. */
function decodeVxlan(context: PacketContext, offset: number, payloadEnd: number): string {
  const { bytes, tree } = context;
  context.protocol = 'VXLAN';
  if (payloadEnd - offset < VXLAN_HEADER) return `VXLAN ${truncated(context, 'vxlan', offset, VXLAN_HEADER)}`;
  const flags = bytes[offset]!;
  const vni = (bytes[offset + 4]! << 16) | (bytes[offset + 5]! << 8) | bytes[offset + 6]!;
  tree?.layer('VXLAN', offset, VXLAN_HEADER);
  tree?.field('Flags', offset, 1, `0x${flags.toString(16).padStart(2, '0')}`);
  tree?.field('VNI', offset + 4, 3, vni);
  const header = `VXLAN, flags [${flags & 0x08 ? 'I' : '.'}] (0x${flags.toString(16).padStart(2, '0')}), vni ${vni}`;
  // The inner frame is decoded within the outer packet's captured bytes; its lengths are its own.
  return `${header}: ${context.decodeEthernet(context, offset + VXLAN_HEADER)}`;
}
