/**
 * Bridge ports, from both places a file can give them: a bridge's `ports: [...]` and an endpoint's `bridge: NAME`.
 * Each port must be a link end in the bridge's namespace and belongs to one bridge only.
 */
import type { BridgeDraft, LinkDraft } from './drafts.js';
import type { NamespaceScope, Scopes } from './scopes.js';
import type { Located, ReadContext } from './yaml-nodes.js';

interface Attachment {
  scope: NamespaceScope;
  bridge: Located<string>;
  port: Located<string>;
  /** Where the attachment is written: the port in `ports:`, or the endpoint's `bridge:` value. */
  at: Located<string>;
  fromEndpoint: boolean;
}

/** The ports of each bridge (by the bridge's draft), in file order; problems are reported. */
export function resolvePorts(context: ReadContext, scopes: Scopes, bridges: readonly BridgeDraft[], links: readonly LinkDraft[]): Map<BridgeDraft, string[]> {
  const attachments: Attachment[] = [];
  for (const bridge of bridges) {
    // An undeclared namespace was reported when the interfaces were declared: find, do not look up again.
    const scope = scopes.find(bridge.namespace);
    if (scope) attachments.push(...bridge.ports.map((port) => ({ scope, bridge: bridge.name, port, at: port, fromEndpoint: false })));
  }
  for (const endpoint of links.flatMap((link) => link.endpoints)) {
    const scope = endpoint.bridge && scopes.find(endpoint.namespace);
    if (scope && endpoint.bridge) attachments.push({ scope, bridge: endpoint.bridge, port: endpoint.interface, at: endpoint.bridge, fromEndpoint: true });
  }
  const ports = new Map<BridgeDraft, string[]>(bridges.map((bridge) => [bridge, []]));
  for (const attachment of attachments.sort((a, b) => a.at.span.start - b.at.span.start)) {
    if (!attach(context, attachment)) continue;
    const bridge = bridges.find((draft) => draft.name.value === attachment.bridge.value && scopes.find(draft.namespace) === attachment.scope);
    const list = bridge && ports.get(bridge);
    if (list && !list.includes(attachment.port.value)) list.push(attachment.port.value);
  }
  return ports;
}

/** Checks one attachment and records it on the port; false after reporting a problem. */
function attach(context: ReadContext, { scope, bridge, port, at, fromEndpoint }: Attachment): boolean {
  const bridgeDeclaration = scope.interfaces.get(bridge.value);
  if (bridgeDeclaration?.kind !== 'bridge') {
    // A bridge whose own name was refused (declared twice) has had its problem reported already.
    if (!fromEndpoint) return false;
    context.diagnostics.add(bridge.span, `bridge ${bridge.value} is not declared in ${scope.label}; a port and its bridge must be in the same namespace`);
    return false;
  }
  const end = scope.interfaces.get(port.value);
  if (end?.kind !== 'link end') {
    context.diagnostics.add(at.span, `bridge ${bridge.value} has port ${port.value}, but no link end ${port.value} is declared in ${scope.label}`);
    return false;
  }
  if (end.bridge && end.bridge.value !== bridge.value) {
    const line = context.diagnostics.lineOf(end.bridge.span.start);
    context.diagnostics.add(at.span, `${port.value} is already a port of bridge ${end.bridge.value} (line ${line}); a port may belong to one bridge only`);
    return false;
  }
  // The same port given to the same bridge in both places says the same thing twice, which is harmless.
  end.bridge ??= fromEndpoint ? bridge : { value: bridge.value, span: at.span };
  return true;
}
