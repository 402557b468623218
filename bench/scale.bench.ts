/**
 * Reading at scale: 100, 500 and 1,000 namespaces (each with a veth to the root namespace and one to its
 * neighbour), grown in one run. At each size: readSnapshot against the stock script that reads the same facts
 * (`ip -d -j -batch` per namespace with addresses, routes, neighbours and `netns list`) and against a loop that
 * reads only addresses and routes; and `netns-lab ls` (the command-line process). Then a no-change re-deploy of a
 * 500-namespace lab against a snapshot of the host holding it.
 * Targets (issue: every namespace at any scale): snapshot at 500 within 5.5x of its time at 100; at least 3x
 * faster than the same-facts script at 500; within 1.3x of the addresses-and-routes loop at every size; `ls` at
 * 1,000 within 0.5 s (an absolute figure, so only indicative); re-deploy within 1.3x of the snapshot.
 */
import { execa } from 'execa';
import { fileURLToPath } from 'node:url';
import { deployLab, destroyLab, LocalHost, readSnapshot, type Host } from '../src/core/index.js';
import { members, topology } from './lab.bench.js';
import { measure, PREFIX, removeLab, report } from './support.js';

const SIZES = [100, 500, 1000];
const ROUNDS = 3;
const LAB_SIZE = 500;
const CLI = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));
const namespace = (index: number): string => `${PREFIX}s${index}`;

const STOCK_SCRIPT = `for f in /run/netns/*; do printf 'address show\\nroute show table all\\nneigh show\\nnetns list\\n' | ip -n "\${f##*/}" -d -j -batch -; done`;
const LOOP_SCRIPT = `for f in /run/netns/*; do printf 'address show\\nroute show table all\\n' | ip -n "\${f##*/}" -j -batch -; done`;

/** Grows the lab from `from` to `to` namespaces: one root `ip -batch`, then one shell with a batch per namespace. */
async function growLab(from: number, to: number): Promise<void> {
  const root: string[] = [];
  for (let index = from; index < to; index++) root.push(`netns add ${namespace(index)}`);
  for (let index = from; index < to; index++) root.push(`link add name ${PREFIX}r${index} type veth peer name eth0 netns ${namespace(index)}`);
  for (let index = Math.max(from - 1, 0); index + 1 < to; index++) {
    root.push(`link add name ${PREFIX}x${index} type veth peer name left netns ${namespace(index + 1)}`, `link set dev ${PREFIX}x${index} netns ${namespace(index)}`);
  }
  await execa('ip', ['-batch', '-'], { input: root.join('\n') + '\n' });
  const inner: string[] = [];
  for (let index = Math.max(from - 1, 0); index < to; index++) {
    const lines = index < from ? [] : [`address add 10.${100 + Math.floor(index / 250)}.${index % 250}.2/24 dev eth0`, 'link set dev eth0 up', 'link set dev lo up'];
    if (index + 1 < to) lines.push(`link set dev ${PREFIX}x${index} name right`, 'link set dev right up');
    inner.push(`ip -n ${namespace(index)} -batch - <<'EOF'\n${lines.join('\n')}\nEOF`);
  }
  await execa('sh', ['-c', inner.join('\n')]);
}

/** How many of the lab's veth ends the snapshot gives a peer: every end, when peers resolve. */
async function checkPeers(host: Host, count: number): Promise<void> {
  const snapshot = await readSnapshot(host);
  const ours = snapshot.namespaces.filter((state) => state.name?.startsWith(PREFIX));
  const ends = ours.flatMap((state) => state.links.filter((link) => link.kind === 'veth'));
  const resolved = ends.filter((link) => link.peer).length;
  console.log(`\n${count} namespaces: ${ours.length} read, ${resolved} of ${ends.length} veth ends with a resolved peer (${snapshot.namespaces.length} namespaces on the host)`);
}

export async function benchmarkScale(): Promise<void> {
  const host = new LocalHost();
  const snapshots = new Map<number, number>();
  const rows: string[] = [];
  try {
    let built = 0;
    for (const size of SIZES) {
      await growLab(built, size);
      built = size;
      await checkPeers(host, size);
      const medians = await measure(
        [
          { name: 'netns-lab readSnapshot', run: () => readSnapshot(host) },
          { name: 'same-facts script (address, route, neigh, netns list)', run: () => execa('sh', ['-c', STOCK_SCRIPT]) },
          { name: 'addresses-and-routes loop', run: () => execa('sh', ['-c', LOOP_SCRIPT]) },
          { name: 'netns-lab ls (the CLI process)', run: () => execa(process.execPath, [CLI, 'ls', '--json'], { reject: false }) },
        ],
        ROUNDS,
      );
      report(`Reading ${size} namespaces (median of ${ROUNDS})`, medians, 'netns-lab readSnapshot', {
        'same-facts script (address, route, neigh, netns list)': '>= 3x at 500',
        'addresses-and-routes loop': '>= 0.77x (ours within 1.3x of it)',
        'netns-lab ls (the CLI process)': '<= 500 ms at 1,000 (absolute, varies with load)',
      });
      const ours = medians.get('netns-lab readSnapshot')!;
      snapshots.set(size, ours);
      rows.push(
        `  ${String(size).padStart(5)}  snapshot ${ours.toFixed(0).padStart(6)} ms  same-facts/snapshot ${(medians.get('same-facts script (address, route, neigh, netns list)')! / ours).toFixed(2)}x` +
          `  snapshot/loop ${(ours / medians.get('addresses-and-routes loop')!).toFixed(2)}x  ls ${(medians.get('netns-lab ls (the CLI process)')! / 1000).toFixed(2)} s`,
      );
    }
    console.log(`\nSummary (ls is an absolute time: it varies with the machine's load)\n${rows.join('\n')}`);
    const base = snapshots.get(SIZES[0]!)!;
    console.log(`  snapshot growth: ${SIZES.map((size) => `${size}: ${(snapshots.get(size)! / base).toFixed(2)}x`).join(', ')} (target at 500: within 5.5x)`);
    await removeLab();
    await benchmarkRedeploy(host);
  } finally {
    await destroyLab(host, PREFIX).catch(() => undefined);
    await host.dispose();
    await removeLab();
  }
}

/** A no-change re-deploy of a 500-namespace lab against a snapshot of the host that holds it. */
async function benchmarkRedeploy(host: Host): Promise<void> {
  const file = topology(members(LAB_SIZE));
  await deployLab(host, file);
  const medians = await measure(
    [
      { name: 'netns-lab readSnapshot', run: () => readSnapshot(host) },
      { name: 'netns-lab deployLab again (no change)', run: () => deployLab(host, file) },
    ],
    ROUNDS,
  );
  report(`A ${LAB_SIZE}-namespace lab (veth to a shared root bridge each): re-deploy with no change (median of ${ROUNDS})`, medians, 'netns-lab readSnapshot', {
    'netns-lab deployLab again (no change)': 'within 1.3x',
  });
}
