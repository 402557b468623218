/**
 * Choosing a namespace without a name by one of its processes or by its inode (as `ls -l /proc/PID/ns/net` and
 * `lsns` show it). A process or inode of a named namespace, or of the root namespace, selects that one.
 */
import { InvalidArgumentError, NotFoundError } from '../errors.js';
import type { Host } from '../host/host.js';
import type { NamespaceName } from '../model.js';
import { findNamespaceFiles, type NamespaceFiles } from './namespace-files.js';

export type NamespaceSelector = { pid: string } | { inode: string };

/** The reference of the selected namespace; throws a clear error for a bad or unknown pid or inode. */
export async function selectNamespace(host: Host, selector: NamespaceSelector): Promise<NamespaceName> {
  checkSelectorValue('pid' in selector ? selector.pid : selector.inode, 'pid' in selector ? 'pid' : 'inode');
  const files = await findNamespaceFiles(host);
  if ('pid' in selector) return byPid(host, files, checkSelectorValue(selector.pid, 'pid'));
  return byInode(files, checkSelectorValue(selector.inode, 'inode'));
}

/** Throws InvalidArgumentError unless the pid or inode is a positive whole number; returns it. */
export function checkSelectorValue(value: string, what: 'pid' | 'inode'): number {
  if (!/^[1-9]\d{0,18}$/u.test(value)) throw new InvalidArgumentError(`A ${what} is a positive whole number, not ${JSON.stringify(value)}`);
  return Number(value);
}

async function byPid(host: Host, files: NamespaceFiles, pid: number): Promise<NamespaceName> {
  const path = `/proc/${pid}/ns/net`;
  const result = await host.run(['stat', '-L', '--printf', '%d:%i', '--', path]);
  if (result.exitCode !== 0) throw new NotFoundError(`There is no process ${pid} on ${host.label} (or its namespace cannot be read): check the pid with ps`);
  return referenceOf(files, result.stdout.trim()) ?? path;
}

function byInode(files: NamespaceFiles, inode: number): NamespaceName {
  const device = files.root.split(':')[0];
  const found = referenceOf(files, `${device}:${inode}`);
  if (found === undefined) throw new NotFoundError(`No network namespace has inode ${inode}: netns-lab ls lists them with their inodes`);
  return found;
}

/** The reference of the namespace with this identity: the root (null), a name, or an unnamed one's path. */
function referenceOf(files: NamespaceFiles, identity: string): NamespaceName | undefined {
  if (identity === files.root) return null;
  for (const [name, named] of files.named) if (named === identity) return name;
  return files.unnamed.find((found) => found.identity === identity)?.path;
}
