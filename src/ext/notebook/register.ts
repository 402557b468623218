/** Registers the lab notebook type (serializer), the kernel that runs its cells, and where they run (picks, status). */
import * as vscode from 'vscode';
import type { Services } from '../services.js';
import { NetnsNotebookController } from './controller.js';
import { NetnsNotebookSerializer, NOTEBOOK_TYPE } from './serializer.js';
import { notebookTargetChoices } from './target-choice.js';
import { registerTargetStatus } from './target-status.js';

export function registerNotebook(context: vscode.ExtensionContext, services: Services): void {
  context.subscriptions.push(
    vscode.workspace.registerNotebookSerializer(NOTEBOOK_TYPE, new NetnsNotebookSerializer(), { transientOutputs: true }),
    new NetnsNotebookController(services),
    notebookTargetChoices(services),
  );
  registerTargetStatus(context, services);
}
