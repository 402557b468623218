/**
 * The Topology panel's page: draws the picture the panel sends, applies its patches as the kernel changes, and
 * tells the panel what the user did (selected, moved, chose from the menu, connected two namespaces). It runs in
 * the panel's webview, a browser with no network; everything it shows comes from the panel in messages.
 */
import type cytoscape from 'cytoscape';
import type { TopologyPageToPanel, TopologyPanelToPage } from '../ext/view-model/topology-messages.js';
import { Controls } from './controls.js';
import { Menus } from './menus.js';
import { Picture } from './picture.js';
import { readTheme } from './theme.js';

interface VsCodeApi {
  postMessage(message: TopologyPageToPanel): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const byId = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T;
const banner = byId('banner');
const details = byId('details');

const currentTheme = () =>
  readTheme(
    (name) => getComputedStyle(document.documentElement).getPropertyValue(`--vscode-${name}`),
    document.body.classList.contains('vscode-dark') || document.body.classList.contains('vscode-high-contrast'),
  );
const picture = new Picture(byId('graph'), currentTheme());
const cy = picture.cy;
const post = (message: TopologyPageToPanel): void => vscode.postMessage(message);
const controls = new Controls(picture, byId('graph'), byId<HTMLInputElement>('search'), byId('matches'));
new Menus(picture, byId('menu'), post);
/** A selection made by the panel (from the tree) is not sent back as the user's. */
let selectingForPanel = false;
/** A queue, so that a patch never runs while the first layout is still under way. */
let work: Promise<void> = Promise.resolve();

// VS Code changes the body's classes and the root's style when the theme changes.
const themeWatch = new MutationObserver(() => picture.setTheme(currentTheme()));
themeWatch.observe(document.body, { attributes: true, attributeFilter: ['class'] });
themeWatch.observe(document.documentElement, { attributes: true, attributeFilter: ['style'] });

byId('zoom-in').addEventListener('click', () => controls.zoom(1.25));
byId('zoom-out').addEventListener('click', () => controls.zoom(0.8));
byId('fit').addEventListener('click', () => controls.fit(true));
byId('relayout').addEventListener('click', () => void picture.layout().then(() => post({ type: 'moved', positions: picture.positions() })));

cy.on('select unselect', () => showDetails());
cy.on('mouseover', 'edge', (event) => void event.target.addClass('show-label'));
cy.on('mouseout', 'edge', (event) => void event.target.removeClass('show-label'));
cy.on('mouseover', 'node', (event) => showDetails(event.target as cytoscape.NodeSingular));
cy.on('mouseout', 'node', () => showDetails());
cy.on('select', 'node', (event) => {
  const node = event.target as cytoscape.NodeSingular;
  node.connectedEdges().addClass('show-label');
  if (!selectingForPanel && !node.hasClass('lab') && !node.hasClass('external')) post({ type: 'selected', id: node.id() });
});
cy.on('unselect', 'node', (event) => void (event.target as cytoscape.NodeSingular).connectedEdges().removeClass('show-label'));
cy.on('dragfree', 'node', () => post({ type: 'moved', positions: picture.positions() }));

window.addEventListener('message', (event: MessageEvent<TopologyPanelToPage>) => {
  const message = event.data;
  switch (message.type) {
    case 'graph':
      showBanner(message.banner, message.planned);
      return void (work = work.then(async () => {
        const start = performance.now();
        await picture.show(message.elements, message.positions, message.planned);
        drawn(performance.now() - start);
      }));
    case 'patch':
      showBanner(message.banner, message.planned);
      return void (work = work.then(() => {
        const start = performance.now();
        picture.apply(message.patch, message.planned);
        controls.refreshSearch();
        drawn(performance.now() - start);
      }));
    case 'select':
      return void (work = work.then(() => select(message.id)));
    case 'fit':
      return void (work = work.then(() => controls.fit(true)));
    case 'report':
      return void (work = work.then(() => afterPaint(() => post({ type: 'shown', id: message.id, ...report() }))));
  }
});
post({ type: 'ready' });

function select(id: string): void {
  const node = cy.getElementById(id);
  if (node.empty()) return;
  selectingForPanel = true;
  cy.elements(':selected').unselect();
  node.select();
  selectingForPanel = false;
  cy.animate({ center: { eles: node } }, { duration: 150 });
}

function showBanner(text: string | undefined, planned: boolean): void {
  banner.textContent = text ?? '';
  banner.className = `banner${planned ? ' planned' : ''}${text?.startsWith('Could not') ? ' error' : ''}`;
}

/** The hovered node's details, else the selected element's; a title and a few short lines. */
function showDetails(hovered?: cytoscape.NodeSingular): void {
  const element = hovered ?? cy.elements(':selected').first();
  if (!element || element.empty() || element.hasClass('ghost')) {
    details.hidden = true;
    return;
  }
  const title = document.createElement('div');
  title.className = 'title';
  title.textContent = String(element.data('title') ?? element.id());
  const lines = ((element.data('details') as string[] | undefined) ?? []).map((text) => {
    const line = document.createElement('div');
    line.className = text.startsWith('drift') ? 'line drift' : 'line';
    line.textContent = text;
    return line;
  });
  details.replaceChildren(title, ...lines);
  details.hidden = false;
}

function drawn(layoutMs: number): void {
  void afterPaint(() => post({ type: 'drawn', at: Date.now(), nodes: cy.nodes().length, layoutMs }));
}

/** The frame after the next one has painted what was just drawn. */
function afterPaint(then: () => void): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => (then(), resolve()))));
}

function report(): Omit<Extract<TopologyPageToPanel, { type: 'shown' }>, 'type' | 'id'> {
  const nodes = cy.nodes(':not(.ghost)').map((node) => {
    const box = node.boundingBox({ includeLabels: false });
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
    };
  });
  const edges = cy.edges(':not(.ghost-edge)').map((edge) => ({ id: edge.id(), source: edge.source().id(), target: edge.target().id(), classes: edge.classes() }));
  return { nodes, edges, selected: cy.elements(':selected').map((element) => element.id()), banner: banner.textContent ?? '', details: details.hidden ? '' : (details.textContent ?? '') };
}
