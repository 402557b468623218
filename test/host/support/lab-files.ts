// What the command line's lab tests share: topology files written into the CLI's working folder, lab names under
// the test file's prefix, a two-namespace topology, and checks read with plain ip.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { CliRunner } from './cli.js';
import { ip, type Lab } from './lab.js';

export interface LabFiles {
  /** Writes a file (a topology, a notebook) into the CLI's working folder; returns its path as given on the command line. */
  writeTopology(name: string, text: string): string;
  /** A lab name of this run. */
  labName(suffix: string): string;
}

export function labFiles(lab: Lab, runner: CliRunner): LabFiles {
  return {
    writeTopology(name, text) {
      mkdirSync(dirname(join(runner.workDirectory, name)), { recursive: true });
      writeFileSync(join(runner.workDirectory, name), text);
      return name;
    },
    labName: (suffix) => `${lab.prefix}${suffix}`,
  };
}

/** Two namespaces joined by a veth pair, with an address at each end. */
export function pairTopology(name: string): string {
  return `lab: ${JSON.stringify(name)}\nnamespaces: [red, blue]\nlinks:\n  - [red:eth0 10.0.0.1/24, blue:eth0 10.0.0.2/24]\n`;
}

interface AddressedLink {
  ifname: string;
  mtu: number;
  addr_info?: Array<{ local: string; prefixlen: number }>;
}

export function linkIn(namespace: string, name: string): AddressedLink | undefined {
  return (JSON.parse(ip('-n', namespace, '-j', 'address', 'show')) as AddressedLink[]).find((link) => link.ifname === name);
}

export function pings(namespace: string, address: string): boolean {
  return spawnSync('ip', ['netns', 'exec', namespace, 'ping', '-c', '1', '-W', '2', address], { stdio: 'ignore' }).status === 0;
}
