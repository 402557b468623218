/**
 * Link endpoints: the string form `NS:IF [CIDR ...]` (or `IF [CIDR ...]` in the root namespace) and the object form
 * `{ namespace, interface, address(es), mtu, bridge, impair }`.
 */
import { isIP } from 'node:net';
import { isMap, isScalar, type Node as YamlNode } from 'yaml';
import type { EndpointDraft } from './drafts.js';
import { readImpairment } from './impairment.js';
import { checkCidr, checkDeclaredInterfaceName, readAddresses, readMtu } from './values.js';
import { type Located, type ReadContext, describeNode, partOf, readFixedMap, readString, spanOf, wordsOf } from './yaml-nodes.js';

const ENDPOINT_KEYS = ['namespace', 'interface', 'address', 'addresses', 'mtu', 'bridge', 'impair'] as const;
const OBJECT_FORM_HINT = 'write the endpoint as an object, e.g. { namespace: "my ns", interface: eth0 }';

/** An endpoint in either form; undefined after reporting when it cannot be read. */
export function readEndpoint(context: ReadContext, node: YamlNode | null): EndpointDraft | undefined {
  if (isScalar(node) && typeof node.value === 'string') return readEndpointString(context, node);
  if (isMap(node)) return readEndpointObject(context, node);
  context.diagnostics.add(spanOf(node), `an endpoint must be a string "NS:IF [CIDR ...]" or a map with the keys ${ENDPOINT_KEYS.join(', ')}; found ${describeNode(node)}`);
  return undefined;
}

function readEndpointString(context: ReadContext, node: YamlNode): EndpointDraft | undefined {
  const [first, ...rest] = wordsOf(context, node, String((node as { value: unknown }).value));
  if (!first) {
    context.diagnostics.add(spanOf(node), 'an endpoint must not be empty: expected "NS:IF [CIDR ...]", or "IF" in the root namespace');
    return undefined;
  }
  const place = splitNamespaceAndInterface(context, first);
  const addresses: Located<string>[] = [];
  for (const word of rest) {
    if (!looksLikeAddress(word.value)) {
      context.diagnostics.add(word.span, `${JSON.stringify(word.value)} is not an address (expected ADDRESS/PREFIX after the interface); if a name holds spaces, ${OBJECT_FORM_HINT}`);
    } else if (checkCidr(context, word)) {
      addresses.push(word);
    }
  }
  // A draft with a bad name or address is still returned (the problem is reported, so no topology comes out of it):
  // the checks across the file then see the end and do not report its bridge port or route as undeclared.
  return place && { span: spanOf(node), ...place, addresses };
}

/** `NS:IF` split at the last ":" (namespace names may hold colons, interface names may not); `IF` alone is root. */
function splitNamespaceAndInterface(context: ReadContext, word: Located<string>): Pick<EndpointDraft, 'namespace' | 'interface'> | undefined {
  const colon = word.value.lastIndexOf(':');
  const interfaceName = { value: word.value.slice(colon + 1), span: partOf(word, colon + 1, word.value.length - colon - 1) };
  if (colon < 0) {
    checkDeclaredInterfaceName(context, interfaceName, 'interface name');
    return { interface: interfaceName };
  }
  const namespace = { value: word.value.slice(0, colon), span: partOf(word, 0, colon) };
  if (namespace.value === '') {
    context.diagnostics.add(word.span, `the namespace before ":" in ${JSON.stringify(word.value)} is empty; for an interface in the root namespace write just ${JSON.stringify(interfaceName.value)}`);
    return undefined;
  }
  if (interfaceName.value === '') {
    context.diagnostics.add(word.span, `the interface after ":" in ${JSON.stringify(word.value)} is missing: expected NS:IF, e.g. red:eth0`);
    return undefined;
  }
  checkDeclaredInterfaceName(context, interfaceName, 'interface name');
  return { namespace, interface: interfaceName };
}

/** Whether a word after the interface was meant as an address, or is more likely part of a name with spaces. */
function looksLikeAddress(word: string): boolean {
  return word.includes('/') || isIP(word) !== 0;
}

function readEndpointObject(context: ReadContext, node: YamlNode): EndpointDraft | undefined {
  const entries = readFixedMap(context, node, 'an endpoint', ENDPOINT_KEYS, ['interface']);
  if (!entries) return undefined;
  const namespaceEntry = entries.get('namespace');
  const namespace = namespaceEntry ? readString(context, namespaceEntry.value, 'namespace') : undefined;
  const interfaceEntry = entries.get('interface');
  const interfaceName = interfaceEntry ? readString(context, interfaceEntry.value, 'interface') : undefined;
  if (interfaceName) checkDeclaredInterfaceName(context, interfaceName, 'interface name');
  const addresses = readAddresses(context, entries, 'an endpoint');
  const mtuEntry = entries.get('mtu');
  const mtu = mtuEntry ? readMtu(context, mtuEntry.value) : undefined;
  const bridgeEntry = entries.get('bridge');
  const bridge = bridgeEntry ? readString(context, bridgeEntry.value, 'bridge') : undefined;
  const impairEntry = entries.get('impair');
  const impairment = impairEntry ? readImpairment(context, impairEntry.value) : undefined;
  if (!interfaceName || (namespaceEntry && !namespace)) return undefined;
  return {
    span: spanOf(node),
    ...(namespace ? { namespace } : {}),
    interface: interfaceName,
    addresses,
    ...(mtu !== undefined ? { mtu } : {}),
    ...(bridge ? { bridge } : {}),
    ...(impairment ? { impairment } : {}),
  };
}
