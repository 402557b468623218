/** A status bar item that says where the cells of the active lab notebook run. */
import * as vscode from 'vscode';
import type { Services } from '../services.js';
import { LOCAL_TARGET_ID } from '../targets.js';
import { notebookTargetId } from './controller.js';
import { NOTEBOOK_TYPE, type NotebookMetadata } from './serializer.js';

export function registerTargetStatus(context: vscode.ExtensionContext, services: Services): void {
  const item = vscode.window.createStatusBarItem('netnsLab.notebookTarget', vscode.StatusBarAlignment.Right, 100);
  item.name = 'Netns Lab Notebook Target';
  const update = (): void => {
    const notebook = vscode.window.activeNotebookEditor?.notebook;
    if (!notebook || notebook.notebookType !== NOTEBOOK_TYPE) return item.hide();
    const target = (notebook.metadata as NotebookMetadata).frontMatter?.options.target;
    try {
      const targetId = notebookTargetId(services, { target });
      item.text = targetId === LOCAL_TARGET_ID ? '$(vm) Cells run on this machine' : `$(remote) Cells run on ${targetId}`;
      item.tooltip = 'Where this lab notebook runs its cells (the "target" of its front matter)';
      item.backgroundColor = undefined;
    } catch (error) {
      item.text = `$(warning) Cells cannot run: unknown target ${target ?? ''}`;
      item.tooltip = error instanceof Error ? error.message : String(error);
      item.backgroundColor = new vscode.ThemeColor('statusBarItem.warningBackground');
    }
    item.show();
  };
  context.subscriptions.push(item, vscode.window.onDidChangeActiveNotebookEditor(update), services.onDidChangeSettings(update));
  update();
}
