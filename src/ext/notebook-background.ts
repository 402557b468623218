/**
 * What a lab notebook's cells left running in the background (a server started with `&`): followed per
 * notebook, counted in a status bar item whose click stops them all, and stopped with their whole process
 * groups when the notebook is closed or the extension stops. What they print later goes to the log.
 */
import * as vscode from 'vscode';
import { BackgroundProcesses } from '../core/host/background.js';
import type { Log } from './log.js';
import { NOTEBOOK_TYPE } from './view-model/notebook-type.js';

/** The command behind the status bar item (src/ext/commands/index.ts). */
export const STOP_BACKGROUND_COMMAND = 'netnsLab.notebook.stopBackground';

/** How often the count is checked again while something runs (a daemon may end by itself without a word). */
const RECHECK_MS = 5000;

export class NotebookBackground implements vscode.Disposable {
  private readonly byNotebook = new Map<vscode.NotebookDocument, BackgroundProcesses>();
  private readonly item = vscode.window.createStatusBarItem('netnsLab.notebookBackground', vscode.StatusBarAlignment.Right, 99);
  private readonly disposables: vscode.Disposable[] = [this.item];
  private readonly timer: NodeJS.Timeout;

  constructor(private readonly log: Log) {
    this.item.name = 'Netns Lab Background Processes';
    this.item.command = STOP_BACKGROUND_COMMAND;
    this.disposables.push(
      vscode.window.onDidChangeActiveNotebookEditor(() => this.update()),
      vscode.workspace.onDidCloseNotebookDocument((notebook) => void this.stop(notebook, { closing: true })),
    );
    this.timer = setInterval(() => void this.recheck(), RECHECK_MS);
  }

  /** The processes of `notebook`'s cells. */
  of(notebook: vscode.NotebookDocument): BackgroundProcesses {
    let background = this.byNotebook.get(notebook);
    if (!background) {
      background = new BackgroundProcesses();
      background.onDidChange(() => this.update());
      this.byNotebook.set(notebook, background);
    }
    return background;
  }

  /**
   * Stops what the notebook's cells left running (and, when it closes, a cell still running); resolves with how
   * many cells had left something.
   */
  async stop(notebook: vscode.NotebookDocument, options: { closing?: boolean } = {}): Promise<number> {
    const background = this.byNotebook.get(notebook);
    if (!background) return 0;
    if (options.closing) this.byNotebook.delete(notebook);
    const count = background.count;
    await background.stopAll({ running: options.closing });
    if (count > 0) this.log.info(`Stopped what ${count} cell(s) of ${notebook.uri.fsPath} left running in the background`);
    this.update();
    return count;
  }

  /** Stops everything every notebook left running (before the hosts close). */
  async stopEverything(): Promise<void> {
    await Promise.all([...this.byNotebook.keys()].map((notebook) => this.stop(notebook, { closing: true })));
  }

  dispose(): void {
    clearInterval(this.timer);
    for (const disposable of this.disposables) disposable.dispose();
  }

  private async recheck(): Promise<void> {
    await Promise.all([...this.byNotebook.values()].filter((background) => background.count > 0).map((background) => background.refresh()));
  }

  private update(): void {
    const notebook = vscode.window.activeNotebookEditor?.notebook;
    const count = notebook && notebook.notebookType === NOTEBOOK_TYPE ? (this.byNotebook.get(notebook)?.count ?? 0) : 0;
    if (count === 0) return this.item.hide();
    this.item.text = `$(debug-stop) ${count} cell${count === 1 ? '' : 's'} running in the background`;
    this.item.tooltip = 'Processes that cells of this notebook started in the background still run. Click to stop them all (with their process groups).';
    this.item.show();
  }
}

/** The command: stops what the active notebook's cells left running, and says how much that was. */
export async function stopNotebookBackgroundCommand(services: { notebookBackground: NotebookBackground }): Promise<number> {
  const notebook = vscode.window.activeNotebookEditor?.notebook;
  const stopped = notebook ? await services.notebookBackground.stop(notebook) : 0;
  vscode.window.setStatusBarMessage(stopped > 0 ? `Stopped what ${stopped} cell(s) left running in the background` : 'Nothing of this notebook runs in the background', 3000);
  return stopped;
}
