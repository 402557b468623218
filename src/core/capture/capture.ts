/**
 * Packet capture on a target: one tcpdump per interface (in its namespace, through the host, so locally and over
 * SSH alike), their packets decoded and merged in time order as they arrive, with an optional packet count or
 * duration. Memory stays bounded: the capture keeps only a ring of recent packets; the whole of it can go to a
 * pcap file as it comes. Stopping ends every tcpdump on the target and waits until they have gone.
 */
import { InvalidArgumentError } from '../errors.js';
import type { Host } from '../host/host.js';
import { checkTimeout } from '../host/start-options.js';
import { checkInterfaceName } from '../names.js';
import { checkNamespaceExists } from '../state/read.js';
import { CaptureStream } from './capture-stream.js';
import { summarizePacket } from './dissect.js';
import { endpointLabel, type CaptureEndpoint } from './endpoints.js';
import { ByteSlab } from './byte-slab.js';
import { keptPacket, type CapturedPacket } from './captured-packet.js';
import { PacketRing } from './packet-ring.js';
import { PcapFile } from './pcap-file.js';
import type { PcapHeader, PcapRecord } from './pcap-reader.js';
import { TimeOrderMerger } from './time-order.js';

export type { CapturedPacket } from './captured-packet.js';

export interface CaptureOptions {
  /** A BPF filter (tcpdump's expression language), e.g. `icmp or arp`. */
  filter?: string;
  /** Stop after this many packets, over all interfaces together. */
  count?: number;
  /** Stop after this many milliseconds. */
  durationMs?: number;
  /** How many recent packets `recent()` keeps (default 10,000). */
  keepRecent?: number;
  /** Called with each packet, in time order, as it comes. */
  onPacket?: (packet: CapturedPacket) => void;
  /** A local file that receives the whole capture as pcap, as it comes. */
  pcapFile?: string;
  /** Bytes kept of each packet (tcpdump's -s); the default is tcpdump's, the whole packet. */
  snapLength?: number;
  /** How long a packet may wait for the other interfaces' packets to be merged in order (default 100 ms). */
  mergeHoldMs?: number;
  /** The program to run instead of `tcpdump` (a full path, say). */
  program?: string;
}

export type CaptureEndReason = 'count' | 'duration' | 'stopped' | 'ended';

export interface CaptureEnd {
  packets: number;
  reason: CaptureEndReason;
}

export interface Capture {
  /** Resolves once every tcpdump is listening; rejects as `done` does when one fails first. */
  readonly ready: Promise<void>;
  /** Resolves when the capture is over and every tcpdump has gone; rejects with why it failed. */
  readonly done: Promise<CaptureEnd>;
  /** The most recent packets, oldest first. */
  recent(): CapturedPacket[];
  /** The kept packet of this number (numbers count from 1 in time order), without copying what is kept. */
  packet(number: number): CapturedPacket | undefined;
  /** Ends the capture and waits until nothing of it runs on the target. */
  stop(): Promise<void>;
  /** Stops reading (backpressure to tcpdump) until `resume`, for a reader that cannot keep up. */
  pause(): void;
  resume(): void;
}

const DEFAULT_KEEP_RECENT = 10_000;
const DEFAULT_MERGE_HOLD_MS = 100;

/**
 * Starts capturing. Every endpoint's name and namespace is checked first (NotFoundError for a namespace that does
 * not exist), and the pcap file created, so nothing runs on bad input.
 */
export async function startCapture(host: Host, endpoints: readonly CaptureEndpoint[], options: CaptureOptions = {}): Promise<Capture> {
  checkCaptureOptions(endpoints, options);
  for (const endpoint of endpoints) await checkNamespaceExists(host, endpoint.namespace);
  const file = options.pcapFile === undefined ? undefined : await PcapFile.create(options.pcapFile);
  const session = new CaptureSession(endpoints, options, file);
  await session.start(host);
  return session;
}

function checkCaptureOptions(endpoints: readonly CaptureEndpoint[], options: CaptureOptions): void {
  if (endpoints.length === 0) throw new InvalidArgumentError('A capture needs at least one interface');
  for (const endpoint of endpoints) checkInterfaceName(endpoint.interfaceName);
  const labels = endpoints.map(endpointLabel);
  const twice = labels.find((label, index) => labels.indexOf(label) !== index);
  if (twice !== undefined) throw new InvalidArgumentError(`Interface ${twice} is given twice: capture each interface once`);
  if (options.count !== undefined && !(Number.isInteger(options.count) && options.count > 0)) throw new InvalidArgumentError(`A packet count must be a whole number above 0, not ${options.count}`);
  if (options.durationMs !== undefined && !(options.durationMs > 0)) throw new InvalidArgumentError(`A capture's duration must be above 0 seconds, not ${options.durationMs / 1000}`);
  checkTimeout(options.durationMs);
  if (options.snapLength !== undefined && !(Number.isInteger(options.snapLength) && options.snapLength > 0 && options.snapLength <= 262_144)) {
    throw new InvalidArgumentError(`A snap length must be a whole number of bytes from 1 to 262144, not ${options.snapLength}`);
  }
  if (options.filter?.includes('\0')) throw new InvalidArgumentError('A capture filter must not contain a NUL character');
}

class CaptureSession implements Capture {
  readonly ready: Promise<void>;
  readonly done: Promise<CaptureEnd>;
  private readonly streams: CaptureStream[] = [];
  private readonly ring: PacketRing<CapturedPacket>;
  private readonly bytes = new ByteSlab();
  private readonly merger: TimeOrderMerger<CapturedPacket>;
  private count = 0;
  private reason: CaptureEndReason | undefined;
  private listening = 0;
  private failure: unknown;
  private timer: NodeJS.Timeout | undefined;
  private markReady!: () => void;
  private finish!: (outcome: CaptureEnd | Error) => void;

  constructor(
    private readonly endpoints: readonly CaptureEndpoint[],
    private readonly options: CaptureOptions,
    private readonly file: PcapFile | undefined,
  ) {
    this.ring = new PacketRing(options.keepRecent ?? DEFAULT_KEEP_RECENT);
    this.merger = new TimeOrderMerger(endpoints.length, options.mergeHoldMs ?? DEFAULT_MERGE_HOLD_MS, (packet) => this.deliver(packet));
    this.done = new Promise((resolve, reject) => (this.finish = (outcome) => (outcome instanceof Error ? reject(outcome) : resolve(outcome))));
    this.ready = Promise.race([new Promise<void>((resolve) => (this.markReady = resolve)), this.done.then(() => undefined)]);
    this.ready.catch(() => undefined);
    this.done.catch(() => undefined);
  }

  async start(host: Host): Promise<void> {
    const tcpdump = { filter: this.options.filter, count: this.options.count, snapLength: this.options.snapLength, program: this.options.program };
    try {
      for (const [index, endpoint] of this.endpoints.entries()) {
        const handlers = { onRecord: (record: PcapRecord, header: PcapHeader) => this.receive(index, record, header), onListening: () => this.onListening() };
        this.streams.push(await CaptureStream.start(host, endpoint, tcpdump, handlers));
      }
    } catch (error) {
      await Promise.allSettled(this.streams.map((stream) => stream.stop()));
      throw error;
    }
    if (this.options.durationMs !== undefined) this.timer = setTimeout(() => void this.end('duration'), this.options.durationMs);
    void this.watch();
  }

  recent(): CapturedPacket[] {
    return this.ring.toArray();
  }

  packet(number: number): CapturedPacket | undefined {
    return this.ring.findByKey(number, (packet) => packet.number);
  }

  async stop(): Promise<void> {
    await this.end('stopped');
    await this.done.catch(() => undefined);
  }

  pause(): void {
    for (const stream of this.streams) stream.pause();
  }

  resume(): void {
    for (const stream of this.streams) stream.resume();
  }

  private onListening(): void {
    if (++this.listening === this.endpoints.length) this.markReady();
  }

  private receive(index: number, record: PcapRecord, header: PcapHeader): void {
    const data = this.bytes.copy(record.data);
    const packet: CapturedPacket = {
      number: 0,
      seconds: record.seconds,
      nanoseconds: record.nanoseconds,
      interface: this.streams[index]?.label ?? endpointLabel(this.endpoints[index]!),
      endpoint: index,
      linkType: header.linkType,
      wireLength: record.wireLength,
      data,
      summary: summarizePacket(header.linkType, data, record.wireLength),
    };
    this.merger.add(index, packet);
  }

  private deliver(packet: CapturedPacket): void {
    if (this.options.count !== undefined && this.count >= this.options.count) return;
    packet.number = ++this.count;
    this.ring.add(keptPacket(packet));
    try {
      this.file?.write(packet, this.snapLength());
    } catch (error) {
      this.failure ??= error;
      void this.end('stopped');
    }
    this.options.onPacket?.(packet);
    if (this.options.count !== undefined && this.count >= this.options.count) void this.end('count');
  }

  private snapLength(): number {
    const seen = Math.max(0, ...this.streams.map((stream) => stream.header?.snapLength ?? 0));
    return this.options.snapLength ?? (seen || 262_144);
  }

  /** Ends every tcpdump (once); the outcome is settled by `watch` when they have all gone. */
  private async end(reason: CaptureEndReason): Promise<void> {
    if (this.reason) return;
    this.reason = reason;
    clearTimeout(this.timer);
    await Promise.allSettled(this.streams.map((stream) => stream.stop()));
  }

  /** Waits for every stream's end (a failed one ends the others), then flushes, closes the file and settles. */
  private async watch(): Promise<void> {
    await Promise.all(
      this.streams.map((stream, index) =>
        stream.ended.then(
          () => this.merger.end(index),
          (error: unknown) => ((this.failure ??= error), void this.end('stopped')),
        ),
      ),
    );
    clearTimeout(this.timer);
    this.merger.flush();
    try {
      await this.file?.close(this.streams.find((stream) => stream.header)?.header?.linkType, this.snapLength());
    } catch (error) {
      this.failure ??= error;
    }
    if (this.failure) return this.finish(this.failure instanceof Error ? this.failure : new Error(String(this.failure)));
    this.finish({ packets: this.count, reason: this.reason ?? (this.options.count !== undefined && this.count >= this.options.count ? 'count' : 'ended') });
  }
}
