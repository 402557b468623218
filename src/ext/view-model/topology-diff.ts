/**
 * What changed between two pictures, by element id (ids are stable across reads): what to add, remove and update.
 * The panel sends only this to the page after the first picture, so what did not change keeps its place.
 */
import type { TopologyElement } from './topology-elements.js';

export interface TopologyPatch {
  /** In drawing order: boxes before what they hold, nodes before edges. */
  add: TopologyElement[];
  /** Ids; edges first, then nodes, boxes last. The page adds, then updates (moving nodes into new boxes), then removes. */
  remove: string[];
  /** Elements whose data or classes changed; a node may have moved into another box (a namespace into a lab's). */
  update: TopologyElement[];
}

export function diffTopology(before: readonly TopologyElement[], after: readonly TopologyElement[]): TopologyPatch {
  const old = new Map(before.map((element) => [element.data.id, element]));
  const now = new Set(after.map((element) => element.data.id));
  const patch: TopologyPatch = { add: [], remove: [], update: [] };
  for (const element of after) {
    const previous = old.get(element.data.id);
    // An id never changes group (its prefix says what it is: ns:, if:, lab:, ext:, veth:…).
    if (!previous) patch.add.push(element);
    else if (previous.classes !== element.classes || JSON.stringify(previous.data) !== JSON.stringify(element.data)) {
      patch.update.push(element);
    }
  }
  const gone = before.filter((element) => !now.has(element.data.id));
  // Edges go before the nodes they join, and what a box holds before the box (removing a box removes its content).
  const order = (element: TopologyElement): number => (element.group === 'edges' ? 0 : element.data.parent !== undefined ? 1 : 2);
  patch.remove.push(...gone.sort((a, b) => order(a) - order(b)).map((element) => element.data.id));
  return patch;
}

/** True when nothing changed. */
export function isEmptyPatch(patch: TopologyPatch): boolean {
  return patch.add.length === 0 && patch.remove.length === 0 && patch.update.length === 0;
}
