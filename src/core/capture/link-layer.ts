/**
 * The link layers a capture gives: Ethernet (with 802.1Q tags) on an interface, and Linux cooked headers (SLL
 * and SLL2) on `any`. Each hands its payload to the network layer by EtherType.
 */
import { macText } from './address-text.js';
import { decodeEtherType } from './network-layer.js';
import { read16, read32, truncated, type PacketContext } from './packet-context.js';

const ETHERNET_HEADER = 14;
const VLAN_TAG = 4;
const SLL_HEADER = 16;
const SLL2_HEADER = 20;

/** A frame whose type field is at most this is an 802.3 frame: the field is its length. */
const MAX_8023_LENGTH = 1500;

export function decodeEthernet(context: PacketContext, offset: number): string {
  const { bytes, tree } = context;
  if (context.end - offset < ETHERNET_HEADER) return truncated(context, 'ether', offset, ETHERNET_HEADER);
  tree?.layer('Ethernet', offset, ETHERNET_HEADER);
  tree?.field('Destination', offset, 6, macText(bytes, offset));
  tree?.field('Source', offset + 6, 6, macText(bytes, offset + 6));
  context.source = macText(bytes, offset + 6);
  context.destination = macText(bytes, offset);
  context.protocol = 'Ethernet';
  return decodeTypeField(context, read16(bytes, offset + 12), offset + 12);
}

/** The type field at `offset` and what follows it: a VLAN tag, an 802.3 length, or an EtherType. */
function decodeTypeField(context: PacketContext, type: number, offset: number): string {
  const { tree } = context;
  if (type <= MAX_8023_LENGTH) {
    tree?.field('Length', offset, 2, type);
    context.protocol = 'LLC';
    return `802.3, length ${type}`;
  }
  tree?.field('Type', offset, 2, etherTypeText(type));
  if (type === 0x8100 || type === 0x88a8) return decodeVlanTag(context, offset + 2, type);
  return decodeEtherType(context, type, offset + 2);
}

/** An 802.1Q (or 802.1ad) tag: priority, drop eligibility, VLAN id, then the inner type. */
function decodeVlanTag(context: PacketContext, offset: number, tagType: number): string {
  const { bytes, tree } = context;
  if (context.end - offset < VLAN_TAG) return truncated(context, 'vlan', offset, VLAN_TAG);
  const control = read16(bytes, offset);
  const vlan = control & 0x0fff;
  const priority = control >> 13;
  tree?.layer(tagType === 0x8100 ? '802.1Q' : '802.1ad', offset, VLAN_TAG);
  tree?.field('Priority', offset, 2, priority);
  tree?.field('Drop eligible', offset, 2, (control >> 12) & 1 ? 'yes' : 'no');
  tree?.field('VLAN', offset, 2, vlan);
  return `vlan ${vlan}, p ${priority}, ${decodeTypeField(context, read16(bytes, offset + 2), offset + 2)}`;
}

/** tcpdump's words for a cooked packet's direction: In, Out, B(roadcast), M(ulticast), P (to another host). */
const PACKET_TYPES = ['In', 'B', 'M', 'P', 'Out'];

/** Linux cooked capture v1 (link type 113): packet type, ARPHRD type, address, protocol. */
export function decodeSll(context: PacketContext, offset: number): string {
  const { bytes, tree } = context;
  if (context.end - offset < SLL_HEADER) return truncated(context, 'sll', offset, SLL_HEADER);
  const packetType = read16(bytes, offset);
  const addressLength = read16(bytes, offset + 4);
  const protocol = read16(bytes, offset + 14);
  tree?.layer('Linux cooked', offset, SLL_HEADER);
  tree?.field('Packet type', offset, 2, PACKET_TYPES[packetType] ?? packetType);
  tree?.field('Link type (ARPHRD)', offset + 2, 2, read16(bytes, offset + 2));
  if (addressLength === 6) tree?.field('Source', offset + 6, 6, macText(bytes, offset + 6));
  tree?.field('Protocol', offset + 14, 2, etherTypeText(protocol));
  return cooked(context, packetType, protocol, offset + SLL_HEADER);
}

/** Linux cooked capture v2 (link type 276): protocol, interface index, ARPHRD type, packet type, address. */
export function decodeSll2(context: PacketContext, offset: number): string {
  const { bytes, tree } = context;
  if (context.end - offset < SLL2_HEADER) return truncated(context, 'sll2', offset, SLL2_HEADER);
  const protocol = read16(bytes, offset);
  const packetType = bytes[offset + 10]!;
  tree?.layer('Linux cooked v2', offset, SLL2_HEADER);
  tree?.field('Protocol', offset, 2, etherTypeText(protocol));
  tree?.field('Interface index', offset + 4, 4, read32(bytes, offset + 4));
  tree?.field('Link type (ARPHRD)', offset + 8, 2, read16(bytes, offset + 8));
  tree?.field('Packet type', offset + 10, 1, PACKET_TYPES[packetType] ?? packetType);
  if (bytes[offset + 11] === 6) tree?.field('Source', offset + 12, 6, macText(bytes, offset + 12));
  return cooked(context, packetType, protocol, offset + SLL2_HEADER);
}

function cooked(context: PacketContext, packetType: number, protocol: number, offset: number): string {
  const direction = PACKET_TYPES[packetType] ?? `type ${packetType}`;
  // Protocols below 0x0600 are Linux's own markers (802.2, 802.3 frames), not EtherTypes.
  if (protocol < 0x0600) return `${direction} protocol 0x${protocol.toString(16).padStart(4, '0')}, length ${context.wireLength - offset}`;
  return `${direction} ${decodeEtherType(context, protocol, offset)}`;
}

const ETHER_TYPES: Record<number, string> = { 0x0800: 'IPv4', 0x0806: 'ARP', 0x86dd: 'IPv6', 0x8100: '802.1Q', 0x88a8: '802.1ad', 0x88cc: 'LLDP' };

export function etherTypeText(type: number): string {
  const hex = `0x${type.toString(16).padStart(4, '0')}`;
  const name = ETHER_TYPES[type];
  return name ? `${name} (${hex})` : hex;
}
