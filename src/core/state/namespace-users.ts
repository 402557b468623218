/**
 * What uses a namespace without a name, told by its first process: the command, and what its cgroup and command
 * line say (a container, a Kubernetes pod, a systemd unit, a Mininet host). One `grep` reads every file at once.
 */
import type { Host } from '../host/host.js';
import type { NamespaceUser } from '../model.js';

/** The users of the given pids (a pid that ended meanwhile is left out). */
export async function readNamespaceUsers(host: Host, pids: readonly number[]): Promise<Map<number, NamespaceUser>> {
  if (pids.length === 0) return new Map();
  const files = pids.flatMap((pid) => ['comm', 'cgroup', 'cmdline'].map((file) => `/proc/${pid}/${file}`));
  // -a: cmdline holds NUL bytes; -H: every line says which file it came from; '' matches every line.
  // Readable by any user for the processes it finds (without root, its own).
  const result = await host.run(['grep', '-a', '-H', '', '--', ...files], { unprivileged: true });
  return parseNamespaceUsers(result.stdout);
}

/** Parses `grep -a -H '' /proc/PID/{comm,cgroup,cmdline}…` (pure, for tests). */
export function parseNamespaceUsers(output: string): Map<number, NamespaceUser> {
  const files = new Map<number, { comm?: string; cgroup: string[]; cmdline?: string }>();
  for (const line of output.split('\n')) {
    const match = /^\/proc\/(\d+)\/(comm|cgroup|cmdline):(.*)$/su.exec(line);
    if (!match) continue;
    const pid = Number(match[1]);
    let entry = files.get(pid);
    if (!entry) files.set(pid, (entry = { cgroup: [] }));
    if (match[2] === 'comm') entry.comm = match[3]!;
    else if (match[2] === 'cgroup') entry.cgroup.push(match[3]!);
    else entry.cmdline = match[3]!;
  }
  const users = new Map<number, NamespaceUser>();
  for (const [pid, entry] of files) {
    if (entry.comm === undefined) continue;
    users.set(pid, { pid, command: entry.comm, ...fromCgroup(entry.cgroup), ...fromCommandLine(entry.cmdline ?? '') });
  }
  return users;
}

/** Container, pod and unit from cgroup lines such as `0::/system.slice/docker-<id>.scope`. */
export function fromCgroup(lines: readonly string[]): Pick<NamespaceUser, 'container' | 'pod' | 'unit'> {
  const found: Pick<NamespaceUser, 'container' | 'pod' | 'unit'> = {};
  for (const line of lines) {
    const path = line.split(':').slice(2).join(':');
    const container = /(?:docker|libpod|cri-containerd|crio|containerd)[-/]([0-9a-f]{12,64})(?:\.scope)?(?:\/|$)/u.exec(path) ?? /\/docker\/([0-9a-f]{64})/u.exec(path);
    if (container && !found.container) found.container = container[1]!.slice(0, 12);
    const pod = /pod([0-9a-f]{8}[-_][0-9a-f]{4}[-_][0-9a-f]{4}[-_][0-9a-f]{4}[-_][0-9a-f]{12})/u.exec(path);
    if (pod && !found.pod) found.pod = pod[1]!.replace(/_/gu, '-');
    const unit = /\/([^/]+\.service)(?:\/|$)/u.exec(path);
    if (unit && !found.unit) found.unit = unit[1]!;
  }
  return found;
}

/** Mininet starts each host's shell as `bash … mininet:NAME`. */
export function fromCommandLine(commandLine: string): Pick<NamespaceUser, 'mininetHost'> {
  const match = /(?:^|\0)mininet:([^\0]+)/u.exec(commandLine);
  return match ? { mininetHost: match[1]! } : {};
}

/** A short label for a namespace without a name: what it is first, then the process. */
export function describeNamespaceUser(user: NamespaceUser | undefined, inode: number): string {
  if (!user) return `inode ${inode}`;
  const process = `${user.command} (pid ${user.pid})`;
  if (user.mininetHost) return `mininet ${user.mininetHost}: ${process}`;
  if (user.container) return `container ${user.container}: ${process}`;
  if (user.pod) return `pod ${user.pod}: ${process}`;
  if (user.unit) return `${user.unit}: ${process}`;
  return process;
}
