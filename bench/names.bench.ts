/** Names of 500 namespaces: our read against `ip -j netns list` spawned from Node. Target: at most 50 ms. */
import { execa } from 'execa';
import { LocalHost, readNamespaceNames } from '../src/core/index.js';
import { ipBatch, measure, PREFIX, removeLab, report } from './support.js';

export async function benchmarkNames(): Promise<void> {
  const host = new LocalHost();
  try {
    await ipBatch(Array.from({ length: 500 }, (_, index) => `netns add ${PREFIX}n${index}`));
    const medians = await measure(
      [
        { name: 'netns-lab readNamespaceNames', run: () => readNamespaceNames(host) },
        { name: 'ip -j netns list (one spawn from Node)', run: () => execa('ip', ['-j', 'netns', 'list']) },
      ],
      15,
    );
    report('Names of 500 namespaces (median of 15)', medians, 'netns-lab readNamespaceNames');
    const ours = medians.get('netns-lab readNamespaceNames')!;
    console.log(`  target <= 50 ms: ${ours <= 50 ? 'met' : 'missed'} (${ours.toFixed(1)} ms)`);
  } finally {
    await host.dispose();
    await removeLab();
  }
}
