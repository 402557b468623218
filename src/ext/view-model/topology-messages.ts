/**
 * The messages between the Topology panel and its page, typed once for both sides (the page imports only these
 * types). The panel sends the whole picture once, then patches; the page tells what the user did.
 */
import type { TopologyPatch } from './topology-diff.js';
import type { TopologyElement } from './topology-elements.js';

export interface Point {
  x: number;
  y: number;
}

/** Where the user put nodes, by id (simple nodes only: a box's place follows from what it holds). */
export type TopologyPositions = Record<string, Point>;

/** The commands the page's context menu may run (the panel refuses any other a page would ask for). */
export const TOPOLOGY_ACTION_COMMANDS = [
  'netnsLab.namespace.openTerminal',
  'netnsLab.veth.create',
  'netnsLab.capture.start',
  'netnsLab.namespace.delete',
  'netnsLab.address.add',
  'netnsLab.interface.delete',
] as const;

export type TopologyActionCommand = (typeof TOPOLOGY_ACTION_COMMANDS)[number];

export type TopologyPanelToPage =
  /** The whole picture; `positions`: where the user put nodes before; `banner`: a line above it (a plan, an error). */
  | { type: 'graph'; elements: TopologyElement[]; positions: TopologyPositions; banner?: string; planned: boolean }
  | { type: 'patch'; patch: TopologyPatch; banner?: string; planned: boolean }
  | { type: 'select'; id: string }
  /** Fit the whole picture into the panel, as the Fit button does. */
  | { type: 'fit' }
  | { type: 'report'; id: number };

/** A box on the page, in CSS pixels from the page's top left. */
export interface PageBox {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** What the page draws now, as it answers a `report`. */
export interface TopologyPageReport {
  /** `onPage`: where the node is drawn (its label included), whether or not that is in sight. */
  nodes: Array<{ id: string; parent?: string; classes: string[]; label: string; x: number; y: number; width: number; height: number; onPage: PageBox }>;
  edges: Array<{ id: string; source: string; target: string; classes: string[] }>;
  selected: string[];
  banner: string;
  /** The details of the selected (or hovered) element as shown; empty when none is. */
  details: string;
  /** The picture's area on the page. */
  picture: PageBox;
  /** The details strip on the page; absent while it is hidden. */
  detailsBox?: PageBox;
  /** The search box's text and what it says it found ("3 found", "no match", or nothing). */
  search: { text: string; count: string };
  /** What has the keyboard: `picture`, `search`, `menu`, another element's id, or `none` when the page has not. */
  focus: string;
  /** The context menu's items while it is open. */
  menu: string[];
  /** The colours the picture is drawn in, by their role (from the theme). */
  colours: Record<string, string>;
}

export type TopologyPageToPanel =
  /** The page listens; `loading`: when its loading steps ended (the page's Date.now()), for the log and the benchmark. */
  | { type: 'ready'; loading?: Record<string, number> }
  /** A picture or patch was laid out and painted (for tests and the benchmark), at the page's Date.now(). */
  | { type: 'drawn'; at: number; nodes: number; layoutMs: number; steps?: Record<string, number> }
  | ({ type: 'shown'; id: number } & TopologyPageReport)
  | { type: 'selected'; id: string }
  | { type: 'action'; command: TopologyActionCommand; id: string }
  | { type: 'connect'; from: string; to: string }
  | { type: 'moved'; positions: TopologyPositions };

const PAGE_TYPES = new Set(['ready', 'drawn', 'shown', 'selected', 'action', 'connect', 'moved']);

/** True for a message of the page (anything else posted to the panel is ignored). */
export function isTopologyPageMessage(message: unknown): message is TopologyPageToPanel {
  return typeof message === 'object' && message !== null && PAGE_TYPES.has(String((message as { type?: unknown }).type));
}
