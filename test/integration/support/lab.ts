/**
 * Real namespaces for the editor tests: one unique prefix for the whole run (the unit tests' lab, which has no vscode
 * dependency), plain `ip` for what a test makes "outside VS Code", and readings of the host that do not go through
 * the code under test.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createLab, ip, type Lab } from '../../host/support/lab.js';

export { ip, namespaceExists } from '../../host/support/lab.js';

/** The prefix of everything this run makes; each suite removes what it made with `lab.cleanup()` in `after`. */
export const lab: Lab = createLab();

/** A link as `ip -j link` reports it (the fields the tests read). */
export interface IpLink {
  ifname: string;
  flags: string[];
  master?: string;
  link_type?: string;
  linkinfo?: { info_kind?: string };
}

/** An interface with its addresses as `ip -j address` reports it. */
export interface IpAddressLink extends IpLink {
  addr_info: Array<{ family: string; local: string; prefixlen: number; scope?: string }>;
}

/** A route as `ip -j route` reports it. */
export interface IpRoute {
  dst: string;
  gateway?: string;
  dev?: string;
}

/** `ip [-n NAMESPACE] -j ARGS…` parsed; `namespace` null is the root namespace. */
export function ipJson<T>(namespace: string | null, ...args: string[]): T {
  const output = ip(...(namespace === null ? [] : ['-n', namespace]), '-j', ...args);
  return JSON.parse(output === '' ? '[]' : output) as T;
}

/** The links of a namespace with their details (kind, master), read with plain ip. */
export function linksIn(namespace: string | null): IpLink[] {
  return ipJson<IpLink[]>(namespace, '-d', 'link', 'show');
}

/**
 * The addresses of one interface as ADDRESS/PREFIX, read with plain ip; without the IPv6 link-local ones the kernel
 * adds by itself (and the tree hides by default).
 */
export function addressesOf(namespace: string | null, interfaceName: string): string[] {
  const [link] = ipJson<IpAddressLink[]>(namespace, 'address', 'show', 'dev', interfaceName);
  return (link?.addr_info ?? []).filter((address) => address.scope !== 'link').map((address) => `${address.local}/${address.prefixlen}`);
}

/** The main routing table of a namespace, read with plain ip. */
export function routesIn(namespace: string | null): IpRoute[] {
  return ipJson<IpRoute[]>(namespace, 'route', 'show');
}

/** Names under /run/netns that carry this run's prefix. */
export function ownNamespaces(): string[] {
  return existsSync('/run/netns') ? readdirSync('/run/netns').filter((name) => lab.owns(name)) : [];
}

/** The inode of a network namespace file (/run/netns/NAME, /proc/PID/ns/net): equal inodes, same namespace. */
export function namespaceInode(path: string): number {
  return statSync(path).ino;
}

/** True while a process with this pid exists (and is not a zombie). */
export function processAlive(pid: number): boolean {
  const result = spawnSync('ps', ['-o', 'stat=', '-p', String(pid)], { encoding: 'utf8' });
  return result.status === 0 && !result.stdout.trim().startsWith('Z');
}

/** The command lines of running processes whose argv contains `text`. */
export function processesMentioning(text: string): string[] {
  const result = spawnSync('ps', ['-eo', 'args='], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  return result.stdout.split('\n').filter((line) => line.includes(text));
}

/** The command lines of the tcpdumps running for any of these namespaces (each names its namespace). */
export function tcpdumpsIn(namespaces: readonly string[]): string[] {
  return processesMentioning('tcpdump').filter((line) => namespaces.some((namespace) => line.includes(namespace)));
}

/** Makes two namespaces joined by a veth `veth0`, `NET.1/24` in the first and `NET.2/24` in the second, both ends up. */
export function namespacesJoined(red: string, blue: string, net: string): void {
  ip('netns', 'add', red);
  ip('netns', 'add', blue);
  ip('-n', red, 'link', 'add', 'veth0', 'type', 'veth', 'peer', 'name', 'veth0', 'netns', blue);
  ip('-n', red, 'address', 'add', `${net}.1/24`, 'dev', 'veth0');
  ip('-n', blue, 'address', 'add', `${net}.2/24`, 'dev', 'veth0');
  for (const namespace of [red, blue]) ip('-n', namespace, 'link', 'set', 'veth0', 'up');
}
