/**
 * A laid-out picture as a tree of SVG elements: plain data, drawn as SVG text by `svg.ts` (with a fixed light
 * palette) and as DOM elements by the notebook's renderer (with the editor's theme colours). What an element
 * looks like is said by its classes only, so each drawing brings its own colours for the same tree.
 */
import { escapeHidden } from '../display.js';
import type { GraphLayout, LaidBox, LaidLink, LaidNode, LaidText } from './layout-model.js';

export interface DrawnElement {
  tag: 'g' | 'rect' | 'ellipse' | 'circle' | 'polyline' | 'polygon' | 'text' | 'defs' | 'marker' | 'path';
  /** Space-separated classes: what it is (`interface state-up bridge`), never a colour. */
  className?: string;
  attributes: Record<string, string | number>;
  /** Text content (text elements). */
  text?: string;
  /** A tooltip: the element's SVG `<title>`. */
  tooltip?: string;
  children?: DrawnElement[];
}

/** The id of the arrowhead a stacked link (`lower`) ends in. */
export const ARROW_ID = 'netns-lab-arrow';

/** The picture's elements, back to front: lab boxes, namespace boxes, links, subnet labels, interfaces. */
export function drawLayout(layout: GraphLayout): DrawnElement[] {
  const arrow: DrawnElement = {
    tag: 'marker',
    attributes: { id: ARROW_ID, viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 7, markerHeight: 7, orient: 'auto-start-reverse' },
    children: [{ tag: 'path', className: 'arrow', attributes: { d: 'M 0 0 L 10 5 L 0 10 z' } }],
  };
  return [
    { tag: 'defs', attributes: {}, children: [arrow] },
    ...layout.labs.map((box) => drawBox(box, 'lab-box')),
    ...layout.namespaces.map((box) => drawBox(box, box.appearance)),
    ...layout.links.map(drawLink),
    ...layout.nodes.map(drawNode),
  ];
}

function drawBox(box: LaidBox, className: string): DrawnElement {
  const rect: DrawnElement = { tag: 'rect', className, attributes: { x: box.x, y: box.y, width: box.width, height: box.height, rx: 10 } };
  return { tag: 'g', className: 'box', attributes: { 'data-id': box.id }, tooltip: shownTooltip(box.tooltip), children: [rect, drawText(box.label)] };
}

function drawLink(link: LaidLink): DrawnElement {
  const attributes: Record<string, string | number> = { points: link.points.map((point) => `${point.x},${point.y}`).join(' ') };
  if (link.appearance.split(' ').includes('link-lower')) attributes['marker-end'] = `url(#${ARROW_ID})`;
  const children: DrawnElement[] = [{ tag: 'polyline', className: link.appearance, attributes }];
  if (link.label) {
    const { x, y, width, height } = link.label;
    children.push(
      { tag: 'rect', className: 'subnet-box', attributes: { x, y, width, height, rx: 3 } },
      { tag: 'text', className: 'subnet', attributes: { x: round(x + width / 2), y: round(y + height - 4.5), 'text-anchor': 'middle' }, text: link.label.text },
    );
  }
  return { tag: 'g', className: 'link-group', attributes: { 'data-id': link.id }, tooltip: shownTooltip(link.tooltip), children };
}

function drawNode(node: LaidNode): DrawnElement {
  const { x, y, width, height } = node;
  const shape: DrawnElement =
    node.shape === 'ellipse'
      ? { tag: 'ellipse', className: node.appearance, attributes: { cx: round(x + width / 2), cy: round(y + height / 2), rx: round(width / 2), ry: round(height / 2) } }
      : { tag: 'rect', className: node.appearance, attributes: { x, y, width, height, rx: node.appearance.includes('bridge') ? 2 : 6 } };
  const children = [shape, ...node.lines.map(drawText)];
  const state = /\bstate-[\w-]+/u.exec(node.appearance)?.[0];
  // A dot in the corner says the state at a glance, in colour; the words under the name say it without.
  if (state) children.push({ tag: 'circle', className: `dot ${state}`, attributes: { cx: round(x + width - 7), cy: round(y + 7), r: 3.5 } });
  if (node.appearance.includes('leads-out')) {
    const points = `${x + width},${round(y + height / 2 - 6)} ${x + width + 8},${round(y + height / 2)} ${x + width},${round(y + height / 2 + 6)}`;
    children.push({ tag: 'polygon', className: 'out-mark', attributes: { points } });
  }
  return { tag: 'g', className: 'node', attributes: { 'data-id': node.id }, tooltip: shownTooltip(node.tooltip), children };
}

function drawText(text: LaidText): DrawnElement {
  return { tag: 'text', className: text.appearance, attributes: { x: text.x, y: text.y }, text: text.text };
}

/** Each line of a tooltip with its hidden characters as escapes; the line breaks stay. */
function shownTooltip(tooltip: string): string {
  return tooltip.split('\n').map(escapeHidden).join('\n');
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
