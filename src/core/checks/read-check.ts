/**
 * Reading checks from YAML with positions, the same way in a notebook's check block and a topology's `checks:`:
 * a list of maps (or one map), each with exactly one kind key (`reach`, `route`, `address`, `link`, `forwarding`,
 * `same`) whose value is the check's subject. Namespaces stay as written here; `resolveChecks` turns them into
 * kernel names the way the file means them (a notebook's are kernel names, a topology's are the lab's).
 */
import { isMap, isScalar, isSeq, type Node as YamlNode, type Scalar } from 'yaml';
import type { MapEntry, ReadContext } from '../topology/yaml-nodes.js';
import { describeNode, readFixedMap, readList, spanOf } from '../topology/yaml-nodes.js';
import type { CheckKind } from './model.js';
import { type CheckDraft, readKind } from './read-kinds.js';

export const CHECK_KINDS: readonly CheckKind[] = ['reach', 'route', 'address', 'link', 'forwarding', 'same'];

/** The keys each kind takes besides its own: `from` or `in` name the namespace, `timeout` is in seconds. */
export const CHECK_KEYS: Record<CheckKind, readonly string[]> = {
  reach: ['from', 'protocol', 'port', 'expect', 'count', 'via', 'timeout'],
  route: ['in', 'present', 'via', 'dev', 'timeout'],
  address: ['in', 'dev', 'present', 'timeout'],
  link: ['in', 'present', 'state', 'mtu', 'master', 'timeout'],
  forwarding: ['in', 'family', 'timeout'],
  same: ['state', 'timeout'],
};

const EXAMPLE = '- reach: 10.0.1.2\n  from: lab1-red';

/** The checks of a node: a list of checks, one check, or nothing (an empty block or section). */
export function readCheckList(context: ReadContext, node: YamlNode | null): CheckDraft[] {
  if (node === null || (isScalar(node) && node.value === null)) return [];
  if (isMap(node)) return optional(readCheck(context, node));
  if (!isSeq(node)) {
    context.diagnostics.add(spanOf(node), `checks must be a list of checks, each a map such as\n${EXAMPLE}\n; found ${describeNode(node)}`.replace(/\n/gu, ' '));
    return [];
  }
  return (readList(context, node, 'checks', EXAMPLE) ?? []).flatMap((item) => optional(readCheck(context, item)));
}

function optional<T>(value: T | undefined): T[] {
  return value === undefined ? [] : [value];
}

/** One check, or undefined after reporting what is wrong with it. */
function readCheck(context: ReadContext, node: YamlNode | null): CheckDraft | undefined {
  if (!isMap(node)) {
    context.diagnostics.add(spanOf(node), `a check must be a map with one of the keys ${CHECK_KINDS.join(', ')}, e.g. "reach: 10.0.1.2"; found ${describeNode(node)}`);
    return undefined;
  }
  // Keys are only looked at here; readFixedMap below reports what is wrong with them.
  const keys = node.items.map((pair) => pair.key as YamlNode | null);
  const kinds = keys.filter((key) => isScalar(key) && (CHECK_KINDS as readonly unknown[]).includes(key.value));
  if (kinds.length === 0) {
    context.diagnostics.add(spanOf(keys[0] ?? node), `a check needs one of the keys ${CHECK_KINDS.join(', ')} to say what it checks`);
    return undefined;
  }
  const kind = (kinds[0] as Scalar).value as CheckKind;
  if (kinds.length > 1) {
    context.diagnostics.add(spanOf(kinds[1]), `a check checks one thing: it has both "${kind}" and "${String((kinds[1] as Scalar).value)}"; make them two checks`);
    return undefined;
  }
  const before = context.diagnostics.count;
  const entries = readFixedMap(context, node, `a ${kind} check`, [kind, ...CHECK_KEYS[kind]]);
  if (!entries || context.diagnostics.count > before) return undefined;
  const line = context.diagnostics.lineOf(spanOf(node).start);
  return readKind(context, kind, entries as Map<string, MapEntry>, line);
}
