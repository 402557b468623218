/**
 * What each tree node shows: label, description, tooltip, icon, contextValue. Pure functions with no vscode
 * import, so the tree's look is unit-tested without an editor; the provider only maps this onto TreeItems.
 */
import { isUnnamedNamespace, type AddressInfo, type LinkInfo, type NamespaceName, type RouteInfo } from '../../core/model.js';
import { unnamedNamespaceLabel } from '../../core/display.js';
import { describeNamespaceUser } from '../../core/state/namespace-users.js';
import type { Settings } from '../../core/settings.js';
import { LOCAL_TARGET } from '../../core/host/ssh-target.js';
import { driftDetails, driftSummary, namespaceCount, type LabDrift } from './lab-describe.js';
import { CONTEXT, type InterfaceNode, type LabNode, type NamespaceNode, type TargetNode, type TreeNode } from './tree-nodes.js';

export interface Presentation {
  /** Stable across refreshes, so VS Code keeps expansion and selection. */
  id: string;
  label: string;
  description?: string;
  /** Markdown. */
  tooltip?: string;
  /** A codicon name, with an optional theme color id. */
  icon: { id: string; color?: string };
  contextValue: string;
  collapsible: 'none' | 'collapsed' | 'expanded';
  /** What a click runs, if anything. */
  command?: { title: string; command: string; arguments: unknown[] };
}

/** Codicons by link kind; unknown kinds get a generic interface icon. */
const KIND_ICONS: Record<string, string> = {
  veth: 'plug',
  bridge: 'type-hierarchy-sub',
  loopback: 'debug-restart',
  vxlan: 'cloud',
  geneve: 'cloud',
  macvlan: 'split-horizontal',
  ipvlan: 'split-horizontal',
  vlan: 'tag',
  bond: 'link',
  tun: 'arrow-swap',
  wireguard: 'lock',
  dummy: 'circle-large-outline',
  device: 'circuit-board',
  gre: 'arrow-both',
  ipip: 'arrow-both',
  sit: 'arrow-both',
  vrf: 'symbol-structure',
};

/** `drift`: for a lab node, what is known of its state against its file (absent: nothing checked). */
export function present(node: TreeNode, drift?: LabDrift): Presentation {
  switch (node.kind) {
    case 'target':
      return presentTarget(node);
    case 'lab':
      return presentLab(node, drift);
    case 'namespace':
      return node.unnamed || isUnnamedNamespace(node.namespace) ? presentUnnamedNamespace(node) : presentNamespace(node.targetId, node.namespace);
    case 'unnamedGroup':
      return {
        id: key('unnamedGroup', node.targetId),
        label: 'Without a name',
        description: String(node.namespaces.length),
        tooltip:
          'Namespaces that containers, pods, Mininet hosts, services and other processes made without a name under /run/netns. Read only: **Name It** gives one a name, after which every command works on it.',
        icon: { id: 'symbol-namespace', color: 'descriptionForeground' },
        contextValue: CONTEXT.unnamedGroup,
        collapsible: 'collapsed',
      };
    case 'interface':
      return presentInterface(node);
    case 'address':
      return presentAddress(node.targetId, node.namespace, node.interfaceName, node.address);
    case 'routes':
      return {
        id: key('routes', node.targetId, node.namespace),
        label: 'Routes',
        description: String(node.routes.length),
        icon: { id: 'list-tree' },
        contextValue: CONTEXT.routes,
        collapsible: node.routes.length ? 'collapsed' : 'none',
      };
    case 'route':
      return presentRoute(node.targetId, node.namespace, node.route);
    case 'message':
      return {
        id: node.namespace === undefined ? key('message', node.targetId, node.text) : key('message', node.targetId, node.namespace, node.text),
        label: node.text,
        // The action a click runs, beside the reason: "Wrong sudo password  Try Again".
        description: node.action?.title,
        tooltip: node.action ? `${node.detail ?? node.text}\n\nClick: ${node.action.title}` : node.detail,
        icon: { id: node.isError ? 'error' : 'info', color: node.isError ? 'errorForeground' : undefined },
        contextValue: CONTEXT.message,
        collapsible: 'none',
        ...(node.action ? { command: node.action } : {}),
      };
  }
}

function presentTarget(node: TargetNode): Presentation {
  const local = node.targetId === LOCAL_TARGET;
  return {
    id: key('target', node.targetId),
    label: node.label,
    description: local ? undefined : 'SSH',
    icon: { id: local ? 'vm' : 'remote' },
    contextValue: local ? CONTEXT.target : CONTEXT.sshTarget,
    collapsible: 'expanded',
  };
}

/** "lab NAME" with its namespace count, and its drift when the file was checked. */
export function presentLab(node: LabNode, drift: LabDrift | undefined): Presentation {
  const count = namespaceCount(node.namespaces.length);
  const drifted = drift?.state === 'drifted';
  const state = drift?.state === 'drifted' ? driftSummary(drift.inspection) : drift?.state === 'inSync' ? 'as the file says' : drift?.state === 'checking' ? 'checking…' : undefined;
  const tooltipLines = [
    `Lab **${escapeMarkdown(node.lab)}**: ${count}`,
    node.file ? `From ${escapeMarkdown(node.file)}` : 'Its topology file is not known',
    ...(drift?.state === 'unknown' ? [escapeMarkdown(drift.reason)] : []),
    ...(drift?.state === 'inSync' ? ['As the file says'] : []),
    ...(drift?.state === 'drifted' ? driftDetails(drift.inspection).map(escapeMarkdown) : []),
  ];
  return {
    id: key('lab', node.targetId, node.lab),
    label: `lab ${node.lab}`,
    description: [count, state].filter(Boolean).join(' · '),
    tooltip: tooltipLines.join('  \n'),
    icon: drifted ? { id: 'warning', color: 'list.warningForeground' } : { id: 'beaker' },
    contextValue: node.file ? CONTEXT.labWithFile : CONTEXT.lab,
    collapsible: node.namespaces.length > 0 ? 'expanded' : 'none',
  };
}

function presentNamespace(targetId: string, namespace: NamespaceName): Presentation {
  const root = namespace === null;
  return {
    id: key('namespace', targetId, namespace),
    label: root ? 'Root namespace' : namespace,
    description: root ? 'the host' : undefined,
    tooltip: root ? "The host's own network namespace" : `Network namespace **${escapeMarkdown(namespace)}** (/run/netns/${escapeMarkdown(namespace)})`,
    icon: { id: root ? 'home' : 'symbol-namespace' },
    contextValue: root ? CONTEXT.rootNamespace : CONTEXT.namespace,
    collapsible: 'collapsed',
  };
}

/** "container 3f2a…: bash (pid 1234)", with its inode; read only. */
function presentUnnamedNamespace(node: NamespaceNode): Presentation {
  const path = node.namespace!;
  const unnamed = node.unnamed;
  const label = unnamed ? describeNamespaceUser(unnamed.user, unnamed.inode) : unnamedNamespaceLabel(path);
  const tooltip = [
    `Network namespace without a name: **${escapeMarkdown(label)}**`,
    unnamed ? `Inode ${unnamed.inode}; processes ${unnamed.pids.join(', ') || 'none (held open)'}` : undefined,
    `Read through ${escapeMarkdown(unnamed?.mount ?? path)}`,
    'Read only: **Name It** gives it a name, after which every command works on it.',
  ];
  return {
    id: key('namespace', node.targetId, unnamed?.identity ?? path),
    label,
    description: unnamed ? `inode ${unnamed.inode}` : undefined,
    tooltip: tooltip.filter(Boolean).join('  \n'),
    icon: { id: 'symbol-namespace', color: 'descriptionForeground' },
    contextValue: CONTEXT.unnamedNamespace,
    collapsible: 'collapsed',
  };
}

function presentInterface(node: InterfaceNode): Presentation {
  const { link } = node;
  const hasChildren = link.addresses.length > 0 || node.ports.length > 0;
  return {
    id: key('interface', node.targetId, node.namespace, link.name),
    label: link.name,
    description: interfaceDescription(link),
    tooltip: interfaceTooltip(link, node.ports),
    icon: { id: KIND_ICONS[link.kind] ?? 'symbol-interface', color: stateColor(link) },
    contextValue: isUnnamedNamespace(node.namespace) ? CONTEXT.unnamedInterface : interfaceContext(link),
    collapsible: hasChildren ? (node.ports.length > 0 ? 'expanded' : 'collapsed') : 'none',
  };
}

/** `netnsLab.interface.<veth|bridge|loopback|other>.<up|down>[.port]`, matched by the package.json menus. */
export function interfaceContext(link: LinkInfo): string {
  const kind = link.kind === 'veth' || link.kind === 'bridge' || link.kind === 'loopback' ? link.kind : 'other';
  return [CONTEXT.interface, kind, link.up ? 'up' : 'down', ...(link.master ? ['port'] : [])].join('.');
}

/** Addresses, then the veth peer: "10.0.0.1/24 · peer: ns2/veth-b". */
export function interfaceDescription(link: LinkInfo): string {
  const parts = link.addresses.filter((address) => !isLinkLocal(address)).map(formatAddress);
  if (link.peer) parts.push(`peer: ${peerLabel(link.peer.namespace, link.peer.interface)}`);
  else if (link.kind === 'veth' && link.linkNetnsId !== undefined) parts.push('peer: unresolved');
  if (!link.up) parts.push('down');
  else if (link.operState === 'LOWERLAYERDOWN') parts.push('no carrier');
  return parts.join(' · ');
}

function interfaceTooltip(link: LinkInfo, ports: LinkInfo[]): string {
  const rows: Array<[string, string | undefined]> = [
    ['Kind', link.kind + (link.portKind ? ` (port of a ${link.portKind})` : '')],
    ['State', `${link.up ? 'up' : 'down'} (operational: ${link.operState.toLowerCase()})`],
    ['MTU', link.mtu?.toString()],
    ['MAC', link.mac],
    ['Peer', link.peer ? peerLabel(link.peer.namespace, link.peer.interface) : undefined],
    ['On', link.parentName && !link.peer ? link.parentName : undefined],
    ['Bridge', link.master],
    ['Ports', ports.length ? ports.map((port) => port.name).join(', ') : undefined],
    ['Alias', link.alias],
    ['Addresses', link.addresses.length ? link.addresses.map(formatAddress).join(', ') : undefined],
  ];
  const lines = rows.filter(([, value]) => value !== undefined && value !== '').map(([name, value]) => `${name}: ${escapeMarkdown(value!)}`);
  return `**${escapeMarkdown(link.name)}**\n\n${lines.join('  \n')}`;
}

function presentAddress(targetId: string, namespace: NamespaceName, interfaceName: string, address: AddressInfo): Presentation {
  return {
    id: key('address', targetId, namespace, interfaceName, formatAddress(address)),
    label: formatAddress(address),
    description: [address.family === 'inet6' ? 'IPv6' : 'IPv4', address.scope && address.scope !== 'global' ? address.scope : '', ...address.flags].filter(Boolean).join(' · '),
    icon: { id: 'symbol-field' },
    contextValue: isUnnamedNamespace(namespace) ? CONTEXT.unnamedAddress : CONTEXT.address,
    collapsible: 'none',
  };
}

function presentRoute(targetId: string, namespace: NamespaceName, route: RouteInfo): Presentation {
  const via =
    route.gateway ??
    route.nextHops
      .map((hop) => hop.gateway)
      .filter(Boolean)
      .join(', ');
  const device =
    route.device ??
    route.nextHops
      .map((hop) => hop.device)
      .filter(Boolean)
      .join(', ');
  const description = [
    via ? `via ${via}` : '',
    device ? `dev ${device}` : '',
    route.table && route.table !== 'main' ? `table ${route.table}` : '',
    route.type && route.type !== 'unicast' ? route.type : '',
  ]
    .filter(Boolean)
    .join(' ');
  return {
    id: key('route', targetId, namespace, route.family, route.table ?? 'main', route.destination, via, device, String(route.metric ?? '')),
    label: route.destination,
    description,
    tooltip: [`Protocol: ${route.protocol ?? 'unknown'}`, `Scope: ${route.scope ?? 'global'}`, route.metric !== undefined ? `Metric: ${route.metric}` : ''].filter(Boolean).join('  \n'),
    icon: { id: route.destination === 'default' ? 'arrow-circle-right' : 'arrow-right' },
    contextValue: isUnnamedNamespace(namespace) ? CONTEXT.unnamedRoute : CONTEXT.route,
    collapsible: 'none',
  };
}

/** Addresses shown under an interface, honouring the link-local setting. */
export function visibleAddresses(link: LinkInfo, settings: Settings): AddressInfo[] {
  return settings.showLinkLocalAddresses ? link.addresses : link.addresses.filter((address) => !isLinkLocal(address));
}

export function isLinkLocal(address: AddressInfo): boolean {
  return address.family === 'inet6' && /^fe[89ab]/iu.test(address.address);
}

export function formatAddress(address: AddressInfo): string {
  return `${address.address}/${address.prefixLength}`;
}

/** "ns2/veth-b"; "(root)/veth-b" for the root namespace; "(pid 1234)/eth0" for one without a name. */
export function peerLabel(namespace: NamespaceName, interfaceName: string): string {
  if (namespace === null) return `(root)/${interfaceName}`;
  return `${isUnnamedNamespace(namespace) ? `(${unnamedNamespaceLabel(namespace)})` : namespace}/${interfaceName}`;
}

function stateColor(link: LinkInfo): string {
  if (!link.up) return 'disabledForeground';
  return link.operState === 'LOWERLAYERDOWN' || link.operState === 'DOWN' ? 'list.warningForeground' : 'testing.iconPassed';
}

function key(...parts: Array<string | null | undefined>): string {
  return JSON.stringify(parts);
}

function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>]/gu, '\\$&');
}
