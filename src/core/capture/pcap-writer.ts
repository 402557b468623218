/** Writing classic pcap: a file header and one record per packet, little-endian, as tcpdump writes on this kind of machine. */
import { PCAP_HEADER_LENGTH, PCAP_RECORD_HEADER_LENGTH } from './pcap-reader.js';

/** The 24-byte file header for packets of `linkType`, with nanosecond or microsecond timestamps. */
export function pcapFileHeader(linkType: number, snapLength: number, nanosecondTimestamps: boolean): Uint8Array {
  const bytes = new Uint8Array(PCAP_HEADER_LENGTH);
  const view = new DataView(bytes.buffer);
  view.setUint32(0, nanosecondTimestamps ? 0xa1b23c4d : 0xa1b2c3d4, true);
  view.setUint16(4, 2, true);
  view.setUint16(6, 4, true);
  view.setUint32(16, snapLength, true);
  view.setUint32(20, linkType, true);
  return bytes;
}

/** One record: its header and its bytes; `nanoseconds` is written as microseconds unless the file is in nanoseconds. */
export function pcapRecord(packet: { seconds: number; nanoseconds: number; data: Uint8Array; wireLength: number }, nanosecondTimestamps: boolean): Uint8Array {
  const bytes = new Uint8Array(PCAP_RECORD_HEADER_LENGTH + packet.data.length);
  const view = new DataView(bytes.buffer);
  view.setUint32(0, packet.seconds, true);
  view.setUint32(4, nanosecondTimestamps ? packet.nanoseconds : Math.floor(packet.nanoseconds / 1000), true);
  view.setUint32(8, packet.data.length, true);
  view.setUint32(12, packet.wireLength, true);
  bytes.set(packet.data, PCAP_RECORD_HEADER_LENGTH);
  return bytes;
}
