/**
 * What the page shows, as it answers the panel's `report` (for tests and the benchmark): the elements cytoscape
 * holds with where each is on the page, the selection, the details strip, the search, what has the keyboard, the
 * open menu and the colours in use.
 */
import type { PageBox, TopologyPageReport } from '../ext/view-model/topology-messages.js';
import type { DetailsStrip } from './details.js';
import type { Picture } from './picture.js';

export interface ReportedParts {
  picture: Picture;
  graph: HTMLElement;
  details: DetailsStrip;
  strip: HTMLElement;
  banner: HTMLElement;
  search: HTMLInputElement;
  count: HTMLElement;
  menu: HTMLElement;
}

export function pageReport(parts: ReportedParts): TopologyPageReport {
  const { picture, graph, details, strip, banner, search, count, menu } = parts;
  const cy = picture.cy;
  const area = graph.getBoundingClientRect();
  const nodes = cy.nodes(':not(.ghost)').map((node) => {
    const box = node.boundingBox({ includeLabels: false });
    const drawn = node.renderedBoundingBox({ includeLabels: true });
    const parent = node.isChild() ? node.parent().first().id() : undefined;
    return {
      id: node.id(),
      ...(parent ? { parent } : {}),
      classes: node.classes(),
      label: String(node.data('label') ?? ''),
      x: node.position('x'),
      y: node.position('y'),
      width: box.w,
      height: box.h,
      onPage: { left: area.left + drawn.x1, top: area.top + drawn.y1, right: area.left + drawn.x2, bottom: area.top + drawn.y2 },
    };
  });
  const edges = cy.edges(':not(.ghost-edge)').map((edge) => ({ id: edge.id(), source: edge.source().id(), target: edge.target().id(), classes: edge.classes() }));
  const { fontFamily: _font, ...colours } = picture.currentTheme;
  return {
    nodes,
    edges,
    selected: cy.elements(':selected').map((element) => element.id()),
    banner: banner.textContent ?? '',
    details: details.shown ? details.text : '',
    picture: pageBox(area),
    ...(details.shown ? { detailsBox: pageBox(strip.getBoundingClientRect()) } : {}),
    search: { text: search.value, count: count.textContent ?? '' },
    focus: focusName(graph, search, menu),
    menu: menu.hidden ? [] : Array.from(menu.querySelectorAll('button'), (button) => button.textContent ?? ''),
    colours,
  };
}

function pageBox(rect: DOMRect): PageBox {
  return { left: rect.left, top: rect.top, right: rect.right, bottom: rect.bottom };
}

function focusName(graph: HTMLElement, search: HTMLElement, menu: HTMLElement): string {
  const active = document.activeElement;
  if (!document.hasFocus() || !active) return 'none';
  if (active === graph || graph.contains(active)) return 'picture';
  if (active === search) return 'search';
  if (menu.contains(active)) return 'menu';
  return active.id || active.tagName.toLowerCase();
}
