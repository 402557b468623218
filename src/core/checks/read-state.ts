/**
 * Reading a `same` check's recorded state, as `netns-lab check --record` writes it:
 *
 *     state:
 *       interfaces:
 *         veth-red: { kind: veth, up: true, mtu: 1500, addresses: [10.0.1.1/24], master: br0 }
 *       routes: [10.0.1.0/24 dev veth-red]
 */
import { isMap, type Node as YamlNode } from 'yaml';
import { type ReadContext, describeNode, readBoolean, spanOf, readFixedMap, readInteger, readList, readMapEntries, readString } from '../topology/yaml-nodes.js';
import type { RecordedInterface, RecordedState } from './model.js';

const STATE_KEYS = ['interfaces', 'routes'] as const;
const INTERFACE_KEYS = ['kind', 'up', 'mtu', 'addresses', 'master'] as const;

export function readRecordedState(context: ReadContext, node: YamlNode | null): RecordedState | undefined {
  const entries = readFixedMap(context, node, 'a recorded state', STATE_KEYS, STATE_KEYS);
  if (!entries) return undefined;
  const state: RecordedState = { interfaces: {}, routes: [] };
  const interfaces = entries.get('interfaces')?.value ?? null;
  if (interfaces !== null && !isMap(interfaces)) context.diagnostics.add(spanOf(interfaces), `interfaces must be a map of interface names to their state; found ${describeNode(interfaces)}`);
  for (const entry of isMap(interfaces) ? readMapEntries(context, interfaces, 'an interface name') : []) {
    const recorded = readInterface(context, entry.value, `interface ${entry.key}`);
    if (recorded) state.interfaces[entry.key] = recorded;
  }
  const routes = entries.get('routes');
  for (const item of routes ? (readList(context, routes.value, 'routes', '["10.0.1.0/24 dev veth-red"]') ?? []) : []) {
    const route = readString(context, item, 'a recorded route');
    if (route) state.routes.push(route.value);
  }
  return state;
}

function readInterface(context: ReadContext, node: YamlNode | null, what: string): RecordedInterface | undefined {
  const entries = readFixedMap(context, node, what, INTERFACE_KEYS, ['kind', 'up']);
  if (!entries) return undefined;
  const kind = readString(context, entries.get('kind')?.value ?? null, 'kind')?.value ?? '';
  const up = readBoolean(context, entries.get('up')?.value ?? null, 'up')?.value ?? false;
  const recorded: RecordedInterface = { kind, up, addresses: [] };
  const mtu = entries.get('mtu');
  if (mtu) recorded.mtu = readInteger(context, mtu.value, 'mtu', 'a whole number')?.value;
  const addresses = entries.get('addresses');
  for (const item of addresses ? (readList(context, addresses.value, 'addresses', '[10.0.1.1/24]') ?? []) : []) {
    const address = readString(context, item, 'an address');
    if (address) recorded.addresses.push(address.value);
  }
  const master = entries.get('master');
  const value = master ? readString(context, master.value, 'master')?.value : undefined;
  if (value !== undefined) recorded.master = value;
  return recorded;
}
