/** What the deletion warnings say goes with what is deleted. Pure: no vscode import. */
import { describeEnd } from '../../core/changes/operations.js';
import type { LinkInfo, NamespaceState } from '../../core/model.js';

/** Always said, even when the namespace could not be read to name them. */
const NAMESPACE_CONSEQUENCE = 'Its interfaces and their veth peers in other namespaces go too.';

/** The detail of "Delete namespace X?": the general consequence, then (when known) what exactly goes. */
export function namespaceDeletionDetail(state: NamespaceState | undefined): string {
  if (!state) return NAMESPACE_CONSEQUENCE;
  const lines = [NAMESPACE_CONSEQUENCE];
  const interfaces = state.links.map((link) => link.name);
  if (interfaces.length > 0) lines.push(`Interfaces: ${interfaces.join(', ')}.`);
  const peers = state.links.flatMap((link) => (link.peer && link.peer.namespace !== state.name ? [describeEnd({ name: link.peer.interface, namespace: link.peer.namespace })] : []));
  if (peers.length > 0) lines.push(`Veth peers elsewhere: ${peers.join(', ')}.`);
  return lines.join('\n');
}

/** The detail of "Delete interface X?": a veth's peer goes too; a bridge's ports are left detached. */
export function interfaceDeletionDetail(link: LinkInfo | undefined, bridgePorts: readonly LinkInfo[] = []): string {
  if (link?.kind === 'veth') {
    const peer = link.peer ? describeEnd({ name: link.peer.interface, namespace: link.peer.namespace }) : 'its peer';
    return `It is one end of a veth pair: ${peer} goes too.`;
  }
  if (link?.kind === 'bridge' && bridgePorts.length > 0) {
    return `Its ports stay, detached: ${bridgePorts.map((port) => port.name).join(', ')}.`;
  }
  return 'This cannot be undone.';
}
