/** Registers the lab notebook type (serializer), the kernel that runs its cells, and where they run (picks, status). */
import * as vscode from 'vscode';
import type { Services } from '../services.js';
import { removeSpooledOutputs } from './cell-output.js';
import { CellWhereStatus } from './cell-status.js';
import { NetnsNotebookController } from './controller.js';
import { NOTEBOOK_TYPE } from '../view-model/notebook-type.js';
import { NetnsNotebookSerializer } from './serializer.js';
import { registerTargetStatus } from './target-status.js';
import { registerNotebookLab } from './topology.js';

export function registerNotebook(context: vscode.ExtensionContext, services: Services): { cellStatus: CellWhereStatus } {
  const cellStatus = new CellWhereStatus(services);
  context.subscriptions.push(
    { dispose: removeSpooledOutputs },
    vscode.workspace.registerNotebookSerializer(NOTEBOOK_TYPE, new NetnsNotebookSerializer(), { transientOutputs: true }),
    new NetnsNotebookController(services, services.notebookBackground),
    cellStatus,
    vscode.notebooks.registerNotebookCellStatusBarItemProvider(NOTEBOOK_TYPE, cellStatus),
  );
  registerTargetStatus(context, services);
  registerNotebookLab(context);
  return { cellStatus };
}
