/**
 * What every decoder of one packet shares: its bytes, where the captured bytes end, how long it was on the wire,
 * the columns a packet list shows, and (only when one packet is dissected for its field tree) the tree being
 * built. Decoders write fields through `context.tree?.field(...)`: when no tree is asked for, the optional call
 * skips its arguments, so the value texts are never built and a summary costs no more than it must.
 */
import type { FieldTree } from './field-tree.js';

export interface PacketContext {
  readonly bytes: Uint8Array;
  /** Where the captured bytes end (the snap length may have cut the packet short). */
  readonly end: number;
  /** How long the packet was on the wire; lengths in summaries follow it, as tcpdump's do. */
  readonly wireLength: number;
  readonly tree: FieldTree | undefined;
  /** The innermost network addresses and protocol seen, for a packet list's columns. */
  source: string;
  destination: string;
  protocol: string;
  /**
   * Decodes an Ethernet frame inside this packet (VXLAN carries one). Given by the caller, since the frame's
   * decoder reaches every other one and an import back to it would close a circle.
   */
  readonly decodeEthernet: (context: PacketContext, offset: number) => string;
}

export function newContext(bytes: Uint8Array, wireLength: number, decodeEthernet: PacketContext['decodeEthernet'], tree?: FieldTree): PacketContext {
  return { bytes, end: bytes.length, wireLength: Math.max(wireLength, bytes.length), tree, source: '', destination: '', protocol: '', decodeEthernet };
}

/** A 16-bit big-endian number. */
export function read16(bytes: Uint8Array, offset: number): number {
  return (bytes[offset]! << 8) | bytes[offset + 1]!;
}

/** A 32-bit big-endian number, unsigned. */
/** A 16-bit field as tcpdump shows checksums: `0x` and four hex digits. */
export function hex16(bytes: Uint8Array, offset: number): string {
  return `0x${read16(bytes, offset).toString(16).padStart(4, '0')}`;
}

export function read32(bytes: Uint8Array, offset: number): number {
  return ((bytes[offset]! << 24) >>> 0) + ((bytes[offset + 1]! << 16) | (bytes[offset + 2]! << 8) | bytes[offset + 3]!);
}

/** The tcpdump-style mark of a header cut short by the snap length or a malformed length: `[|ip]`. */
export function truncated(context: PacketContext, protocol: string, offset: number, needed: number): string {
  context.tree?.truncated(protocol, offset, needed, context.end - offset);
  return `[|${protocol}]`;
}
