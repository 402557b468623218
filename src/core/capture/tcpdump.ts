/**
 * The tcpdump that captures on the target, and what its failures mean. It writes classic pcap to standard output
 * packet by packet (-U) without libpcap's batching delay (--immediate-mode), so a packet reaches us as soon as it
 * is seen; -n keeps it from resolving names. The kernel's buffer for the capture is 32 MiB (-B; libpcap's default
 * is 2 MiB): in immediate mode, a flood of small packets at 40,000 a second overflowed the default and the kernel
 * dropped over half of them (measured: 54,877 of 100,000 UDP packets, tcpdump writing to a pipe read by `cat`), while
 * 32 MiB lost none to a few of them. The filter comes after `--`, so no word of it can be read as an option (glibc's
 * getopt would otherwise take a `-w FILE` from anywhere in the argv).
 */
import { NetnsLabError } from '../errors.js';

export interface TcpdumpOptions {
  interfaceName: string;
  filter?: string;
  count?: number;
  snapLength?: number;
  program?: string;
}

/** tcpdump could not be started on the target: it is not installed there. */
export class TcpdumpMissingError extends NetnsLabError {}

/** tcpdump started and refused: no such interface, a filter it cannot parse, no permission. */
export class CaptureError extends NetnsLabError {}

/** The kernel's capture buffer, in KiB (tcpdump's -B): see above. */
const KERNEL_BUFFER_KIB = 32_768;

export function tcpdumpArgv(options: TcpdumpOptions): string[] {
  const argv = [options.program ?? 'tcpdump', '--immediate-mode', '-U', '-B', String(KERNEL_BUFFER_KIB), '-w', '-', '-n', '-i', options.interfaceName];
  if (options.snapLength !== undefined) argv.push('-s', String(options.snapLength));
  if (options.count !== undefined) argv.push('-c', String(options.count));
  if (options.filter !== undefined && options.filter.trim() !== '') argv.push('--', options.filter);
  return argv;
}

/** True once tcpdump's standard error says it has opened the interface and is capturing. */
export function saysListening(stderr: string): boolean {
  return /(^|\n)(tcpdump: )?listening on /u.test(stderr);
}

/** The error for a tcpdump that exited with `exitCode` before it was stopped, from what it wrote on standard error. */
export function tcpdumpFailure(where: string, target: string, exitCode: number, stderr: string): NetnsLabError {
  // sh says `tcpdump: not found` (127); `ip netns exec` says `exec of "tcpdump" failed: No such file or directory`.
  if (exitCode === 127 || /exec of ".*" failed: No such file/u.test(stderr)) {
    return new TcpdumpMissingError(`tcpdump is not installed on ${target}: install its package tcpdump there (apt-get install tcpdump, or dnf install tcpdump) and capture again`);
  }
  const said = stderr
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !/^(tcpdump: )?listening on |packets? (captured|received|dropped)/u.test(line));
  const reason = said[0] ?? `tcpdump exited with status ${exitCode}`;
  return new CaptureError(`Cannot capture on ${where}: ${reason.replace(/^tcpdump: /u, '')}`);
}
