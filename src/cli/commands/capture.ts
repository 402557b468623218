/** Watching packets: capture, one summary line (or JSON line) per packet as it arrives, and a pcap file. */
import { startCapture, type Capture, type CapturedPacket, type CaptureOptions } from '../../core/capture/capture.js';
import { parseCaptureEndpoint, type CaptureEndpoint } from '../../core/capture/endpoints.js';
import { escapeHidden } from '../../core/display.js';
import { InvalidArgumentError } from '../../core/errors.js';
import { checkArguments, parseCommandArgs, parseWholeNumber, stringOption, UsageError } from '../args.js';
import type { CliCommand, CliContext } from '../context.js';
import { count } from '../lab-render.js';

export const captureCommand: CliCommand = {
  name: 'capture',
  summary: 'watch packets on interfaces: one line per packet, as it arrives; optionally a pcap file',
  usage: [
    'netns-lab capture NS:IF [NS:IF...] [--filter BPF] [--count N] [--duration S] [--write FILE.pcap] [--json] [--target TARGET]',
    '',
    'Runs tcpdump on each interface (IF in namespace NS; IF or :IF alone is in the root namespace, and',
    'NS:any is every interface of NS) on this machine or on --target, and prints one line per packet in time',
    'order, the interfaces merged: its time, where it was seen and what it is, as tcpdump would say it.',
    '  --filter BPF      only packets the filter takes, in tcpdump\'s language: --filter "icmp or arp"',
    '  --count N         stop after N packets (over all interfaces together)',
    '  --duration S      stop after S seconds (a decimal, e.g. 2.5)',
    '  --write FILE      also write every packet to FILE as pcap (for Wireshark or tcpdump -r)',
    '  --json            one JSON object per line: number, time, interface, length, source, destination, protocol, summary',
    '',
    'Ctrl-C stops the capture (status 130); nothing of it is left running on the target. tcpdump must be',
    'installed there (Debian and Ubuntu: apt-get install tcpdump).',
    'Example: netns-lab capture red:veth-r blue:veth-b --filter "icmp or arp" --count 4',
  ].join('\n'),
  handlesInterrupts: true,
  async run(args, context) {
    const parsed = parseCommandArgs('capture', args, {
      filter: { type: 'string' },
      count: { type: 'string' },
      duration: { type: 'string' },
      write: { type: 'string' },
    });
    if (parsed.positionals.length === 0) throw new UsageError('expected at least one interface, NS:IF', 'capture');
    const endpoints = checkArguments('capture', () => parsed.positionals.map(parseCaptureEndpoint));
    const options: CaptureOptions = {
      filter: stringOption(parsed, 'filter'),
      count: readCount(stringOption(parsed, 'count')),
      durationMs: readDuration(stringOption(parsed, 'duration')),
      pcapFile: stringOption(parsed, 'write'),
    };
    return capture(context, endpoints, options);
  },
};

function readCount(text: string | undefined): number | undefined {
  const value = parseWholeNumber('capture', '--count', text);
  if (value === 0) throw new UsageError('--count takes a whole number above 0, not 0', 'capture');
  return value;
}

function readDuration(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  if (!/^(\d+(\.\d*)?|\.\d+)$/u.test(text) || !(Number(text) > 0)) throw new UsageError(`--duration takes a number of seconds above 0, not ${JSON.stringify(text)}`, 'capture');
  return Number(text) * 1000;
}

async function capture(context: CliContext, endpoints: CaptureEndpoint[], options: CaptureOptions): Promise<number> {
  let running: Capture | undefined;
  const write = (line: string): void => {
    // A slow reader of our output holds tcpdump back (the kernel drops what it cannot buffer) instead of growing memory.
    if (context.stdout.write(line) || !running) return;
    running.pause();
    context.stdout.once('drain', () => running?.resume());
  };
  const onPacket = (packet: CapturedPacket): void => write(context.json ? packetJson(packet) : packetLine(packet));
  try {
    running = await startCapture(context.host, endpoints, { ...options, onPacket });
  } catch (error) {
    // Refused before anything ran (an interface given twice): the command line's fault.
    throw error instanceof InvalidArgumentError ? new UsageError(error.message, 'capture') : error;
  }
  return follow(context, running, endpoints.length, options.pcapFile);
}

async function follow(context: CliContext, running: Capture, interfaces: number, pcapFile: string | undefined): Promise<number> {
  const stop = (): void => void running.stop();
  context.interrupts.signal.addEventListener('abort', stop, { once: true });
  try {
    await running.ready;
    context.progress?.(`capturing on ${count(interfaces, 'interface')} of ${context.host.label} (Ctrl-C to stop)`);
    const end = await running.done;
    context.err(`${count(end.packets, 'packet')} captured${pcapFile ? `, written to ${pcapFile}` : ''}\n`);
    return 0;
  } finally {
    context.interrupts.signal.removeEventListener('abort', stop);
    await running.stop();
  }
}

/** `08:30:24.003168 red:veth-r  IP 10.0.0.1 > 10.0.0.2: ICMP echo request, id 5, seq 1, length 64`, local time as tcpdump. */
export function packetLine(packet: CapturedPacket): string {
  const time = new Date(packet.seconds * 1000);
  const clock = [time.getHours(), time.getMinutes(), time.getSeconds()].map((part) => String(part).padStart(2, '0')).join(':');
  const micros = String(Math.floor(packet.nanoseconds / 1000)).padStart(6, '0');
  return `${clock}.${micros} ${escapeHidden(packet.interface)}  ${escapeHidden(packet.summary.text)}\n`;
}

function packetJson(packet: CapturedPacket): string {
  const { number, interface: where, wireLength, summary } = packet;
  const time = packet.seconds + packet.nanoseconds / 1e9;
  return `${JSON.stringify({ number, time, interface: where, length: wireLength, source: summary.source, destination: summary.destination, protocol: summary.protocol, summary: summary.text })}\n`;
}
