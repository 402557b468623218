/** What a cell's picture gives its output: plain data, so the notebook renderer can import its types. */
import type { DrawnElement } from '../graph/drawing.js';
import type { GraphLayout } from '../graph/layout-model.js';
import type { NetworkGraph } from '../graph/model.js';

/** The mime type of a cell's picture, drawn by the notebook renderer as SVG. */
export const TOPOLOGY_MIME = 'application/vnd.netns-lab.topology+json';

/**
 * The picture as the renderer needs it: laid out and turned into SVG elements by the core on the extension's side,
 * so the renderer only makes the elements. The graph is there for anything else that reads the output.
 */
export interface TopologyPayload {
  /** What it shows: `lab NAME`, `the namespaces of TARGET`. */
  title: string;
  graph: NetworkGraph;
  layout: GraphLayout;
  /** The picture's elements, with a key to its marks under it. */
  drawing: DrawnElement[];
  /** The size the drawing needs, key included. */
  size: { width: number; height: number };
}
