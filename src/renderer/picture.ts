/**
 * A cell's picture (TOPOLOGY_MIME) as SVG elements: the core laid it out and described each element (tag,
 * classes, geometry, text, tooltip), so this only makes them, with createElementNS, attributes set one by one and
 * text through textContent: names come from the machine and may hold anything, so none is ever parsed as markup.
 */
import type { DrawnElement } from '../core/graph/drawing.js';
import type { TopologyPayload } from '../core/notebook/picture-payload.js';
import { PICTURE_CLASS, PICTURE_STYLES } from './picture-styles.js';

const SVG_NS = 'http://www.w3.org/2000/svg';

/** Draws the payload into `element`: a caption, then the picture in a scroll box. */
export function renderPicture(payload: TopologyPayload, element: HTMLElement): void {
  const style = document.createElement('style');
  style.textContent = PICTURE_STYLES;
  const root = document.createElement('div');
  root.className = PICTURE_CLASS;
  const caption = document.createElement('p');
  caption.className = 'caption';
  const { namespaces, interfaces, links } = payload.graph;
  caption.textContent = `${payload.title}: ${count(namespaces.length, 'namespace')}, ${count(interfaces.length, 'interface')}, ${count(links.length, 'link')}`;
  const scroll = document.createElement('div');
  scroll.className = 'picture-scroll';
  scroll.append(svgElement(payload));
  root.append(caption, scroll);
  element.replaceChildren(style, root);
}

function svgElement(payload: TopologyPayload): SVGSVGElement {
  const { width, height } = payload.size;
  const svg = document.createElementNS(SVG_NS, 'svg');
  svg.setAttribute('width', String(width));
  svg.setAttribute('height', String(height));
  svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', payload.title);
  svg.append(...payload.drawing.map(drawn));
  return svg;
}

function drawn(description: DrawnElement): SVGElement {
  const element = document.createElementNS(SVG_NS, description.tag);
  if (description.className) element.setAttribute('class', description.className);
  for (const [name, value] of Object.entries(description.attributes)) element.setAttribute(name, String(value));
  if (description.tooltip !== undefined) {
    const title = document.createElementNS(SVG_NS, 'title');
    title.textContent = description.tooltip;
    element.append(title);
  }
  if (description.text !== undefined) element.append(document.createTextNode(description.text));
  for (const child of description.children ?? []) element.append(drawn(child));
  return element;
}

function count(value: number, word: string): string {
  return `${value} ${word}${value === 1 ? '' : 's'}`;
}
