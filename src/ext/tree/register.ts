/**
 * Creates the Namespaces view and gives its provider and view to the extension's context; showing the view ticks the
 * walkthrough's first step.
 */
import * as vscode from 'vscode';
import type { Services } from '../services.js';
import type { TreeNode } from '../view-model/tree-nodes.js';
import { NamespaceTreeProvider } from './provider.js';
import { registerWalkthroughProgress } from './walkthrough.js';

export const NAMESPACES_VIEW_ID = 'netnsLab.namespaces';

export interface NamespaceTree {
  provider: NamespaceTreeProvider;
  view: vscode.TreeView<TreeNode>;
}

export function registerNamespaceTree(context: vscode.ExtensionContext, services: Services): NamespaceTree {
  const provider = new NamespaceTreeProvider(services);
  const view = vscode.window.createTreeView(NAMESPACES_VIEW_ID, { treeDataProvider: provider, showCollapseAll: true });
  context.subscriptions.push(provider, view);
  // Commands run from the palette offer the selected node's target first.
  services.selectedTargetId = () => view.selection[0]?.targetId;
  registerWalkthroughProgress(context, view);
  return { provider, view };
}
