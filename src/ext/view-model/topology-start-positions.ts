/**
 * Where a large picture's nodes start when the user has placed none: the core's packed layout (milliseconds), since
 * fcose takes seconds there (measured: 1.9-2.6 s at 100 namespaces, 5.5-8.2 s at 500, in the editor). A picture a
 * person reads link by link, or one with saved positions, is left to the page (fcose, or the saved places).
 */
import { preloadElk } from '../../core/graph/elk.js';
import { LARGE_PICTURE, layoutGraph } from '../../core/graph/layout.js';
import type { NetworkGraph } from '../../core/graph/model.js';
import type { TopologyPositions } from './topology-messages.js';

/** The page sizes nodes from their text in its own font: spreading the packed places keeps their boxes apart. */
const SPREAD = 1.5;

/**
 * Called before the picture is read, with how many namespaces it will hold: a picture likely to be laid out here
 * (three interfaces a namespace would make it large) has ELK loaded while it is read, not after.
 */
export function prepareStartingPositions(namespaces: number): void {
  if (namespaces * 3 > LARGE_PICTURE) preloadElk();
}

export async function startingPositions(graph: NetworkGraph, saved: TopologyPositions): Promise<TopologyPositions> {
  if (Object.keys(saved).length > 0 || graph.interfaces.length <= LARGE_PICTURE) return saved;
  const layout = await layoutGraph(graph);
  const positions: TopologyPositions = {};
  for (const node of layout.nodes) positions[node.id] = { x: Math.round((node.x + node.width / 2) * SPREAD), y: Math.round((node.y + node.height / 2) * SPREAD) };
  return positions;
}
