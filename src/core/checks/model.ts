/**
 * Checks: what a lab must look like, declared in a notebook's ```` ```check ```` blocks or a topology's `checks:`
 * section, and the results that say which fact decided each one. The same types serve both files, the command
 * line and the editor (the results are the payload of `application/vnd.netns-lab.checks+json`).
 */
import type { NamespaceName } from '../model.js';

export type CheckKind = 'reach' | 'route' | 'address' | 'link' | 'forwarding' | 'same';

/** What every check has: its kind, how long it may retry, and where it is written (for reports and editors). */
interface CheckBase {
  kind: CheckKind;
  /** How long the check retries before it fails, in milliseconds; absent: the run's default. */
  timeoutMs?: number;
  /** The 1-based line of the check in its file, when known. */
  line?: number;
}

/** Where a reach check goes: an address, or a namespace (or one of its interfaces) whose address is looked up. */
export interface ReachTarget {
  /** The address to reach; absent for a namespace target whose address is read from the kernel when it runs. */
  address?: string;
  /** Set when the target is a namespace (`null`: the root namespace). */
  namespace?: NamespaceName;
  /** Set when the target is an interface of `namespace`. */
  interface?: string;
  /** The target as written, for messages. */
  written: string;
}

export interface ReachCheck extends CheckBase {
  kind: 'reach';
  from: NamespaceName;
  to: ReachTarget;
  protocol: 'icmp' | 'tcp' | 'udp';
  /** TCP and UDP only. */
  port?: number;
  /** `failure`: the check passes when the target is not reached. */
  expect: 'success' | 'failure';
  /** ICMP: how many echo requests per attempt. */
  count: number;
  /** The interface or gateway (an address) the route to the target must use, as `ip route get` reports it. */
  via?: string;
}

export interface RouteCheck extends CheckBase {
  kind: 'route';
  namespace: NamespaceName;
  /** `default`, a prefix or an address. */
  destination: string;
  present: boolean;
  via?: string;
  device?: string;
}

export interface AddressCheck extends CheckBase {
  kind: 'address';
  namespace: NamespaceName;
  /** ADDRESS/PREFIX. */
  address: string;
  /** The interface it must be on; absent: any. */
  device?: string;
  present: boolean;
}

export interface LinkCheck extends CheckBase {
  kind: 'link';
  namespace: NamespaceName;
  interface: string;
  present: boolean;
  /** Administrative state. */
  state?: 'up' | 'down';
  mtu?: number;
  /** The bridge it must be a port of; `null`: it must be no port. */
  master?: string | null;
}

export interface ForwardingCheck extends CheckBase {
  kind: 'forwarding';
  namespace: NamespaceName;
  family: 'ipv4' | 'ipv6';
  enabled: boolean;
}

export interface SameCheck extends CheckBase {
  kind: 'same';
  namespace: NamespaceName;
  state: RecordedState;
}

export type Check = ReachCheck | RouteCheck | AddressCheck | LinkCheck | ForwardingCheck | SameCheck;

/**
 * A namespace's state as `same` compares it: what a lab's author sets up, without what changes on its own
 * (ifindexes, MACs, link-local addresses, counters, operational state). `netns-lab check --record NS` writes it.
 */
export interface RecordedState {
  interfaces: Record<string, RecordedInterface>;
  /** Routes in the form `DEST [via GW] [dev IF] [table T] [metric N]`, sorted (see recordState). */
  routes: string[];
}

export interface RecordedInterface {
  kind: string;
  up: boolean;
  mtu?: number;
  /** ADDRESS/PREFIX, link-local ones left out, sorted. */
  addresses: string[];
  master?: string;
}

/** The outcome of one check: the fact that decided it, in one line, and how it got there. */
export interface CheckResult {
  kind: CheckKind;
  /** What was checked, in a few words: `lab1-red → 10.0.1.2`, `route 10.0.2.0/24 in lab1-red`. */
  subject: string;
  passed: boolean;
  /** The deciding fact: `ping from lab1-red to 10.0.1.2: 1 sent, 0 received; lab1-red has no route to 10.0.1.2`. */
  message: string;
  attempts: number;
  durationMs: number;
  line?: number;
}

/** The mime type of a check cell's results. */
export const CHECKS_MIME = 'application/vnd.netns-lab.checks+json';

/** What a check cell's output carries under CHECKS_MIME, and what `netns-lab check --json` prints per file. */
export interface ChecksPayload {
  results: CheckResult[];
  passed: number;
  failed: number;
}

/** The default time a check retries before failing. */
export const DEFAULT_CHECK_TIMEOUT_MS = 3000;

export function checksPayload(results: CheckResult[]): ChecksPayload {
  const passed = results.filter((result) => result.passed).length;
  return { results, passed, failed: results.length - passed };
}
