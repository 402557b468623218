/**
 * Decoding one captured packet: a summary line as a network engineer reads it (tcpdump's words), the columns of
 * a packet list, and on request the field tree of every header. Pure functions on bytes: a truncated or
 * malformed packet gets a mark in its summary (`[|tcp]`), never an exception.
 */
import { FieldTree, type PacketLayer } from './field-tree.js';
import { decodeIpv4 } from './ipv4.js';
import { decodeIpv6 } from './ipv6.js';
import { decodeEthernet, decodeSll, decodeSll2 } from './link-layer.js';
import { newContext, type PacketContext } from './packet-context.js';

/** The pcap link types decoded: Ethernet, raw IP, and Linux cooked v1 and v2 (what `tcpdump -i any` gives). */
export const LINK_TYPE = { ethernet: 1, raw: 101, linuxSll: 113, linuxSll2: 276 } as const;

export interface PacketSummary {
  /** One line: `IP 10.0.0.1 > 10.0.0.2: ICMP echo request, id 5, seq 1, length 64`. */
  text: string;
  /** The innermost addresses seen (IP, else ARP's, else MAC), and the highest protocol decoded. */
  source: string;
  destination: string;
  protocol: string;
}

export interface PacketDissection {
  summary: PacketSummary;
  layers: PacketLayer[];
}

/** The summary of a packet; `wireLength` is its length on the wire (at least its captured length). */
export function summarizePacket(linkType: number, bytes: Uint8Array, wireLength = bytes.length): PacketSummary {
  return decode(linkType, newContext(bytes, wireLength, decodeEthernet));
}

/** The summary and the field tree of one packet, for a view of its details. */
export function dissectPacket(linkType: number, bytes: Uint8Array, wireLength = bytes.length): PacketDissection {
  const tree = new FieldTree();
  const summary = decode(linkType, newContext(bytes, wireLength, decodeEthernet, tree));
  return { summary, layers: tree.layers };
}

function decode(linkType: number, context: PacketContext): PacketSummary {
  let text: string;
  try {
    text = decodeLink(linkType, context);
  } catch (error) {
    // The decoders check lengths before they read; this is a last guard so that no packet stops a capture.
    text = `malformed packet (${error instanceof Error ? error.message : String(error)})`;
  }
  if (context.bytes.length < context.wireLength && !text.includes('[|')) text += ` [${context.wireLength - context.bytes.length} bytes not captured]`;
  return { text, source: context.source, destination: context.destination, protocol: context.protocol };
}

function decodeLink(linkType: number, context: PacketContext): string {
  if (linkType === LINK_TYPE.ethernet) return decodeEthernet(context, 0);
  if (linkType === LINK_TYPE.linuxSll) return decodeSll(context, 0);
  if (linkType === LINK_TYPE.linuxSll2) return decodeSll2(context, 0);
  if (linkType === LINK_TYPE.raw) {
    const version = context.end > 0 ? context.bytes[0]! >> 4 : 0;
    if (version === 4) return decodeIpv4(context, 0);
    if (version === 6) return decodeIpv6(context, 0);
    return `raw IP, bad version ${version}, length ${context.wireLength}`;
  }
  return `link type ${linkType}, length ${context.wireLength}`;
}
