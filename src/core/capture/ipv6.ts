/** IPv6: the fixed header, the extension headers skipped over (named in the tree), the payload handed on. */
import { ipv6Text } from './address-text.js';
import { missingMark } from './ipv4.js';
import { decodeIcmpv6 } from './icmpv6.js';
import { read16, read32, truncated, type PacketContext } from './packet-context.js';
import { decodeTransport, ipProtocolName } from './transport.js';

const IPV6_HEADER = 40;

/** Extension headers whose length is (byte 1 + 1) * 8: hop-by-hop, routing, destination options. */
const EXTENSIONS: Record<number, string> = { 0: 'HBH', 43: 'routing', 60: 'dstopt' };
const FRAGMENT = 44;
const NO_NEXT_HEADER = 59;

export function decodeIpv6(context: PacketContext, offset: number): string {
  const { bytes, tree } = context;
  context.protocol = 'IPv6';
  if (context.end - offset < IPV6_HEADER) return `IP6 ${truncated(context, 'ip6', offset, IPV6_HEADER)}`;
  const payloadLength = read16(bytes, offset + 4);
  const source = ipv6Text(bytes, offset + 8);
  const destination = ipv6Text(bytes, offset + 24);
  context.source = source;
  context.destination = destination;
  tree?.layer('IPv6', offset, IPV6_HEADER);
  tree?.field('Version', offset, 1, bytes[offset]! >> 4);
  tree?.field('Traffic class', offset, 2, (read16(bytes, offset) >> 4) & 0xff);
  tree?.field('Flow label', offset + 1, 3, `0x${(read32(bytes, offset) & 0xfffff).toString(16).padStart(5, '0')}`);
  tree?.field('Payload length', offset + 4, 2, payloadLength);
  tree?.field('Next header', offset + 6, 1, `${ipProtocolName(bytes[offset + 6]!)} (${bytes[offset + 6]})`);
  tree?.field('Hop limit', offset + 7, 1, bytes[offset + 7]!);
  tree?.field('Source', offset + 8, 16, source);
  tree?.field('Destination', offset + 24, 16, destination);
  if (bytes[offset]! >> 4 !== 6) return `IP6 ${source} > ${destination}: bad version ${bytes[offset]! >> 4}`;
  const payloadEnd = Math.min(offset + IPV6_HEADER + payloadLength, context.end);
  const text = decodeChain(context, bytes[offset + 6]!, offset + IPV6_HEADER, offset + IPV6_HEADER + payloadLength, payloadEnd, source, destination);
  return `IP6 ${text}${missingMark(context, offset, IPV6_HEADER + payloadLength, text)}`;
}

/** Follows the next-header chain to the upper layer; `stop` is where the payload ends on the wire. */
function decodeChain(context: PacketContext, first: number, start: number, stop: number, payloadEnd: number, source: string, destination: string): string {
  const { bytes, tree } = context;
  const marks: string[] = [];
  let next = first;
  let offset = start;
  while (EXTENSIONS[next] !== undefined || next === FRAGMENT) {
    if (payloadEnd - offset < 8) return `${source} > ${destination}: ${truncated(context, 'ip6', offset, 8)}`;
    const length = next === FRAGMENT ? 8 : (bytes[offset + 1]! + 1) * 8;
    const name = EXTENSIONS[next] ?? 'frag';
    tree?.layer(`IPv6 ${name === 'HBH' ? 'hop-by-hop options' : name === 'frag' ? 'fragment' : name}`, offset, length);
    tree?.field('Next header', offset, 1, `${ipProtocolName(bytes[offset]!)} (${bytes[offset]})`);
    if (next === FRAGMENT) {
      const fragmentOffset = read16(bytes, offset + 2) & 0xfff8;
      tree?.field('Fragment offset', offset + 2, 2, fragmentOffset);
      tree?.field('Identification', offset + 4, 4, read32(bytes, offset + 4));
      if (fragmentOffset > 0) return `${source} > ${destination}: frag (${fragmentOffset}|${stop - offset - 8}) ${ipProtocolName(bytes[offset]!)}`;
    }
    marks.push(name);
    next = bytes[offset]!;
    offset += length;
  }
  const prefix = marks.length ? `${marks.join(' ')} ` : '';
  const length = stop - offset;
  if (next === NO_NEXT_HEADER) return `${source} > ${destination}: ${prefix}no next header`;
  if (next === 58) return `${source} > ${destination}: ${prefix}${decodeIcmpv6(context, offset, payloadEnd, length)}`;
  return `${prefix}${decodeTransport(context, next, offset, payloadEnd, length, source, destination)}`;
}
