/**
 * Running a whole notebook top to bottom without an editor (the command line's `run`, and CI): its lab first when
 * the front matter names a topology, then the code cells in order, stopping at the first failing cell unless told
 * to keep going; and, when asked, the lab destroyed at the end whatever the cells did: always, or only when this
 * run made it (so a headless run leaves the host as it found it, and a lab that was there before stays).
 */
import type { Writable } from 'node:stream';
import { BackgroundProcesses } from '../host/background.js';
import type { Host } from '../host/host.js';
import { deployLab, type DeployResult } from '../labs/deploy.js';
import { destroyLab, type DestroyPlan } from '../labs/destroy.js';
import type { NamespaceName } from '../model.js';
import { loadTopologyFile } from '../topology/load.js';
import type { Topology } from '../topology/model.js';
import { cellNamespace, checkTargetIsLocal, runCell, type CellRun } from './execute.js';
import type { Notebook, NotebookCell, NotebookOptions } from './model.js';
import { notebookTopologyPath } from './notebook-lab.js';

export interface NotebookRunOptions {
  keepGoing?: boolean;
  /** The host given is the notebook's own target (or was chosen over it): do not refuse a notebook with a target. */
  onTargetHost?: boolean;
  namespaceOverride?: NamespaceName;
  /** Check cells: how long a check without its own timeout retries, in milliseconds. */
  checkTimeoutMs?: number;
  /** Cells show what they changed unless their `diff=false` says not to (`diff=true` turns it on either way). */
  diff?: boolean;
  /** The notebook file's folder, which a front matter `topology:` path is relative to. */
  notebookDirectory?: string;
  /** Destroy the notebook's lab after the cells, whether they passed or failed. */
  destroyLabAfter?: boolean;
  /** Destroy the notebook's lab after the cells (passed or failed) when this run deployed it: it was not there before. */
  destroyLabIfMade?: boolean;
  /** The lab was deployed (or already was as its file says) from the topology file at `path`. */
  onLabDeployed?: (result: DeployResult, path: string) => void;
  onLabDestroyed?: (plan: DestroyPlan) => void;
  onLabProgress?: (message: string) => void;
  signal?: AbortSignal;
  onCellStart?: (cell: NotebookCell, position: CellPosition) => void;
  onCellEnd?: (cell: NotebookCell, position: CellPosition, run: CellRun) => void;
  /** Where the cells' standard output goes, as bytes (never ended). */
  stdout?: Writable;
  /** Where the cells' standard error goes, as bytes (never ended). */
  stderr?: Writable;
  /** Output of processes a cell left in the background, arriving after that cell ended. */
  onLateOutput?: (cell: CellPosition, stream: 'stdout' | 'stderr', bytes: Buffer) => void;
  /** Leave the processes that cells started in the background running when the notebook is done. */
  keepBackground?: boolean;
  /** Called when background processes were ended at the end, with how many cells had left some. */
  onBackgroundStopped?: (cells: number) => void;
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
  /** The notebook's lab, when its front matter names a topology. */
  lab?: string;
}

/**
 * Runs the notebook's code cells in order; resolves with counts (a failed cell is counted, not thrown). A topology
 * the front matter names is checked whole and deployed before the first cell; an invalid file or a refused deploy
 * throws before any cell runs.
 */
export async function runNotebook(host: Host, notebook: Notebook, options: NotebookRunOptions = {}): Promise<NotebookRunSummary> {
  const notebookOptions = notebook.frontMatter?.options ?? {};
  if (!options.onTargetHost) checkTargetIsLocal(notebookOptions);
  const topologyPath = notebookTopologyPath(notebookOptions, options.notebookDirectory);
  if (topologyPath === undefined) return runCells(host, notebook.cells, notebookOptions, options);
  const topology = await loadTopologyFile(topologyPath);
  let madeLab = false;
  try {
    const deployed = await deployLab(host, topology, { file: topologyPath, onProgress: options.onLabProgress });
    madeLab = deployed.madeLab;
    options.onLabDeployed?.(deployed, topologyPath);
    return { ...(await runCells(host, notebook.cells, notebookOptions, options)), lab: topology.lab };
  } finally {
    // A deploy that failed made nothing (it undoes its own steps), so only destroyLabAfter acts then.
    if (options.destroyLabAfter || (madeLab && options.destroyLabIfMade)) await destroyAfter(host, topology, options);
  }
}

async function destroyAfter(host: Host, topology: Topology, options: NotebookRunOptions): Promise<void> {
  // Destroyed first, reported after: inside `onLabDestroyed?.(…)` the destroy would not run at all without a listener.
  const plan = await destroyLab(host, topology.lab, { onProgress: options.onLabProgress });
  options.onLabDestroyed?.(plan);
}

/**
 * Runs the cells, then ends what they left running in the background (unless asked to keep it), also when the
 * run was interrupted.
 */
async function runCells(host: Host, allCells: readonly NotebookCell[], notebookOptions: NotebookOptions, options: NotebookRunOptions): Promise<NotebookRunSummary> {
  const background = new BackgroundProcesses();
  try {
    return await runCellsInOrder(host, allCells, notebookOptions, options, background);
  } finally {
    if (options.keepBackground) background.abandon();
    else await stopBackground(background, options);
  }
}

async function stopBackground(background: BackgroundProcesses, options: NotebookRunOptions): Promise<void> {
  await background.refresh();
  const cells = background.count;
  await background.stopAll({ running: true });
  if (cells > 0) options.onBackgroundStopped?.(cells);
}

async function runCellsInOrder(
  host: Host,
  allCells: readonly NotebookCell[],
  notebookOptions: NotebookOptions,
  options: NotebookRunOptions,
  background: BackgroundProcesses,
): Promise<NotebookRunSummary> {
  const cells = allCells.filter((cell) => cell.kind === 'code');
  const summary: NotebookRunSummary = { passed: 0, failed: 0, skipped: 0 };
  for (const [index, cell] of cells.entries()) {
    if (summary.failed > 0 && !options.keepGoing) {
      summary.skipped = cells.length - index;
      break;
    }
    const position = { number: index + 1, count: cells.length, namespace: cellNamespace(cell, notebookOptions, options.namespaceOverride) };
    options.onCellStart?.(cell, position);
    const run = await runCell(host, cell, notebookOptions, {
      signal: options.signal,
      stdout: options.stdout,
      stderr: options.stderr,
      namespaceOverride: options.namespaceOverride,
      checkTimeoutMs: options.checkTimeoutMs,
      diff: options.diff,
      notebookDirectory: options.notebookDirectory,
      background,
      onLateOutput: (stream, bytes) => options.onLateOutput?.(position, stream, bytes),
    });
    options.onCellEnd?.(cell, position, run);
    if (run.exitCode === 0) summary.passed++;
    else summary.failed++;
  }
  return summary;
}
