/** Opening the workspace's lab notebooks. */
import * as vscode from 'vscode';
import { pickLabel } from './input-rules.js';
import { pickOne, type Choice } from './prompts.js';

/** netnsLab.openTutorial: picks one of the workspace's `*.netns.md` files and opens it. */
export async function openTutorialCommand(): Promise<void> {
  const files = await vscode.workspace.findFiles('**/*.netns.md', '**/node_modules/**');
  if (files.length === 0) {
    void vscode.window.showInformationMessage('There are no lab notebooks (*.netns.md files) in this workspace.');
    return;
  }
  const choices = files
    .map((uri): Choice<vscode.Uri> => ({ label: pickLabel(vscode.workspace.asRelativePath(uri)), value: uri }))
    .sort((first, second) => first.label.localeCompare(second.label));
  const uri = await pickOne(choices, { title: 'Open a Tutorial Notebook', placeholder: 'The lab notebook to open', emptyMessage: '' });
  await vscode.commands.executeCommand('vscode.open', uri);
}
