/**
 * The targets picked in the notebook toolbar during this session, by notebook file: kept in memory only, never
 * written into the user's file. Services owns the one set of an activation and hands it to whoever needs it.
 */
import * as vscode from 'vscode';

/** The targets picked in the notebook toolbar, by notebook, for this session. */
export class NotebookTargetChoices implements vscode.Disposable {
  private readonly chosen = new Map<string, string>();
  private readonly changes = new vscode.EventEmitter<vscode.Uri>();
  /** Fired with the notebook whose pick changed. */
  readonly onDidChange = this.changes.event;

  choose(notebook: vscode.Uri, targetId: string): void {
    this.chosen.set(notebook.toString(), targetId);
    this.changes.fire(notebook);
  }

  chosenFor(notebook: vscode.Uri): string | undefined {
    return this.chosen.get(notebook.toString());
  }

  dispose(): void {
    this.changes.dispose();
    this.chosen.clear();
  }
}
