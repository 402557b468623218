/**
 * A network's picture laid out: plain positioned data (absolute coordinates, top-left origin) that a drawing
 * needs no layout engine for. Made by `layout.ts`; drawn as SVG text by `svg.ts`, and in the notebook's renderer
 * as SVG elements. Types only, so that the renderer (a browser module) can import them.
 */

export interface GraphLayout {
  width: number;
  height: number;
  /** Boxes around a lab's namespaces, drawn first. */
  labs: LaidBox[];
  /** One box per namespace, holding its interfaces. */
  namespaces: LaidBox[];
  /** Interfaces and the places outside the host (externals), drawn last, above the links. */
  nodes: LaidNode[];
  links: LaidLink[];
}

/** What a drawn element is, for its colours: each word a class (`interface up`, `namespace lab`, `drift-missing`). */
export type Appearance = string;

export interface LaidBox {
  /** The graph element's id (`ns:NAME`), or `lab:NAME` for a lab's box. */
  id: string;
  x: number;
  y: number;
  width: number;
  height: number;
  /** The title written at the box's top left. */
  label: LaidText;
  appearance: Appearance;
  /** Said when the pointer rests on it: what it is, and its drift. */
  tooltip: string;
}

export interface LaidNode {
  /** The graph element's id (`if:NS/NAME`, `ext:ADDRESS`). */
  id: string;
  shape: 'box' | 'ellipse';
  x: number;
  y: number;
  width: number;
  height: number;
  /** The lines written inside it, top to bottom: the name first. */
  lines: LaidText[];
  appearance: Appearance;
  tooltip: string;
}

export interface LaidText {
  text: string;
  /** The baseline's start. */
  x: number;
  y: number;
  appearance: Appearance;
}

export interface LaidLink {
  /** The graph link's id. */
  id: string;
  /** The polyline from the first end to the second: at least two points. */
  points: Array<{ x: number; y: number }>;
  /** Its subnets: the text, and the box it is centred in (x and y its top left). */
  label?: LaidText & { width: number; height: number };
  appearance: Appearance;
  tooltip: string;
}
