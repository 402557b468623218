/**
 * What the capture panel shows of a packet: a row of the packet list, and on request its field tree and hex
 * dump. Also the messages between the panel and its page. Pure: built from the core's decoded packets.
 */
import type { CapturedPacket } from '../../core/capture/capture.js';
import { dissectPacket } from '../../core/capture/dissect.js';
import type { PacketLayer } from '../../core/capture/field-tree.js';
import { hexDump } from '../../core/capture/hex-dump.js';

/** One line of the packet list. */
export interface PacketRow {
  number: number;
  /** `08:30:24.003168`, local time as tcpdump prints it. */
  time: string;
  interface: string;
  source: string;
  destination: string;
  protocol: string;
  length: number;
  summary: string;
}

/** One packet taken apart, for the details pane. */
export interface PacketDetails {
  number: number;
  summary: string;
  layers: PacketLayer[];
  hex: string[];
}

/**
 * `reading`: a saved file is being read back; `failed`: the capture could not start, or tcpdump failed while
 * capturing (or the file is broken), and the state's message says why.
 */
export type CaptureRunState = 'starting' | 'capturing' | 'reading' | 'paused' | 'stopped' | 'failed';

/** What the panel tells its page. */
export type PanelToPage =
  | { type: 'rows'; rows: PacketRow[] }
  | { type: 'state'; state: CaptureRunState; title: string; message?: string; wireshark: boolean }
  | { type: 'details'; details: PacketDetails | undefined }
  | { type: 'clear' }
  | { type: 'select'; number: number }
  | { type: 'report'; id: number }
  | { type: 'scroll'; id: number; frames: number; rowsPerFrame: number };

/**
 * What the page asks of its panel; `shown` answers a `report` (for tests), `drawn` says when a batch of rows was
 * on screen (wall-clock milliseconds, for the latency benchmark), `scrolled` answers a `scroll` (the page scrolled
 * its list by itself, frame by frame, for the smoothness benchmark) with the time between frames and its JS heap.
 */
export type PageToPanel =
  | { type: 'ready' }
  | { type: 'select'; number: number }
  | { type: 'pause' | 'resume' | 'stop' | 'clear' | 'save' | 'wireshark' }
  | { type: 'shown'; id: number; rows: number; matching: number; summaries: string[]; filter: string; status: string; error: string }
  | { type: 'drawn'; first: number; last: number; at: number }
  | { type: 'scrolled'; id: number; frameMs: number[]; heapBytes?: number };

/** The row of one captured packet. */
export function packetRow(packet: CapturedPacket): PacketRow {
  return {
    number: packet.number,
    time: clockTime(packet.seconds, packet.nanoseconds),
    interface: packet.interface,
    source: packet.summary.source,
    destination: packet.summary.destination,
    protocol: packet.summary.protocol,
    length: packet.wireLength,
    summary: packet.summary.text,
  };
}

/** The field tree and hex dump of one packet. */
export function packetDetails(packet: CapturedPacket): PacketDetails {
  const dissection = dissectPacket(packet.linkType, packet.data, packet.wireLength);
  return { number: packet.number, summary: dissection.summary.text, layers: dissection.layers, hex: hexDump(packet.data) };
}

/** `HH:MM:SS.micros` in local time. */
export function clockTime(seconds: number, nanoseconds: number): string {
  const time = new Date(seconds * 1000);
  const clock = [time.getHours(), time.getMinutes(), time.getSeconds()].map((part) => String(part).padStart(2, '0')).join(':');
  return `${clock}.${String(Math.floor(nanoseconds / 1000)).padStart(6, '0')}`;
}

/** Whether a message from the page has a shape the panel knows; anything else is ignored. */
export function isPageMessage(value: unknown): value is PageToPanel {
  if (typeof value !== 'object' || value === null) return false;
  const type = (value as { type?: unknown }).type;
  if (type === 'select') return Number.isInteger((value as { number?: unknown }).number);
  if (type === 'shown') return Number.isInteger((value as { id?: unknown }).id);
  if (type === 'scrolled') return Number.isInteger((value as { id?: unknown }).id) && Array.isArray((value as { frameMs?: unknown }).frameMs);
  if (type === 'drawn') return ['first', 'last', 'at'].every((key) => typeof (value as Record<string, unknown>)[key] === 'number');
  return typeof type === 'string' && ['ready', 'pause', 'resume', 'stop', 'clear', 'save', 'wireshark'].includes(type);
}
