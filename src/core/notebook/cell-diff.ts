/**
 * What a cell changed: the namespaces it touches are read before it runs and after, and compared (see
 * `state/diff.ts`). It touches its own namespace, the existing namespaces its text names (`ip link set veth0
 * netns ns1` touches ns1), and the namespaces that appear or disappear while it runs. Only those are read, each
 * in one `ip -batch`, so the diff costs little whatever else the host holds.
 */
import type { Host } from '../host/host.js';
import type { NamespaceName, NamespaceState } from '../model.js';
import { diffStates, type StateDiff } from '../state/diff.js';
import { readNamespaceNames, readNamespaceStates } from '../state/read.js';

/** What was read before the cell ran. */
export interface DiffBaseline {
  names: ReadonlySet<string>;
  touched: NamespaceName[];
  before: NamespaceState[];
}

/** Reads the namespaces the cell touches, before it runs. */
export async function readDiffBaseline(host: Host, source: string, namespace: NamespaceName): Promise<DiffBaseline> {
  const names = new Set(await readNamespaceNames(host));
  const touched = touchedNamespaces(source, namespace, names);
  return { names, touched, before: await readNamespaceStates(host, touched) };
}

/** Reads them again after the cell ran, with the namespaces that appeared, and compares. */
export async function diffSinceBaseline(host: Host, baseline: DiffBaseline): Promise<StateDiff> {
  const names = await readNamespaceNames(host);
  const appeared = names.filter((name) => !baseline.names.has(name));
  const after = await readNamespaceStates(host, [...baseline.touched, ...appeared]);
  return diffStates(baseline.before, after);
}

/**
 * The cell's own namespace first, then the existing namespaces named in its text as whole words, in the order of
 * the host's list. Words end at shell syntax and at `/` (which no name holds, so `/run/netns/ns1` names ns1).
 */
export function touchedNamespaces(source: string, namespace: NamespaceName, existing: ReadonlySet<string>): NamespaceName[] {
  const words = new Set(source.split(/[\s'"`;|&(){}<>=,/]+/u));
  const named = [...existing].filter((name) => name !== namespace && words.has(name));
  return [namespace, ...named];
}
