/**
 * The Namespaces view of a target whose commands lack the capabilities to enter namespaces (privilege `none`):
 * what the user can see there (the named namespaces, and those of the user's own processes), read only, under a
 * row that says the list is partial and why. Expanding one of them says that reading it needs root.
 */
import { PrivilegeError } from '../../core/errors.js';
import type { Host } from '../../core/host/host.js';
import { listingLimits } from '../../core/state/limits.js';
import { readNamespaceListing } from '../../core/state/read.js';
import type { Services } from '../services.js';
import { namespaceChildren, partialListingRow, privilegeChildren, unreachableChildren } from '../view-model/tree-children.js';
import type { TargetNode, TreeNode } from '../view-model/tree-nodes.js';
import type { TreeWatchers } from './watchers.js';

/** The target's visible namespaces under the row that says what is missing; the unnamed ones followed as usual. */
export async function partialNamespaces(services: Services, watchers: TreeWatchers, target: TargetNode, lacking: PrivilegeError): Promise<TreeNode[]> {
  try {
    const listing = await readNamespaceListing(services.host(target.targetId));
    watchers.watchUnnamed(
      target.targetId,
      listing.unnamed.map((namespace) => namespace.identity),
    );
    const namespaces = namespaceChildren(target, listing.named, services.settings, [], listing.unnamed);
    return [partialListingRow(target, listingLimits(lacking.missingCapabilities)), ...namespaces];
  } catch (error) {
    return error instanceof PrivilegeError ? privilegeChildren(target, error) : unreachableChildren(target, error);
  }
}

/** Whether the user can see any namespace besides the root one (else the welcome area tells of the problem). */
export async function anyVisible(host: Host): Promise<boolean> {
  const listing = await readNamespaceListing(host);
  return listing.named.length + listing.unnamed.length > 0;
}
