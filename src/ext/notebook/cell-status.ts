/**
 * Each code cell says, in its status bar, where it runs: its namespace and its target, so `ip address` in a cell
 * pinned to `red` is not mistaken for the root namespace. A cell that cannot run (a fence never closed) says so.
 */
import * as vscode from 'vscode';
import { cellNamespace } from '../../core/notebook/execute.js';
import { LOCAL_TARGET } from '../../core/host/ssh-target.js';
import type { Services } from '../services.js';
import { frontMatterOptions, type CellMetadata } from './serializer.js';
import { notebookTarget } from './target-choice.js';

export class CellWhereStatus implements vscode.NotebookCellStatusBarItemProvider, vscode.Disposable {
  private readonly changes = new vscode.EventEmitter<void>();
  readonly onDidChangeCellStatusBarItems = this.changes.event;
  private readonly disposables: vscode.Disposable[] = [this.changes];

  constructor(private readonly services: Services) {
    const changed = (): void => this.changes.fire();
    // Outputs change many times a second while a cell runs: only the front matter and the cells' options matter here.
    const optionsChanged = (event: vscode.NotebookDocumentChangeEvent): void => {
      if (event.metadata !== undefined || event.cellChanges.some((change) => change.metadata !== undefined)) changed();
    };
    this.disposables.push(services.onDidChangeSettings(changed), services.notebookTargets.onDidChange(changed), vscode.workspace.onDidChangeNotebookDocument(optionsChanged));
  }

  provideCellStatusBarItems(cell: vscode.NotebookCell): vscode.NotebookCellStatusBarItem[] {
    if (cell.kind !== vscode.NotebookCellKind.Code) return [];
    const metadata = cell.metadata as CellMetadata;
    if (metadata.problem) return [warning('$(warning) Cannot run: its fence is never closed', metadata.problem)];
    const namespace = cellNamespace({ options: metadata.options ?? {} }, frontMatterOptions(cell.notebook));
    const where = namespace === null ? 'root namespace' : `netns ${namespace}`;
    let target: string;
    try {
      const { targetId } = notebookTarget(this.services, cell.notebook);
      target = targetId === LOCAL_TARGET ? 'this machine' : targetId;
    } catch (error) {
      return [warning(`$(warning) ${where} on an unknown target`, error instanceof Error ? error.message : String(error))];
    }
    const item = new vscode.NotebookCellStatusBarItem(`$(symbol-namespace) ${where} · ${target}`, vscode.NotebookCellStatusBarAlignment.Left);
    item.tooltip = `This cell runs as root in ${namespace === null ? 'the root namespace' : `namespace ${namespace}`} on ${target}`;
    return [item];
  }

  dispose(): void {
    for (const disposable of this.disposables) disposable.dispose();
  }
}

function warning(text: string, tooltip: string): vscode.NotebookCellStatusBarItem {
  const item = new vscode.NotebookCellStatusBarItem(text, vscode.NotebookCellStatusBarAlignment.Left);
  item.tooltip = tooltip;
  return item;
}
