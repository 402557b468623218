/**
 * What the kernel has of a lab, read as cheaply as the plan allows: the namespace names (a directory read), then,
 * in one round trip, the root namespace and those of the lab's namespaces that already exist. A first deploy so
 * costs two cheap reads; only a re-deploy reads the lab's namespaces in full. Sysctls and queueing disciplines are
 * read only where the file sets them or the kernel reports one of ours.
 */
import type { Host } from '../host/host.js';
import type { LinkInfo, NamespaceName, NamespaceState } from '../model.js';
import { readNamespacesRaw } from '../state/read-script.js';
import { readNamespaceSet } from '../state/read.js';
import { interfaceKey, labNamespaces, type DesiredState } from './desired.js';
import { readImpairment, type ObservedImpairment } from './traffic-control.js';
import { labTag } from '../topology/model.js';

export interface ObservedState {
  /** Every named namespace on the host. */
  names: Set<string>;
  /** The root namespace and the lab's declared namespaces that exist, by name. */
  namespaces: Map<NamespaceName, NamespaceState>;
  /** Namespaces that carry the lab's tag but that the file no longer declares. */
  undeclared: string[];
  /** Current values of the sysctls the file sets, per existing namespace. */
  sysctls: Map<string, Record<string, string>>;
  /** Traffic conditions of links that have a queueing discipline of ours, by namespace and name. */
  impairments: Map<string, ObservedImpairment>;
}

export async function readObservedState(host: Host, desired: DesiredState): Promise<ObservedState> {
  const names = new Set(await host.listNamespaceNames());
  const existing = labNamespaces(desired).filter((name) => names.has(name));
  const states = await readSettledNamespaces(host, [null, ...existing]);
  const namespaces = new Map(states.map((state) => [state.name, state]));
  return {
    names,
    namespaces,
    undeclared: await readUndeclaredLabNamespaces(host, desired, names),
    sysctls: await readSysctls(host, desired, existing),
    impairments: await readImpairments(host, desired, namespaces),
  };
}

/** How often, and how long apart, a read is repeated while veth ends of a deleted namespace are still going away. */
const SETTLE_READS = 5;
const SETTLE_PAUSE_MS = 20;

/**
 * Reads the namespaces, again after a short pause while some veth end's peer is in a namespace being torn down:
 * `ip netns delete` removes the name at once, but for about 10 ms the kernel still shows the ends whose peers
 * were inside, with `link_netnsid` -1. Read then, they would look wired wrongly instead of gone.
 */
async function readSettledNamespaces(host: Host, names: NamespaceName[]): Promise<NamespaceState[]> {
  let states = await readNamespaceSet(host, names);
  for (let attempt = 1; attempt < SETTLE_READS && states.some(hasVanishingPeer); attempt++) {
    await new Promise((resolve) => setTimeout(resolve, SETTLE_PAUSE_MS));
    states = await readNamespaceSet(host, names);
  }
  return states;
}

/**
 * A veth whose peer's namespace is going: the kernel reports nsid -1 once it tears the namespace down, and just
 * before that (while the deleted name's mount is still being let go) an nsid that stands for no namespace left.
 */
function hasVanishingPeer(state: NamespaceState): boolean {
  return state.links.some((link) => link.kind === 'veth' && link.linkNetnsId !== undefined && (link.linkNetnsId === -1 || !state.nsids.some((entry) => entry.id === link.linkNetnsId)));
}

/**
 * Namespaces named like the lab's but not in the file: those whose `lo` carries the lab's tag are the lab's and go;
 * any other is left alone. Costs one `ip` per candidate, and there are candidates only after the file lost some.
 */
async function readUndeclaredLabNamespaces(host: Host, desired: DesiredState, names: Set<string>): Promise<string[]> {
  const declared = new Set(labNamespaces(desired));
  const candidates = [...names].filter((name) => name.startsWith(`${desired.lab}-`) && !declared.has(name));
  return readTaggedNamespaces(host, desired.lab, candidates);
}

/** Of the given namespaces, those whose `lo` carries the lab's tag. */
export async function readTaggedNamespaces(host: Host, lab: string, candidates: readonly string[]): Promise<string[]> {
  if (candidates.length === 0) return [];
  const raw = await readNamespacesRaw(host, 'link show dev lo\n', ['-o'], candidates);
  const tag = labTag(lab);
  // `ip -o` prints the alias as "alias TEXT" at the end of the line; the tag is compared whole.
  return raw.filter((record) => record.exitCode === 0 && record.stdout.trimEnd().endsWith(`alias ${tag}`)).map((record) => record.name!);
}

async function readSysctls(host: Host, desired: DesiredState, existing: readonly string[]): Promise<Map<string, Record<string, string>>> {
  const withSysctls = existing.filter((name) => Object.keys(desired.namespaces.get(name)?.sysctls ?? {}).length > 0);
  // One command each, sent together so their round trips overlap on the host's pooled shells.
  const read = await Promise.all(
    withSysctls.map(async (name) => {
      const keys = Object.keys(desired.namespaces.get(name)!.sysctls);
      const result = await host.run(['ip', 'netns', 'exec', name, 'sysctl', '-n', ...keys]);
      const lines = result.stdout.split('\n');
      return [name, Object.fromEntries(result.exitCode === 0 ? keys.map((key, index) => [key, (lines[index] ?? '').trim()]) : [])] as const;
    }),
  );
  return new Map(read);
}

/** Reads tc only for links whose root qdisc could be ours (htb or netem) or that the file impairs; all at once. */
async function readImpairments(host: Host, desired: DesiredState, namespaces: Map<NamespaceName, NamespaceState>): Promise<Map<string, ObservedImpairment>> {
  const links = [...namespaces].flatMap(([name, state]) => {
    const wanted = desired.namespaces.get(name);
    return state.links.filter((link) => mayBeImpaired(link, wanted?.interfaces.get(link.name)?.impairment !== undefined)).map((link) => ({ name, device: link.name }));
  });
  const read = await Promise.all(links.map(async ({ name, device }) => [interfaceKey(name, device), await readImpairment(host, name, device)] as const));
  return new Map(read);
}

function mayBeImpaired(link: LinkInfo, impairedByFile: boolean): boolean {
  return impairedByFile || link.qdisc === 'htb' || link.qdisc === 'netem';
}
