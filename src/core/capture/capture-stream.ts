/**
 * One tcpdump on one interface of the target, started through the host's streamed commands: its pcap read as it
 * arrives, its readiness (it says "listening on" once the interface is open), and why it failed, if it did.
 * Standard error is kept only in its last few kilobytes, so a chatty failure cannot grow memory.
 */
import { namespaceExecArgv } from '../changes/operations.js';
import { CancelledError } from '../errors.js';
import type { Host } from '../host/host.js';
import type { RunningCommand } from '../host/running-command.js';
import { endpointLabel, type CaptureEndpoint } from './endpoints.js';
import { PcapStreamReader, type PcapHeader, type PcapRecord } from './pcap-reader.js';
import { saysListening, tcpdumpArgv, tcpdumpFailure, type TcpdumpOptions } from './tcpdump.js';

const STDERR_KEPT = 4096;

export interface StreamHandlers {
  onRecord(record: PcapRecord, header: PcapHeader): void;
  onListening(): void;
}

export class CaptureStream {
  readonly label: string;
  header: PcapHeader | undefined;
  /** Resolves when tcpdump has ended, stopped or not; rejects with why it failed. */
  readonly ended: Promise<void>;
  private stderr = '';
  private listening = false;
  private stopping = false;

  private constructor(
    readonly endpoint: CaptureEndpoint,
    private readonly command: RunningCommand,
    private readonly abort: AbortController,
    private readonly host: Host,
    handlers: StreamHandlers,
  ) {
    this.label = endpointLabel(endpoint);
    const reader = new PcapStreamReader((record, header) => ((this.header = header), handlers.onRecord(record, header)));
    let formatError: unknown;
    command.stdout.on('data', (chunk: Buffer) => {
      if (formatError) return;
      try {
        reader.push(chunk);
      } catch (error) {
        formatError = error;
        void this.stop();
      }
    });
    command.stderr.setEncoding('utf8').on('data', (text: string) => {
      this.stderr = (this.stderr + text).slice(-STDERR_KEPT);
      if (this.listening || !saysListening(this.stderr)) return;
      this.listening = true;
      handlers.onListening();
    });
    this.ended = this.waitForEnd(() => formatError);
  }

  /** Starts tcpdump in the endpoint's namespace (which must exist: see checkNamespaceExists). */
  static async start(host: Host, endpoint: CaptureEndpoint, options: Omit<TcpdumpOptions, 'interfaceName'>, handlers: StreamHandlers): Promise<CaptureStream> {
    const argv = namespaceExecArgv(endpoint.namespace, tcpdumpArgv({ ...options, interfaceName: endpoint.interfaceName }));
    // Stopping through the signal ends tcpdump's group (TERM, then KILL) while its output is still read to the
    // end, so packets in flight are not lost, unlike RunningCommand.stop, which drops what comes after it.
    const abort = new AbortController();
    const command = await host.start(argv, { signal: abort.signal });
    return new CaptureStream(endpoint, command, abort, host, handlers);
  }

  /** Ends tcpdump's whole process group on the target and waits until it has gone and its output is read. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.resume();
    this.abort.abort();
    await this.ended.catch(() => undefined);
  }

  /** Pauses reading: the pipe fills and tcpdump waits (the kernel drops what it cannot buffer, as with a slow disk). */
  pause(): void {
    this.command.stdout.pause();
  }

  resume(): void {
    this.command.stdout.resume();
  }

  private async waitForEnd(formatError: () => unknown): Promise<void> {
    let exitCode: number;
    try {
      // The output must be read to its end first: records still in the pipe when tcpdump exits are the last packets.
      const [exit] = await Promise.all([this.command.exit, ended(this.command.stdout), ended(this.command.stderr)]);
      exitCode = exit.exitCode;
    } catch (error) {
      if (error instanceof CancelledError && this.stopping) return rethrowIfSet(formatError());
      throw error;
    }
    rethrowIfSet(formatError());
    if (exitCode !== 0 && !this.stopping) throw tcpdumpFailure(this.label, this.host.label, exitCode, this.stderr);
  }
}

function rethrowIfSet(error: unknown): void {
  if (error) throw error;
}

function ended(stream: NodeJS.ReadableStream): Promise<void> {
  return new Promise((resolve) => {
    stream.once('end', resolve);
    stream.once('close', resolve);
    stream.once('error', () => resolve());
  });
}
