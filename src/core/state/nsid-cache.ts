/**
 * What the nsids of each namespace stood for, kept per host, so that expanding a namespace does not run the
 * netlink helper again. An nsid of A keeps standing for the same namespace B as long as both live; the kernel can
 * give it to another namespace only after B is gone. So an entry is used only while B's reference still has B's
 * identity (checked when B is read, which reading peers does anyway), and A is known by its identity too.
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

  /** Records what namespace `owner`'s nsids stand for. */
  remember(owner: NamespaceIdentity, entries: ReadonlyArray<[number, CachedNsid]>): void {
    if (!this.byNamespace.has(owner) && this.byNamespace.size >= MOST_NAMESPACES) this.byNamespace.clear();
    const known = this.byNamespace.get(owner) ?? new Map<number, CachedNsid>();
    for (const [nsid, target] of entries) known.set(nsid, target);
    this.byNamespace.set(owner, known);
  }

  /** The entries for all of `nsids` of `owner`, or undefined when one of them is not known. */
  lookup(owner: NamespaceIdentity, nsids: readonly number[]): Array<NsidEntry & { identity: NamespaceIdentity }> | undefined {
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
