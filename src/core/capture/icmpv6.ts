/** ICMPv6: errors, echo, neighbour discovery (with its options), multicast listener messages. */
import { ipv6Text, macText } from './address-text.js';
import { hex16, read16, read32, truncated, type PacketContext } from './packet-context.js';

const ICMPV6_HEADER = 4;

const TYPES: Record<number, string> = {
  1: 'destination unreachable',
  2: 'packet too big',
  3: 'time exceeded in-transit',
  4: 'parameter problem',
  128: 'echo request',
  129: 'echo reply',
  130: 'multicast listener query',
  131: 'multicast listener report',
  132: 'multicast listener done',
  133: 'router solicitation',
  134: 'router advertisement',
  135: 'neighbor solicitation',
  136: 'neighbor advertisement',
  137: 'redirect',
  143: 'multicast listener report v2',
};

/** Where the options of each neighbour discovery message start, after its fixed part. */
const ND_OPTIONS_AT: Record<number, number> = { 133: 8, 134: 16, 135: 24, 136: 24, 137: 40 };

const ND_OPTION_NAMES: Record<number, string> = { 1: 'Source link-layer address', 2: 'Target link-layer address', 3: 'Prefix information', 4: 'Redirected header', 5: 'MTU' };

export function decodeIcmpv6(context: PacketContext, offset: number, payloadEnd: number, length: number): string {
  const { bytes, tree } = context;
  context.protocol = 'ICMPv6';
  if (payloadEnd - offset < ICMPV6_HEADER) return `ICMP6, ${truncated(context, 'icmp6', offset, ICMPV6_HEADER)}`;
  const type = bytes[offset]!;
  const code = bytes[offset + 1]!;
  const name = TYPES[type] ?? `type ${type}`;
  tree?.layer('ICMPv6', offset, payloadEnd - offset);
  tree?.field('Type', offset, 1, `${TYPES[type] ?? 'unknown'} (${type})`);
  tree?.field('Code', offset + 1, 1, code);
  tree?.field('Checksum', offset + 2, 2, hex16(bytes, offset + 2));
  const detail = icmpv6Detail(context, type, offset, payloadEnd);
  if (detail === undefined) return `ICMP6, ${name}, ${truncated(context, 'icmp6', offset, 8)}`;
  if (ND_OPTIONS_AT[type] !== undefined) writeNdOptions(context, offset + ND_OPTIONS_AT[type]!, payloadEnd);
  return `ICMP6, ${name}${detail}, length ${length}`;
}

/** The words after the message's name; undefined when its fixed part was cut short. */
function icmpv6Detail(context: PacketContext, type: number, offset: number, payloadEnd: number): string | undefined {
  const { bytes, tree } = context;
  const has = (size: number): boolean => payloadEnd - offset >= size;
  if (type === 128 || type === 129) {
    if (!has(8)) return undefined;
    tree?.field('Identifier', offset + 4, 2, read16(bytes, offset + 4));
    tree?.field('Sequence', offset + 6, 2, read16(bytes, offset + 6));
    return `, id ${read16(bytes, offset + 4)}, seq ${read16(bytes, offset + 6)}`;
  }
  if (type === 135 || type === 136) {
    if (!has(24)) return undefined;
    const target = ipv6Text(bytes, offset + 8);
    if (type === 136) tree?.field('Flags', offset + 4, 1, neighbourFlags(bytes[offset + 4]!));
    tree?.field('Target', offset + 8, 16, target);
    return type === 135 ? `, who has ${target}` : `, tgt is ${target}`;
  }
  if (type === 2) {
    if (!has(8)) return undefined;
    tree?.field('MTU', offset + 4, 4, read32(bytes, offset + 4));
    return `, mtu ${read32(bytes, offset + 4)}`;
  }
  if (type === 143) {
    if (!has(8)) return undefined;
    tree?.field('Records', offset + 6, 2, read16(bytes, offset + 6));
    return `, ${read16(bytes, offset + 6)} group record(s)`;
  }
  if (type === 1) return `, code ${context.bytes[offset + 1]}`;
  return '';
}

function neighbourFlags(flags: number): string {
  const names = [flags & 0x80 ? 'router' : '', flags & 0x40 ? 'solicited' : '', flags & 0x20 ? 'override' : ''].filter(Boolean);
  return names.length ? names.join(', ') : 'none';
}

/** Neighbour discovery options, each as a field; a zero or overlong length ends the walk (a malformed option). */
function writeNdOptions(context: PacketContext, start: number, payloadEnd: number): void {
  const { bytes, tree } = context;
  if (!tree) return;
  for (let offset = start; payloadEnd - offset >= 2;) {
    const type = bytes[offset]!;
    const length = bytes[offset + 1]! * 8;
    if (length === 0 || offset + length > payloadEnd) return tree.field('Malformed option', offset, payloadEnd - offset, `type ${type}, length ${length}`);
    const name = ND_OPTION_NAMES[type] ?? `Option ${type}`;
    const value = (type === 1 || type === 2) && length >= 8 ? macText(bytes, offset + 2) : type === 5 && length >= 8 ? String(read32(bytes, offset + 4)) : `${length} bytes`;
    tree.field(name, offset, length, value);
    offset += length;
  }
}
