/**
 * The typed picture of a host's network namespaces that every front end (tree, CLI, notebooks) reads.
 * Parsers in `iproute2/parse.ts` produce it from `ip -j` output; nothing here does I/O.
 */

/**
 * A namespace reference: a name under /run/netns, `null` for the host's own (root) namespace, or, for a namespace
 * without a name (a container's, a `unshare --net` process's), the absolute path of a file that reaches it
 * (`/proc/PID/ns/net`, a bind mount such as Docker's). A name never contains "/", so the two cannot be confused:
 * see `isUnnamedNamespace`.
 */
export type NamespaceName = string | null;

/** True for the reference of a namespace without a name (a path), false for a name or the root namespace. */
export function isUnnamedNamespace(namespace: NamespaceName): namespace is string {
  return namespace !== null && namespace.startsWith('/');
}

/** A namespace file's identity: the device and inode of its nsfs file, the same however it is reached. */
export type NamespaceIdentity = string;

/** What uses a namespace without a name, read from its processes. */
export interface NamespaceUser {
  pid: number;
  /** The process's command name (`/proc/PID/comm`). */
  command: string;
  /** A container id (Docker, Podman, containerd), from the process's cgroup. */
  container?: string;
  /** A Kubernetes pod's uid, from the cgroup. */
  pod?: string;
  /** A systemd unit (`foo.service`), from the cgroup. */
  unit?: string;
  /** A Mininet host's name (`h1`), from its shell's command line (`mininet:h1`). */
  mininetHost?: string;
}

/** A namespace without a name, as found through processes, their threads and open files, and bind mounts. */
export interface UnnamedNamespace {
  /** Its reference: the path it is read through. */
  path: string;
  identity: NamespaceIdentity;
  /** The inode of its nsfs file, as `ls -l /proc/PID/ns/net` shows it. */
  inode: number;
  /** Processes whose namespace it is, lowest pid first (a few at most, for labels). */
  pids: number[];
  /** What the first of them is; absent when the namespace is held only by a mount or an open file. */
  user?: NamespaceUser;
  /** A bind mount that keeps it (Docker's `/run/docker/netns/…`), when there is one. */
  mount?: string;
}

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

/** One nsid of a namespace: the namespace it stands for there, as resolved by reading the kernel. */
export interface NsidEntry {
  id: number;
  namespace: NamespaceName;
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
  /** The nsids its links use, each with the namespace it stands for (those that could be resolved). */
  nsids: NsidEntry[];
  /** For a namespace without a name: what it is. */
  unnamed?: UnnamedNamespace;
  /** Its identity when it was read (absent when that could not be had). */
  identity?: NamespaceIdentity;
  /** Set when this namespace could not be read (it vanished, or `ip` failed); the lists are then empty. */
  error?: string;
}

/**
 * A whole host: the root namespace first, then every named namespace, sorted by name, then those without a name
 * (by their first process's pid).
 */
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
