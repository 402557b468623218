/**
 * Resolving each veth's peer to a namespace and interface name. `link_netnsid` is relative to the namespace it
 * was read in, so it is looked up in that namespace's resolved nsids (`nsids.ts`). Where an nsid could not be
 * resolved (a target without Python resolves only named namespaces), the veth is resolved from the other side
 * when that side's nsids name this one: never by guessing.
 */
import type { HostSnapshot, LinkInfo, NamespaceName, NamespaceState } from '../model.js';

/** Sets `peer` on every veth whose other end is in a namespace of the snapshot. Mutates and returns it. */
export function resolveVethPeers(snapshot: HostSnapshot): HostSnapshot {
  const deferred: Array<{ namespace: NamespaceState; link: LinkInfo }> = [];
  for (const namespace of snapshot.namespaces) {
    for (const link of namespace.links) {
      if (link.kind !== 'veth') continue;
      const found = resolveDirectly(snapshot, namespace, link);
      if (found) link.peer = found;
      else deferred.push({ namespace, link });
    }
  }
  for (const { namespace, link } of deferred) {
    const found = resolveFromOtherSide(snapshot, namespace, link);
    if (found) link.peer = found;
  }
  return snapshot;
}

function resolveDirectly(snapshot: HostSnapshot, namespace: NamespaceState, link: LinkInfo): LinkInfo['peer'] {
  if (link.linkNetnsId === undefined) {
    // Both ends here: ip names the peer (`link`) and may leave out its index.
    const sibling = namespace.links.find((candidate) => candidate.name === link.parentName || (link.linkIndex !== undefined && candidate.index === link.linkIndex));
    return sibling ? { namespace: namespace.name, interface: sibling.name } : undefined;
  }
  const entry = namespace.nsids.find((candidate) => candidate.id === link.linkNetnsId);
  if (!entry) return undefined;
  const peerNamespace = findNamespace(snapshot, entry.namespace);
  const peer = peerNamespace?.links.find((candidate) => candidate.index === link.linkIndex);
  return peer ? { namespace: entry.namespace, interface: peer.name } : undefined;
}

function resolveFromOtherSide(snapshot: HostSnapshot, namespace: NamespaceState, link: LinkInfo): LinkInfo['peer'] {
  if (link.linkIndex === undefined) return undefined;
  for (const other of snapshot.namespaces) {
    if (other === namespace) continue;
    const peer = other.links.find(
      (candidate) => candidate.index === link.linkIndex && candidate.linkIndex === link.index && candidate.peer?.namespace === namespace.name && candidate.peer.interface === link.name,
    );
    if (peer) return { namespace: other.name, interface: peer.name };
  }
  return undefined;
}

function findNamespace(snapshot: HostSnapshot, name: NamespaceName): NamespaceState | undefined {
  return snapshot.namespaces.find((namespace) => namespace.name === name);
}
