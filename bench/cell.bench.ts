/**
 * Overhead of running a notebook cell: a trivial cell through runCell (framed shell, namespace choice, table
 * detection) against the same command started directly from Node. Target: at most 1.3x.
 */
import { execa } from 'execa';
import { LocalHost, runCell, type NotebookCell } from '../src/core/index.js';
import { measure, report } from './support.js';

export async function benchmarkCell(): Promise<void> {
  const host = new LocalHost();
  const cell: NotebookCell = { kind: 'code', source: 'true', language: 'bash', options: {} };
  try {
    await runCell(host, cell, {});
    const medians = await measure(
      [
        { name: 'netns-lab runCell', run: () => runCell(host, cell, {}) },
        { name: 'bash -c true started from Node', run: () => execa('bash', ['-c', 'true']) },
      ],
      200,
    );
    report('A trivial cell (median of 200)', medians, 'bash -c true started from Node', { 'netns-lab runCell': '<= 1.3x' });
  } finally {
    await host.dispose();
  }
}
