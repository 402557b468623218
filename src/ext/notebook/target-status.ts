/**
 * A status bar item that says where the cells of the active lab notebook run; clicking it opens the target picker
 * (the same as "Select Target" in the notebook toolbar).
 */
import * as vscode from 'vscode';
import { LOCAL_TARGET } from '../../core/host/ssh-target.js';
import type { Services } from '../services.js';
import { NOTEBOOK_TYPE } from '../view-model/notebook-type.js';
import { frontMatterTarget, notebookTarget } from './target-choice.js';

/** The command that picks the active notebook's target (src/ext/notebook/notebook-target.ts). */
export const SELECT_NOTEBOOK_TARGET_COMMAND = 'netnsLab.notebook.selectTarget';

export function registerTargetStatus(context: vscode.ExtensionContext, services: Services): void {
  const item = vscode.window.createStatusBarItem('netnsLab.notebookTarget', vscode.StatusBarAlignment.Right, 100);
  item.name = 'Netns Lab Notebook Target';
  item.command = SELECT_NOTEBOOK_TARGET_COMMAND;
  const update = (): void => {
    const notebook = vscode.window.activeNotebookEditor?.notebook;
    if (!notebook || notebook.notebookType !== NOTEBOOK_TYPE) return item.hide();
    showTarget(item, services, notebook);
    item.show();
  };
  context.subscriptions.push(item, vscode.window.onDidChangeActiveNotebookEditor(update), services.onDidChangeSettings(update), services.notebookTargets.onDidChange(update));
  update();
}

function showTarget(item: vscode.StatusBarItem, services: Services, notebook: vscode.NotebookDocument): void {
  try {
    const { targetId, source } = notebookTarget(services, notebook);
    item.text = targetId === LOCAL_TARGET ? '$(vm) Cells run on this machine' : `$(remote) Cells run on ${targetId}`;
    item.tooltip =
      source === 'picked'
        ? `Picked for this notebook in this session (its front matter says ${frontMatterTarget(notebook) ?? 'nothing'}); click to pick another target`
        : 'Where this lab notebook runs its cells (the "target" of its front matter); click to pick another target for this session';
    item.backgroundColor = undefined;
  } catch (error) {
    item.text = `$(warning) Cells cannot run: unknown target ${frontMatterTarget(notebook) ?? ''}`;
    item.tooltip = `${error instanceof Error ? error.message : String(error)} Click to pick a target.`;
    item.backgroundColor = new vscode.ThemeColor('statusBarItem.warningBackground');
  }
}
