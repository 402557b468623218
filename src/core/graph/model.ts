/**
 * The picture of a network as data: namespaces as groups holding their interfaces, veth pairs and bridge ports as
 * links between interfaces, stacked links (vlan, macvlan, vxlan…) tied to their parent, tunnels to their remote.
 * Built from a snapshot (`from-snapshot.ts`) or from a topology file's planned lab (`from-topology.ts`); drawn as
 * Mermaid or Graphviz text (`mermaid.ts`, `dot.ts`), or laid out (`layout.ts`) and drawn as SVG (`svg.ts`, and the
 * notebook's renderer). Ids are stable across reads,
 * so a picture that follows the kernel keeps what did not change where it was.
 */
import type { NamespaceName } from '../model.js';

export interface NetworkGraph {
  namespaces: GraphNamespace[];
  interfaces: GraphInterface[];
  links: GraphLink[];
  /** Places outside the host that interfaces lead to (a vxlan's remote). */
  externals: GraphExternal[];
}

export interface GraphNamespace {
  id: string;
  label: string;
  namespace: NamespaceName;
  /** The deployed lab (or topology file's lab) it belongs to. */
  lab?: string;
  /** A namespace without a name (then `namespace` is its path). */
  unnamed?: boolean;
  /** Why it could not be read: it is listed (its label says so), but nothing inside it is known. */
  unreadable?: string;
  drift?: GraphDrift;
}

/** `planned`: from a topology file, not read from the kernel. */
export type InterfaceState = 'up' | 'down' | 'no-carrier' | 'planned';

export interface GraphInterface {
  id: string;
  namespaceId: string;
  name: string;
  kind: string;
  state: InterfaceState;
  mtu?: number;
  mac?: string;
  /** ADDRESS/PREFIX, link-local IPv6 addresses left out. */
  addresses: string[];
  /** It leads out of the host: a physical device, or a tunnel to a remote. */
  leadsOut?: boolean;
  /** A bridge's LAN: the subnets of its own addresses and of the interfaces at the far end of its ports. */
  lan?: string[];
  drift?: GraphDrift;
}

/** `veth`: the two ends of a pair; `port`: a port to its bridge; `lower`: a stacked link to its parent; `tunnel`: to a remote. */
export type GraphLinkKind = 'veth' | 'port' | 'lower' | 'tunnel';

export interface GraphLink {
  id: string;
  kind: GraphLinkKind;
  from: string;
  to: string;
  /** The subnets both ends have addresses in (CIDR, the network address). */
  subnets: string[];
  drift?: GraphDrift;
}

/**
 * How an element of a deployed lab's picture stands against the lab's file (`graph/drift.ts`): `missing`, declared
 * and not in the kernel (drawn from the file); `extra`, in the kernel and not declared; `differs`, both, with each
 * difference said in `details` ("address 10.0.0.1/24 declared, 10.0.0.9/24 in the kernel").
 */
export interface GraphDrift {
  kind: 'missing' | 'extra' | 'differs';
  details: string[];
}

export interface GraphExternal {
  id: string;
  label: string;
}

/** The id of a namespace's group: stable for a name, the root, or a path. */
export function namespaceId(namespace: NamespaceName): string {
  return `ns:${namespace === null ? '' : namespace}`;
}

/** The id of an interface: its namespace's id and its name. */
export function interfaceId(namespace: NamespaceName, name: string): string {
  return `if:${namespace === null ? '' : namespace}/${name}`;
}
