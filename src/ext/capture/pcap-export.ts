/** A capture's kept packets as a pcap file: for "Save as .pcap" and for handing to Wireshark. */
import { writeFile } from 'node:fs/promises';
import type { CapturedPacket } from '../../core/capture/capture.js';
import { CaptureError } from '../../core/capture/tcpdump.js';
import { pcapFileHeader, pcapRecord } from '../../core/capture/pcap-writer.js';

const SNAP_LENGTH = 262_144;

/** Writes `packets` (in order) to `path`; refuses interfaces of different link types, which one pcap file cannot hold. */
export async function writePcap(path: string, packets: readonly CapturedPacket[]): Promise<void> {
  const linkTypes = new Set(packets.map((packet) => packet.linkType));
  if (linkTypes.size > 1) throw new CaptureError(`These packets have different link types (${[...linkTypes].join(', ')}), which one pcap file cannot hold: capture the interfaces separately`);
  const linkType = packets[0]?.linkType ?? 1;
  const parts = [pcapFileHeader(linkType, SNAP_LENGTH, false), ...packets.map((packet) => pcapRecord(packet, false))];
  await writeFile(path, Buffer.concat(parts));
}
