/**
 * The "Netns Lab" kernel: runs each cell in its namespace on the notebook's host through the core, streams stdout
 * and stderr as separate outputs, adds a table when the cell showed `ip` state or ran checks, ends with the real exit status,
 * and stops Run All at the first failing cell. Interrupting ends the cell's whole process group. The host is the
 * notebook's target: the one picked in its toolbar this session, else the one its front matter names.
 */
import { dirname } from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import * as vscode from 'vscode';
import { CancelledError } from '../../core/errors.js';
import { runCell } from '../../core/notebook/execute.js';
import type { NotebookCell } from '../../core/notebook/model.js';
import type { Services } from '../services.js';
import type { NotebookBackground } from '../notebook-background.js';
import { CellOutputs } from './cell-output.js';
import { CELL_LANGUAGE, CHECK_CELL_LANGUAGE, fenceLanguageOf, NOTEBOOK_TYPE } from '../view-model/notebook-type.js';
import { type CellMetadata, frontMatterOptions } from './serializer.js';
import { notebookTarget } from './target-choice.js';
import { deployNotebookLab } from './topology.js';

export class NetnsNotebookController implements vscode.Disposable {
  private readonly controller = vscode.notebooks.createNotebookController('netns-lab-kernel', NOTEBOOK_TYPE, 'Netns Lab');
  private executionOrder = 0;

  constructor(
    private readonly services: Services,
    private readonly background: NotebookBackground,
  ) {
    this.controller.supportedLanguages = [CELL_LANGUAGE, CHECK_CELL_LANGUAGE];
    this.controller.supportsExecutionOrder = true;
    this.controller.description = 'Runs cells in network namespaces';
    this.controller.executeHandler = (cells) => this.executeAll(cells);
  }

  dispose(): void {
    this.controller.dispose();
  }

  /** Runs cells in order and stops at the first one that fails. */
  private async executeAll(cells: vscode.NotebookCell[]): Promise<void> {
    // The user ran cells: where root was refused, the first that needs it may ask again (once for the whole run).
    this.services.allowPasswordPrompt();
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
    if (!vscode.workspace.isTrusted) return this.fail(execution, UNTRUSTED_MESSAGE);
    let targetId: string;
    try {
      targetId = notebookTarget(this.services, cell.notebook).targetId;
    } catch (error) {
      return this.fail(execution, messageOf(error));
    }
    const abort = new AbortController();
    const cancellation = execution.token.onCancellationRequested(() => abort.abort());
    const label = `cell ${cell.index + 1}`;
    const outputs = new CellOutputs(execution, `cell-${cell.index + 1}`, `${cell.notebook.uri.toString()}#${cell.document.uri.fragment}`);
    try {
      const run = await runCell(this.services.host(targetId), coreCell(cell), frontMatterOptions(cell.notebook), {
        signal: abort.signal,
        stdout: outputs.stdout,
        stderr: outputs.stderr,
        background: this.background.of(cell.notebook),
        diff: this.services.config.settings.notebookShowDiff,
        notebookDirectory: cell.notebook.uri.scheme === 'file' ? dirname(cell.notebook.uri.fsPath) : undefined,
        onLateOutput: lateOutputToLog(this.services, `${label} of ${cell.notebook.uri.fsPath}`),
      });
      await outputs.finish();
      if (run.table) await outputs.addTable(run);
      if (run.checks) await outputs.addChecks(run);
      if (run.diff) await outputs.addDiff(run);
      if (run.packets) await outputs.addPackets(run);
      if (run.picture) await outputs.addPicture(run);
      if (run.exitCode !== 0) return this.fail(execution, run.failure ?? `Exit status ${run.exitCode}`, 'Failed');
      execution.end(true, Date.now());
      return true;
    } catch (error) {
      await outputs.finish().then(undefined, () => undefined);
      if (error instanceof CancelledError) return this.fail(execution, 'The cell and everything it started were stopped.', 'Interrupted');
      this.services.log.error(`Running ${label} of ${cell.notebook.uri.fsPath} failed`, error);
      return this.fail(execution, `${messageOf(error)} (details in the Netns Lab log)`);
    } finally {
      cancellation.dispose();
    }
  }

  /** Ends the cell as failed with one line of explanation: no stack trace. */
  private fail(execution: vscode.NotebookCellExecution, message: string, name = 'Error'): false {
    void execution.appendOutput(new vscode.NotebookCellOutput([vscode.NotebookCellOutputItem.error({ name, message, stack: '' })]));
    execution.end(false, Date.now());
    return false;
  }
}

const UNTRUSTED_MESSAGE = 'Cells run shell commands as root, so they do not run in an untrusted workspace. Trust this folder (Manage Workspace Trust in the command palette) to run them.';

/**
 * What a cell's background processes print after it ended goes to the log, decoded per stream as it comes, so a
 * character split between two reads stays whole.
 */
function lateOutputToLog(services: Services, where: string): (stream: 'stdout' | 'stderr', bytes: Buffer) => void {
  const decoders = { stdout: new StringDecoder('utf8'), stderr: new StringDecoder('utf8') };
  return (stream, bytes) => {
    const text = decoders[stream].write(bytes).trimEnd();
    if (text) services.log.info(`[${where}, background ${stream}] ${text}`);
  };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function coreCell(cell: vscode.NotebookCell): NotebookCell {
  const metadata = cell.metadata as CellMetadata;
  const language = fenceLanguageOf(cell.document.languageId, metadata.language) ?? 'bash';
  const core: NotebookCell = { kind: 'code', source: cell.document.getText(), language, options: metadata.options ?? {} };
  // A fence never closed in the file: the kernel refuses the cell with the reason.
  if (metadata.problem) core.problem = metadata.problem;
  return core;
}
