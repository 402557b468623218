/**
 * The Namespaces tree's nodes as plain data. The provider builds them from core reads; `tree-present.ts` turns each
 * into what a TreeItem shows; commands receive them as arguments from context menus.
 */
import type { AddressInfo, LinkInfo, NamespaceName, RouteInfo, UnnamedNamespace } from '../../core/model.js';

/** contextValue of each node kind, shared with the `when` clauses in package.json. */
export const CONTEXT = {
  target: 'netnsLab.target',
  sshTarget: 'netnsLab.target.ssh',
  namespace: 'netnsLab.namespace',
  /** A deployed lab; `.file` when its record names a topology file on this machine that exists. */
  lab: 'netnsLab.lab',
  labWithFile: 'netnsLab.lab.file',
  rootNamespace: 'netnsLab.rootNamespace',
  /** A namespace without a name: read only, until Name It gives it one. */
  unnamedNamespace: 'netnsLab.unnamedNamespace',
  unnamedGroup: 'netnsLab.unnamedGroup',
  /** Interfaces, addresses and routes of a namespace without a name: no menu changes them. */
  unnamedInterface: 'netnsLab.unnamed.interface',
  unnamedAddress: 'netnsLab.unnamed.address',
  unnamedRoute: 'netnsLab.unnamed.route',
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
  /** `null`: the root namespace; a path: one without a name (then `unnamed` says what it is). */
  namespace: NamespaceName;
  unnamed?: UnnamedNamespace;
}

/** The namespaces of a target that have no name (containers', processes'), grouped apart from the named ones. */
export interface UnnamedGroupNode {
  kind: 'unnamedGroup';
  targetId: string;
  namespaces: UnnamedNamespace[];
}

/** A deployed lab: a grouping of its namespaces, which are not repeated beside it. */
export interface LabNode {
  kind: 'lab';
  targetId: string;
  lab: string;
  /** The topology file the lab was last deployed from, as its record says (absolute when the editor deployed it). */
  file?: string;
  /** Its namespaces that exist now. */
  namespaces: string[];
  /** When it was last deployed, as its record says. */
  deployedAt?: string;
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
  /** The namespace it stands under, when it does (its id must differ from the same message under another). */
  namespace?: NamespaceName;
  /** What a click on the row runs (the one action that fixes the problem it tells of). */
  action?: { title: string; command: string; arguments: unknown[] };
}

export type TreeNode = TargetNode | LabNode | NamespaceNode | UnnamedGroupNode | InterfaceNode | AddressNode | RoutesNode | RouteNode | MessageNode;
