/**
 * Whether the target's kernel has the queueing disciplines a lab's impairments need. Asked once per host and
 * kind, in a scratch namespace made and removed for the purpose, so the host's own links are never touched: a
 * kernel without netem (common in small VMs and CI machines) then refuses the lab before anything runs.
 */
import { randomBytes } from 'node:crypto';
import type { Host } from '../host/host.js';

export type QdiscKind = 'htb' | 'netem';

const PROBE_ARGS: Record<QdiscKind, string[]> = {
  htb: ['htb', 'default', '1'],
  netem: ['netem', 'delay', '1ms'],
};

const known = new WeakMap<Host, Map<QdiscKind, Promise<boolean>>>();

/** The kinds among `kinds` that the host's kernel lacks. */
export async function missingQdiscs(host: Host, kinds: readonly QdiscKind[]): Promise<QdiscKind[]> {
  const results = await Promise.all(kinds.map(async (kind) => ((await hasQdisc(host, kind)) ? undefined : kind)));
  return results.filter((kind): kind is QdiscKind => kind !== undefined);
}

function hasQdisc(host: Host, kind: QdiscKind): Promise<boolean> {
  let perHost = known.get(host);
  if (!perHost) known.set(host, (perHost = new Map()));
  let answer = perHost.get(kind);
  if (!answer) perHost.set(kind, (answer = probeQdisc(host, kind)));
  return answer;
}

async function probeQdisc(host: Host, kind: QdiscKind): Promise<boolean> {
  const scratch = `netns-lab-probe-${randomBytes(4).toString('hex')}`;
  // One shell: make the namespace, try the qdisc on its lo, remove the namespace whatever happened.
  const script = 'ns=$1; shift; ip netns add "$ns" || exit 2; tc -n "$ns" qdisc add dev lo root "$@"; status=$?; ip netns delete "$ns"; exit $status';
  const result = await host.run(['sh', '-c', script, 'sh', scratch, ...PROBE_ARGS[kind]]);
  return result.exitCode === 0;
}
