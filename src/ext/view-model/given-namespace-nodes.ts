/**
 * The namespace nodes the Namespaces view was given, by target and namespace: a reveal or a refresh must name the
 * very object the view holds. A node is forgotten once no list it was given in holds its namespace any more, so
 * that namespaces coming and going do not pile up.
 */
import type { NamespaceName } from '../../core/model.js';
import type { NamespaceNode, TreeNode } from './tree-nodes.js';

export class GivenNamespaceNodes {
  private readonly nodes = new Map<string, NamespaceNode>();
  /** The namespaces each list held when it was last given, by the list's parent id. */
  private readonly lists = new Map<string, Set<string>>();

  /** A list of children given for the parent with this id (the parent's tree item id; '' for the top). */
  given(parentId: string, children: readonly TreeNode[]): void {
    const held = new Set<string>();
    for (const child of children) {
      if (child.kind !== 'namespace') continue;
      const key = namespaceKey(child.targetId, child.namespace);
      this.nodes.set(key, child);
      held.add(key);
    }
    const before = this.lists.get(parentId);
    if (held.size > 0) this.lists.set(parentId, held);
    else this.lists.delete(parentId);
    for (const key of before ?? []) if (!held.has(key) && !this.heldElsewhere(key)) this.nodes.delete(key);
  }

  /** The node last given for this namespace, if a list still holds it. */
  node(targetId: string, namespace: NamespaceName): NamespaceNode | undefined {
    return this.nodes.get(namespaceKey(targetId, namespace));
  }

  /** How many namespaces have a node kept (for tests). */
  get size(): number {
    return this.nodes.size;
  }

  private heldElsewhere(key: string): boolean {
    for (const held of this.lists.values()) if (held.has(key)) return true;
    return false;
  }
}

function namespaceKey(targetId: string, namespace: NamespaceName): string {
  return JSON.stringify([targetId, namespace]);
}
