/**
 * Reading classic pcap as it arrives, in chunks of any size (a pipe from `tcpdump -w -` cuts anywhere): the
 * file header (either byte order, microsecond or nanosecond timestamps, snap length, link type), then one record
 * per packet. Only a record cut across chunks is copied; the rest are views of the chunk they came in.
 */
import { NetnsLabError } from '../errors.js';

export class PcapFormatError extends NetnsLabError {}

export const PCAP_HEADER_LENGTH = 24;
export const PCAP_RECORD_HEADER_LENGTH = 16;

const MAGIC_MICROSECONDS = 0xa1b2c3d4;
const MAGIC_NANOSECONDS = 0xa1b23c4d;
const MAGIC_PCAPNG = 0x0a0d0d0a;

/** The largest record taken, whatever the header says: tcpdump's own limit is 256 KiB; more means a broken stream. */
const MAX_RECORD_LENGTH = 16 * 1024 * 1024;

export interface PcapHeader {
  littleEndian: boolean;
  /** Timestamps in nanoseconds (magic a1b23c4d), else microseconds. */
  nanosecondTimestamps: boolean;
  versionMajor: number;
  versionMinor: number;
  snapLength: number;
  linkType: number;
}

export interface PcapRecord {
  seconds: number;
  /** The fraction of the second, in nanoseconds whatever the file's precision. */
  nanoseconds: number;
  /** The captured bytes (at most the snap length): a view of the chunk they came in; copy them to keep them. */
  data: Uint8Array;
  /** The packet's length on the wire. */
  wireLength: number;
}

/** Reads the 24-byte file header; throws PcapFormatError when it is not classic pcap. */
export function parsePcapHeader(bytes: Uint8Array): PcapHeader {
  if (bytes.length < PCAP_HEADER_LENGTH) throw new PcapFormatError(`a pcap header is ${PCAP_HEADER_LENGTH} bytes, only ${bytes.length} came`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, PCAP_HEADER_LENGTH);
  const big = view.getUint32(0, false);
  const little = view.getUint32(0, true);
  const littleEndian = little === MAGIC_MICROSECONDS || little === MAGIC_NANOSECONDS;
  const magic = littleEndian ? little : big;
  if (magic !== MAGIC_MICROSECONDS && magic !== MAGIC_NANOSECONDS) {
    if (big === MAGIC_PCAPNG) throw new PcapFormatError('this is pcapng, not classic pcap: capture with tcpdump -w (not --pcapng) or convert it with editcap -F pcap');
    throw new PcapFormatError(`not a pcap stream (it starts with 0x${big.toString(16).padStart(8, '0')})`);
  }
  return {
    littleEndian,
    nanosecondTimestamps: magic === MAGIC_NANOSECONDS,
    versionMajor: view.getUint16(4, littleEndian),
    versionMinor: view.getUint16(6, littleEndian),
    snapLength: view.getUint32(16, littleEndian),
    // The upper bits of the link type field carry FCS information in newer files; the type is the low 16 bits.
    linkType: view.getUint32(20, littleEndian) & 0xffff,
  };
}

export class PcapStreamReader {
  header: PcapHeader | undefined;
  /** Bytes of a header or record cut at the end of the last chunk. */
  private pending: Uint8Array = new Uint8Array(0);

  constructor(private readonly onRecord: (record: PcapRecord, header: PcapHeader) => void) {}

  /** Takes the next chunk; calls `onRecord` for every record it completes. Throws PcapFormatError on a broken stream. */
  push(chunk: Uint8Array): void {
    let bytes = chunk;
    if (this.pending.length > 0) {
      const joined = new Uint8Array(this.pending.length + chunk.length);
      joined.set(this.pending);
      joined.set(chunk, this.pending.length);
      bytes = joined;
    }
    let offset = 0;
    if (!this.header) {
      if (bytes.length < PCAP_HEADER_LENGTH) return void (this.pending = bytes.slice());
      this.header = parsePcapHeader(bytes);
      offset = PCAP_HEADER_LENGTH;
    }
    offset = this.readRecords(bytes, offset, this.header);
    // A copy: the leftover must not hold on to a whole chunk of the caller's.
    this.pending = offset < bytes.length ? bytes.slice(offset) : new Uint8Array(0);
  }

  /** The number of bytes of an unfinished record left when the stream ended (0 when it ended cleanly). */
  get leftover(): number {
    return this.pending.length;
  }

  private readRecords(bytes: Uint8Array, start: number, header: PcapHeader): number {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const little = header.littleEndian;
    const scale = header.nanosecondTimestamps ? 1 : 1000;
    let offset = start;
    while (bytes.length - offset >= PCAP_RECORD_HEADER_LENGTH) {
      const capturedLength = view.getUint32(offset + 8, little);
      if (capturedLength > MAX_RECORD_LENGTH) throw new PcapFormatError(`a pcap record claims ${capturedLength} captured bytes: the stream is broken`);
      const next = offset + PCAP_RECORD_HEADER_LENGTH + capturedLength;
      if (next > bytes.length) break;
      const record: PcapRecord = {
        seconds: view.getUint32(offset, little),
        nanoseconds: view.getUint32(offset + 4, little) * scale,
        data: bytes.subarray(offset + PCAP_RECORD_HEADER_LENGTH, next),
        wireLength: view.getUint32(offset + 12, little),
      };
      this.onRecord(record, header);
      offset = next;
    }
    return offset;
  }
}
