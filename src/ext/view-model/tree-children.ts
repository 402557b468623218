/**
 * The children of each tree node, computed from core reads by pure functions: interfaces of a namespace (bridge
 * ports under their bridge), addresses of an interface, routes of a namespace.
 */
import type { PrivilegeError } from '../../core/errors.js';
import { SshConnectionError } from '../../core/host/ssh-errors.js';
import { privilegeProblemShown } from './privilege-problems.js';
import type { NamespaceName, NamespaceState, UnnamedNamespace } from '../../core/model.js';
import type { Settings } from '../../core/settings.js';
import type { ListingLimits } from '../../core/state/limits.js';
import type { AddressNode, InterfaceNode, LabNode, MessageNode, NamespaceNode, RouteNode, RoutesNode, TargetNode, TreeNode, UnnamedGroupNode } from './tree-nodes.js';
import { visibleAddresses } from './tree-present.js';

/**
 * The namespaces of a target: the root namespace first (unless hidden), then the deployed labs (each a grouping of
 * its namespaces), then the named namespaces of no lab, sorted, then a group of those without a name.
 */
export function namespaceChildren(target: TargetNode, names: readonly string[], settings: Settings, labs: readonly LabNode[] = [], unnamed: readonly UnnamedNamespace[] = []): TreeNode[] {
  const inLabs = new Set(labs.flatMap((labNode) => labNode.namespaces));
  const alone = names.filter((name) => !inLabs.has(name));
  const namespaces: NamespaceName[] = settings.rootNamespace === 'first' ? [null, ...alone] : alone;
  const nodes: TreeNode[] = namespaces.map((namespace) => ({ kind: 'namespace', targetId: target.targetId, namespace }));
  const group: UnnamedGroupNode[] = unnamed.length > 0 ? [{ kind: 'unnamedGroup', targetId: target.targetId, namespaces: [...unnamed] }] : [];
  return settings.rootNamespace === 'first' ? [nodes[0]!, ...labs, ...nodes.slice(1), ...group] : [...labs, ...nodes, ...group];
}

/** The namespaces without a name, in the order found (by their first process). */
export function unnamedChildren(node: UnnamedGroupNode): NamespaceNode[] {
  return node.namespaces.map((unnamed) => ({ kind: 'namespace', targetId: node.targetId, namespace: unnamed.path, unnamed }));
}

/**
 * What a target that cannot be reached shows under its node: why, as the row's text (a tooltip alone goes unseen;
 * the side bar is narrow, so the target's name, just above, is not repeated), and the whole message, with what to
 * do, in the tooltip.
 */
export function unreachableChildren(target: TargetNode, error: unknown): MessageNode[] {
  const message = error instanceof Error ? error.message : String(error);
  const text = error instanceof SshConnectionError ? `Unreachable: ${error.reason}` : firstSentence(message);
  return [{ kind: 'message', targetId: target.targetId, text, detail: message, isError: true }];
}

/** What a target where root was refused shows under its node: why, and a click runs what fixes it. */
export function privilegeChildren(target: TargetNode, error: PrivilegeError): MessageNode[] {
  const shown = privilegeProblemShown(error.problem, target.targetId);
  return [{ kind: 'message', targetId: target.targetId, text: shown.text, detail: error.message, isError: true, action: shown.action }];
}

/**
 * What heads a target's list when its commands lack the capabilities to enter namespaces (privilege `none`): that
 * the list is partial; the tooltip says what is unknown, and a click opens the setting that gives everything.
 */
export function partialListingRow(target: TargetNode, limits: ListingLimits): MessageNode {
  const { action } = privilegeProblemShown('capabilitiesMissing', target.targetId);
  return { kind: 'message', targetId: target.targetId, text: 'Partial list: no root', detail: limits.reason, isError: false, action };
}

/** What a namespace shows when reading it needs capabilities the commands lack: that, instead of a failure. */
export function needsRootChildren(targetId: string, namespace: NamespaceName, error: PrivilegeError): MessageNode[] {
  const { action } = privilegeProblemShown(error.problem, targetId);
  return [{ kind: 'message', targetId, namespace, text: 'Reading it needs root', detail: error.message, isError: false, action }];
}

/** The first sentence of a message, for a row that has room for little more. */
function firstSentence(message: string): string {
  const end = message.search(/\.(\s|$)/u);
  return end < 0 ? message : message.slice(0, end);
}

/** A lab's namespaces, in the order its record lists them. */
export function labChildren(node: LabNode): NamespaceNode[] {
  return node.namespaces.map((namespace) => ({ kind: 'namespace', targetId: node.targetId, namespace }));
}

/** A namespace's interfaces (ports of a bridge appear under the bridge instead) and its Routes group. */
export function interfaceChildren(targetId: string, state: NamespaceState): TreeNode[] {
  if (state.error) return [{ kind: 'message', targetId, namespace: state.name, text: 'Could not read this namespace', detail: state.error, isError: true }];
  const bridges = new Set(state.links.filter((link) => link.kind === 'bridge').map((link) => link.name));
  const interfaces: InterfaceNode[] = state.links
    .filter((link) => !(link.master && bridges.has(link.master)))
    .map((link) => ({
      kind: 'interface',
      targetId,
      namespace: state.name,
      link,
      ports: link.kind === 'bridge' ? state.links.filter((port) => port.master === link.name) : [],
    }));
  const routes: RoutesNode = { kind: 'routes', targetId, namespace: state.name, routes: state.routes };
  return [...interfaces, routes];
}

/** Under an interface: its addresses, then (for a bridge) its ports. */
export function addressAndPortChildren(node: InterfaceNode, settings: Settings): TreeNode[] {
  const addresses: AddressNode[] = visibleAddresses(node.link, settings).map((address) => ({
    kind: 'address',
    targetId: node.targetId,
    namespace: node.namespace,
    interfaceName: node.link.name,
    address,
  }));
  const ports: InterfaceNode[] = node.ports.map((link) => ({ kind: 'interface', targetId: node.targetId, namespace: node.namespace, link, ports: [] }));
  return [...addresses, ...ports];
}

export function routeChildren(node: RoutesNode): RouteNode[] {
  return node.routes.map((route) => ({ kind: 'route', targetId: node.targetId, namespace: node.namespace, route }));
}
