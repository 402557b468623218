/** Wiring only: builds the services and registers what the extension contributes. */
import * as vscode from 'vscode';
import { registerCapturePanels, type CapturePanels } from './ext/capture/start-capture.js';
import { registerCommands } from './ext/commands/index.js';
import { registerLabChecks } from './ext/labs/lab-checks.js';
import { registerPlanDocuments } from './ext/labs/plan-document.js';
import { registerTopologyEditing } from './ext/labs/topology-editing.js';
import type { CellWhereStatus } from './ext/notebook/cell-status.js';
import { registerNotebook } from './ext/notebook/register.js';
import { Services } from './ext/services.js';
import { registerTopologyPanels, topologyPanels } from './ext/topology/show-topology.js';
import type { TopologyPanel } from './ext/topology/topology-panel.js';
import { registerNamespaceTree, type NamespaceTree } from './ext/tree/register.js';

/** What `activate` returns: for other extensions and the editor tests. */
export interface NetnsLabApi {
  services: Services;
  tree: NamespaceTree;
  /** What each notebook cell's status bar says about where it runs. */
  cellStatus: CellWhereStatus;
  /** The open capture panels. */
  capturePanels: CapturePanels;
  /** The open Topology panels, however they were opened. */
  topologyPanels: () => TopologyPanel[];
  /** Milliseconds from this module's loading to the end of `activate`. */
  activationMs: number;
}

const loaded = performance.now();
let active: Services | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<NetnsLabApi> {
  try {
    const services = new Services();
    active = services;
    context.subscriptions.push(services);
    registerCommands(context, services);
    const capturePanels = registerCapturePanels(context);
    const tree = registerNamespaceTree(context, services);
    registerTopologyPanels(context, tree, services.log);
    const { cellStatus } = registerNotebook(context, services);
    registerTopologyEditing(context);
    registerLabChecks(context);
    registerPlanDocuments(context, services);
    const activationMs = performance.now() - loaded;
    services.log.info(`Netns Lab ${String(context.extension.packageJSON.version)} activated in ${activationMs.toFixed(1)} ms`);
    return { services, tree, cellStatus, capturePanels, topologyPanels, activationMs };
  } catch (error) {
    void vscode.window.showErrorMessage(`Netns Lab could not start: ${error instanceof Error ? error.message : String(error)}`);
    throw error;
  }
}

/** Ends what cells left in the background and everything the hosts started, before the extension host goes. */
export async function deactivate(): Promise<void> {
  await active?.close();
  active = undefined;
}
