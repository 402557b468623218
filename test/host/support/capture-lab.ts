// Two small networks for the capture tests, made with plain `ip`: a veth pair between namespaces A and B, and
// namespaces C and D joined through a bridge in namespace S; and a way to find the tcpdumps running in a namespace.
import { execFile } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { promisify } from 'node:util';
import { ip, type Lab } from './lab.js';
import { processesInNetworkNamespace } from './processes.js';

const run = promisify(execFile);

export interface CaptureLab {
  a: string;
  b: string;
  c: string;
  d: string;
  switchNamespace: string;
  /** MAC addresses of the interfaces by `namespace:interface`. */
  mac(namespace: string, interfaceName: string): string;
}

export function makeCaptureLab(lab: Lab): CaptureLab {
  const [a, b, c, d, s] = ['a', 'b', 'c', 'd', 's'].map((suffix) => lab.namespaceName(suffix)) as [string, string, string, string, string];
  for (const name of [a, b, c, d, s]) ip('netns', 'add', name);
  ip('-n', a, 'link', 'add', 'va', 'type', 'veth', 'peer', 'name', 'vb', 'netns', b);
  ip('-n', a, 'address', 'add', '10.0.0.1/24', 'dev', 'va');
  ip('-n', b, 'address', 'add', '10.0.0.2/24', 'dev', 'vb');
  ip('-n', a, 'link', 'set', 'va', 'up');
  ip('-n', b, 'link', 'set', 'vb', 'up');
  ip('-n', s, 'link', 'add', 'br0', 'type', 'bridge');
  ip('-n', s, 'link', 'set', 'br0', 'up');
  for (const [namespace, address] of [
    [c, '10.0.1.3/24'],
    [d, '10.0.1.4/24'],
  ] as const) {
    ip('-n', namespace, 'link', 'add', 'eth0', 'type', 'veth', 'peer', 'name', `p${namespace === c ? 'c' : 'd'}`, 'netns', s);
    ip('-n', namespace, 'address', 'add', address, 'dev', 'eth0');
    ip('-n', namespace, 'link', 'set', 'eth0', 'up');
    ip('-n', s, 'link', 'set', `p${namespace === c ? 'c' : 'd'}`, 'master', 'br0', 'up');
  }
  const mac = (namespace: string, interfaceName: string): string => (JSON.parse(ip('-n', namespace, '-j', 'link', 'show', 'dev', interfaceName)) as Array<{ address: string }>)[0]!.address;
  return { a, b, c, d, switchNamespace: s, mac };
}

/** Pings from `namespace` (without blocking this process, so a capture here goes on reading). */
export async function ping(namespace: string, address: string, count = 2): Promise<void> {
  await run('ip', ['netns', 'exec', namespace, 'ping', '-c', String(count), '-i', '0.2', '-W', '2', address]);
}

/** Pids of the tcpdump processes running in the named namespace. */
export function tcpdumpsIn(namespace: string): number[] {
  const inode = statSync(`/run/netns/${namespace}`).ino;
  return processesInNetworkNamespace(inode).filter((pid) => {
    try {
      return readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === 'tcpdump';
    } catch {
      return false;
    }
  });
}

/** True once a tcpdump in the named namespace has its packet socket bound to the interface: from then on it sees the interface's packets. */
export async function tcpdumpBoundTo(namespace: string, interfaceName: string): Promise<boolean> {
  const { stdout } = await run('ip', ['netns', 'exec', namespace, 'ss', '-0', '-p', '-n']);
  return stdout.split('\n').some((line) => line.startsWith('p_raw') && line.includes(`*:${interfaceName} `) && line.includes('"tcpdump"'));
}
