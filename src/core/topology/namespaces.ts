/**
 * The `namespaces:` section: a list of names, or a map of names to settings (forwarding, sysctls, routes).
 */
import { isMap, isSeq, isScalar, type Node as YamlNode } from 'yaml';
import type { NamespaceDraft, SysctlDraft } from './drafts.js';
import { readRoute } from './route.js';
import { type Located, type MapEntry, type ReadContext, describeNode, readBoolean, readFixedMap, readList, readMapEntries, readString, spanOf } from './yaml-nodes.js';

const NAMESPACE_KEYS = ['forwarding', 'sysctls', 'routes'] as const;
const SYSCTL_KEY = /^[a-z0-9_]+(\.[A-Za-z0-9_-]+)+$/;

/** The declared namespaces, each once; duplicates are reported at the second name. */
export function readNamespaces(context: ReadContext, node: YamlNode | null): NamespaceDraft[] {
  const namespaces: NamespaceDraft[] = [];
  const seen = new Map<string, Located<string>>();
  const declare = (name: Located<string> | undefined, settings: YamlNode | null): void => {
    if (!name) return;
    const first = seen.get(name.value);
    if (first) {
      context.diagnostics.add(name.span, `duplicate namespace ${name.value} (first declared at line ${context.diagnostics.lineOf(first.span.start)})`);
      return;
    }
    seen.set(name.value, name);
    if (name.value === '') context.diagnostics.add(name.span, 'a namespace name must not be empty');
    namespaces.push({ name, ...readNamespaceSettings(context, settings) });
  };
  if (isSeq(node)) {
    for (const item of readList(context, node, 'namespaces', '[red, blue]') ?? []) declare(readString(context, item, 'a namespace name'), null);
  } else if (isMap(node)) {
    for (const entry of readMapEntries(context, node, 'a namespace name')) declare({ value: entry.key, span: entry.keySpan }, entry.value);
  } else {
    context.diagnostics.add(spanOf(node), `namespaces must be a list of names, e.g. [red, blue], or a map of names to settings; found ${describeNode(node)}`);
  }
  return namespaces;
}

function readNamespaceSettings(context: ReadContext, node: YamlNode | null): Omit<NamespaceDraft, 'name'> {
  const settings: Omit<NamespaceDraft, 'name'> = { sysctls: [], routes: [] };
  // `red:` with nothing after it (null) is a namespace with default settings, like `red: {}`.
  if (node === null || (isScalar(node) && node.value === null)) return settings;
  const entries = readFixedMap(context, node, 'the settings of a namespace', NAMESPACE_KEYS);
  if (!entries) return settings;
  const forwarding = entries.get('forwarding');
  if (forwarding) {
    const value = readBoolean(context, forwarding.value, 'forwarding');
    if (value) settings.forwarding = value;
  }
  const sysctls = entries.get('sysctls');
  if (sysctls) settings.sysctls = readSysctls(context, sysctls);
  const routes = entries.get('routes');
  if (routes) {
    for (const item of readList(context, routes.value, 'routes', '["default via 10.0.1.1"]') ?? []) {
      const route = readRoute(context, item);
      if (route) settings.routes.push(route);
    }
  }
  return settings;
}

function readSysctls(context: ReadContext, entry: MapEntry): SysctlDraft[] {
  if (!isMap(entry.value)) {
    context.diagnostics.add(spanOf(entry.value, entry.keySpan), `sysctls must be a map of full keys to values, e.g. { net.ipv4.conf.all.rp_filter: 0 }; found ${describeNode(entry.value)}`);
    return [];
  }
  const sysctls: SysctlDraft[] = [];
  const seen = new Map<string, Located<string>>();
  for (const { key, keySpan, value } of readMapEntries(context, entry.value, 'a sysctl key')) {
    const first = seen.get(key);
    if (first) {
      context.diagnostics.add(keySpan, `duplicate key ${JSON.stringify(key)} in sysctls (first at line ${context.diagnostics.lineOf(first.span.start)})`);
      continue;
    }
    seen.set(key, { value: key, span: keySpan });
    if (!SYSCTL_KEY.test(key)) {
      context.diagnostics.add(keySpan, `sysctl key ${JSON.stringify(key)} is not valid: expected a full dotted key as sysctl writes it, e.g. net.ipv4.ip_forward`);
      continue;
    }
    const text = sysctlValue(value);
    if (text === undefined) {
      context.diagnostics.add(spanOf(value, keySpan), `the value of sysctl ${key} must be a string, a number or true/false; found ${describeNode(value)}`);
      continue;
    }
    sysctls.push({ key: { value: key, span: keySpan }, value: text });
  }
  return sysctls;
}

/** A sysctl's value as sysctl writes it: numbers as written, true/false as 1/0. */
function sysctlValue(node: YamlNode | null): string | undefined {
  if (!isScalar(node)) return undefined;
  if (typeof node.value === 'boolean') return node.value ? '1' : '0';
  // Whole numbers keep their digits as written: a 64-bit limit would lose its last digits as a JavaScript number.
  if (typeof node.value === 'number') return /^\d+$/.test(node.source ?? '') ? node.source : String(node.value);
  if (typeof node.value === 'string') return node.value;
  return undefined;
}
