/**
 * Where a capture listens: an interface in a namespace, written `NS:IF` (`IF` or `:IF` alone: the root
 * namespace). The split is at the last `:`, since interface names never hold one and namespace names may.
 */
import { displayName } from '../display.js';
import type { NamespaceName } from '../model.js';
import { checkInterfaceName, checkNamespaceName } from '../names.js';

export interface CaptureEndpoint {
  /** null: the root namespace. */
  namespace: NamespaceName;
  interfaceName: string;
}

/** Reads `NS:IF`, `:IF` or `IF`; throws InvalidNameError naming the rule a part breaks. */
export function parseCaptureEndpoint(text: string): CaptureEndpoint {
  const colon = text.lastIndexOf(':');
  const interfaceName = checkInterfaceName(text.slice(colon + 1));
  const namespace = colon <= 0 ? null : checkNamespaceName(text.slice(0, colon));
  return { namespace, interfaceName };
}

/** `ns1:veth0`, or `veth0` in the root namespace: how a packet's interface is shown. */
export function endpointLabel(endpoint: CaptureEndpoint): string {
  const name = displayName(endpoint.interfaceName);
  return endpoint.namespace === null ? name : `${displayName(endpoint.namespace)}:${name}`;
}
