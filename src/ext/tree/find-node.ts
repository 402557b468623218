/**
 * The Namespaces view's node of a namespace or an interface, loaded the way the view loads it (target, lab, then
 * namespace, then interfaces, a bridge's ports under it), so that TreeView.reveal can find its parents.
 */
import type { NamespaceName } from '../../core/model.js';
import type { InterfaceNode, NamespaceNode, TreeNode } from '../view-model/tree-nodes.js';
import type { NamespaceTreeProvider } from './provider.js';

export async function findTreeNode(provider: NamespaceTreeProvider, targetId: string, namespace: NamespaceName, interfaceName?: string): Promise<TreeNode | undefined> {
  // The node the view already holds needs no reading (a target's list reads every namespace name and lab record).
  const shown = provider.namespaceNode(targetId, namespace);
  return shown ? interfaceOrNamespace(provider, shown, interfaceName) : findByLoading(provider, targetId, namespace, interfaceName);
}

async function findByLoading(provider: NamespaceTreeProvider, targetId: string, namespace: NamespaceName, interfaceName?: string): Promise<TreeNode | undefined> {
  const target = (await provider.getChildren()).find((node) => node.kind === 'target' && node.targetId === targetId);
  if (!target) return undefined;
  const children = await provider.getChildren(target);
  let found: NamespaceNode | undefined = children.find((node): node is NamespaceNode => node.kind === 'namespace' && node.namespace === namespace);
  for (const lab of children) {
    if (found) break;
    if (lab.kind !== 'lab' || namespace === null || !lab.namespaces.includes(namespace)) continue;
    found = (await provider.getChildren(lab)).find((node): node is NamespaceNode => node.kind === 'namespace' && node.namespace === namespace);
  }
  return found && interfaceOrNamespace(provider, found, interfaceName);
}

/** The namespace's node, or with `interfaceName` its interface's (a bridge's port under the bridge), else the namespace's. */
async function interfaceOrNamespace(provider: NamespaceTreeProvider, found: NamespaceNode, interfaceName: string | undefined): Promise<TreeNode> {
  if (interfaceName === undefined) return found;
  const interfaces = (await provider.getChildren(found)).filter((node): node is InterfaceNode => node.kind === 'interface');
  const direct = interfaces.find((node) => node.link.name === interfaceName);
  if (direct) return direct;
  for (const bridge of interfaces.filter((node) => node.ports.some((port) => port.name === interfaceName))) {
    const port = (await provider.getChildren(bridge)).find((node): node is InterfaceNode => node.kind === 'interface' && node.link.name === interfaceName);
    if (port) return port;
  }
  return found;
}
