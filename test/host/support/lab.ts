// A per-run namespace/interface prefix for tests that make real objects, and a cleanup that removes only what
// carries that prefix. Host test files take theirs from testSetup (setup.ts), whose `after` hook cleans up even
// when a test fails; the editor tests (test/integration/support/lab.ts) use createLab directly.
// It runs `ip` directly (not the code under test), so a broken core cannot stop it from cleaning up.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { randomBytes } from 'node:crypto';

const NETNS_DIR = '/run/netns';
const INTERFACE_NAME_MAX_BYTES = 15;

export interface Lab {
  /** Unique to this run and of fixed length (6), so no run's prefix is a prefix of another run's. */
  readonly prefix: string;
  /** `prefix + suffix`, checked to fit an interface name (15 bytes). */
  interfaceName(suffix: string): string;
  /** `prefix + suffix`: a namespace name under this run's prefix. */
  namespaceName(suffix: string): string;
  /** Registers a namespace name that contains the prefix but does not start with it (a leading `-`, say). */
  own(name: string): string;
  /** True when `name` belongs to this run. */
  owns(name: string): boolean;
  /** Deletes this run's namespaces and root-namespace links; returns what it deleted. */
  cleanup(): string[];
}

/** Makes a lab with a fresh prefix: `t` + 3 base-36 digits of the pid + 2 random base-36 digits. */
export function createLab(): Lab {
  const pidPart = (process.pid % 36 ** 3).toString(36).padStart(3, '0');
  const randomPart = (randomBytes(2).readUInt16BE() % 36 ** 2).toString(36).padStart(2, '0');
  const prefix = `t${pidPart}${randomPart}`;
  const extra = new Set<string>();
  const owns = (name: string): boolean => name.startsWith(prefix) || extra.has(name);
  return {
    prefix,
    interfaceName(suffix) {
      const name = prefix + suffix;
      if (Buffer.byteLength(name) > INTERFACE_NAME_MAX_BYTES) throw new Error(`test bug: interface name ${name} is too long`);
      return name;
    },
    namespaceName: (suffix) => prefix + suffix,
    own(name) {
      if (!name.includes(prefix)) throw new Error(`test bug: ${JSON.stringify(name)} does not contain the prefix ${prefix}`);
      extra.add(name);
      return name;
    },
    owns,
    cleanup: () => [...deleteNamespaces(owns), ...deleteRootLinks(owns)],
  };
}

function deleteNamespaces(owns: (name: string) => boolean): string[] {
  if (!existsSync(NETNS_DIR)) return [];
  const mine = readdirSync(NETNS_DIR).filter(owns);
  for (const name of mine) spawnSync('ip', ['netns', 'delete', name], { stdio: 'ignore' });
  return mine.map((name) => `netns ${name}`);
}

function deleteRootLinks(owns: (name: string) => boolean): string[] {
  const deleted: string[] = [];
  // Re-list after each delete: deleting one end of a veth takes the other end along.
  for (;;) {
    const next = rootLinkNames().find((name) => owns(name) && !deleted.includes(`link ${name}`));
    if (next === undefined) return deleted;
    spawnSync('ip', ['link', 'delete', 'dev', next], { stdio: 'ignore' });
    deleted.push(`link ${next}`);
  }
}

/** Interface names in the root namespace. */
export function rootLinkNames(): string[] {
  const links = JSON.parse(execFileSync('ip', ['-j', 'link', 'show'], { encoding: 'utf8' })) as Array<{ ifname: string }>;
  return links.map((link) => link.ifname);
}

/** Runs `ip ARGS` directly (argv, no shell); throws with ip's stderr when it fails. For test setup only. */
export function ip(...args: string[]): string {
  const result = spawnSync('ip', args, { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`ip ${args.join(' ')} failed: ${result.stderr || result.error?.message}`);
  return result.stdout;
}

/** True when /run/netns/NAME exists. */
export function namespaceExists(name: string): boolean {
  return existsSync(`${NETNS_DIR}/${name}`);
}
