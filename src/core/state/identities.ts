/**
 * The identity (device and inode of the nsfs file) of namespaces by reference, in one `stat`, and the generation of
 * the named ones: the modification time of /run/netns, which changes whenever a name is added or removed. The
 * kernel gives a freed namespace's inode to a later one, so an identity alone can repeat; within one generation a
 * named namespace's cannot.
 */
import type { Host } from '../host/host.js';
import type { NamespaceIdentity, NamespaceName } from '../model.js';
import { namespacePath } from './netlink-helper-run.js';

export const NETNS_DIRECTORY = '/run/netns';

export interface Identities {
  /** By reference; one that is gone is missing. */
  identities: Map<NamespaceName, NamespaceIdentity>;
  /** `SECONDS.NANOSECONDS` of /run/netns's last change, or `none` when it does not exist. */
  generation: string;
}

export async function readIdentities(host: Host, namespaces: readonly NamespaceName[]): Promise<Identities> {
  const byPath = new Map(namespaces.map((namespace) => [namespacePath(namespace), namespace]));
  // /proc/self/ns/net is stat's own namespace: the root one, where the host's shells run.
  // Any user may stat these (without root, another user's /proc/PID/ns/net is left out).
  const result = await host.run(['stat', '-L', '--printf', '%n\\0%d:%i\\0%.9Y\\0', '--', NETNS_DIRECTORY, ...byPath.keys()], { unprivileged: true });
  const fields = result.stdout.split('\0');
  const identities = new Map<NamespaceName, NamespaceIdentity>();
  let generation = 'none';
  for (let index = 0; index + 2 < fields.length; index += 3) {
    const path = fields[index]!;
    if (path === NETNS_DIRECTORY) generation = fields[index + 2]!;
    const namespace = byPath.get(path);
    if (namespace !== undefined) identities.set(namespace, fields[index + 1]!);
  }
  return { identities, generation };
}
