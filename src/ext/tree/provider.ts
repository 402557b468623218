/**
 * The Namespaces view's data: targets, then namespaces, then interfaces, addresses and routes, loaded when a node
 * is expanded. It holds no logic of its own: reads come from the core, shapes from `view-model/tree-children.ts` and
 * `view-model/tree-present.ts`.
 */
import * as vscode from 'vscode';
import { PrivilegeError, type PrivilegeProblem } from '../../core/errors.js';
import type { Host } from '../../core/host/host.js';
import { privilegeProblemShown } from '../view-model/privilege-problems.js';
import type { NamespaceName, UnnamedNamespace } from '../../core/model.js';
import { existsSync } from 'node:fs';
import { isAbsolute } from 'node:path';
import { listDeployedLabs, type DeployedLab } from '../../core/labs/inspect.js';
import { learnNamespacePeers, readNamespace, readNamespaceListing, readNamespaceNames, type NamespaceListing } from '../../core/state/read.js';
import type { HostChange, Services } from '../services.js';
import {
  addressAndPortChildren,
  interfaceChildren,
  labChildren,
  namespaceChildren,
  needsRootChildren,
  privilegeChildren,
  routeChildren,
  unnamedChildren,
  unreachableChildren,
} from '../view-model/tree-children.js';
import { isCapabilitiesMissing } from '../../core/state/limits.js';
import { anyVisible, partialNamespaces } from './partial-listing.js';
import { LabDriftChecks } from './lab-drift.js';
import type { LabNode, NamespaceNode, TargetNode, TreeNode } from '../view-model/tree-nodes.js';
import { present } from '../view-model/tree-present.js';
import { GivenNamespaceNodes } from '../view-model/given-namespace-nodes.js';
import { TreeWatchers } from './watchers.js';

/** What the view as a whole shows, as the `netnsLab.state` context key for the welcome views. */
export type ViewState = 'loading' | 'ready' | 'empty' | 'notPermitted';

export class NamespaceTreeProvider implements vscode.TreeDataProvider<TreeNode>, vscode.Disposable {
  private readonly changeEmitter = new vscode.EventEmitter<TreeNode | undefined>();
  readonly onDidChangeTreeData = this.changeEmitter.event;
  private readonly parents = new WeakMap<TreeNode, TreeNode>();
  /** The namespace nodes the view holds now, by target and name, so a change refreshes just that node. */
  private readonly namespaceNodes = new GivenNamespaceNodes();
  /** The lab nodes the view holds now, by target and lab. */
  private readonly labNodes = new Map<string, LabNode>();
  private readonly labDrift: LabDriftChecks;
  private readonly watchers: TreeWatchers;
  private readonly disposables: vscode.Disposable[] = [this.changeEmitter];
  private state: ViewState = 'loading';
  private readonly permittedHosts = new WeakSet<object>();
  private readonly peersLearned = new WeakSet<object>();
  /** Refusals already written to the log: a background refresh meets the same kept refusal again and again. */
  private readonly loggedRefusals = new WeakSet<PrivilegeError>();
  private problem: PrivilegeProblem | undefined;
  private missingCapabilities = '';

  constructor(private readonly services: Services) {
    this.watchers = new TreeWatchers(services);
    this.labDrift = new LabDriftChecks(services);
    this.disposables.push(this.watchers, this.labDrift);
    this.labDrift.onDidChange(({ targetId, lab }) => this.fireLab(targetId, lab), this, this.disposables);
    services.onDidChangeHost(this.onHostChanged, this, this.disposables);
    services.onDidChangeSettings(() => (this.watchers.reset(), this.changeEmitter.fire(undefined)), this, this.disposables);
  }

  getTreeItem(node: TreeNode): vscode.TreeItem {
    const shown = present(node, node.kind === 'lab' ? this.labDrift.driftOf(node) : undefined);
    const item = new vscode.TreeItem(shown.label, COLLAPSIBLE[shown.collapsible]);
    item.id = shown.id;
    item.description = shown.description;
    item.tooltip = shown.tooltip === undefined ? undefined : new vscode.MarkdownString(shown.tooltip);
    item.iconPath = new vscode.ThemeIcon(shown.icon.id, shown.icon.color ? new vscode.ThemeColor(shown.icon.color) : undefined);
    item.contextValue = shown.contextValue;
    if (shown.command) item.command = shown.command;
    return item;
  }

  async getChildren(node?: TreeNode): Promise<TreeNode[]> {
    const children = await this.childrenOf(node);
    if (node) for (const child of children) this.parents.set(child, node);
    // The very nodes given out: a refresh or a reveal names a node by its object, which is how VS Code knows it.
    this.namespaceNodes.given(node ? present(node).id : '', children, (child) => present(child).id);
    return children;
  }

  /** The node last given out for a namespace (the one the view holds, once it has shown it), if any. */
  namespaceNode(targetId: string, namespace: NamespaceName): NamespaceNode | undefined {
    return this.namespaceNodes.node(targetId, namespace);
  }

  getParent(node: TreeNode): TreeNode | undefined {
    return this.parents.get(node);
  }

  dispose(): void {
    vscode.Disposable.from(...this.disposables).dispose();
  }

  private async childrenOf(node: TreeNode | undefined): Promise<TreeNode[]> {
    if (!node) return this.topLevel();
    switch (node.kind) {
      case 'target':
        return this.namespacesOf(node);
      case 'unnamedGroup':
        return unnamedChildren(node);
      case 'lab':
        // Shown expanded: this is when the lab is checked against its file (once, until something changes).
        this.labDrift.check(node);
        return labChildren(node);
      case 'namespace':
        return this.namespaceContents(node);
      case 'interface':
        return addressAndPortChildren(node, this.services.settings);
      case 'routes':
        return routeChildren(node);
      default:
        return [];
    }
  }

  /** Its interfaces and routes, followed from now on; without the capabilities to enter it, a row that says so. */
  private async namespaceContents(node: NamespaceNode): Promise<TreeNode[]> {
    try {
      const state = await readNamespace(this.services.host(node.targetId), node.namespace);
      this.watchers.watchNamespace(node.targetId, node.namespace);
      return interfaceChildren(node.targetId, state);
    } catch (error) {
      if (isCapabilitiesMissing(error)) return needsRootChildren(node.targetId, node.namespace, error);
      throw error;
    }
  }

  /**
   * The targets; with only this machine and nothing to show, no nodes at all, so that VS Code shows the welcome
   * view (no namespaces yet, or no privilege).
   */
  private async topLevel(): Promise<TreeNode[]> {
    const targets = this.services.targets();
    if (targets.length > 1) return this.setState('ready', targets);
    const host = this.services.host(targets[0]!.targetId);
    this.watchers.watchNamespaceList(targets[0]!.targetId);
    try {
      await this.checkRoot(targets[0]!, host);
    } catch (error) {
      if (!(error instanceof PrivilegeError)) throw error;
      // The problem first: the welcome area that tells of it must be the one that shows with the state.
      this.setProblem(error);
      // Without capabilities, what the user can see is listed; the welcome area tells of it when that is nothing.
      const visible = isCapabilitiesMissing(error) && (await anyVisible(host));
      return visible ? this.setState('ready', targets) : this.setState('notPermitted', []);
    }
    const names = await readNamespaceNames(host);
    return this.setState(names.length === 0 ? 'empty' : 'ready', targets);
  }

  private async namespacesOf(target: TargetNode): Promise<TreeNode[]> {
    this.watchers.watchNamespaceList(target.targetId);
    let names: string[];
    let labs: LabNode[];
    let unnamed: UnnamedNamespace[];
    try {
      const host = this.services.host(target.targetId);
      await this.checkRoot(target, host);
      const listing = readNamespaceListing(host);
      listing.catch(() => undefined); // awaited below; a failure before then must not go unhandled
      names = await readNamespaceNames(host);
      labs = await this.labsOf(target, names);
      unnamed = await this.unnamedOf(target, listing);
    } catch (error) {
      if (isCapabilitiesMissing(error)) return partialNamespaces(this.services, this.watchers, target, error);
      // Root refused or the target unreachable: it says so under its own node; the other targets load as usual.
      return error instanceof PrivilegeError ? privilegeChildren(target, error) : unreachableChildren(target, error);
    }
    this.learnPeersOnce(target);
    this.watchers.forgetMissing(target.targetId, names);
    const nodes = namespaceChildren(target, names, this.services.settings, labs, unnamed);
    for (const [key, node] of this.labNodes) if (node.targetId === target.targetId) this.labNodes.delete(key);
    for (const node of labs) this.labNodes.set(labKey(target.targetId, node.lab), node);
    return nodes;
  }

  /**
   * Once per host, in the background: what every namespace's nsids stand for, so that expanding a namespace
   * names its veth peers without a helper run of its own (a few tens of milliseconds on a host with 1,000).
   */
  private learnPeersOnce(target: TargetNode): void {
    const host = this.services.host(target.targetId);
    if (this.peersLearned.has(host)) return;
    this.peersLearned.add(host);
    learnNamespacePeers(host).catch((error: unknown) => this.services.log.warn(`Could not learn the veth peers of ${target.label} ahead: ${error instanceof Error ? error.message : String(error)}`));
  }

  /** The target's namespaces without a name, followed from now on; a failure loses only them (and is logged). */
  private async unnamedOf(target: TargetNode, listing: Promise<NamespaceListing>): Promise<UnnamedNamespace[]> {
    try {
      const { unnamed } = await listing;
      this.watchers.watchUnnamed(
        target.targetId,
        unnamed.map((namespace) => namespace.identity),
      );
      return unnamed;
    } catch (error) {
      this.services.log.error(`Could not list the namespaces without a name on ${target.label}`, error);
      return [];
    }
  }

  /** The target's deployed labs (one record read); a failure only loses the grouping, not the namespaces. */
  private async labsOf(target: TargetNode, names: readonly string[]): Promise<LabNode[]> {
    let deployed: DeployedLab[];
    try {
      deployed = await listDeployedLabs(this.services.host(target.targetId), names);
    } catch (error) {
      this.services.log.error(`Could not list the labs of ${target.label}`, error);
      return [];
    }
    return deployed.map((lab): LabNode => ({
      kind: 'lab',
      targetId: target.targetId,
      lab: lab.lab,
      // Only a file on this machine can be opened, redeployed and checked against.
      ...(lab.file !== undefined && isAbsolute(lab.file) && existsSync(lab.file) ? { file: lab.file } : {}),
      namespaces: lab.namespaces,
      ...(lab.deployedAt === undefined ? {} : { deployedAt: lab.deployedAt }),
    }));
  }

  private fireLab(targetId: string, lab: string): void {
    const node = this.labNodes.get(labKey(targetId, lab));
    if (node) this.changeEmitter.fire(node);
  }

  /**
   * Throws the PrivilegeError of a host where root is refused, and logs it once. Once a host has shown it can run as
   * root, it keeps that (hosts are made anew when settings change): a whole-view refresh, which every namespace
   * added or deleted causes, then costs no process start.
   */
  private async checkRoot(target: TargetNode, host: Host): Promise<void> {
    if (this.permittedHosts.has(host)) return;
    try {
      await host.run(['true']);
    } catch (error) {
      if (error instanceof PrivilegeError && !this.loggedRefusals.has(error)) {
        this.loggedRefusals.add(error);
        const action = privilegeProblemShown(error.problem, target.targetId).action.title;
        this.services.log.warn(`No root on ${this.services.where(target.targetId).label}: ${error.message} (in the Netns Lab view: ${action})`);
      }
      throw error;
    }
    this.permittedHosts.add(host);
  }

  /** The context keys of the welcome area that tells of a refusal (for privilege "none": which capabilities lack). */
  private setProblem(error: PrivilegeError): void {
    const missing = error.missingCapabilities.join(' ');
    if (error.problem === this.problem && missing === this.missingCapabilities) return;
    this.problem = error.problem;
    this.missingCapabilities = missing;
    void vscode.commands.executeCommand('setContext', 'netnsLab.missingCapabilities', missing);
    void vscode.commands.executeCommand('setContext', 'netnsLab.privilegeProblem', error.problem);
  }

  private setState(state: ViewState, nodes: TreeNode[]): TreeNode[] {
    if (state !== this.state) {
      this.state = state;
      void vscode.commands.executeCommand('setContext', 'netnsLab.state', state);
    }
    return nodes;
  }

  /** A change on a host: refresh just the namespaces named, or the whole view when the list may have changed. */
  private onHostChanged(change: HostChange): void {
    if (change.recheckLabs) this.labDrift.invalidate(change.targetId);
    if (!change.namespaces) return this.changeEmitter.fire(undefined);
    // A change inside a lab's namespace may be drift: check that lab again (its node's refresh starts the check).
    const changed = new Set(change.namespaces);
    const labsTouched = [...this.labNodes.values()].filter((node) => node.targetId === change.targetId && node.namespaces.some((name) => changed.has(name)));
    for (const lab of this.labDrift.invalidate(change.targetId, (name) => labsTouched.some((node) => node.lab === name))) this.fireLab(change.targetId, lab);
    for (const namespace of change.namespaces) {
      const node = this.namespaceNodes.node(change.targetId, namespace);
      if (node) this.changeEmitter.fire(node);
    }
  }
}

const COLLAPSIBLE = {
  none: vscode.TreeItemCollapsibleState.None,
  collapsed: vscode.TreeItemCollapsibleState.Collapsed,
  expanded: vscode.TreeItemCollapsibleState.Expanded,
} as const;

function labKey(targetId: string, lab: string): string {
  return JSON.stringify([targetId, lab]);
}
