/**
 * netnsLab.topology.show: opens the picture the argument asks for, or brings forward the panel that shows it
 * already. The panels follow the Namespaces view's selection and reveal their own selection in it.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import * as vscode from 'vscode';
import type { NamespaceName } from '../../core/model.js';
import { interfaceId, namespaceId } from '../../core/graph/model.js';
import { GraphReader, type GraphSubject } from '../../core/graph/read.js';
import { readTopology } from '../labs/topology-files.js';
import type { Log } from '../log.js';
import type { Services } from '../services.js';
import { findTreeNode } from '../tree/find-node.js';
import type { NamespaceTree } from '../tree/register.js';
import { subjectKey, topologyRequest, type TopologySubject } from '../view-model/topology-arguments.js';
import type { TopologyNodeData } from '../view-model/topology-elements.js';
import type { TreeNode } from '../view-model/tree-nodes.js';
import { connectNamespaces } from './connect.js';
import { PositionsStore } from './positions-store.js';
import { topologySubject } from './subject.js';
import { TopologyPanel } from './topology-panel.js';

interface Registration {
  tree: NamespaceTree;
  log: Log;
  extensionUri: vscode.Uri;
  storageFolder: string;
}

/** The open panels by what they show. */
const openPanels = new Map<string, TopologyPanel>();
let registration: Registration | undefined;
/**
 * The tree selections that a panel's own reveal will make, by target and element id, with when it was asked: not
 * sent back to the panels. The view reports a selection some time after the reveal, maybe after a newer selection
 * in the picture, which the echo would otherwise undo.
 */
const revealed = new Map<string, number>();
/** An echo that has not come by then never will (the reveal changed nothing). */
const ECHO_WAIT_MS = 10_000;
const REVEAL_ATTEMPTS = 4;
const REVEAL_RETRY_MS = 250;

/** Makes the extension's context the owner of every topology panel and follows the tree's selection. */
export function registerTopologyPanels(context: vscode.ExtensionContext, tree: NamespaceTree, log: Log): void {
  registration = { tree, log, extensionUri: context.extensionUri, storageFolder: context.globalStorageUri.fsPath };
  context.subscriptions.push(
    { dispose: () => [...openPanels.values()].forEach((panel) => panel.dispose()) },
    tree.view.onDidChangeSelection((event) => {
      if (!isEcho(event.selection[0])) selectInPanels(event.selection[0]);
    }),
  );
}

/** netnsLab.topology.show; returns the panel (for programs and tests) once its first picture is sent. */
export async function showTopologyCommand(services: Services, argument: unknown): Promise<TopologyPanel> {
  if (!registration) throw new Error('The topology panels are not registered yet');
  const request = topologyRequest(argument);
  const subject = await topologySubject(services, request);
  const key = subjectKey(subject);
  const open = openPanels.get(key);
  if (open) {
    open.reveal();
    if (request.select) open.select(request.select);
    return open;
  }
  const { extensionUri, storageFolder } = registration;
  const source = new GraphReader(services.host(subject.targetId), graphSubject(subject));
  const panel = new TopologyPanel({
    services,
    subject,
    source,
    positions: PositionsStore.of(subject, storageFolder, services.log),
    extensionUri,
    onSelected: (_panel, node) => revealInTree(subject.targetId, node),
    onConnect: (_panel, from, to) => void connectNamespaces(subject.targetId, from.namespace ?? null, to.namespace ?? null, services.where(subject.targetId).suffix),
  });
  openPanels.set(key, panel);
  panel.panel.onDidDispose(() => openPanels.delete(key));
  await panel.start();
  if (request.select) panel.select(request.select);
  return panel;
}

/** What the core reads for a panel's subject: a file's lab (the file read again at each read), a lab, or everything. */
function graphSubject(subject: TopologySubject): GraphSubject {
  const { file, lab } = subject;
  if (file !== undefined) return { topology: () => readTopology(file) };
  return lab === undefined ? {} : { lab };
}

/** The open panels (for tests). */
export function topologyPanels(): TopologyPanel[] {
  return [...openPanels.values()];
}

function selectInPanels(node: TreeNode | undefined): void {
  if (!node || (node.kind !== 'namespace' && node.kind !== 'interface')) return;
  const id = node.kind === 'namespace' ? namespaceId(node.namespace) : interfaceId(node.namespace, node.link.name);
  for (const panel of openPanels.values()) if (panel.subject.targetId === node.targetId && panel.shows(id)) panel.select(id);
}

/**
 * Selects the node in the Namespaces view; says how it went (for the log and for tests). VS Code refuses a reveal
 * ("Cannot resolve tree item") while the view reloads the node's parent, which a busy host makes often: the node is
 * found and revealed again a few times before the picture's selection is left to stand on its own.
 */
async function revealInTree(targetId: string, node: TopologyNodeData): Promise<string> {
  if (!registration || node.namespace === undefined) return `${node.title}: not a namespace or an interface`;
  const { tree, log } = registration;
  const key = elementKey(targetId, node.namespace, node.interface);
  let outcome = '';
  for (let attempt = 1; attempt <= REVEAL_ATTEMPTS; attempt++) {
    if (attempt > 1) await sleep(REVEAL_RETRY_MS);
    const found = await findTreeNode(tree.provider, targetId, node.namespace, node.interface).catch((error: unknown) => {
      outcome = `reading the view failed: ${error instanceof Error ? error.message : String(error)}`;
      return undefined;
    });
    if (!found) {
      outcome ||= 'not in the Namespaces view';
      continue;
    }
    revealed.set(key, Date.now());
    try {
      await tree.view.reveal(found, { select: true, focus: false, expand: false });
      return `${node.title}: selected`;
    } catch (error) {
      revealed.delete(key);
      outcome = `the view refused it: ${error instanceof Error ? error.message : String(error)}`;
    }
  }
  return logged(log, `${node.title}: ${outcome}`);
}

function elementKey(targetId: string, namespace: NamespaceName, name: string | undefined): string {
  return JSON.stringify([targetId, name === undefined ? namespaceId(namespace) : interfaceId(namespace, name)]);
}

/** True for a tree selection that a panel's reveal made (each is taken once). */
function isEcho(node: TreeNode | undefined): boolean {
  if (!node || (node.kind !== 'namespace' && node.kind !== 'interface')) return false;
  const key = elementKey(node.targetId, node.namespace, node.kind === 'interface' ? node.link.name : undefined);
  const asked = revealed.get(key);
  revealed.delete(key);
  return asked !== undefined && Date.now() - asked < ECHO_WAIT_MS;
}

function logged(log: Log, outcome: string): string {
  log.info(`Topology picture: could not select ${outcome}`);
  return outcome;
}
