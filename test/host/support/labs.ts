// Helpers for tests of lab topologies: a topology from YAML text (through the real parser), the kernel's view of a
// link read with `ip` directly, and removal of the lab records a test's labs leave behind.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { parseTopology, type Topology } from '../../../src/core/index.js';

export const REGISTRY = '/run/netns-lab/labs';

/** Parses YAML text as a topology; fails the test with the diagnostics when it is not valid. */
export function topologyOf(text: string): Topology {
  const result = parseTopology(text);
  assert.ok(result.topology, `topology should be valid: ${JSON.stringify(result.diagnostics)}`);
  return result.topology;
}

/** Deletes the records of labs whose names start with `prefix` (the test's own labs). */
export function removeLabRecords(prefix: string): void {
  if (!existsSync(REGISTRY)) return;
  for (const file of readdirSync(REGISTRY)) {
    if (decodeURIComponent(file.replace(/\.json$/u, '')).startsWith(prefix)) rmSync(`${REGISTRY}/${file}`, { force: true });
  }
}

export function labRecordExists(lab: string): boolean {
  return existsSync(`${REGISTRY}/${encodeURIComponent(lab).replace(/\./gu, '%2E')}.json`);
}

export interface KernelLink {
  ifname: string;
  ifindex: number;
  mtu: number;
  flags: string[];
  master?: string;
  ifalias?: string;
  qdisc?: string;
  addr_info?: Array<{ local: string; prefixlen: number; scope: string }>;
}

/** One link as `ip -j link show` (which alone has the alias) and `ip -j address show` report it, or undefined. */
export function kernelLink(namespace: string | null, name: string): KernelLink | undefined {
  const read = (what: string): KernelLink | undefined => {
    const result = spawnSync('ip', [...(namespace === null ? [] : ['-n', namespace]), '-j', what, 'show', 'dev', name], { encoding: 'utf8' });
    return result.status === 0 ? (JSON.parse(result.stdout) as KernelLink[])[0] : undefined;
  };
  const link = read('link');
  return link && { ...link, addr_info: read('address')?.addr_info ?? [] };
}

export function kernelAddresses(namespace: string | null, name: string): string[] {
  return (kernelLink(namespace, name)?.addr_info ?? []).filter((entry) => entry.scope !== 'link').map((entry) => `${entry.local}/${entry.prefixlen}`);
}

/** Text of `ip -n NS route show` (main table). */
export function kernelRoutes(namespace: string): string {
  return spawnSync('ip', ['-n', namespace, 'route', 'show'], { encoding: 'utf8' }).stdout;
}

export function namespaceSysctl(namespace: string, key: string): string {
  return spawnSync('ip', ['netns', 'exec', namespace, 'sysctl', '-n', key], { encoding: 'utf8' }).stdout.trim();
}

/** Output of a command run inside a namespace, with its status. */
export function inNamespace(namespace: string, ...argv: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync('ip', ['netns', 'exec', namespace, ...argv], { encoding: 'utf8', timeout: 10_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
