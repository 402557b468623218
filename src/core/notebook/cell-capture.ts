/**
 * A notebook cell's capture (the cell option `capture="ns1:veth0 ns2:veth1"`): tcpdump listens on the interfaces
 * before the cell's command starts and stops after it ends, and the packets it saw become the cell's packet table
 * (in the editor) or summary lines (on the command line). A cell keeps its first CELL_CAPTURE_LIMIT packets.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { startCapture, type Capture, type CapturedPacket } from '../capture/capture.js';
import { endpointLabel, type CaptureEndpoint } from '../capture/endpoints.js';
import { escapeHidden } from '../display.js';
import type { Host } from '../host/host.js';
import type { CellPacket, CellPacketsPayload } from './packets-payload.js';

export { PACKETS_MIME, type CellPacket, type CellPacketsPayload } from './packets-payload.js';

/** The packets a cell keeps: the first ones, which a lab's lesson is about (the ARP before the ping). */
export const CELL_CAPTURE_LIMIT = 500;

/** How long the capture keeps listening after the cell ended, once no packet came for this long (most 1 s). */
const QUIET_MS = 150;
const MOST_SETTLE_MS = 1_000;

export class CellCapture {
  private readonly packets: CellPacket[] = [];
  private total = 0;
  private first: CapturedPacket | undefined;
  private lastArrival = 0;

  private constructor(private readonly endpoints: readonly CaptureEndpoint[]) {}

  private capture!: Capture;

  /** Starts listening; resolves once every tcpdump listens. Throws as startCapture does (no tcpdump, no namespace). */
  static async start(host: Host, endpoints: readonly CaptureEndpoint[]): Promise<CellCapture> {
    const cellCapture = new CellCapture(endpoints);
    cellCapture.capture = await startCapture(host, endpoints, { keepRecent: 0, onPacket: (packet) => cellCapture.add(packet) });
    try {
      await cellCapture.capture.ready;
    } catch (error) {
      await cellCapture.capture.stop();
      throw error;
    }
    return cellCapture;
  }

  /** Lets the cell's last packets arrive (until none came for a moment), stops, and gives what was seen. */
  async finish(): Promise<CellPacketsPayload> {
    const started = performance.now();
    while (performance.now() - Math.max(this.lastArrival, started) < QUIET_MS && performance.now() - started < MOST_SETTLE_MS) await sleep(QUIET_MS / 3);
    await this.capture.stop();
    await this.capture.done;
    return { interfaces: this.endpoints.map(endpointLabel), packets: this.packets, total: this.total };
  }

  /** Ends the capture whatever happened; nothing of it stays running. */
  async stop(): Promise<void> {
    await this.capture.stop();
  }

  private add(packet: CapturedPacket): void {
    this.lastArrival = performance.now();
    this.total++;
    if (this.packets.length >= CELL_CAPTURE_LIMIT) return;
    this.first ??= packet;
    const time = packet.seconds - this.first.seconds + (packet.nanoseconds - this.first.nanoseconds) / 1e9;
    const { source, destination, protocol, text } = packet.summary;
    this.packets.push({ number: packet.number, time, interface: packet.interface, source, destination, protocol, length: packet.wireLength, summary: text });
  }
}

/** `  0.000000 red:veth0  ARP, Request who-has …`, one line per packet, and a line for those left out. */
export function packetSummaryLines(payload: CellPacketsPayload): string {
  const lines = payload.packets.map((packet) => `  ${packet.time.toFixed(6).padStart(10)} ${escapeHidden(packet.interface)}  ${escapeHidden(packet.summary)}\n`);
  if (payload.total > payload.packets.length) lines.push(`  … ${payload.total - payload.packets.length} more packets not kept\n`);
  return lines.join('');
}
