/**
 * Opening lab notebooks: the workspace's own `*.netns.md` files, and the tutorials that ship with the extension.
 * A tutorial is opened as a copy (in the workspace folder, or a temporary folder without one), so that working
 * through it never changes the extension's files.
 */
import { constants } from 'node:fs';
import { copyFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { pickLabel } from './input-rules.js';
import { pickOne, type Choice } from './prompts.js';

const EXTENSION_ID = 'netns-lab.netns-lab';
const COPY_FOLDER = 'netns-lab-tutorials';

interface NotebookChoice {
  uri: vscode.Uri;
  bundled: boolean;
}

/** netnsLab.openTutorial: picks a tutorial or one of the workspace's lab notebooks and opens it. */
export async function openTutorialCommand(): Promise<void> {
  const choices = [...(await bundledTutorials()), ...(await workspaceNotebooks())];
  if (choices.length === 0) {
    void vscode.window.showInformationMessage('There are no lab notebooks (*.netns.md files) in this workspace, and no tutorials were found.');
    return;
  }
  const choice = await pickOne(choices, { title: 'Open a Tutorial Notebook', placeholder: 'The lab notebook to open', emptyMessage: '' });
  const uri = choice.bundled ? await copyForUse(choice.uri) : choice.uri;
  await vscode.commands.executeCommand('vscode.open', uri);
}

async function bundledTutorials(): Promise<Array<Choice<NotebookChoice>>> {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  if (!extension) return [];
  const folder = vscode.Uri.joinPath(extension.extensionUri, 'notebooks');
  const entries = await Promise.resolve(vscode.workspace.fs.readDirectory(folder)).catch(() => [] as Array<[string, vscode.FileType]>);
  return entries
    .filter(([name]) => name.endsWith('.netns.md'))
    .sort(([first], [second]) => first.localeCompare(second))
    .map(([name]) => ({ label: pickLabel(`Tutorial: ${name.replace(/\.netns\.md$/u, '')}`), value: { uri: vscode.Uri.joinPath(folder, name), bundled: true } }));
}

async function workspaceNotebooks(): Promise<Array<Choice<NotebookChoice>>> {
  const files = await vscode.workspace.findFiles('**/*.netns.md', '**/node_modules/**');
  return files
    .map((uri) => ({ label: pickLabel(vscode.workspace.asRelativePath(uri)), value: { uri, bundled: false } }))
    .sort((first, second) => first.label.localeCompare(second.label));
}

/** Copies a bundled tutorial next to the user's work, keeping an existing copy (it may hold their edits). */
async function copyForUse(source: vscode.Uri): Promise<vscode.Uri> {
  const base = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath ?? tmpdir();
  const folder = join(base, COPY_FOLDER);
  await mkdir(folder, { recursive: true });
  const target = join(folder, source.path.slice(source.path.lastIndexOf('/') + 1));
  // COPYFILE_EXCL: a copy that is already there is the user's, and stays as it is.
  await copyFile(source.fsPath, target, constants.COPYFILE_EXCL).catch(() => undefined);
  return vscode.Uri.file(target);
}
