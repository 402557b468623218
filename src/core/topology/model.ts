/**
 * A lab topology as the rest of the core sees it: the validated, normalized form of a `*.netns.yaml` file, with
 * every short form expanded and every namespace reference resolved to the kernel's name (`<lab>-<name>`).
 * `parse.ts` builds it from text; plan, apply, destroy and inspect work only from this.
 */
import type { Check } from '../checks/model.js';
import type { NamespaceName, RouteSpec } from '../model.js';

export type { TopologyDiagnostic } from '../diagnostic.js';

export interface Topology {
  /** The lab's name, as written: the prefix of its namespaces and the key of its ownership tag. */
  lab: string;
  namespaces: TopologyNamespace[];
  bridges: TopologyBridge[];
  links: TopologyLink[];
  /** The `checks:` section, when the file has one: what the deployed lab must pass (`netns-lab check FILE`). */
  checks?: Check[];
}

export interface TopologyNamespace {
  /** The name as written in the file (`red`). */
  name: string;
  /** The kernel's name of the namespace: `<lab>-<name>` (`lab1-red`). */
  netns: string;
  /** Sysctls to set inside the namespace, full keys (`net.ipv4.ip_forward`) to values; `forwarding` expands here. */
  sysctls: Record<string, string>;
  /** Routes of the namespace's main table; devices are interfaces the file declares in this namespace. */
  routes: RouteSpec[];
}

export interface TopologyBridge {
  name: string;
  /** Kernel name of the bridge's namespace; `null` is the root namespace. */
  namespace: NamespaceName;
  addresses: string[];
  mtu?: number;
  /** Interfaces in the bridge's namespace (ends of declared links) attached to it. */
  ports: string[];
}

/** The MTU a deploy gives a veth end that declares none (the kernel's own default for a veth). */
export const VETH_DEFAULT_MTU = 1500;

export interface TopologyEndpoint {
  /** Kernel name of the end's namespace; `null` is the root namespace. */
  namespace: NamespaceName;
  interface: string;
  /** Addresses with prefix length (`10.0.0.1/24`, `fd00::1/64`). */
  addresses: string[];
  mtu?: number;
  impairment?: Impairment;
}

/** A veth pair between two endpoints. */
export interface TopologyLink {
  endpoints: [TopologyEndpoint, TopologyEndpoint];
}

/**
 * Conditions of an end's outgoing traffic, in tc's own units. `rate` is done with an htb qdisc; `delay`, `jitter`
 * and `loss` need the netem qdisc.
 */
export interface Impairment {
  /** `10mbit`, `512kbit`, `1gbit`. */
  rate?: string;
  /** `20ms`, `1s`, `500us`. */
  delay?: string;
  /** Needs `delay`. */
  jitter?: string;
  /** `0.5%`. */
  loss?: string;
}

/** The tag every object of a lab carries as its interface alias (on `lo` for a namespace). */
export function labTag(lab: string): string {
  return `netns-lab:${lab}`;
}

/** The kernel's name of a lab's namespace. */
export function labNamespaceName(lab: string, name: string): string {
  return `${lab}-${name}`;
}
