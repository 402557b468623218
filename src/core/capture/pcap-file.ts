/**
 * The capture written to a local pcap file as it arrives, in the merged order. Classic pcap holds one link type,
 * so interfaces with different ones (Ethernet and `any`) cannot share a file: that is refused when the second
 * kind appears. The file is created (truncated) when the capture starts, so an unwritable path fails at once.
 */
import type { WriteStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { CaptureError } from './tcpdump.js';
import { pcapFileHeader, pcapRecord } from './pcap-writer.js';

export interface PcapFilePacket {
  seconds: number;
  nanoseconds: number;
  data: Uint8Array;
  wireLength: number;
  linkType: number;
}

export class PcapFile {
  private linkType: number | undefined;

  private constructor(
    private readonly path: string,
    private readonly stream: WriteStream,
  ) {}

  /** Creates (or empties) the file; throws the file system's error when it cannot be written. */
  static async create(path: string): Promise<PcapFile> {
    try {
      const handle = await open(path, 'w');
      return new PcapFile(path, handle.createWriteStream());
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      const reason = code === 'ENOENT' ? 'its folder does not exist' : code === 'EACCES' ? 'permission denied' : code === 'EISDIR' ? 'it is a folder' : (error as Error).message;
      throw new CaptureError(`Cannot write the pcap file ${path}: ${reason}`);
    }
  }

  /** Writes one packet; the file header goes first, from the first packet's link type. */
  write(packet: PcapFilePacket, snapLength: number): void {
    if (this.linkType === undefined) {
      this.linkType = packet.linkType;
      this.stream.write(pcapFileHeader(packet.linkType, snapLength, false));
    } else if (packet.linkType !== this.linkType) {
      throw new CaptureError(`Cannot write interfaces of different link types (${this.linkType} and ${packet.linkType}) into one pcap file ${this.path}: capture them into separate files`);
    }
    this.stream.write(pcapRecord(packet, false));
  }

  /** Writes the header of an empty capture when no packet came, and closes the file once all is on disk. */
  async close(linkType: number | undefined, snapLength: number): Promise<void> {
    if (this.linkType === undefined && linkType !== undefined) this.stream.write(pcapFileHeader(linkType, snapLength, false));
    await new Promise<void>((resolve, reject) => {
      this.stream.once('error', reject);
      this.stream.end(() => resolve());
    });
  }
}
