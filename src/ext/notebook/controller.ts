/**
 * The "Netns Lab" kernel: runs each cell in its namespace on the notebook's host through the core, streams stdout
 * and stderr as separate outputs, adds a table when the cell showed `ip` state, ends with the real exit status,
 * and stops Run All at the first failing cell. Interrupting ends the cell's whole process group. The host is the
 * notebook's target: the one picked in its toolbar this session, else the one its front matter names.
 */
import * as vscode from 'vscode';
import { runCell, type CellRun } from '../../core/notebook/execute.js';
import { IP_TABLE_MIME } from '../../core/notebook/ip-output.js';
import type { NotebookCell } from '../../core/notebook/model.js';
import type { Services } from '../services.js';
import { CELL_LANGUAGE, NOTEBOOK_TYPE, type CellMetadata, frontMatterOptions } from './serializer.js';
import { notebookTarget } from './target-choice.js';
import { deployNotebookLab } from './topology.js';

export class NetnsNotebookController implements vscode.Disposable {
  private readonly controller = vscode.notebooks.createNotebookController('netns-lab-kernel', NOTEBOOK_TYPE, 'Netns Lab');
  private executionOrder = 0;

  constructor(private readonly services: Services) {
    this.controller.supportedLanguages = [CELL_LANGUAGE];
    this.controller.supportsExecutionOrder = true;
    this.controller.description = 'Runs cells in network namespaces';
    this.controller.executeHandler = (cells) => this.executeAll(cells);
  }

  dispose(): void {
    this.controller.dispose();
  }

  /** Runs cells in order and stops at the first one that fails. */
  private async executeAll(cells: vscode.NotebookCell[]): Promise<void> {
    if (!(await deployNotebookLab(this.services, this.controller, cells))) return;
    for (const cell of cells) {
      if (!(await this.execute(cell))) break;
    }
  }

  private async execute(cell: vscode.NotebookCell): Promise<boolean> {
    const execution = this.controller.createNotebookCellExecution(cell);
    execution.executionOrder = ++this.executionOrder;
    execution.start(Date.now());
    await execution.clearOutput();
    if (!vscode.workspace.isTrusted) return this.fail(execution, new Error(UNTRUSTED_MESSAGE));
    let targetId: string;
    try {
      targetId = notebookTarget(this.services, cell.notebook).targetId;
    } catch (error) {
      return this.fail(execution, error);
    }
    const abort = new AbortController();
    const cancellation = execution.token.onCancellationRequested(() => abort.abort());
    try {
      const streams = new OutputStreams(execution);
      const run = await runCell(this.services.host(targetId), coreCell(cell), frontMatterOptions(cell.notebook), {
        signal: abort.signal,
        onStdout: (chunk) => streams.append('stdout', chunk),
        onStderr: (chunk) => streams.append('stderr', chunk),
      });
      await streams.settled();
      if (run.table) await streams.addTable(run);
      execution.end(run.exitCode === 0, Date.now());
      return run.exitCode === 0;
    } catch (error) {
      return this.fail(execution, error);
    } finally {
      cancellation.dispose();
    }
  }

  private fail(execution: vscode.NotebookCellExecution, error: unknown): false {
    void execution.appendOutput(new vscode.NotebookCellOutput([vscode.NotebookCellOutputItem.error(error instanceof Error ? error : new Error(String(error)))]));
    execution.end(false, Date.now());
    return false;
  }
}

const UNTRUSTED_MESSAGE =
  'Cells run shell commands as root, so they do not run in an untrusted workspace. Trust this folder (Manage Workspace Trust in the command palette) to run them.';

/** One output for stdout and one for stderr, each made at its first chunk and appended to after that, in order. */
class OutputStreams {
  private readonly outputs = new Map<'stdout' | 'stderr', vscode.NotebookCellOutput>();
  private queue: Thenable<void> = Promise.resolve();

  constructor(private readonly execution: vscode.NotebookCellExecution) {}

  append(stream: 'stdout' | 'stderr', chunk: string): void {
    const item = stream === 'stdout' ? vscode.NotebookCellOutputItem.stdout(chunk) : vscode.NotebookCellOutputItem.stderr(chunk);
    this.queue = this.queue.then(async () => {
      const output = this.outputs.get(stream);
      if (output) return this.execution.appendOutputItems(item, output);
      const created = new vscode.NotebookCellOutput([item]);
      this.outputs.set(stream, created);
      return this.execution.appendOutput(created);
    });
  }

  settled(): Thenable<void> {
    return this.queue;
  }

  /** The cell's standard output as a table, with the plain text kept beside it as the fallback. */
  async addTable(run: CellRun): Promise<void> {
    const table = run.table!;
    const items = [vscode.NotebookCellOutputItem.json(table, IP_TABLE_MIME[table.kind]), vscode.NotebookCellOutputItem.stdout(run.stdout)];
    const output = this.outputs.get('stdout');
    if (output) await this.execution.replaceOutputItems(items, output);
    else await this.execution.appendOutput(new vscode.NotebookCellOutput(items));
  }
}

function coreCell(cell: vscode.NotebookCell): NotebookCell {
  const metadata = cell.metadata as CellMetadata;
  return { kind: 'code', source: cell.document.getText(), language: metadata.language ?? 'bash', options: metadata.options ?? {} };
}

