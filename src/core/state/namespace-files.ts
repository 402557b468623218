/**
 * Finding every network namespace on a host, named or not, in one round trip: the files under /run/netns, every
 * process's and thread's `ns/net`, open namespace file descriptors, and nsfs bind mounts (Docker keeps its own).
 * Each namespace is known by its identity (device and inode), so one reached several ways is counted once.
 */
import { runChecked, type Host } from '../host/host.js';
import type { NamespaceIdentity } from '../model.js';

/**
 * Sections, NUL-separated: the root namespace's identity (this shell's), then `IDENTITY PATH` for the named files,
 * processes and threads, then `net:[INODE] PATH` for open descriptors, then the mount table. A process that ends
 * during the read is simply missing from it, so errors are dropped.
 */
const FIND_SCRIPT = `
printf '@root\\0'; stat -L --printf '%d:%i\\0' /proc/$$/ns/net
printf '@files\\0'
stat -L --printf '%d:%i %n\\0' -- /run/netns/* /run/netns/.[!.]* /run/netns/..?* /proc/[0-9]*/ns/net /proc/[0-9]*/task/[0-9]*/ns/net 2>/dev/null
printf '@descriptors\\0'
find /proc/[0-9]*/fd -mindepth 1 -maxdepth 1 -lname 'net:\\[*' -printf '%l %p\\0' 2>/dev/null
printf '@mounts\\0'; cat /proc/$$/mountinfo
exit 0
`;

/** Every way a host's namespaces were reached, by identity. */
export interface NamespaceFiles {
  root: NamespaceIdentity;
  /** Named namespaces: name → identity. */
  named: Map<string, NamespaceIdentity>;
  /** Every other namespace, in order of its lowest pid. */
  unnamed: FoundNamespace[];
}

/** A namespace without a name, before its processes are labelled. */
export interface FoundNamespace {
  identity: NamespaceIdentity;
  inode: number;
  /** Processes with it as their namespace, lowest first. */
  pids: number[];
  /** The path it is read through: a mount, else the first process's `ns/net`, else a thread's, else a descriptor. */
  path: string;
  mount?: string;
}

/** Reads every namespace's identity on the host. */
export async function findNamespaceFiles(host: Host): Promise<NamespaceFiles> {
  // Any user may run it: without root it finds the names, and the namespaces of the user's own processes only.
  const result = await runChecked(host, ['sh', '-c', FIND_SCRIPT, 'netns-lab-find'], 'Finding the namespaces failed', { unprivileged: true });
  return parseNamespaceFiles(result.stdout);
}

interface Reaches {
  pids: Set<number>;
  threads: string[];
  descriptors: string[];
  mounts: string[];
}

/** Turns the script's output into named and unnamed namespaces (pure, for tests). */
export function parseNamespaceFiles(output: string): NamespaceFiles {
  const sections = splitSections(output);
  const root = sections.get('root')?.[0] ?? '';
  const named = new Map<string, NamespaceIdentity>();
  const reaches = new Map<NamespaceIdentity, Reaches>();
  const reachesOf = (identity: NamespaceIdentity): Reaches => {
    let found = reaches.get(identity);
    if (!found) reaches.set(identity, (found = { pids: new Set(), threads: [], descriptors: [], mounts: [] }));
    return found;
  };
  for (const entry of sections.get('files') ?? []) {
    const space = entry.indexOf(' ');
    const identity = entry.slice(0, space);
    const path = entry.slice(space + 1);
    if (path.startsWith('/run/netns/')) named.set(path.slice('/run/netns/'.length), identity);
    else addProcessPath(reachesOf(identity), path);
  }
  const device = root.split(':')[0] ?? '';
  for (const entry of sections.get('descriptors') ?? []) {
    const match = /^net:\[(\d+)\] (\/proc\/\d+\/fd\/\d+)$/u.exec(entry);
    if (match) reachesOf(`${device}:${match[1]}`).descriptors.push(match[2]!);
  }
  for (const mount of nsfsMounts(sections.get('mounts')?.join('') ?? '')) {
    if (!mount.path.startsWith('/run/netns/')) reachesOf(`${device}:${mount.inode}`).mounts.push(mount.path);
  }
  const namedIdentities = new Set(named.values());
  const unnamed: FoundNamespace[] = [];
  for (const [identity, reach] of reaches) {
    if (identity === root || namedIdentities.has(identity)) continue;
    const found = toFound(identity, reach);
    if (found) unnamed.push(found);
  }
  unnamed.sort((first, second) => (first.pids[0] ?? Infinity) - (second.pids[0] ?? Infinity) || first.inode - second.inode);
  return { root, named, unnamed };
}

function addProcessPath(reach: Reaches, path: string): void {
  const process = /^\/proc\/(\d+)\/ns\/net$/u.exec(path);
  if (process) reach.pids.add(Number(process[1]));
  else if (/^\/proc\/\d+\/task\/\d+\/ns\/net$/u.test(path)) reach.threads.push(path);
}

function toFound(identity: NamespaceIdentity, reach: Reaches): FoundNamespace | undefined {
  const pids = [...reach.pids].sort((first, second) => first - second);
  const mount = reach.mounts[0];
  const path = mount ?? (pids.length > 0 ? `/proc/${pids[0]}/ns/net` : (reach.threads[0] ?? reach.descriptors[0]));
  if (path === undefined) return undefined;
  const inode = Number(identity.split(':')[1]);
  return mount === undefined ? { identity, inode, pids, path } : { identity, inode, pids, path, mount };
}

function splitSections(output: string): Map<string, string[]> {
  const sections = new Map<string, string[]>();
  let current: string[] = [];
  for (const field of output.split('\0')) {
    if (field.startsWith('@') && /^@[a-z]+$/u.test(field)) sections.set(field.slice(1), (current = []));
    else if (field !== '') current.push(field);
  }
  return sections;
}

/** nsfs mounts of network namespaces in a mountinfo text: where each is mounted and the inode it keeps. */
export function nsfsMounts(mountinfo: string): Array<{ path: string; inode: number }> {
  const mounts: Array<{ path: string; inode: number }> = [];
  for (const line of mountinfo.split('\n')) {
    const [before, after] = line.split(' - ');
    if (!after?.startsWith('nsfs ')) continue;
    const fields = before!.split(' ');
    const match = /^net:\[(\d+)\]$/u.exec(fields[3] ?? '');
    if (match && fields[4]) mounts.push({ path: unescapeMountPath(fields[4]), inode: Number(match[1]) });
  }
  return mounts;
}

/** mountinfo writes space, tab, newline and backslash in paths as three octal digits after a backslash. */
function unescapeMountPath(path: string): string {
  return path.replace(/\\([0-7]{3})/gu, (_, octal: string) => String.fromCharCode(parseInt(octal, 8)));
}
