/**
 * Full snapshot of 100 namespaces, each with a veth to the root namespace and one to its neighbour.
 * Ours against the naive way (two `ip netns exec` per namespace from Node) and the best stock-ip shell script
 * (one sh loop over /run/netns, `ip -n NS -j -batch` per namespace). Targets: >= 5x faster than naive, within
 * 1.2x of the shell script.
 */
import { execa } from 'execa';
import { LocalHost, readSnapshot } from '../src/core/index.js';
import { ipBatch, measure, PREFIX, removeLab, report } from './support.js';

const COUNT = 100;
const namespace = (index: number): string => `${PREFIX}s${index}`;

async function buildLab(): Promise<void> {
  const root: string[] = [];
  for (let index = 0; index < COUNT; index++) root.push(`netns add ${namespace(index)}`);
  for (let index = 0; index < COUNT; index++) {
    root.push(`link add name ${PREFIX}r${index} type veth peer name eth0 netns ${namespace(index)}`);
    if (index + 1 < COUNT) {
      root.push(`link add name ${PREFIX}x${index} type veth peer name left netns ${namespace(index + 1)}`);
      root.push(`link set dev ${PREFIX}x${index} netns ${namespace(index)}`);
    }
  }
  await ipBatch(root);
  for (let index = 0; index < COUNT; index++) {
    const lines = [`address add 10.${100 + Math.floor(index / 250)}.${index % 250}.2/24 dev eth0`, 'link set dev eth0 up', 'link set dev lo up'];
    if (index + 1 < COUNT) lines.push(`link set dev ${PREFIX}x${index} name right`, 'link set dev right up');
    await ipBatch(lines, namespace(index));
  }
}

const STOCK_SCRIPT = `for f in /run/netns/*; do printf 'address show\\nroute show table all\\nneigh show\\n' | ip -n "\${f##*/}" -d -j -batch -; done`;

async function naiveSnapshot(names: string[]): Promise<void> {
  for (const name of names) {
    await execa('ip', ['netns', 'exec', name, 'ip', '-d', '-j', 'address', 'show']);
    await execa('ip', ['netns', 'exec', name, 'ip', '-j', 'route', 'show', 'table', 'all']);
  }
}

export async function benchmarkSnapshot(): Promise<void> {
  const host = new LocalHost();
  try {
    await buildLab();
    const names = Array.from({ length: COUNT }, (_, index) => namespace(index));
    const check = await readSnapshot(host);
    const ours = check.namespaces.filter((state) => state.name?.startsWith(PREFIX));
    const peers = ours.flatMap((state) => state.links.filter((link) => link.kind === 'veth' && link.peer)).length;
    console.log(`\nSnapshot check: ${ours.length} lab namespaces read, ${peers} veth ends with a resolved peer`);
    const medians = await measure(
      [
        { name: 'netns-lab readSnapshot', run: () => readSnapshot(host) },
        { name: 'stock ip shell script (one sh, ip -batch per ns)', run: () => execa('sh', ['-c', STOCK_SCRIPT]) },
        { name: 'naive (2 ip netns exec per ns from Node)', run: () => naiveSnapshot(names) },
      ],
      5,
    );
    report(`Full snapshot of ${COUNT} namespaces (median of 5)`, medians, 'netns-lab readSnapshot', {
      'stock ip shell script (one sh, ip -batch per ns)': '>= 0.83x (ours within 1.2x of it)',
      'naive (2 ip netns exec per ns from Node)': '>= 5x',
    });
  } finally {
    await host.dispose();
    await removeLab();
  }
}
