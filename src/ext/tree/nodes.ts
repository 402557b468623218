/**
 * The Namespaces tree's nodes as plain data. The provider builds them from core reads; `present.ts` turns each
 * into what a TreeItem shows; commands receive them as arguments from context menus.
 */
import type { AddressInfo, LinkInfo, NamespaceName, RouteInfo } from '../../core/model.js';

/** contextValue of each node kind, shared with the `when` clauses in package.json. */
export const CONTEXT = {
  target: 'netnsLab.target',
  sshTarget: 'netnsLab.target.ssh',
  namespace: 'netnsLab.namespace',
  rootNamespace: 'netnsLab.rootNamespace',
  interface: 'netnsLab.interface',
  address: 'netnsLab.address',
  routes: 'netnsLab.routes',
  route: 'netnsLab.route',
  message: 'netnsLab.message',
} as const;

/** A host the tree shows (this machine now; SSH targets later). */
export interface TargetNode {
  kind: 'target';
  targetId: string;
  label: string;
}

export interface NamespaceNode {
  kind: 'namespace';
  targetId: string;
  /** `null`: the root namespace. */
  namespace: NamespaceName;
}

export interface InterfaceNode {
  kind: 'interface';
  targetId: string;
  namespace: NamespaceName;
  link: LinkInfo;
  /** For a bridge: its ports (links of the same namespace whose master it is). */
  ports: LinkInfo[];
}

export interface AddressNode {
  kind: 'address';
  targetId: string;
  namespace: NamespaceName;
  interfaceName: string;
  address: AddressInfo;
}

export interface RoutesNode {
  kind: 'routes';
  targetId: string;
  namespace: NamespaceName;
  routes: RouteInfo[];
}

export interface RouteNode {
  kind: 'route';
  targetId: string;
  namespace: NamespaceName;
  route: RouteInfo;
}

/** A line of text where children could not be had (an error, or nothing to show). */
export interface MessageNode {
  kind: 'message';
  targetId: string;
  text: string;
  detail?: string;
  isError: boolean;
}

export type TreeNode = TargetNode | NamespaceNode | InterfaceNode | AddressNode | RoutesNode | RouteNode | MessageNode;
