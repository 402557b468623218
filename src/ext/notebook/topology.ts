/**
 * A lab notebook's own lab: the topology its front matter names (`topology: ./lab.netns.yaml`, relative to the
 * notebook) is deployed, with progress, before a run that includes the first code cell (Run All); when the deploy
 * fails or is refused, no cell runs and the first one shows why. "Destroy Lab" in the notebook's toolbar removes it.
 */
import { dirname } from 'node:path';
import * as vscode from 'vscode';
import { deployLab } from '../../core/labs/deploy.js';
import { notebookTopologyPath } from '../../core/notebook/notebook-lab.js';
import { readNotebookFile } from '../../core/notebook/notebook-file.js';
import type { NotebookOptions } from '../../core/notebook/model.js';
import { InvalidArgumentError } from '../../core/errors.js';
import { NothingToChoose } from '../ui/prompts.js';
import { notebookRequest } from '../view-model/lab-arguments.js';
import { destroyWithConfirmation, withNotification } from '../labs/lab-commands.js';
import { readTopology } from '../labs/topology-files.js';
import type { Services } from '../services.js';
import { frontMatterTargetId, notebookTarget } from './target-choice.js';
import { NOTEBOOK_TYPE } from '../view-model/notebook-type.js';
import { frontMatterOptions } from './serializer.js';

/** The context key that shows "Destroy Lab" in the toolbar of a notebook that names a topology. */
const HAS_TOPOLOGY_KEY = 'netnsLab.notebookHasTopology';

/**
 * Before cells run: deploys the notebook's lab when the run includes its first code cell. False when the cells must
 * not run (the deploy failed; the first cell then shows the error).
 */
export async function deployNotebookLab(services: Services, controller: vscode.NotebookController, cells: readonly vscode.NotebookCell[]): Promise<boolean> {
  const notebook = cells[0]?.notebook;
  const options = notebook ? frontMatterOptions(notebook) : {};
  if (!notebook || options.topology === undefined || !vscode.workspace.isTrusted) return true;
  const firstCode = notebook.getCells().find((cell) => cell.kind === vscode.NotebookCellKind.Code);
  if (!firstCode || !cells.includes(firstCode)) return true;
  try {
    const targetId = notebookTarget(services, notebook).targetId;
    const file = notebookTopologyPath(options, dirname(notebook.uri.fsPath))!;
    const topology = await readTopology(file);
    await withNotification(`Deploying lab ${topology.lab} for this notebook`, (report) => deployLab(services.host(targetId), topology, { file, onProgress: report }));
    services.notifyChanged({ targetId, recheckLabs: true });
    return true;
  } catch (error) {
    services.log.error("The notebook's lab could not be deployed; no cell ran", error);
    const execution = controller.createNotebookCellExecution(cells[0]!);
    execution.start(Date.now());
    await execution.clearOutput();
    const reason = error instanceof Error ? error.message : String(error);
    await execution.appendOutput(new vscode.NotebookCellOutput([vscode.NotebookCellOutputItem.error(new Error(`The notebook's lab was not deployed, so no cell ran. ${reason}`))]));
    execution.end(false, Date.now());
    void vscode.window.showErrorMessage(`The notebook's lab was not deployed, so no cell ran: ${reason}`);
    return false;
  }
}

/** netnsLab.notebook.destroyLab: the active (or given) notebook's lab, after the user confirms. */
export async function destroyNotebookLabCommand(services: Services, argument: unknown): Promise<unknown> {
  const request = notebookRequest('netnsLab.notebook.destroyLab', argument);
  const path = request.notebook ?? activeNotebookPath();
  const options = await notebookOptionsOf(path);
  if (options.topology === undefined) throw new InvalidArgumentError(`${vscode.workspace.asRelativePath(path)} names no topology in its front matter (topology: ./lab.netns.yaml)`);
  const topology = await readTopology(notebookTopologyPath(options, dirname(path))!);
  // An open notebook may have a target picked in its toolbar; a closed one runs where its front matter says.
  const open = vscode.workspace.notebookDocuments.find((document) => document.uri.fsPath === path);
  const targetId = open ? notebookTarget(services, open).targetId : frontMatterTargetId(services, options.target);
  return destroyWithConfirmation(services, targetId, topology.lab, request.origin === 'ui');
}

/** Keeps the toolbar's context key current with the active notebook. */
export function registerNotebookLab(context: vscode.ExtensionContext): void {
  const update = (): void => {
    const notebook = vscode.window.activeNotebookEditor?.notebook;
    const has = notebook?.notebookType === NOTEBOOK_TYPE && frontMatterOptions(notebook).topology !== undefined;
    void vscode.commands.executeCommand('setContext', HAS_TOPOLOGY_KEY, has);
  };
  context.subscriptions.push(vscode.window.onDidChangeActiveNotebookEditor(update), vscode.workspace.onDidSaveNotebookDocument(update));
  update();
}

/** The options of an open notebook, else of the file on disk. */
async function notebookOptionsOf(path: string): Promise<NotebookOptions> {
  const open = vscode.workspace.notebookDocuments.find((notebook) => notebook.uri.scheme === 'file' && notebook.uri.fsPath === path);
  if (open) return frontMatterOptions(open);
  return (await readNotebookFile(path)).frontMatter?.options ?? {};
}

function activeNotebookPath(): string {
  const notebook = vscode.window.activeNotebookEditor?.notebook;
  if (!notebook || notebook.notebookType !== NOTEBOOK_TYPE || notebook.uri.scheme !== 'file') throw new NothingToChoose('Open a saved lab notebook (*.netns.md) first.');
  return notebook.uri.fsPath;
}
