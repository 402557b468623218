/**
 * Running the netlink helper (`netlink-helper.ts`) on a host: namespaces go to it as paths, answers come back by
 * their index. Resolves undefined where the target cannot run it (no Python 3, a kernel older than 4.20, or no
 * right to make a namespace, as in a container), so that the caller falls back to `ip`.
 */
import { HostError } from '../errors.js';
import type { Host } from '../host/host.js';
import { isUnnamedNamespace, type NamespaceName } from '../model.js';
import { NETLINK_HELPER_SCRIPT } from './netlink-helper.js';
import { FIND_PYTHON } from './python-namespaces.js';

/** The path that reaches a namespace on the host; the root namespace is the reading shell's own. */
export function namespacePath(namespace: NamespaceName): string {
  if (namespace === null) return '/proc/self/ns/net';
  return isUnnamedNamespace(namespace) ? namespace : `/run/netns/${namespace}`;
}

export interface HelperRequest {
  namespaces: readonly NamespaceName[];
  /** The namespaces (by index) whose nsids to resolve, each with the nsids wanted (null: all it has). */
  ask?: ReadonlyArray<readonly [number, readonly number[] | null]>;
  /** Indexes of the namespaces whose interfaces to count. */
  count?: readonly number[];
}

export interface HelperAnswer {
  /** Per asked namespace: [nsid, index of the namespace it stands for (-1: not among them)] for each wanted nsid it has; null: unreadable. */
  nsids: Array<Array<[number, number]> | null>;
  /** Per counted namespace: its number of interfaces (-1: unreadable). */
  links: number[];
  /** Per namespace: its identity (device:inode), null when it could not be opened. */
  identities: Array<string | null>;
  /** When /run/netns last changed, read before anything else (see `identities.ts`). */
  generation: string;
}

/** Runs it with the system's Python 3; 127 where there is none. */
const RUN_HELPER = `${FIND_PYTHON}[ -n "$python" ] || exit 127
exec "$python" -I -S -c "$1"
`;

export async function runNetlinkHelper(host: Host, request: HelperRequest): Promise<HelperAnswer | undefined> {
  const input = JSON.stringify({ files: request.namespaces.map(namespacePath), ask: request.ask ?? [], count: request.count ?? [] });
  const result = await host.run(['sh', '-c', RUN_HELPER, 'netns-lab-netlink', NETLINK_HELPER_SCRIPT], { input });
  if (result.exitCode === 127 || result.exitCode === 3) return undefined;
  if (result.exitCode !== 0) {
    if (/PermissionError|Operation not permitted/u.test(result.stderr)) return undefined;
    throw new HostError(`Reading the namespaces' links on ${host.label} failed: ${result.stderr.trim().split('\n').pop() || `status ${result.exitCode}`}`);
  }
  return JSON.parse(result.stdout) as HelperAnswer;
}
