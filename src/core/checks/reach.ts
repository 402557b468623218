/**
 * Reach and forwarding checks: the probe each runs in its namespace, and the one-line fact its output decides.
 * ICMP is iputils' ping; TCP and UDP use bash's /dev/tcp and /dev/udp under coreutils' timeout, which every
 * Debian-like host has (no netcat needed). When a probe fails, `ip -j route get` says where the packet went.
 */
import type { NamespaceName } from '../model.js';
import { namespaceLabel } from './subjects.js';
import type { ForwardingCheck, ReachCheck } from './model.js';
import type { Probe, ProbeOutput } from './probe-batch.js';

export interface Outcome {
  passed: boolean;
  message: string;
}

/** Seconds a TCP or UDP attempt waits for an answer. */
const CONNECT_WAIT_SECONDS = 1;

const TCP_SCRIPT = 'exec 3<>"/dev/tcp/$1/$2"';
// A datagram has no handshake: it is sent, and a refusal (ICMP port unreachable) comes back as an error on read.
const UDP_SCRIPT = `exec 3<>"/dev/udp/$1/$2" && printf x >&3 && read -r -t ${CONNECT_WAIT_SECONDS} -n 1 <&3`;

/** The probe of a reach check whose target address is known. */
export function reachProbe(check: ReachCheck, address: string): Probe[] {
  const routeGet = ['ip', '-j', 'route', 'get', address];
  const probe: Probe = { namespace: check.from, argv: reachArgv(check, address), onFailure: routeGet };
  // With `via`, the route is part of the check, so it is asked every time, beside the probe.
  return check.via === undefined ? [probe] : [probe, { namespace: check.from, argv: routeGet }];
}

function reachArgv(check: ReachCheck, address: string): string[] {
  if (check.protocol === 'icmp') {
    // Requests 0.2 s apart (the shortest interval allowed to everyone), the last answer awaited up to a second. No
    // -w: with a deadline, ping keeps sending until it has `count` answers, and "sent" would no longer be count.
    return ['ping', '-n', '-q', '-c', String(check.count), '-i', '0.2', '-W', '1', address];
  }
  const script = check.protocol === 'tcp' ? TCP_SCRIPT : UDP_SCRIPT;
  return ['timeout', String(CONNECT_WAIT_SECONDS + 1), 'bash', '-c', script, 'netns-lab-check', address, String(check.port)];
}

/** Decides a reach check from its probe's output (and the route, when `via` asked for it). */
export function reachOutcome(check: ReachCheck, address: string, probe: ProbeOutput, route?: ProbeOutput): Outcome {
  const attempt = describeAttempt(check, address, probe);
  const why = probe.explanation ? routeExplanation(check.from, address, probe.explanation) : '';
  const reached = attempt.reached;
  const expected = check.expect === 'success' ? reached : !reached;
  const parts = [attempt.text + (expected && check.expect === 'failure' ? ', as expected' : '')];
  if (!reached && why) parts.push(why);
  if (check.expect === 'failure' && reached) parts.push('it was expected not to get through');
  let passed = expected;
  if (check.via !== undefined && route) {
    const viaProblem = routeViaProblem(check, address, route);
    if (viaProblem) {
      passed = false;
      parts.push(viaProblem);
    }
  }
  return { passed, message: parts.join('; ') };
}

function describeAttempt(check: ReachCheck, address: string, probe: ProbeOutput): { reached: boolean; text: string } {
  const from = namespaceLabel(check.from);
  if (check.protocol === 'icmp') {
    const counts = /(\d+) packets transmitted, (\d+) received/u.exec(probe.output);
    const sent = counts ? Number(counts[1]) : 0;
    const received = counts ? Number(counts[2]) : 0;
    const problem = lastLine(probe.output).replace(/^ping: (connect: )?/u, '');
    const text = counts ? `${sent} sent, ${received} received` : `not sent: ${problem || `ping exited with status ${probe.exitCode}`}`;
    return { reached: received > 0, text: `ping from ${from} to ${address}: ${text}` };
  }
  const what = `${check.protocol.toUpperCase()} from ${from} to ${address} port ${check.port}`;
  if (probe.exitCode === 0) return { reached: true, text: `${what}: ${check.protocol === 'tcp' ? 'connected' : 'answered'}` };
  const refused = /Connection refused/u.test(probe.output);
  const unreachable = /(Network|Host) is unreachable|No route to host/u.exec(probe.output)?.[0];
  if (refused) return { reached: false, text: `${what}: refused (nothing listens there)` };
  if (unreachable) return { reached: false, text: `${what}: ${unreachable.toLowerCase()}` };
  // A UDP port that stays silent may be open: only a refusal says it is closed.
  if (check.protocol === 'udp') return { reached: true, text: `${what}: sent, no refusal within ${CONNECT_WAIT_SECONDS} s` };
  return { reached: false, text: `${what}: no answer within ${CONNECT_WAIT_SECONDS} s` };
}

interface RouteGot {
  dev?: string;
  gateway?: string;
}

function parseRouteGet(output: string): RouteGot | undefined {
  try {
    const [route] = JSON.parse(output) as RouteGot[];
    return route;
  } catch {
    return undefined;
  }
}

/** `lab1-red has no route to 10.0.2.2`, or which way the route goes. */
function routeExplanation(namespace: NamespaceName, address: string, route: { exitCode: number; output: string }): string {
  const who = namespaceLabel(namespace);
  if (route.exitCode !== 0) return /unreachable/iu.test(route.output) ? `${who} has no route to ${address}` : `${who} cannot route to ${address}: ${lastLine(route.output)}`;
  const got = parseRouteGet(route.output);
  if (!got) return '';
  return `${who} sends it ${describeWay(got)}`;
}

function describeWay(route: RouteGot): string {
  return [route.gateway && `via ${route.gateway}`, route.dev && `out of ${route.dev}`].filter(Boolean).join(' ') || 'nowhere';
}

function routeViaProblem(check: ReachCheck, address: string, route: ProbeOutput): string | undefined {
  const who = namespaceLabel(check.from);
  if (route.exitCode !== 0) return `no route, so not via ${check.via}`;
  const got = parseRouteGet(route.output);
  if (!got) return `ip route get printed no route for ${address}`;
  if (got.dev === check.via || got.gateway === check.via) return undefined;
  return `${who} routes ${address} ${describeWay(got)}, not via ${check.via}`;
}

/** The probe of a forwarding check: the sysctl's file, read inside the namespace. */
export function forwardingProbe(check: ForwardingCheck): Probe {
  return { namespace: check.namespace, argv: ['cat', forwardingFile(check)] };
}

export function forwardingOutcome(check: ForwardingCheck, probe: ProbeOutput): Outcome {
  const key = forwardingFile(check).slice('/proc/sys/'.length).replaceAll('/', '.');
  const value = probe.output.trim();
  if (probe.exitCode !== 0 || !/^\d+$/u.test(value)) return { passed: false, message: `cannot read ${key} in ${namespaceLabel(check.namespace)}: ${lastLine(probe.output)}` };
  const enabled = value !== '0';
  const state = `${check.family === 'ipv4' ? 'IPv4' : 'IPv6'} forwarding in ${namespaceLabel(check.namespace)} is ${enabled ? 'on' : 'off'} (${key} = ${value})`;
  return { passed: enabled === check.enabled, message: enabled === check.enabled ? state : `${state}; expected ${check.enabled ? 'on' : 'off'}` };
}

function forwardingFile(check: ForwardingCheck): string {
  return check.family === 'ipv4' ? '/proc/sys/net/ipv4/ip_forward' : '/proc/sys/net/ipv6/conf/all/forwarding';
}

function lastLine(text: string): string {
  return text.trim().split('\n').pop()?.trim() ?? '';
}
