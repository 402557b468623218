/**
 * Link impairments as tc queueing disciplines on one end of a veth: a rate limit is an htb qdisc with one class
 * (htb is built into kernels that lack netem); delay, jitter and loss are a netem qdisc, under the htb class when
 * there is a rate too. Reading them back turns tc's text into numbers, so `10mbit` in the file and `10Mbit` from tc
 * compare equal.
 */
import type { Host } from '../host/host.js';
import type { IpCommand } from '../iproute2/commands.js';
import type { NamespaceName } from '../model.js';
import type { Impairment } from '../topology/model.js';

/** Impairment in numbers: bits per second, microseconds, percent. Absent fields are not set. */
export interface ObservedImpairment {
  rate?: number;
  delay?: number;
  jitter?: number;
  loss?: number;
}

const RATE_UNITS: Record<string, number> = {
  '': 1,
  bit: 1,
  kbit: 1e3,
  mbit: 1e6,
  gbit: 1e9,
  tbit: 1e12,
  bps: 8,
  kbps: 8e3,
  mbps: 8e6,
  gbps: 8e9,
  tbps: 8e12,
  kibit: 1024,
  mibit: 1024 ** 2,
  gibit: 1024 ** 3,
};

const TIME_UNITS: Record<string, number> = { '': 1, us: 1, usec: 1, ms: 1e3, msec: 1e3, s: 1e6, sec: 1e6 };

/** `10mbit` → 10,000,000; undefined when tc would not read it. */
export function rateBits(text: string): number | undefined {
  const match = /^(\d+(?:\.\d+)?)([a-z]*)$/iu.exec(text.trim());
  const unit = match ? RATE_UNITS[match[2]!.toLowerCase()] : undefined;
  return match && unit !== undefined ? Number(match[1]) * unit : undefined;
}

/** `20ms` → 20,000 (microseconds). */
export function timeMicroseconds(text: string): number | undefined {
  const match = /^(\d+(?:\.\d+)?)([a-z]*)$/iu.exec(text.trim());
  const unit = match ? TIME_UNITS[match[2]!.toLowerCase()] : undefined;
  return match && unit !== undefined ? Number(match[1]) * unit : undefined;
}

export function impairmentNumbers(impairment: Impairment | undefined): ObservedImpairment {
  if (!impairment) return {};
  const numbers: ObservedImpairment = {};
  if (impairment.rate !== undefined) numbers.rate = rateBits(impairment.rate);
  if (impairment.delay !== undefined) numbers.delay = timeMicroseconds(impairment.delay);
  if (impairment.jitter !== undefined) numbers.jitter = timeMicroseconds(impairment.jitter);
  if (impairment.loss !== undefined) numbers.loss = Number.parseFloat(impairment.loss);
  return numbers;
}

export function sameImpairment(first: ObservedImpairment, second: ObservedImpairment): boolean {
  const keys = ['rate', 'delay', 'jitter', 'loss'] as const;
  // tc rounds rates and times to its own ticks: a tenth of a percent is a real difference, less is not.
  return keys.every((key) => {
    const a = first[key] ?? 0;
    const b = second[key] ?? 0;
    return Math.abs(a - b) <= Math.max(a, b) * 0.001;
  });
}

export function needsNetem(impairment: Impairment | undefined): boolean {
  return impairment !== undefined && (impairment.delay !== undefined || impairment.jitter !== undefined || impairment.loss !== undefined);
}

/** What tc reports for one link: its qdiscs and htb classes, as numbers. */
export async function readImpairment(host: Host, namespace: NamespaceName, device: string): Promise<ObservedImpairment> {
  // Both lists in one round trip; the device and namespace reach the script as arguments.
  const script = 'device=$1; shift; tc "$@" qdisc show dev "$device"; tc "$@" class show dev "$device"';
  const result = await host.run(['sh', '-c', script, 'sh', device, ...(namespace === null ? [] : ['-n', namespace])]);
  return parseTcText(result.stdout);
}

/** Reads `qdisc netem … delay 20ms 5ms loss 1%` and `class htb 1:1 … rate 10Mbit` lines. */
export function parseTcText(text: string): ObservedImpairment {
  const found: ObservedImpairment = {};
  for (const line of text.split('\n')) {
    if (/^class htb 1:1\b/u.test(line)) {
      const rate = /\brate (\S+)/u.exec(line)?.[1];
      if (rate !== undefined) found.rate = rateBits(rate);
    }
    if (/^qdisc netem\b/u.test(line)) {
      const delay = /\bdelay (\S+)(?:\s+(\d\S*))?/u.exec(line);
      if (delay) {
        found.delay = timeMicroseconds(delay[1]!);
        if (delay[2] !== undefined) found.jitter = timeMicroseconds(delay[2]);
      }
      const loss = /\bloss (?:random )?(\S+)%/u.exec(line)?.[1];
      if (loss !== undefined) found.loss = Number.parseFloat(loss);
    }
  }
  return found;
}

/** tc commands that set the link's impairment from scratch (replacing whatever root qdisc it has). */
export function impairmentCommands(namespace: NamespaceName, device: string, impairment: Impairment): IpCommand[] {
  const tc = (args: string[]): IpCommand => ({ namespace, program: 'tc', args });
  const commands: IpCommand[] = [];
  const netem = netemArgs(impairment);
  if (impairment.rate !== undefined) {
    commands.push(tc(['qdisc', 'replace', 'dev', device, 'root', 'handle', '1:', 'htb', 'default', '1']));
    commands.push(tc(['class', 'replace', 'dev', device, 'parent', '1:', 'classid', '1:1', 'htb', 'rate', impairment.rate]));
    if (netem.length > 0) commands.push(tc(['qdisc', 'replace', 'dev', device, 'parent', '1:1', 'handle', '10:', 'netem', ...netem]));
  } else if (netem.length > 0) {
    commands.push(tc(['qdisc', 'replace', 'dev', device, 'root', 'handle', '1:', 'netem', ...netem]));
  }
  return commands;
}

/** Takes the link's root qdisc away, back to the kernel's default. */
export function clearImpairmentCommand(namespace: NamespaceName, device: string): IpCommand {
  return { namespace, program: 'tc', args: ['qdisc', 'delete', 'dev', device, 'root'] };
}

function netemArgs(impairment: Impairment): string[] {
  const words: string[] = [];
  if (impairment.delay !== undefined) words.push('delay', impairment.delay, ...(impairment.jitter === undefined ? [] : [impairment.jitter]));
  if (impairment.loss !== undefined) words.push('loss', impairment.loss);
  return words;
}

export function describeImpairment(impairment: Impairment): string {
  return Object.entries(impairment)
    .map(([key, value]) => `${key} ${String(value)}`)
    .join(', ');
}
