/**
 * The ways to read a host's namespaces, from cheapest to fullest: names only; every namespace with what uses the
 * unnamed ones; one namespace (with its veth peers named); everything at once, in a few round trips.
 */
import type { Host } from '../host/host.js';
import { parseJsonValues } from '../iproute2/json-values.js';
import { parseLinks } from '../iproute2/parse.js';
import { quoteName } from '../display.js';
import { NotFoundError } from '../errors.js';
import { isUnnamedNamespace, type HostSnapshot, type NamespaceName, type NamespaceState, type NamespaceUser, type UnnamedNamespace } from '../model.js';
import { checkNamespaceName } from '../names.js';
import { NAMESPACE_BATCH, NAMESPACE_BATCH_OPTIONS, parseNamespaceOutput, unreadableNamespace } from './namespace-read.js';
import { resolveVethPeers } from './peers.js';
import { findNamespaceFiles, type FoundNamespace } from './namespace-files.js';
import { readNamespaceUsers } from './namespace-users.js';
import { runNetlinkHelper } from './netlink-helper-run.js';
import { readIdentities } from './identities.js';
import { isCapabilitiesMissing, readListingLimits, type ListingLimits } from './limits.js';
import { learnAllNsids, resolveNsids } from './nsids.js';
import { readNamespacesRaw, type RawNamespaceOutput } from './read-script.js';

/** Names of the host's named namespaces, sorted; no `ip` process locally (a directory read). */
export function readNamespaceNames(host: Host): Promise<string[]> {
  return host.listNamespaceNames();
}

/** Every namespace of the host, named or not: names sorted, then those without a name with what uses them. */
export interface NamespaceListing {
  named: string[];
  unnamed: UnnamedNamespace[];
}

/** Lists every namespace, named or not, in two round trips (the second only when some have no name). */
export async function readNamespaceListing(host: Host): Promise<NamespaceListing> {
  const files = await findNamespaceFiles(host);
  const users = await readNamespaceUsers(
    host,
    files.unnamed.flatMap((found) => found.pids.slice(0, 1)),
  );
  return { named: [...files.named.keys()].sort(), unnamed: files.unnamed.map((found) => toUnnamed(found, users)) };
}

function toUnnamed(found: FoundNamespace, users: Map<number, NamespaceUser>): UnnamedNamespace {
  const user = found.pids[0] === undefined ? undefined : users.get(found.pids[0]);
  const unnamed: UnnamedNamespace = { path: found.path, identity: found.identity, inode: found.inode, pids: found.pids.slice(0, 8) };
  if (user) unnamed.user = user;
  if (found.mount !== undefined) unnamed.mount = found.mount;
  return unnamed;
}

/** The references of every namespace in a listing: the root first, then by name, then those without a name. */
export function listingReferences(listing: { named: readonly string[]; unnamed: ReadonlyArray<{ path: string }> }): NamespaceName[] {
  return [null, ...listing.named, ...listing.unnamed.map((unnamed) => unnamed.path)];
}

/**
 * Every namespace (the root first, then by name, then those without a name) with links, addresses, routes and
 * neighbours, veth peers resolved and bridge ports naming their bridge (`master`). One `ip` per namespace, all
 * in one shell process on the host, and a few more round trips whatever the number of namespaces.
 */
export async function readSnapshot(host: Host): Promise<HostSnapshot> {
  const listing = await readNamespaceListing(host);
  const references = listingReferences(listing);
  const namespaces = await readNamespaces(host, references);
  const byPath = new Map(listing.unnamed.map((unnamed) => [unnamed.path, unnamed]));
  for (const state of namespaces) {
    const unnamed = state.name === null ? undefined : byPath.get(state.name);
    if (unnamed) state.unnamed = unnamed;
  }
  await resolveNsids(host, namespaces, async () => references);
  return resolveVethPeers({ namespaces });
}

/**
 * One namespace in one `ip` process; then, only when its links point into other namespaces, which ones those are
 * and (in one more round trip) their interfaces, so that each veth's peer is named.
 */
export async function readNamespace(host: Host, name: NamespaceName): Promise<NamespaceState> {
  await checkNamespaceExists(host, name);
  const [state] = await readNamespaces(host, [name]);
  if (!state) throw missingNamespaceError(name!);
  try {
    await resolveNsids(host, [state], () => allReferences(host), { learnAll: true });
  } catch (error) {
    // Without the capabilities, the root namespace is still read; its veths into other namespaces stay unresolved.
    if (name !== null || !isCapabilitiesMissing(error)) throw error;
    return resolveVethPeers({ namespaces: [state] }).namespaces[0]!;
  }
  const others = peerNamespacesToRead(state);
  if (others.length === 0) return resolveVethPeers({ namespaces: [state] }).namespaces[0]!;
  resolveVethPeers({ namespaces: [state, ...(await readLinksOnly(host, others))] });
  return state;
}

/**
 * The given namespaces (`null`: the root) in one round trip, with veth peers resolved among them; one deleted
 * meanwhile is left out.
 */
export async function readNamespaceSet(host: Host, names: readonly NamespaceName[]): Promise<NamespaceState[]> {
  if (names.length === 0) return [];
  const namespaces = await readNamespaces(host, names);
  await resolveNsids(host, namespaces, () => allReferences(host));
  return resolveVethPeers({ namespaces }).namespaces;
}

/**
 * The given namespaces as they are, in one round trip, without naming veth peers or identities (a cell's diff
 * needs no more, and must cost little); one that does not exist is left out.
 */
export async function readNamespaceStates(host: Host, names: readonly NamespaceName[]): Promise<NamespaceState[]> {
  if (names.length === 0) return [];
  const raw = await readNamespacesRaw(host, NAMESPACE_BATCH, NAMESPACE_BATCH_OPTIONS, names);
  return (await withoutDeleted(host, raw)).map(toNamespaceState);
}

/**
 * Learns what every namespace's nsids stand for, in one run of the netlink helper, so that expanding any of them
 * later needs no run of its own (the tree does this in the background after its first paint).
 */
export async function learnNamespacePeers(host: Host): Promise<void> {
  await learnAllNsids(host, await allReferences(host));
}

/** Every namespace's reference, without reading what uses those without a name. */
async function allReferences(host: Host): Promise<NamespaceName[]> {
  const files = await findNamespaceFiles(host);
  return listingReferences({ named: [...files.named.keys()].sort(), unnamed: files.unnamed });
}

/**
 * Throws NotFoundError unless the namespace exists (the root namespace always does; one without a name is
 * checked by reading it).
 */
export async function checkNamespaceExists(host: Host, name: NamespaceName): Promise<void> {
  if (name === null || isUnnamedNamespace(name)) return;
  checkNamespaceName(name);
  if (!(await host.listNamespaceNames()).includes(name)) throw missingNamespaceError(name);
}

function missingNamespaceError(name: string): NotFoundError {
  if (isUnnamedNamespace(name)) return new NotFoundError(`The namespace at ${name} is gone (its process ended)`);
  return new NotFoundError(`There is no network namespace named ${quoteName(name)}`);
}

/**
 * Reads the given namespaces; one deleted between listing and reading is left out, as it is gone. Many are read
 * in two halves at once, on two of the host's shells: starting `ip` is the cost, and it is spread over two cores.
 */
async function readNamespaces(host: Host, namespaces: readonly NamespaceName[]): Promise<NamespaceState[]> {
  const halves = namespaces.length < SPLIT_FROM ? [namespaces] : [namespaces.slice(0, namespaces.length >> 1), namespaces.slice(namespaces.length >> 1)];
  const [{ identities }, ...raws] = await Promise.all([readIdentities(host, namespaces), ...halves.map((half) => readNamespacesRaw(host, NAMESPACE_BATCH, NAMESPACE_BATCH_OPTIONS, half))]);
  return (await withoutDeleted(host, raws.flat())).map((record) => {
    const state = toNamespaceState(record);
    const identity = identities.get(record.name);
    if (identity !== undefined) state.identity = identity;
    return state;
  });
}

/**
 * Only the interfaces of the given namespaces (no details, addresses, routes or neighbours): enough to name the
 * veth peers that lead into them, at a fraction of a full read's cost when one of them (often the root
 * namespace) has a thousand interfaces.
 */
async function readLinksOnly(host: Host, namespaces: readonly NamespaceName[]): Promise<NamespaceState[]> {
  const raw = await readNamespacesRaw(host, 'link show\n', ['-j'], namespaces);
  return raw.flatMap((record) => {
    if (record.exitCode !== 0) return [];
    try {
      return [{ name: record.name, links: parseLinks(parseJsonValues(record.stdout, `namespace ${JSON.stringify(record.name)}`)[0]), routes: [], neighbours: [], nsids: [] }];
    } catch {
      return [];
    }
  });
}

/** Below this many namespaces, one shell reads them all: a second would cost more than it saves. */
const SPLIT_FROM = 32;

/**
 * The records without those of namespaces deleted while they were read: those whose file was gone, and those that
 * could not be entered and whose name is gone by now. `ip netns delete` unmounts a namespace before it removes its
 * name, and entering it in between fails as entering a name that is broken for good does ("Invalid argument"): the
 * name being gone a moment later tells them apart.
 */
async function withoutDeleted(host: Host, records: readonly RawNamespaceOutput[]): Promise<RawNamespaceOutput[]> {
  const kept = records.filter((record) => !vanished(record));
  const failedNamed = (record: RawNamespaceOutput): boolean => record.exitCode !== 0 && record.name !== null && !isUnnamedNamespace(record.name);
  if (!kept.some(failedNamed)) return kept;
  const present = new Set(await host.listNamespaceNames());
  return kept.filter((record) => !failedNamed(record) || present.has(record.name!));
}

/** ip's or nsenter's words when a namespace's file is gone (deleted, or its process ended). */
function vanished(record: RawNamespaceOutput): boolean {
  return record.exitCode !== 0 && /(Cannot open network namespace|nsenter: cannot open) .*No such file or directory/u.test(record.stderr);
}

function toNamespaceState(raw: RawNamespaceOutput): NamespaceState {
  if (raw.exitCode !== 0) return unreadableNamespace(raw.name, raw.stderr.trim() || `ip exited with status ${raw.exitCode}`);
  try {
    return parseNamespaceOutput(raw.name, raw.stdout);
  } catch (error) {
    return unreadableNamespace(raw.name, (error as Error).message);
  }
}

/** The namespaces a veth of `state` points into, as its nsids resolved them. */
function peerNamespacesToRead(state: NamespaceState): NamespaceName[] {
  const wanted = new Set<NamespaceName>();
  for (const link of state.links) {
    if (link.kind !== 'veth' || link.linkNetnsId === undefined) continue;
    const entry = state.nsids.find((candidate) => candidate.id === link.linkNetnsId);
    if (entry) wanted.add(entry.namespace);
  }
  wanted.delete(state.name);
  return [...wanted];
}

/** A namespace with how many interfaces it has (`lo` included; null: not known, as counting them needs root), for listings. */
export interface NamespaceSummary {
  name: string;
  interfaces: number | null;
  error?: string;
}

/** A namespace without a name with how many interfaces it has. */
export interface UnnamedSummary extends UnnamedNamespace {
  interfaces: number | null;
  error?: string;
}

export interface NamespaceSummaries {
  named: NamespaceSummary[];
  unnamed: UnnamedSummary[];
  /** Present when the commands lack the capabilities to enter namespaces: what is unknown, and why. */
  partial?: ListingLimits;
}

/**
 * Every namespace with its interface count: the netlink helper counts them all in one process where the target
 * can run it; otherwise one `ip link show` per namespace, all in one round trip. Without the capabilities to enter
 * namespaces, what can be seen without them, counts unknown, and why.
 */
export async function readNamespaceSummaries(host: Host): Promise<NamespaceSummaries> {
  // One after the other: in one shell, where side by side would start a second one for a `true`.
  const listing = await readNamespaceListing(host);
  const partial = await readListingLimits(host);
  if (partial) {
    return { named: listing.named.map((name) => ({ name, interfaces: null })), unnamed: listing.unnamed.map((namespace) => ({ ...namespace, interfaces: null })), partial };
  }
  const references = [...listing.named, ...listing.unnamed.map((unnamed) => unnamed.path)];
  const counts = references.length === 0 ? [] : await countInterfaces(host, references);
  const named = listing.named.map((name, index) => ({ name, ...counts[index]! }));
  const unnamed = listing.unnamed.map((namespace, index) => ({ ...namespace, ...counts[listing.named.length + index]! }));
  return { named, unnamed };
}

async function countInterfaces(host: Host, references: readonly string[]): Promise<Array<{ interfaces: number; error?: string }>> {
  const answer = await runNetlinkHelper(host, { namespaces: references, count: references.map((_, index) => index) });
  if (answer) return answer.links.map((links) => (links < 0 ? { interfaces: 0, error: 'gone or unreadable' } : { interfaces: links }));
  const raw = await readNamespacesRaw(host, 'link show\n', ['-j'], references);
  const byName = new Map(raw.map((record) => [record.name, record]));
  return references.map((reference) => {
    const record = byName.get(reference);
    return record === undefined || vanished(record) ? { interfaces: 0, error: 'gone' } : summarize(record);
  });
}

function summarize(record: RawNamespaceOutput): { interfaces: number; error?: string } {
  if (record.exitCode !== 0) return { interfaces: 0, error: record.stderr.trim() || `ip exited with status ${record.exitCode}` };
  try {
    return { interfaces: parseLinks(parseJsonValues(record.stdout, `namespace ${JSON.stringify(record.name)}`)[0]).length };
  } catch (error) {
    return { interfaces: 0, error: (error as Error).message };
  }
}
