/**
 * The `bridges:` section: a list of names (bridges in the root namespace with no settings), or a map of names to
 * settings (namespace, addresses, mtu, ports).
 */
import { isMap, isScalar, isSeq, type Node as YamlNode } from 'yaml';
import type { BridgeDraft } from './drafts.js';
import { checkDeclaredInterfaceName, readAddresses, readMtu } from './values.js';
import { type Located, type ReadContext, describeNode, readFixedMap, readList, readMapEntries, readString, spanOf } from './yaml-nodes.js';

const BRIDGE_KEYS = ['namespace', 'address', 'addresses', 'mtu', 'ports'] as const;

/** The declared bridges, each name once; duplicates are reported at the second name. */
export function readBridges(context: ReadContext, node: YamlNode | null): BridgeDraft[] {
  const bridges: BridgeDraft[] = [];
  const seen = new Map<string, Located<string>>();
  const declare = (name: Located<string> | undefined, settings: YamlNode | null): void => {
    if (!name) return;
    const first = seen.get(name.value);
    if (first) {
      // Bridges of one name in two namespaces would need the same key twice in the map: refused as YAML would.
      context.diagnostics.add(name.span, `duplicate bridge ${name.value} (first declared at line ${context.diagnostics.lineOf(first.span.start)})`);
      return;
    }
    seen.set(name.value, name);
    checkDeclaredInterfaceName(context, name, 'bridge name');
    bridges.push({ name, ...readBridgeSettings(context, settings) });
  };
  if (isSeq(node)) {
    for (const item of readList(context, node, 'bridges', '[br0]') ?? []) declare(readString(context, item, 'a bridge name'), null);
  } else if (isMap(node)) {
    for (const entry of readMapEntries(context, node, 'a bridge name')) declare({ value: entry.key, span: entry.keySpan }, entry.value);
  } else {
    context.diagnostics.add(spanOf(node), `bridges must be a list of names, e.g. [br0], or a map of names to settings; found ${describeNode(node)}`);
  }
  return bridges;
}

function readBridgeSettings(context: ReadContext, node: YamlNode | null): Omit<BridgeDraft, 'name'> {
  const settings: Omit<BridgeDraft, 'name'> = { addresses: [], ports: [] };
  if (node === null || (isScalar(node) && node.value === null)) return settings;
  const entries = readFixedMap(context, node, 'the settings of a bridge', BRIDGE_KEYS);
  if (!entries) return settings;
  const namespace = entries.get('namespace');
  if (namespace) {
    const name = readString(context, namespace.value, 'namespace');
    if (name) settings.namespace = name;
  }
  settings.addresses = readAddresses(context, entries, 'a bridge');
  const mtu = entries.get('mtu');
  if (mtu) {
    const value = readMtu(context, mtu.value);
    if (value !== undefined) settings.mtu = value;
  }
  const ports = entries.get('ports');
  if (ports) {
    for (const item of readList(context, ports.value, 'ports', '[p-red, p-blue]') ?? []) {
      const port = readString(context, item, 'a port');
      if (port) settings.ports.push(port);
    }
  }
  return settings;
}
