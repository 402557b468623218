/**
 * Overhead of a cell's diff: a cell touching two namespaces (it moves a veth end into the other namespace and
 * back) through runCell with the diff on (both namespaces read before and after) against the same cell without
 * it, in the same run. Target: the diff within 1.5x of the cell alone.
 */
import { execa } from 'execa';
import { LocalHost, runCell, type NotebookCell } from '../src/core/index.js';
import { measure, PREFIX, removeLab, report } from './support.js';

export async function benchmarkDiff(): Promise<void> {
  const host = new LocalHost();
  const [left, right] = [`${PREFIX}-dl`, `${PREFIX}-dr`];
  try {
    await execa('ip', ['netns', 'add', left]);
    await execa('ip', ['netns', 'add', right]);
    await execa('ip', ['-n', left, 'link', 'add', 'v0', 'type', 'veth', 'peer', 'name', 'v1']);
    await execa('ip', ['-n', left, 'address', 'add', '10.99.0.1/24', 'dev', 'v0']);
    const source = `ip link set v1 netns ${right} && ip -n ${right} link set v1 netns ${left}`;
    const cell = (diff: boolean): NotebookCell => ({ kind: 'code', source, language: 'bash', options: { netns: left, diff } });
    await runCell(host, cell(true), {});
    const medians = await measure(
      [
        { name: 'cell with its diff', run: () => runCell(host, cell(true), {}) },
        { name: 'the same cell without', run: () => runCell(host, cell(false), {}) },
      ],
      100,
    );
    report('A cell touching two namespaces, with and without its diff (median of 100)', medians, 'the same cell without', { 'cell with its diff': '<= 1.5x' });
  } finally {
    await host.dispose();
    await removeLab();
  }
}
