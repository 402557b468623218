/** Wiring only: builds the services and registers what the extension contributes. */
import * as vscode from 'vscode';
import { registerCommands } from './ext/commands/index.js';
import { registerPlanDocuments } from './ext/labs/plan-document.js';
import { registerTopologyEditing } from './ext/labs/topology-editing.js';
import { registerNotebook } from './ext/notebook/register.js';
import { Services } from './ext/services.js';
import { registerNamespaceTree, type NamespaceTree } from './ext/tree/register.js';

/** What `activate` returns: for other extensions and the editor tests. */
export interface NetnsLabApi {
  services: Services;
  tree: NamespaceTree;
  /** Milliseconds from this module's loading to the end of `activate`. */
  activationMs: number;
}

const loaded = performance.now();

export async function activate(context: vscode.ExtensionContext): Promise<NetnsLabApi> {
  try {
    const services = new Services();
    context.subscriptions.push(services);
    registerCommands(context, services);
    const tree = registerNamespaceTree(context, services);
    registerNotebook(context, services);
    registerTopologyEditing(context);
    registerPlanDocuments(context);
    const activationMs = performance.now() - loaded;
    services.log.info(`Netns Lab ${String(context.extension.packageJSON.version)} activated in ${activationMs.toFixed(1)} ms`);
    return { services, tree, activationMs };
  } catch (error) {
    void vscode.window.showErrorMessage(`Netns Lab could not start: ${error instanceof Error ? error.message : String(error)}`);
    throw error;
  }
}

export function deactivate(): void {}
