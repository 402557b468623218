/**
 * The namespace nodes the Namespaces view was given, by target and namespace: a reveal or a refresh must name the
 * very object the view holds. A node is forgotten once no list it was given in holds its namespace any more (a list
 * goes with its parent: a destroyed lab's), so that namespaces coming and going do not pile up.
 */
import type { NamespaceName } from '../../core/model.js';
import type { NamespaceNode, TreeNode } from './tree-nodes.js';

interface GivenList {
  /** The namespaces it held, by key. */
  namespaces: Set<string>;
  /** The ids of the other nodes in it (labs, groups), whose own lists go when they leave it. */
  parents: Set<string>;
}

export class GivenNamespaceNodes {
  private readonly nodes = new Map<string, NamespaceNode>();
  /** Each list as last given, by its parent's id. */
  private readonly lists = new Map<string, GivenList>();

  /**
   * A list of children given for the parent with this id (the parent's tree item id; '' for the top); `idOf` gives
   * the id of a child that is not a namespace (asked only for those).
   */
  given(parentId: string, children: readonly TreeNode[], idOf: (child: TreeNode) => string): void {
    const list: GivenList = { namespaces: new Set(), parents: new Set() };
    for (const child of children) {
      if (child.kind !== 'namespace') {
        list.parents.add(idOf(child));
        continue;
      }
      const key = namespaceKey(child.targetId, child.namespace);
      this.nodes.set(key, child);
      list.namespaces.add(key);
    }
    const before = this.lists.get(parentId);
    this.lists.set(parentId, list);
    for (const gone of before?.parents ?? []) if (!list.parents.has(gone)) this.dropList(gone);
    this.forget([...(before?.namespaces ?? [])].filter((key) => !list.namespaces.has(key)));
  }

  /** The node last given for this namespace, if a list still holds it. */
  node(targetId: string, namespace: NamespaceName): NamespaceNode | undefined {
    return this.nodes.get(namespaceKey(targetId, namespace));
  }

  /** How many namespaces have a node kept (for tests). */
  get size(): number {
    return this.nodes.size;
  }

  /** A parent left its list: its own list goes, and what was only in it. */
  private dropList(parentId: string): void {
    const list = this.lists.get(parentId);
    if (!list) return;
    this.lists.delete(parentId);
    for (const child of list.parents) this.dropList(child);
    this.forget([...list.namespaces]);
  }

  private forget(keys: readonly string[]): void {
    for (const key of keys) if (![...this.lists.values()].some((list) => list.namespaces.has(key))) this.nodes.delete(key);
  }
}

function namespaceKey(targetId: string, namespace: NamespaceName): string {
  return JSON.stringify([targetId, namespace]);
}
