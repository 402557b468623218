/**
 * One captured packet, and the packet as a capture's ring keeps it: without its summary, which is made again from
 * its bytes when asked. The summary's strings were most of a kept packet's memory, and keeping 100,000 of them made
 * the garbage collector copy them over and over (reading 200,000 packets took three times as long): a summary is
 * made for the packet's row as it arrives, and again only for the few packets looked at later.
 */
import { summarizePacket, type PacketSummary } from './dissect.js';

/** A packet of a capture, decoded. */
export interface CapturedPacket {
  /** 1 for the first packet of the capture. */
  number: number;
  seconds: number;
  nanoseconds: number;
  /** Where it was seen: `ns1:veth0`. */
  interface: string;
  /** Its endpoint's position in the list given to startCapture. */
  endpoint: number;
  linkType: number;
  wireLength: number;
  /** The captured bytes, a copy of their own. */
  data: Uint8Array;
  summary: PacketSummary;
}

class KeptPacket implements CapturedPacket {
  readonly number: number;
  readonly seconds: number;
  readonly nanoseconds: number;
  readonly interface: string;
  readonly endpoint: number;
  readonly linkType: number;
  readonly wireLength: number;
  readonly data: Uint8Array;

  constructor(packet: CapturedPacket) {
    this.number = packet.number;
    this.seconds = packet.seconds;
    this.nanoseconds = packet.nanoseconds;
    this.interface = packet.interface;
    this.endpoint = packet.endpoint;
    this.linkType = packet.linkType;
    this.wireLength = packet.wireLength;
    this.data = packet.data;
  }

  get summary(): PacketSummary {
    return summarizePacket(this.linkType, this.data, this.wireLength);
  }
}

/** The packet to keep in a ring: the same fields, its summary made on demand. */
export function keptPacket(packet: CapturedPacket): CapturedPacket {
  return new KeptPacket(packet);
}
