/**
 * The three ways to read a host's namespaces, from cheapest to fullest: names only; one namespace (with its veth
 * peers named); everything at once, in one round trip.
 */
import type { Host } from '../host/host.js';
import { parseJsonValues } from '../iproute2/json-values.js';
import { parseLinks } from '../iproute2/parse.js';
import { quoteName } from '../display.js';
import { NotFoundError } from '../errors.js';
import type { HostSnapshot, NamespaceName, NamespaceState } from '../model.js';
import { checkNamespaceName } from '../names.js';
import { NAMESPACE_BATCH, NAMESPACE_BATCH_OPTIONS, parseNamespaceOutput, unreadableNamespace } from './namespace-read.js';
import { resolveVethPeers } from './peers.js';
import { readNamespacesRaw, type NamespaceSelection, type RawNamespaceOutput } from './read-script.js';

/** Names of the host's named namespaces, sorted; no `ip` process locally (a directory read). */
export function readNamespaceNames(host: Host): Promise<string[]> {
  return host.listNamespaceNames();
}

/**
 * Every namespace (the root first, then by name) with links, addresses, routes and neighbours, veth peers
 * resolved and bridge ports naming their bridge (`master`): one shell process on the host.
 */
export async function readSnapshot(host: Host): Promise<HostSnapshot> {
  const namespaces = await readNamespaces(host, 'all');
  return resolveVethPeers({ namespaces: sortRootFirst(namespaces) });
}

/**
 * One namespace in one `ip` process, then (only when it has veths into other namespaces) those namespaces in a
 * second round trip, so that each veth's peer is named.
 */
export async function readNamespace(host: Host, name: NamespaceName): Promise<NamespaceState> {
  await checkNamespaceExists(host, name);
  const [state] = await readNamespaces(host, [name]);
  if (!state) throw missingNamespaceError(name!);
  const others = peerNamespacesToRead(state!);
  if (others.length === 0) return resolveVethPeers({ namespaces: [state!] }).namespaces[0]!;
  const neighbours = await readNamespaces(host, others);
  resolveVethPeers({ namespaces: [state!, ...neighbours] });
  return state!;
}

/**
 * The given namespaces (`null`: the root) in one round trip, with veth peers resolved among them; one deleted
 * meanwhile is left out.
 */
export async function readNamespaceSet(host: Host, names: readonly NamespaceName[]): Promise<NamespaceState[]> {
  if (names.length === 0) return [];
  return resolveVethPeers({ namespaces: await readNamespaces(host, names) }).namespaces;
}

/** Throws NotFoundError unless the named namespace exists (the root namespace always does). */
export async function checkNamespaceExists(host: Host, name: NamespaceName): Promise<void> {
  if (name === null) return;
  checkNamespaceName(name);
  if (!(await host.listNamespaceNames()).includes(name)) throw missingNamespaceError(name);
}

function missingNamespaceError(name: string): NotFoundError {
  return new NotFoundError(`There is no network namespace named ${quoteName(name)}`);
}

/** Reads the selected namespaces; one deleted between listing and reading is left out, as it is gone. */
async function readNamespaces(host: Host, selection: NamespaceSelection): Promise<NamespaceState[]> {
  const raw = await readNamespacesRaw(host, NAMESPACE_BATCH, NAMESPACE_BATCH_OPTIONS, selection);
  return raw.filter((record) => !vanished(record)).map(toNamespaceState);
}

/** ip's words when a namespace's file under /run/netns is gone. */
function vanished(record: RawNamespaceOutput): boolean {
  return record.exitCode !== 0 && /Cannot open network namespace .*No such file or directory/u.test(record.stderr);
}

function toNamespaceState(raw: RawNamespaceOutput): NamespaceState {
  if (raw.exitCode !== 0) return unreadableNamespace(raw.name, raw.stderr.trim() || `ip exited with status ${raw.exitCode}`);
  try {
    return parseNamespaceOutput(raw.name, raw.stdout);
  } catch (error) {
    return unreadableNamespace(raw.name, (error as Error).message);
  }
}

/** The namespaces a veth of `state` points into: named ones from its nsid map, and the root for the rest. */
function peerNamespacesToRead(state: NamespaceState): NamespaceName[] {
  const wanted = new Set<NamespaceName>();
  for (const link of state.links) {
    if (link.kind !== 'veth' || link.linkNetnsId === undefined) continue;
    const entry = state.nsids.find((candidate) => candidate.id === link.linkNetnsId);
    wanted.add(entry ? entry.name : null);
  }
  wanted.delete(state.name);
  return [...wanted];
}

function sortRootFirst(namespaces: NamespaceState[]): NamespaceState[] {
  return [...namespaces].sort((first, second) => {
    if (first.name === null) return -1;
    if (second.name === null) return 1;
    return first.name < second.name ? -1 : first.name > second.name ? 1 : 0;
  });
}

/** A named namespace with how many interfaces it has (`lo` included), for listings. */
export interface NamespaceSummary {
  name: string;
  interfaces: number;
  error?: string;
}

/** Every named namespace with its interface count: one `ip link show` per namespace, all in one round trip. */
export async function readNamespaceSummaries(host: Host): Promise<NamespaceSummary[]> {
  const names = await host.listNamespaceNames();
  if (names.length === 0) return [];
  const raw = await readNamespacesRaw(host, 'link show\n', ['-j'], names);
  return raw.filter((record) => !vanished(record)).map((record) => summarize(record));
}

function summarize(record: RawNamespaceOutput): NamespaceSummary {
  const name = record.name ?? '';
  if (record.exitCode !== 0) return { name, interfaces: 0, error: record.stderr.trim() || `ip exited with status ${record.exitCode}` };
  try {
    return { name, interfaces: parseLinks(parseJsonValues(record.stdout, `namespace ${JSON.stringify(name)}`)[0]).length };
  } catch (error) {
    return { name, interfaces: 0, error: (error as Error).message };
  }
}
