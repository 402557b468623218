/**
 * The identity (device and inode of the nsfs file) of namespaces by reference, in one `stat`: what tells a
 * namespace from another that later took its name or its process's pid.
 */
import type { Host } from '../host/host.js';
import type { NamespaceIdentity, NamespaceName } from '../model.js';
import { namespacePath } from './netlink-helper-run.js';

/** Identities of the namespaces that exist; one that is gone is missing from the map. */
export async function readIdentities(host: Host, namespaces: readonly NamespaceName[]): Promise<Map<NamespaceName, NamespaceIdentity>> {
  const byPath = new Map(namespaces.map((namespace) => [namespacePath(namespace), namespace]));
  // /proc/self/ns/net is stat's own namespace: the root one, where the host's shells run.
  const result = await host.run(['stat', '-L', '--printf', '%n\\0%d:%i\\0', '--', ...byPath.keys()]);
  const fields = result.stdout.split('\0');
  const identities = new Map<NamespaceName, NamespaceIdentity>();
  for (let index = 0; index + 1 < fields.length; index += 2) {
    const namespace = byPath.get(fields[index]!);
    if (namespace !== undefined) identities.set(namespace, fields[index + 1]!);
  }
  return identities;
}
