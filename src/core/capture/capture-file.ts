/**
 * A saved pcap file read back as a capture: the same packets (numbered, decoded, kept in a bounded ring) as a live
 * capture gives, so whatever shows a capture shows a file too. The file is read in chunks as a stream, so a file
 * of any size takes no more memory than the ring; reading pauses while its reader is paused.
 */
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { basename } from 'node:path';
import { CaptureError } from './tcpdump.js';
import type { Capture, CaptureEnd, CapturedPacket } from './capture.js';
import { summarizePacket } from './dissect.js';
import { ByteSlab } from './byte-slab.js';
import { keptPacket } from './captured-packet.js';
import { PacketRing } from './packet-ring.js';
import { PcapFormatError, PcapStreamReader } from './pcap-reader.js';

export interface CaptureFileOptions {
  /** How many packets `recent()` keeps (default 10,000): of a longer file, the last ones. */
  keepRecent?: number;
  /** Called with each packet, in the file's order, as it is read. */
  onPacket?: (packet: CapturedPacket) => void;
}

const DEFAULT_KEEP_RECENT = 10_000;

/** Starts reading `path`; throws CaptureError at once when it cannot be opened. `done` rejects on a broken file. */
export async function readCaptureFile(path: string, options: CaptureFileOptions = {}): Promise<Capture> {
  try {
    await (await open(path, 'r')).close();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'it does not exist' : code === 'EACCES' ? 'permission denied' : code === 'EISDIR' ? 'it is a folder' : (error as Error).message;
    throw new CaptureError(`Cannot read the capture file ${path}: ${reason}`);
  }
  return new CaptureFileReading(path, options);
}

class CaptureFileReading implements Capture {
  readonly ready = Promise.resolve();
  readonly done: Promise<CaptureEnd>;
  private readonly ring: PacketRing<CapturedPacket>;
  private readonly bytes = new ByteSlab();
  private readonly stream: ReturnType<typeof createReadStream>;
  private count = 0;
  private stopped = false;

  constructor(path: string, options: CaptureFileOptions) {
    this.ring = new PacketRing(options.keepRecent ?? DEFAULT_KEEP_RECENT);
    const label = basename(path);
    const reader = new PcapStreamReader((record, header) => {
      const data = this.bytes.copy(record.data);
      const packet: CapturedPacket = {
        number: ++this.count,
        seconds: record.seconds,
        nanoseconds: record.nanoseconds,
        interface: label,
        endpoint: 0,
        linkType: header.linkType,
        wireLength: record.wireLength,
        data,
        summary: summarizePacket(header.linkType, data, record.wireLength),
      };
      this.ring.add(keptPacket(packet));
      options.onPacket?.(packet);
    });
    this.stream = createReadStream(path);
    this.done = new Promise<CaptureEnd>((resolve, reject) => {
      const fail = (error: unknown): void => {
        this.stream.destroy();
        const reason = error instanceof PcapFormatError ? error.message : (error as Error).message;
        reject(new CaptureError(`Cannot read the capture file ${label}: ${reason}`));
      };
      this.stream.on('data', (chunk) => {
        try {
          reader.push(chunk as Buffer);
        } catch (error) {
          fail(error);
        }
      });
      this.stream.once('error', fail);
      this.stream.once('close', () => {
        if (!reader.header && !this.stopped) return fail(new PcapFormatError('it is empty, not a pcap file'));
        resolve({ packets: this.count, reason: this.stopped ? 'stopped' : 'ended' });
      });
    });
    this.done.catch(() => undefined);
  }

  recent(): CapturedPacket[] {
    return this.ring.toArray();
  }

  packet(number: number): CapturedPacket | undefined {
    return this.ring.findByKey(number, (packet) => packet.number);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.stream.destroy();
    await this.done.catch(() => undefined);
  }

  pause(): void {
    this.stream.pause();
  }

  resume(): void {
    this.stream.resume();
  }
}
