/**
 * The extension under test and its Namespaces tree, reached through the API `activate` returns. Only types are
 * imported from src/, so this bundle holds no second copy of the extension.
 */
import * as vscode from 'vscode';
import type { NetnsLabApi } from '../../../src/extension.js';
import type { InterfaceNode, NamespaceNode, RoutesNode, TargetNode, TreeNode } from '../../../src/ext/view-model/tree-nodes.js';

export const EXTENSION_ID = 'netns-lab.netns-lab';
export const LOCAL_TARGET_ID = 'local';

/** Activates the extension (once) and returns its API. */
export async function activateExtension(): Promise<NetnsLabApi> {
  const extension = vscode.extensions.getExtension<NetnsLabApi>(EXTENSION_ID);
  if (!extension) throw new Error(`${EXTENSION_ID} is not loaded`);
  return extension.activate();
}

/** Reads the Namespaces tree the way the view does: through the provider, with no refresh. */
export class TreeReader {
  constructor(private readonly api: NetnsLabApi) {}

  get provider(): NetnsLabApi['tree']['provider'] {
    return this.api.tree.provider;
  }

  children(node?: TreeNode): Promise<TreeNode[]> {
    return this.provider.getChildren(node);
  }

  /** The TreeItem VS Code would show for a node. */
  item(node: TreeNode): vscode.TreeItem {
    return this.provider.getTreeItem(node);
  }

  /** The text of a TreeItem's label and description. */
  label(node: TreeNode): string {
    const { label } = this.item(node);
    return typeof label === 'string' ? label : (label?.label ?? '');
  }

  description(node: TreeNode): string {
    const { description } = this.item(node);
    return typeof description === 'string' ? description : '';
  }

  async target(): Promise<TargetNode> {
    const target = (await this.children()).find((node): node is TargetNode => node.kind === 'target' && node.targetId === LOCAL_TARGET_ID);
    if (!target) throw new Error('the tree shows no target for this machine');
    return target;
  }

  /** The names of the named namespaces under this machine, in tree order. */
  async namespaceNames(): Promise<string[]> {
    const nodes = await this.children(await this.target());
    return nodes.flatMap((node) => (node.kind === 'namespace' && node.namespace !== null ? [node.namespace] : []));
  }

  /** The node of a namespace (null: the root namespace), or undefined when the tree does not show it. */
  async namespace(name: string | null): Promise<NamespaceNode | undefined> {
    const nodes = await this.children(await this.target());
    return nodes.find((node): node is NamespaceNode => node.kind === 'namespace' && node.namespace === name);
  }

  /** The interface nodes directly under a namespace (bridge ports are under their bridge). */
  async interfaces(namespace: NamespaceNode): Promise<InterfaceNode[]> {
    return (await this.children(namespace)).filter((node): node is InterfaceNode => node.kind === 'interface');
  }

  async interface(namespace: NamespaceNode, name: string): Promise<InterfaceNode | undefined> {
    return (await this.interfaces(namespace)).find((node) => node.link.name === name);
  }

  async routes(namespace: NamespaceNode): Promise<RoutesNode> {
    const routes = (await this.children(namespace)).find((node): node is RoutesNode => node.kind === 'routes');
    if (!routes) throw new Error(`no Routes node under ${namespace.namespace}`);
    return routes;
  }

  /**
   * Reads the namespace list once, as a visible view would after namespaces were deleted: that stops the `ip monitor`
   * of deleted namespaces, which would otherwise keep them alive. For `after` hooks, after `lab.cleanup()`.
   */
  async forgetDeletedNamespaces(): Promise<void> {
    await this.namespaceNames();
  }

  /** Address labels (ADDRESS/PREFIX) under an interface node. */
  async addressLabels(node: InterfaceNode): Promise<string[]> {
    return (await this.children(node)).filter((child) => child.kind === 'address').map((child) => this.label(child));
  }
}

/** A namespace node's identity, for matching tree-change events. */
export function isNamespaceNode(node: TreeNode | undefined, name: string | null): boolean {
  return node?.kind === 'namespace' && node.namespace === name;
}
