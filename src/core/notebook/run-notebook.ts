/**
 * Running a whole notebook top to bottom without an editor (the command line's `run`, and CI): code cells in
 * order, stopping at the first failing cell unless told to keep going.
 */
import { NetnsLabError } from '../errors.js';
import type { Host } from '../host/host.js';
import type { NamespaceName } from '../model.js';
import { cellNamespace, checkTargetIsLocal, runCell, type CellRun } from './execute.js';
import type { Notebook, NotebookCell } from './model.js';

export interface NotebookRunOptions {
  keepGoing?: boolean;
  /** The host given is the notebook's own target (or was chosen over it): do not refuse a notebook with a target. */
  onTargetHost?: boolean;
  namespaceOverride?: NamespaceName;
  signal?: AbortSignal;
  onCellStart?: (cell: NotebookCell, position: CellPosition) => void;
  onCellEnd?: (cell: NotebookCell, position: CellPosition, run: CellRun) => void;
  onStdout?: (chunk: string) => void;
  onStderr?: (chunk: string) => void;
}

/** Which code cell (1-based among code cells), of how many, in which namespace. */
export interface CellPosition {
  number: number;
  count: number;
  namespace: NamespaceName;
}

export interface NotebookRunSummary {
  passed: number;
  failed: number;
  /** Cells not run because an earlier one failed. */
  skipped: number;
}

/** Runs the notebook's code cells in order; resolves with counts (a failed cell is counted, not thrown). */
export async function runNotebook(host: Host, notebook: Notebook, options: NotebookRunOptions = {}): Promise<NotebookRunSummary> {
  const notebookOptions = notebook.frontMatter?.options ?? {};
  if (notebookOptions.topology !== undefined) {
    throw new NetnsLabError(`This notebook names a topology (${notebookOptions.topology}); deploying topologies is not supported yet`);
  }
  if (!options.onTargetHost) checkTargetIsLocal(notebookOptions);
  const cells = notebook.cells.filter((cell) => cell.kind === 'code');
  const summary: NotebookRunSummary = { passed: 0, failed: 0, skipped: 0 };
  for (const [index, cell] of cells.entries()) {
    if (summary.failed > 0 && !options.keepGoing) {
      summary.skipped = cells.length - index;
      break;
    }
    const position = { number: index + 1, count: cells.length, namespace: cellNamespace(cell, notebookOptions, options.namespaceOverride) };
    options.onCellStart?.(cell, position);
    const run = await runCell(host, cell, notebookOptions, options);
    options.onCellEnd?.(cell, position, run);
    if (run.exitCode === 0) summary.passed++;
    else summary.failed++;
  }
  return summary;
}
