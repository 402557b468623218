/**
 * Where nodes new to a picture go, so that a picture that follows the kernel keeps what did not change in place:
 * beside the nodes of their own box when it has some, else next to what they connect to, else to the right of
 * everything. Each lands on the first free spot of rings around that anchor. Pure: tested under Node.
 */
import type { Point } from '../ext/view-model/topology-messages.js';

export interface NewNode {
  id: string;
  /** Its box (a namespace), if any. */
  parent?: string;
  /** The nodes it is joined to by an edge. */
  neighbours: readonly string[];
}

/** Space between the centres of two nodes. */
export const SPACING = 90;
const RING_STEPS = 12;
const MAX_RINGS = 40;

/**
 * Positions for `added`, in order (a later one may sit beside an earlier one). `placed`: the simple nodes drawn
 * now (and childless boxes) with their positions; `membersOf`: for a box id, the ids of what it holds now.
 */
export function placeNewNodes(added: readonly NewNode[], placed: ReadonlyMap<string, Point>, membersOf: (box: string) => readonly string[]): Map<string, Point> {
  const known = new Map(placed);
  const result = new Map<string, Point>();
  for (const node of added) {
    const point = freeSpot(anchorOf(node, known, membersOf), known, node.parent === undefined || !hasPlacedMembers(node.parent, known, membersOf) ? 2 : 1);
    known.set(node.id, point);
    result.set(node.id, point);
  }
  return result;
}

function anchorOf(node: NewNode, known: ReadonlyMap<string, Point>, membersOf: (box: string) => readonly string[]): Point {
  if (node.parent !== undefined) {
    const siblings = membersOf(node.parent).flatMap((id) => (id !== node.id && known.has(id) ? [known.get(id)!] : []));
    if (siblings.length > 0) return centroid(siblings);
    const box = known.get(node.parent);
    if (box) return box;
  }
  const neighbours = node.neighbours.flatMap((id) => (known.has(id) ? [known.get(id)!] : []));
  if (neighbours.length > 0) return centroid(neighbours);
  if (known.size === 0) return { x: 0, y: 0 };
  const all = [...known.values()];
  return { x: Math.max(...all.map((point) => point.x)) + 2 * SPACING, y: Math.min(...all.map((point) => point.y)) };
}

function hasPlacedMembers(box: string, known: ReadonlyMap<string, Point>, membersOf: (box: string) => readonly string[]): boolean {
  return known.has(box) || membersOf(box).some((id) => known.has(id));
}

/** The first spot, ring by ring around `anchor` (from `firstRing` out), at least SPACING from every known node. */
function freeSpot(anchor: Point, known: ReadonlyMap<string, Point>, firstRing: number): Point {
  if (known.size === 0) return anchor;
  for (let ring = firstRing; ring <= MAX_RINGS; ring++) {
    for (let step = 0; step < RING_STEPS; step++) {
      const angle = (2 * Math.PI * step) / RING_STEPS;
      const spot = { x: Math.round(anchor.x + ring * SPACING * Math.cos(angle)), y: Math.round(anchor.y + ring * SPACING * Math.sin(angle)) };
      if (isFree(spot, known)) return spot;
    }
  }
  return { x: anchor.x + (MAX_RINGS + 1) * SPACING, y: anchor.y };
}

function isFree(spot: Point, known: ReadonlyMap<string, Point>): boolean {
  for (const point of known.values()) if (Math.hypot(point.x - spot.x, point.y - spot.y) < SPACING * 0.95) return false;
  return true;
}

function centroid(points: readonly Point[]): Point {
  return { x: points.reduce((sum, point) => sum + point.x, 0) / points.length, y: points.reduce((sum, point) => sum + point.y, 0) / points.length };
}
