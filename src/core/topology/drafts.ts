/**
 * A topology file as read, before names are resolved: every value carries its place in the file, so that the
 * checks across sections (undeclared namespaces, interfaces declared twice, bridge ports) can point at it.
 */
import type { CheckDraft } from '../checks/read-kinds.js';
import type { Span } from './diagnostics.js';
import type { Located } from './yaml-nodes.js';
import type { Impairment } from './model.js';

export interface TopologyDraft {
  lab?: Located<string>;
  namespaces: NamespaceDraft[];
  bridges: BridgeDraft[];
  links: LinkDraft[];
  /** The `checks:` section, when the file has one. */
  checks?: CheckDraft[];
}

export interface NamespaceDraft {
  name: Located<string>;
  forwarding?: Located<boolean>;
  sysctls: SysctlDraft[];
  routes: RouteDraft[];
}

export interface SysctlDraft {
  key: Located<string>;
  value: string;
}

export interface RouteDraft {
  span: Span;
  destination: Located<string>;
  /** The route's family: the destination's, for `default` the gateway's; undefined for `default` without one. */
  family?: 'inet' | 'inet6';
  via?: Located<string>;
  device?: Located<string>;
  metric?: Located<number>;
}

export interface BridgeDraft {
  name: Located<string>;
  /** Absent: the root namespace. */
  namespace?: Located<string>;
  addresses: Located<string>[];
  mtu?: number;
  ports: Located<string>[];
}

export interface EndpointDraft {
  span: Span;
  /** Absent: the root namespace. */
  namespace?: Located<string>;
  interface: Located<string>;
  addresses: Located<string>[];
  mtu?: number;
  bridge?: Located<string>;
  impairment?: Impairment;
}

export interface LinkDraft {
  span: Span;
  endpoints: [EndpointDraft, EndpointDraft];
}
