/** IPv4: the header's fields, fragments, and the payload handed to ICMP, TCP, UDP or shown by its number. */
import { ipv4Text } from './address-text.js';
import { decodeIcmp } from './icmp.js';
import { hex16, read16, truncated, type PacketContext } from './packet-context.js';
import { decodeTransport, ipProtocolName } from './transport.js';

const IPV4_MIN_HEADER = 20;

export function decodeIpv4(context: PacketContext, offset: number): string {
  const { bytes, tree } = context;
  context.protocol = 'IPv4';
  if (context.end - offset < IPV4_MIN_HEADER) return `IP ${truncated(context, 'ip', offset, IPV4_MIN_HEADER)}`;
  const headerLength = (bytes[offset]! & 0x0f) * 4;
  const totalLength = read16(bytes, offset + 2);
  const source = ipv4Text(bytes, offset + 12);
  const destination = ipv4Text(bytes, offset + 16);
  context.source = source;
  context.destination = destination;
  tree?.layer('IPv4', offset, headerLength);
  writeIpv4Fields(context, offset, headerLength, totalLength);
  if (bytes[offset]! >> 4 !== 4) return `IP ${source} > ${destination}: bad version ${bytes[offset]! >> 4}`;
  if (headerLength < IPV4_MIN_HEADER || totalLength < headerLength) return `IP ${source} > ${destination}: bad header length ${headerLength}, total length ${totalLength}`;
  if (context.end - offset < headerLength) return `IP ${truncated(context, 'ip', offset, headerLength)}`;
  const protocol = bytes[offset + 9]!;
  const fragment = read16(bytes, offset + 6);
  const fragmentOffset = (fragment & 0x1fff) * 8;
  const payload = offset + headerLength;
  const payloadLength = totalLength - headerLength;
  const payloadEnd = Math.min(offset + totalLength, context.end);
  if (fragmentOffset > 0) {
    return `IP ${source} > ${destination}: ${ipProtocolName(protocol)} fragment id ${read16(bytes, offset + 4)}, offset ${fragmentOffset}${fragment & 0x2000 ? ', more fragments' : ''}, length ${payloadLength}`;
  }
  const inner =
    protocol === 1
      ? `${source} > ${destination}: ${decodeIcmp(context, payload, payloadEnd, payloadLength)}`
      : decodeTransport(context, protocol, payload, payloadEnd, payloadLength, source, destination);
  return `IP ${inner}${missingMark(context, offset, totalLength, inner)}`;
}

/**
 * Marks an IP packet whose header claims more bytes than the frame had on the wire: a malformed packet, not one
 * cut by the snap length (that one says how much was not captured). Shared with IPv6.
 */
export function missingMark(context: PacketContext, offset: number, claimedLength: number, text: string): string {
  const missing = offset + claimedLength - context.wireLength;
  if (missing <= 0 || text.includes('[|')) return '';
  context.tree?.truncated('ip', offset, claimedLength, context.wireLength - offset);
  return ` (${missing} bytes missing) [|ip]`;
}

function writeIpv4Fields(context: PacketContext, offset: number, headerLength: number, totalLength: number): void {
  const { bytes, tree } = context;
  if (!tree) return;
  const fragment = read16(bytes, offset + 6);
  const flags = [fragment & 0x4000 ? 'DF' : '', fragment & 0x2000 ? 'MF' : ''].filter(Boolean).join(', ') || 'none';
  tree.field('Version', offset, 1, bytes[offset]! >> 4);
  tree.field('Header length', offset, 1, `${headerLength} bytes`);
  tree.field('DSCP', offset + 1, 1, bytes[offset + 1]! >> 2);
  tree.field('ECN', offset + 1, 1, bytes[offset + 1]! & 3);
  tree.field('Total length', offset + 2, 2, totalLength);
  tree.field(
    'Identification',
    offset + 4,
    2,
    `0x${read16(bytes, offset + 4)
      .toString(16)
      .padStart(4, '0')} (${read16(bytes, offset + 4)})`,
  );
  tree.field('Flags', offset + 6, 2, flags);
  tree.field('Fragment offset', offset + 6, 2, (fragment & 0x1fff) * 8);
  tree.field('TTL', offset + 8, 1, bytes[offset + 8]!);
  tree.field('Protocol', offset + 9, 1, `${ipProtocolName(bytes[offset + 9]!)} (${bytes[offset + 9]})`);
  tree.field('Header checksum', offset + 10, 2, hex16(bytes, offset + 10));
  tree.field('Source', offset + 12, 4, ipv4Text(bytes, offset + 12));
  tree.field('Destination', offset + 16, 4, ipv4Text(bytes, offset + 16));
  if (headerLength > IPV4_MIN_HEADER) tree.field('Options', offset + IPV4_MIN_HEADER, headerLength - IPV4_MIN_HEADER, `${headerLength - IPV4_MIN_HEADER} bytes`);
}
