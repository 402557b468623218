/**
 * Opening the tutorials that ship with the extension, and only those: a user's own notebooks are opened like any
 * other file. A tutorial is opened as a copy (in the workspace folder, or a temporary folder without one), with its
 * topology file beside it, so that working through it never changes the extension's files.
 */
import { constants } from 'node:fs';
import { copyFile, mkdir, readFile, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { pickLabel } from '../view-model/input-rules.js';
import { pickOne, type Choice } from '../ui/prompts.js';
import { tutorialCopyFiles, tutorialNotebooks, tutorialTitle } from '../view-model/tutorial-files.js';

const EXTENSION_ID = 'netns-lab.netns-lab';
const COPY_FOLDER = 'netns-lab-tutorials';

/** netnsLab.openTutorial: picks one of the extension's tutorials and opens a copy of it. */
export async function openTutorialCommand(): Promise<void> {
  const folder = tutorialsFolder();
  const fileNames = folder === undefined ? [] : await readdir(folder).catch(() => [] as string[]);
  const choices = await tutorialChoices(folder ?? '', tutorialNotebooks(fileNames));
  if (choices.length === 0) {
    void vscode.window.showInformationMessage('No tutorials were found in the Netns Lab extension.');
    return;
  }
  const notebook = await pickOne(choices, { title: 'Open a Tutorial Notebook', placeholder: 'The tutorial to open (a copy of it)', emptyMessage: '' });
  await vscode.commands.executeCommand('vscode.open', await copyForUse(folder!, tutorialCopyFiles(notebook, fileNames)));
}

function tutorialsFolder(): string | undefined {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  return extension && join(extension.extensionUri.fsPath, 'notebooks');
}

/** One item per tutorial: its title, and its file name as the description. */
async function tutorialChoices(folder: string, notebooks: readonly string[]): Promise<Array<Choice<string>>> {
  return Promise.all(
    notebooks.map(async (name) => {
      const text = await readFile(join(folder, name), 'utf8').catch(() => '');
      return { label: pickLabel(tutorialTitle(name, text)), description: name, value: name };
    }),
  );
}

/** Copies a tutorial's files next to the user's work, keeping copies already there (they may hold their edits). */
async function copyForUse(source: string, files: readonly string[]): Promise<vscode.Uri> {
  const base = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath ?? tmpdir();
  const folder = join(base, COPY_FOLDER);
  await mkdir(folder, { recursive: true });
  // COPYFILE_EXCL: a copy that is already there is the user's, and stays as it is.
  for (const file of files) await copyFile(join(source, file), join(folder, file), constants.COPYFILE_EXCL).catch(() => undefined);
  return vscode.Uri.file(join(folder, files[0]!));
}
