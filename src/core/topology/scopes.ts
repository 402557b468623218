/**
 * The namespaces of a topology as scopes of names: which interfaces and addresses each one holds, where each was
 * declared, and the checks that need the whole file (undeclared namespaces, an interface or address used twice).
 */
import { parseCidr } from '../addresses.js';
import { listSome } from '../display.js';
import type { NamespaceName } from '../model.js';
import type { Span } from './diagnostics.js';
import type { BridgeDraft, EndpointDraft, NamespaceDraft } from './drafts.js';
import { addressKey } from './ip-math.js';
import { labNamespaceName } from './model.js';
import type { Located, ReadContext } from './yaml-nodes.js';

export interface InterfaceDeclaration {
  kind: 'link end' | 'bridge';
  name: Located<string>;
  addresses: Located<string>[];
  /** For a link end attached to a bridge: the bridge's name and where the attachment was written. */
  bridge?: Located<string>;
}

export interface NamespaceScope {
  /** `namespace red`, or `the root namespace`, for messages. */
  label: string;
  /** The kernel's name; null for the root namespace. */
  netns: NamespaceName;
  draft?: NamespaceDraft;
  interfaces: Map<string, InterfaceDeclaration>;
}

/** The scopes of one topology: the declared namespaces by name, and the root namespace. */
export class Scopes {
  readonly root: NamespaceScope = { label: 'the root namespace', netns: null, interfaces: new Map() };
  private readonly byName = new Map<string, NamespaceScope>();

  constructor(
    private readonly context: ReadContext,
    lab: string,
    namespaces: readonly NamespaceDraft[],
  ) {
    for (const draft of namespaces) {
      this.byName.set(draft.name.value, { label: `namespace ${draft.name.value}`, netns: labNamespaceName(lab, draft.name.value), draft, interfaces: new Map() });
    }
  }

  /** Every declared namespace's scope, in file order. */
  get namespaces(): NamespaceScope[] {
    return [...this.byName.values()];
  }

  /** The scope a reference names (absent: the root namespace), or undefined after reporting an undeclared name. */
  lookup(namespace: Located<string> | undefined): NamespaceScope | undefined {
    if (namespace === undefined) return this.root;
    const scope = this.byName.get(namespace.value);
    if (!scope) {
      // A file may declare thousands of namespaces: the message names a few and counts the rest.
      const list = this.byName.size > 0 ? listSome(this.byName.keys()) : 'none (add it under namespaces:)';
      this.context.diagnostics.add(namespace.span, `undeclared namespace ${namespace.value}; declared: ${list}`);
    }
    return scope;
  }

  /** The scope a reference names, without reporting (for references already looked up once). */
  find(namespace: Located<string> | undefined): NamespaceScope | undefined {
    return namespace === undefined ? this.root : this.byName.get(namespace.value);
  }

  /** Declares an interface in a scope; false, after reporting, when the name is already taken there. */
  declare(scope: NamespaceScope, declaration: InterfaceDeclaration): boolean {
    const first = scope.interfaces.get(declaration.name.value);
    if (first) {
      const line = this.context.diagnostics.lineOf(first.name.span.start);
      this.context.diagnostics.add(declaration.name.span, `interface ${declaration.name.value} is already declared in ${scope.label} at line ${line}`);
      return false;
    }
    scope.interfaces.set(declaration.name.value, declaration);
    return true;
  }
}

/** What declares an interface: a bridge, or one end of a link. */
export type InterfaceSource = { bridge: BridgeDraft } | { endpoint: EndpointDraft; other: EndpointDraft; second: boolean };

/**
 * Declares the bridges and link ends in the order they appear in the file, so that "already declared at line L"
 * always points back to the first. The second end of a link that names its first end again is reported as such.
 */
export function declareInterfaces(context: ReadContext, scopes: Scopes, sources: InterfaceSource[]): void {
  const spanOfSource = (source: InterfaceSource): Span => ('bridge' in source ? source.bridge.name.span : source.endpoint.interface.span);
  for (const source of [...sources].sort((a, b) => spanOfSource(a).start - spanOfSource(b).start)) {
    if ('bridge' in source) {
      const scope = scopes.lookup(source.bridge.namespace);
      if (scope) scopes.declare(scope, { kind: 'bridge', name: source.bridge.name, addresses: source.bridge.addresses });
      continue;
    }
    const { endpoint, other, second } = source;
    if (second && sameEnd(endpoint, other)) {
      context.diagnostics.add(endpoint.span, `a link's two ends must differ: both are ${endpoint.namespace ? `${endpoint.namespace.value}:` : ''}${endpoint.interface.value}`);
      continue;
    }
    const scope = scopes.lookup(endpoint.namespace);
    if (scope) scopes.declare(scope, { kind: 'link end', name: endpoint.interface, addresses: endpoint.addresses });
  }
}

function sameEnd(a: EndpointDraft, b: EndpointDraft): boolean {
  return a.namespace?.value === b.namespace?.value && a.interface.value === b.interface.value;
}

/** Reports an address given twice in one namespace (on one interface or two), whatever its prefix length. */
export function checkDuplicateAddresses(context: ReadContext, scope: NamespaceScope): void {
  const seen = new Map<string, Located<string>>();
  const addresses = [...scope.interfaces.values()].flatMap((declaration) => declaration.addresses);
  for (const address of addresses.sort((a, b) => a.span.start - b.span.start)) {
    const key = addressKey(parseCidr(address.value).address);
    const first = seen.get(key);
    if (first) {
      const line = context.diagnostics.lineOf(first.span.start);
      context.diagnostics.add(address.span, `address ${parseCidr(address.value).address} is already used in ${scope.label} (${first.value} at line ${line})`);
    } else {
      seen.set(key, address);
    }
  }
}
