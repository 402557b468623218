/**
 * The keys of each kind of check, read strictly with their places: a value of the wrong type or form is reported
 * where it is written, with the form expected. Namespaces and namespace targets are kept as written, for
 * `resolveChecks`.
 */
import { isIP } from 'node:net';
import { isScalar, type Node as YamlNode } from 'yaml';
import { checkIpAddress, checkRouteDestination, parseCidr } from '../addresses.js';
import type { NamespaceName } from '../model.js';
import { interfaceNameProblem } from '../names.js';
import type { Span } from '../topology/diagnostics.js';
import { readMtu } from '../topology/values.js';
import { type Located, type MapEntry, type ReadContext, describeNode, partOf, readBoolean, readInteger, readString, spanOf } from '../topology/yaml-nodes.js';
import type { Check, CheckKind, ReachCheck } from './model.js';
import { readRecordedState } from './read-state.js';

/** A namespace a check names (absent: the file's default), and where its kernel name goes once resolved. */
export interface NamespaceReference {
  written?: Located<string>;
  assign(namespace: NamespaceName): void;
}

/** A reach target that names a namespace (`blue`) or an interface (`blue:eth0`) rather than an address. */
export interface TargetReference {
  written: Located<string>;
  namespace: Located<string>;
  interface?: string;
  assign(namespace: NamespaceName, address: string | undefined): void;
}

/** A check as read: complete but for the namespaces, which the file's scope resolves. */
export interface CheckDraft {
  check: Check;
  namespaces: NamespaceReference[];
  target?: TargetReference;
}

type Entries = Map<string, MapEntry>;

const MAX_TIMEOUT_SECONDS = 3600;

/** Reads a check of a known kind whose keys are all allowed; undefined after reporting a bad value. */
export function readKind(context: ReadContext, kind: CheckKind, entries: Entries, line: number): CheckDraft | undefined {
  const before = context.diagnostics.count;
  const draft = READERS[kind](context, entries);
  const timeout = entries.get('timeout');
  if (timeout) {
    const seconds = readTimeout(context, timeout.value);
    if (seconds !== undefined) draft.check.timeoutMs = seconds * 1000;
  }
  draft.check.line = line;
  return context.diagnostics.count > before ? undefined : draft;
}

const READERS: Record<CheckKind, (context: ReadContext, entries: Entries) => CheckDraft> = {
  reach: readReach,
  route(context, entries) {
    const destination = subject(context, entries, 'route', checkRouteDestination);
    const check: Check = { kind: 'route', namespace: null, destination: destination ?? '', present: presence(context, entries) };
    const via = entries.get('via');
    if (via) check.via = readChecked(context, via.value, 'via', (text) => checkIpAddress(text, 'gateway'));
    const dev = entries.get('dev');
    if (dev) check.device = readInterface(context, dev.value, 'dev');
    return { check, namespaces: [namespaceIn(context, entries, 'in', (namespace) => (check.namespace = namespace))] };
  },
  address(context, entries) {
    const address = subject(context, entries, 'address', (text) => parseCidr(text));
    const check: Check = { kind: 'address', namespace: null, address: address ?? '', present: presence(context, entries) };
    const dev = entries.get('dev');
    if (dev) check.device = readInterface(context, dev.value, 'dev');
    return { check, namespaces: [namespaceIn(context, entries, 'in', (namespace) => (check.namespace = namespace))] };
  },
  link(context, entries) {
    const name = readInterface(context, entries.get('link')!.value, 'link');
    const check: Check = { kind: 'link', namespace: null, interface: name ?? '', present: presence(context, entries) };
    const state = entries.get('state');
    if (state) check.state = readChoice(context, state.value, 'state', ['up', 'down'] as const);
    const mtu = entries.get('mtu');
    if (mtu) check.mtu = readMtu(context, mtu.value);
    const master = entries.get('master');
    if (master) check.master = isNull(master.value) ? null : readInterface(context, master.value, 'master');
    return { check, namespaces: [namespaceIn(context, entries, 'in', (namespace) => (check.namespace = namespace))] };
  },
  forwarding(context, entries) {
    const enabled = readBoolean(context, entries.get('forwarding')!.value, 'forwarding')?.value ?? true;
    const family = entries.get('family');
    const check: Check = { kind: 'forwarding', namespace: null, enabled, family: family ? (readChoice(context, family.value, 'family', ['ipv4', 'ipv6'] as const) ?? 'ipv4') : 'ipv4' };
    return { check, namespaces: [namespaceIn(context, entries, 'in', (namespace) => (check.namespace = namespace))] };
  },
  same(context, entries) {
    const state = entries.get('state');
    if (!state) context.diagnostics.add(entries.get('same')!.keySpan, 'a same check needs the recorded "state:" to compare with; netns-lab check --record NS prints it');
    const check: Check = { kind: 'same', namespace: null, state: state ? (readRecordedState(context, state.value) ?? { interfaces: {}, routes: [] }) : { interfaces: {}, routes: [] } };
    return { check, namespaces: [namespaceIn(context, entries, 'same', (namespace) => (check.namespace = namespace))] };
  },
};

function readReach(context: ReadContext, entries: Entries): CheckDraft {
  const check: ReachCheck = { kind: 'reach', from: null, to: { written: '' }, protocol: 'icmp', expect: 'success', count: 1 };
  const draft: CheckDraft = { check, namespaces: [namespaceIn(context, entries, 'from', (namespace) => (check.from = namespace))] };
  const target = readString(context, entries.get('reach')!.value, 'reach');
  if (target) {
    check.to.written = target.value;
    if (isIP(target.value)) check.to.address = target.value;
    else draft.target = targetReference(context, target, check);
  }
  const protocol = entries.get('protocol');
  if (protocol) check.protocol = readChoice(context, protocol.value, 'protocol', ['icmp', 'tcp', 'udp'] as const) ?? 'icmp';
  const port = entries.get('port');
  if (port) check.port = readInteger(context, port.value, 'port', 'a whole number from 1 to 65535')?.value;
  if (check.port !== undefined && !(check.port >= 1 && check.port <= 65535)) context.diagnostics.add(spanOf(port!.value), `port ${check.port} is not valid: expected a whole number from 1 to 65535`);
  if (check.protocol !== 'icmp' && !port) context.diagnostics.add(protocol!.keySpan, `a ${check.protocol} check needs the port to connect to, e.g. "port: 80"`);
  if (check.protocol === 'icmp' && port) context.diagnostics.add(port.keySpan, 'a port needs "protocol: tcp" or "protocol: udp"; ping (the default) has no port');
  const expect = entries.get('expect');
  if (expect) check.expect = readChoice(context, expect.value, 'expect', ['success', 'failure'] as const) ?? 'success';
  const count = entries.get('count');
  if (count) check.count = readInteger(context, count.value, 'count', 'a whole number from 1 to 100')?.value ?? 1;
  if (count && !(check.count >= 1 && check.count <= 100)) context.diagnostics.add(spanOf(count.value), `count ${check.count} is not valid: expected a whole number from 1 to 100`);
  const via = entries.get('via');
  if (via) check.via = readChecked(context, via.value, 'via', (text) => (isIP(text) ? text : checkInterfaceWord(text)));
  return draft;
}

/** `blue` or `blue:eth0` (the interface after the last colon: interface names hold none). */
function targetReference(context: ReadContext, target: Located<string>, check: ReachCheck): TargetReference | undefined {
  const colon = target.value.lastIndexOf(':');
  const namespace = colon < 0 ? target : { value: target.value.slice(0, colon), span: partOf(target, 0, colon) };
  const name = colon < 0 ? undefined : target.value.slice(colon + 1);
  if (name !== undefined) {
    const problem = interfaceNameProblem(name);
    if (problem) {
      context.diagnostics.add(partOf(target, colon + 1, name.length), `reach ${JSON.stringify(target.value)}: ${problem}; expected an address, NAMESPACE or NAMESPACE:INTERFACE`);
      return undefined;
    }
    check.to.interface = name;
  }
  return {
    written: target,
    namespace,
    ...(name === undefined ? {} : { interface: name }),
    assign(resolved, address) {
      check.to.namespace = resolved;
      if (address !== undefined) check.to.address = address;
    },
  };
}

function namespaceIn(context: ReadContext, entries: Entries, key: string, assign: (namespace: NamespaceName) => void): NamespaceReference {
  const entry = entries.get(key);
  const written = entry ? readString(context, entry.value, key) : undefined;
  return { ...(written ? { written } : {}), assign };
}

/** The kind key's value, checked by `check` (which throws the message to report). */
function subject(context: ReadContext, entries: Entries, key: string, check: (text: string) => unknown): string | undefined {
  return readChecked(context, entries.get(key)!.value, key, check);
}

function readChecked(context: ReadContext, node: YamlNode | null, what: string, check: (text: string) => unknown): string | undefined {
  const text = readString(context, node, what);
  if (!text) return undefined;
  try {
    check(text.value);
    return text.value;
  } catch (error) {
    context.diagnostics.add(text.span, (error as Error).message);
    return undefined;
  }
}

function readInterface(context: ReadContext, node: YamlNode | null, what: string): string | undefined {
  return readChecked(context, node, what, checkInterfaceWord);
}

function checkInterfaceWord(text: string): string {
  const problem = interfaceNameProblem(text);
  if (problem) throw new Error(`${JSON.stringify(text)} is not an interface name: ${problem}`);
  return text;
}

function presence(context: ReadContext, entries: Entries): boolean {
  const present = entries.get('present');
  return present ? (readBoolean(context, present.value, 'present')?.value ?? true) : true;
}

function readChoice<T extends string>(context: ReadContext, node: YamlNode | null, what: string, choices: readonly T[]): T | undefined {
  const text = readString(context, node, what);
  if (text && (choices as readonly string[]).includes(text.value)) return text.value as T;
  if (text) context.diagnostics.add(text.span, `${what} must be one of ${choices.join(', ')}; found ${JSON.stringify(text.value)}`);
  return undefined;
}

function readTimeout(context: ReadContext, node: YamlNode | null): number | undefined {
  const span: Span = spanOf(node);
  if (isScalar(node) && typeof node.value === 'number' && node.value > 0 && node.value <= MAX_TIMEOUT_SECONDS) return node.value;
  context.diagnostics.add(span, `timeout must be a number of seconds above 0 and at most ${MAX_TIMEOUT_SECONDS}, e.g. "timeout: 5"; found ${describeNode(node)}`);
  return undefined;
}

function isNull(node: YamlNode | null): boolean {
  return node === null || (isScalar(node) && node.value === null);
}
