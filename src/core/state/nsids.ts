/**
 * Resolving the nsids that links point through (`link_netnsid`) to the namespaces they stand for, exactly and at
 * a cost that grows with the number of namespaces and links, not with its square.
 *
 * The netlink helper (Python, on the target) does it in one process: it gives every namespace an nsid of its own
 * choosing inside a throwaway namespace, then lists each namespace's nsids with those (see `netlink-helper.ts`).
 * What it found is kept (`nsid-cache.ts`) and used again while the namespaces it names keep their identity, so
 * expanding one namespace after another costs a `stat`, not a helper run. Where the target has no Python 3 (or a
 * kernel older than 4.20), `ip netns list` inside each namespace resolves what it can: named namespaces only, and
 * it opens every name, so that way grows with the square.
 */
import type { Host } from '../host/host.js';
import { parseJsonValues } from '../iproute2/json-values.js';
import { parseNetnsList } from '../iproute2/parse.js';
import { isUnnamedNamespace, type NamespaceName, type NamespaceState } from '../model.js';
import { readIdentities } from './identities.js';
import { namespacePath, runNetlinkHelper, type HelperAnswer } from './netlink-helper-run.js';
import { nsidCacheOf, type CachedNsid } from './nsid-cache.js';

export interface ResolveOptions {
  /** On a helper run, also learn every other namespace's nsids, so that later single reads find them known. */
  learnAll?: boolean;
}

/**
 * Fills `nsids` of every state whose links point into other namespaces. `everyNamespace` lists the host's
 * namespaces (the candidates; the states' own are added), and is called only when the helper must run.
 */
export async function resolveNsids(host: Host, states: readonly NamespaceState[], everyNamespace: () => Promise<readonly NamespaceName[]>, options: ResolveOptions = {}): Promise<void> {
  const asked = states.filter(pointsElsewhere);
  if (asked.length === 0) return;
  const unknown = await useKnown(host, asked, states);
  if (unknown.length === 0) return;
  const files = [...new Set<NamespaceName>([...states.map((state) => state.name), ...(await everyNamespace())])];
  const ask = unknown.map((state) => [files.indexOf(state.name), wantedNsids(state)] as const);
  const others = options.learnAll ? files.map((_, index) => index).filter((index) => !ask.some(([asked]) => asked === index)) : [];
  const answer = await runNetlinkHelper(host, { namespaces: files, ask: [...ask, ...others.map((index) => [index, null] as const)] });
  if (answer === undefined) return resolveWithIp(host, unknown);
  learn(host, files, [...ask.map(([index]) => index), ...others], answer);
  unknown.forEach((state, index) => {
    for (const [nsid, file] of answer.nsids[index] ?? []) if (file >= 0) state.nsids.push({ id: nsid, namespace: files[file]! });
  });
}

/** Learns the nsids of every namespace of the host in one helper run (the tree does it once, in the background). */
export async function learnAllNsids(host: Host, namespaces: readonly NamespaceName[]): Promise<void> {
  const answer = await runNetlinkHelper(host, { namespaces, ask: namespaces.map((_, index) => [index, null] as const) });
  if (answer)
    learn(
      host,
      namespaces,
      namespaces.map((_, index) => index),
      answer,
    );
}

function learn(host: Host, files: readonly NamespaceName[], asked: readonly number[], answer: HelperAnswer): void {
  const cache = nsidCacheOf(host);
  asked.forEach((file, index) => {
    const owner = answer.identities[file];
    const pairs = answer.nsids[index];
    if (!owner || !pairs || isUnnamedNamespace(files[file]!)) return;
    const entries: Array<[number, CachedNsid]> = [];
    for (const [nsid, target] of pairs) {
      const identity = target >= 0 ? answer.identities[target] : null;
      if (identity && !isUnnamedNamespace(files[target]!)) entries.push([nsid, { namespace: files[target]!, identity }]);
    }
    cache.remember(answer.generation, owner, entries);
  });
}

/**
 * Fills the nsids the cache knows, once the namespaces they name are seen to keep their identity (those among
 * `states` by their read, the others by one `stat`); returns the states still unknown.
 */
async function useKnown(host: Host, asked: readonly NamespaceState[], states: readonly NamespaceState[]): Promise<NamespaceState[]> {
  const cache = nsidCacheOf(host);
  const candidates = asked.filter((state) => state.identity !== undefined && !isUnnamedNamespace(state.name));
  if (candidates.length === 0) return [...asked];
  const read = new Map(states.flatMap((state) => (state.identity === undefined ? [] : [[state.name, state.identity] as const])));
  // One stat tells the generation and the identities of what the kept entries name, whatever they are.
  const peers = [...new Set(candidates.flatMap((state) => cache.peersOf(state.identity!)))].filter((namespace) => !read.has(namespace));
  const { identities, generation } = await readIdentities(host, peers);
  const current = new Map([...read, ...identities]);
  const unknown = asked.filter((state) => !candidates.includes(state));
  for (const state of candidates) {
    const entries = cache.lookup(generation, state.identity!, wantedNsids(state));
    if (entries && entries.every((entry) => current.get(entry.namespace) === entry.identity)) {
      state.nsids.push(...entries.map(({ id, namespace }) => ({ id, namespace })));
    } else {
      if (entries) cache.forget(state.identity!);
      unknown.push(state);
    }
  }
  return unknown;
}

function pointsElsewhere(state: NamespaceState): boolean {
  return state.error === undefined && state.links.some((link) => link.linkNetnsId !== undefined && link.linkNetnsId >= 0);
}

/** The distinct nsids a namespace's links point through. */
function wantedNsids(state: NamespaceState): number[] {
  return [...new Set(state.links.flatMap((link) => (link.linkNetnsId !== undefined && link.linkNetnsId >= 0 ? [link.linkNetnsId] : [])))];
}

/** Without the helper: `ip netns list` inside each namespace that asks, one process each, named peers only. */
async function resolveWithIp(host: Host, asked: readonly NamespaceState[]): Promise<void> {
  for (const state of asked) {
    const result = await host.run(['nsenter', `--net=${namespacePath(state.name)}`, 'ip', '-j', 'netns', 'list']);
    if (result.exitCode !== 0) continue;
    const text = result.stdout.trim();
    const entries = parseNetnsList(text === '' ? undefined : parseJsonValues(text, 'ip -j netns list')[0]);
    const wanted = new Set(wantedNsids(state));
    for (const entry of entries) if (entry.id !== undefined && wanted.has(entry.id)) state.nsids.push({ id: entry.id, namespace: entry.name });
  }
}
