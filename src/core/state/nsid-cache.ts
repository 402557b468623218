/**
 * What the nsids of each named namespace (and the root) stood for, kept per host, so that expanding a namespace
 * does not run the netlink helper again. An nsid of A keeps standing for the same namespace B as long as both
 * live; the kernel can give it to another namespace only after B is gone, and it gives a freed namespace's inode
 * to a later one. So everything kept belongs to one generation of /run/netns (no name added or removed since;
 * see `identities.ts`), and an entry is used only while B's reference still has B's identity. Namespaces without
 * a name come and go with processes, which no generation follows: they are not kept.
 */
import type { NamespaceIdentity, NamespaceName, NsidEntry } from '../model.js';

/** Where an nsid leads: the namespace's reference and its identity when the entry was made. */
export interface CachedNsid {
  namespace: NamespaceName;
  identity: NamespaceIdentity;
}

/** Past this many namespaces the cache starts again, so that a host whose namespaces come and go stays bounded. */
const MOST_NAMESPACES = 20_000;

export class NsidCache {
  private readonly byNamespace = new Map<NamespaceIdentity, Map<number, CachedNsid>>();
  private generation: string | undefined;

  /** Starts again when the generation is not the one of what is kept. */
  private enter(generation: string): void {
    if (generation === this.generation) return;
    this.byNamespace.clear();
    this.generation = generation;
  }

  /** Records what namespace `owner`'s nsids stand for, as learnt in `generation`. */
  remember(generation: string, owner: NamespaceIdentity, entries: ReadonlyArray<[number, CachedNsid]>): void {
    this.enter(generation);
    if (!this.byNamespace.has(owner) && this.byNamespace.size >= MOST_NAMESPACES) this.byNamespace.clear();
    const known = this.byNamespace.get(owner) ?? new Map<number, CachedNsid>();
    for (const [nsid, target] of entries) known.set(nsid, target);
    this.byNamespace.set(owner, known);
  }

  /** The entries for all of `nsids` of `owner` in this generation, or undefined when one of them is not known. */
  lookup(generation: string, owner: NamespaceIdentity, nsids: readonly number[]): Array<NsidEntry & { identity: NamespaceIdentity }> | undefined {
    this.enter(generation);
    const known = this.byNamespace.get(owner);
    if (!known) return undefined;
    const found: Array<NsidEntry & { identity: NamespaceIdentity }> = [];
    for (const nsid of nsids) {
      const target = known.get(nsid);
      if (!target) return undefined;
      found.push({ id: nsid, namespace: target.namespace, identity: target.identity });
    }
    return found;
  }

  /** The namespaces the kept entries of `owner` name (to check their identities). */
  peersOf(owner: NamespaceIdentity): NamespaceName[] {
    return [...(this.byNamespace.get(owner)?.values() ?? [])].map((target) => target.namespace);
  }

  /** Drops what is known of `owner` (an entry turned out stale). */
  forget(owner: NamespaceIdentity): void {
    this.byNamespace.delete(owner);
  }
}

const caches = new WeakMap<object, NsidCache>();

/** The cache of a host (one per Host object: a host made anew starts empty). */
export function nsidCacheOf(host: object): NsidCache {
  let cache = caches.get(host);
  if (!cache) caches.set(host, (cache = new NsidCache()));
  return cache;
}
