/** Readable text for namespaces, interfaces and routes, as `netns-lab show` and `snapshot` print them. */
import { escapeHidden, unnamedNamespaceLabel } from '../core/display.js';
import { isUnnamedNamespace, type LinkInfo, type NamespaceName, type NamespaceState, type PeerRef, type RouteInfo } from '../core/model.js';
import { describeNamespaceUser } from '../core/state/namespace-users.js';
import { printable, renderTable } from './table.js';

/** How the root namespace is shown where a namespace name would stand. */
export const ROOT_LABEL = '(root)';

/** `(root)`, a name, or `(pid 1234)` for a namespace without a name. */
export function namespaceLabel(name: NamespaceName): string {
  if (name === null) return ROOT_LABEL;
  return isUnnamedNamespace(name) ? `(${unnamedNamespaceLabel(name)})` : printable(name);
}

/** `ns2/veth-b`, `(root)/veth-b`. */
export function peerLabel(peer: PeerRef): string {
  return `${namespaceLabel(peer.namespace)}/${printable(peer.interface)}`;
}

export function renderNamespace(state: NamespaceState): string {
  const title = namespaceTitle(state);
  if (state.error) return `${title}: could not be read: ${escapeHidden(state.error)}\n`;
  const parts = [`${title}\n`, renderInterfaces(state.links)];
  parts.push(state.routes.length ? `\nRoutes\n${renderRoutes(state.routes)}` : '\nRoutes: none\n');
  return parts.join('');
}

function namespaceTitle(state: NamespaceState): string {
  if (state.name === null) return 'Root namespace';
  if (!isUnnamedNamespace(state.name)) return `Namespace ${printable(state.name)}`;
  const what = state.unnamed ? `${printable(describeNamespaceUser(state.unnamed.user, state.unnamed.inode))}, inode ${state.unnamed.inode}` : unnamedNamespaceLabel(state.name);
  return `Namespace without a name (${what})`;
}

export function renderInterfaces(links: readonly LinkInfo[]): string {
  const rows = links.map((link) => [
    printable(link.name),
    link.kind,
    linkState(link),
    link.mtu === undefined ? '' : String(link.mtu),
    link.addresses.map((address) => `${address.address}/${address.prefixLength}`).join(' '),
    linkRelations(link),
  ]);
  return renderTable(['INTERFACE', 'KIND', 'STATE', 'MTU', 'ADDRESSES', 'PEER / BRIDGE'], rows);
}

export function renderRoutes(routes: readonly RouteInfo[]): string {
  const rows = routes.map((route) => [
    route.destination,
    route.gateway ??
      route.nextHops
        .map((hop) => hop.gateway ?? '')
        .filter(Boolean)
        .join(',') ??
      '',
    route.device !== undefined ? printable(route.device) : route.nextHops.flatMap((hop) => (hop.device ? [printable(hop.device)] : [])).join(','),
    route.protocol ?? '',
    route.scope ?? '',
    route.metric === undefined ? '' : String(route.metric),
    route.type && route.type !== 'unicast' ? route.type : '',
  ]);
  return renderTable(['DESTINATION', 'GATEWAY', 'DEVICE', 'PROTOCOL', 'SCOPE', 'METRIC', 'TYPE'], rows);
}

/** `up`, `down`, or `up (no carrier)` when it is up but the kernel says the lower layer is down. */
function linkState(link: LinkInfo): string {
  if (!link.up) return 'down';
  return link.operState === 'LOWERLAYERDOWN' ? 'up (no carrier)' : 'up';
}

function linkRelations(link: LinkInfo): string {
  const parts: string[] = [];
  if (link.peer) parts.push(`peer: ${peerLabel(link.peer)}`);
  else if (link.kind === 'veth' && link.linkIndex !== undefined) parts.push(`peer: unresolved (ifindex ${link.linkIndex}${link.linkNetnsId === undefined ? '' : ` in nsid ${link.linkNetnsId}`})`);
  else if (link.parentName) parts.push(`on: ${printable(link.parentName)}`);
  if (link.master) parts.push(`bridge: ${printable(link.master)}`);
  return parts.join(', ');
}
