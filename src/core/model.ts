/**
 * The typed picture of a host's network namespaces that every front end (tree, CLI, notebooks) reads.
 * Parsers in `iproute2/parse.ts` produce it from `ip -j` output; nothing here does I/O.
 */

/** A namespace reference: a name under /run/netns, or `null` for the host's own (root) namespace. */
export type NamespaceName = string | null;

/** Where the other end of a veth lives. */
export interface PeerRef {
  /** The peer's namespace; `null` is the root namespace. */
  namespace: NamespaceName;
  interface: string;
}

export interface AddressInfo {
  family: 'inet' | 'inet6' | string;
  /** The address itself, without prefix length. */
  address: string;
  prefixLength: number;
  scope?: string;
  broadcast?: string;
  /** Point-to-point peer address, when the address has one. */
  peer?: string;
  label?: string;
  /** Flags such as `dynamic`, `tentative`, `deprecated`, `noprefixroute`. */
  flags: string[];
}

export interface LinkInfo {
  index: number;
  name: string;
  /**
   * The kernel's link kind (`veth`, `bridge`, `vxlan`, `macvlan`, `tun`, `vlan`, `bond`, `wireguard`, …) as reported,
   * `loopback` for lo and `device` for links without a kind (physical NICs). Unknown kinds are kept verbatim.
   */
  kind: string;
  /** For ports of a bridge or bond: the kind of their master as ip reports it (`bridge`, `bond`). */
  portKind?: string;
  flags: string[];
  /** Administratively up (the UP flag). */
  up: boolean;
  /** The kernel's operational state: UP, DOWN, LOWERLAYERDOWN, UNKNOWN, … */
  operState: string;
  mtu?: number;
  /** The kind of the link's root queueing discipline (`noqueue`, `htb`, `netem`, …). */
  qdisc?: string;
  mac?: string;
  /** Name of the master device (bridge, bond, vrf) in the same namespace. */
  master?: string;
  alias?: string;
  /** For stacked links (vlan, macvlan, ipvlan…) and veths in the same namespace: the name of the lower/peer link. */
  parentName?: string;
  /** The index of the peer or lower link; in the namespace given by `linkNetnsId` when set. */
  linkIndex?: number;
  /** The nsid, relative to this link's namespace, of the namespace holding `linkIndex`. */
  linkNetnsId?: number;
  addresses: AddressInfo[];
  /** Kind-specific details as the kernel reports them (`info_data`), for tooltips and JSON output. */
  details?: Record<string, unknown>;
  /**
   * For bridge and bond ports: the port's own settings as the kernel reports them (`info_slave_data`). Kept apart from
   * `details` because the two share keys (a vxlan's `port` is its UDP port; a bridge port's data would overwrite it).
   */
  portDetails?: Record<string, unknown>;
  /** Filled in by peer resolution (veths only). */
  peer?: PeerRef;
}

export interface NextHop {
  gateway?: string;
  device?: string;
  weight?: number;
  flags: string[];
}

export interface RouteInfo {
  family: 'inet' | 'inet6';
  /** `default` or a prefix such as `10.0.0.0/24`; host routes have no `/`. */
  destination: string;
  type?: string;
  gateway?: string;
  device?: string;
  protocol?: string;
  scope?: string;
  metric?: number;
  table?: string;
  preferredSource?: string;
  flags: string[];
  nextHops: NextHop[];
}

export interface NeighbourInfo {
  address: string;
  device?: string;
  mac?: string;
  /** Kernel states such as REACHABLE, STALE, PERMANENT, FAILED. */
  states: string[];
  router: boolean;
}

/** One line of `ip -j netns list`: a named namespace and its nsid as seen from where the list was read. */
export interface NetnsListEntry {
  name: string;
  /** Absent when the namespace has no nsid in the reading namespace. */
  id?: number;
}

/** Everything read from one namespace in one go. */
export interface NamespaceState {
  name: NamespaceName;
  links: LinkInfo[];
  routes: RouteInfo[];
  neighbours: NeighbourInfo[];
  /** The namespace's own nsid map of named namespaces. */
  nsids: NetnsListEntry[];
  /** Set when this namespace could not be read (it vanished, or `ip` failed); the lists are then empty. */
  error?: string;
}

/** A whole host: the root namespace first, then every named namespace, sorted by name. */
export interface HostSnapshot {
  namespaces: NamespaceState[];
}

/** A route to add or delete: a destination (`default`, a prefix or an address) via a gateway and/or a device. */
export interface RouteSpec {
  destination: string;
  via?: string;
  device?: string;
  metric?: number;
  /** Needed only for `default` without a gateway, to say which family's default route is meant. */
  family?: 'inet' | 'inet6';
}
