/**
 * The Topology panel's page: draws the picture the panel sends, applies its patches as the kernel changes, and
 * tells the panel what the user did (selected, moved, chose from the menu, connected two namespaces). It runs in
 * the panel's webview, a browser with no network; everything it shows comes from the panel in messages.
 */
import type cytoscape from 'cytoscape';
import type { TopologyPageToPanel, TopologyPanelToPage } from '../ext/view-model/topology-messages.js';
import { Controls } from './controls.js';
import { DetailsStrip } from './details.js';
import { Menus } from './menus.js';
import { Picture } from './picture.js';
import { pageReport } from './report.js';
import { readTheme } from './theme.js';

/** What the page keeps across the panel being hidden and shown again. */
interface PageState {
  detailsShown?: boolean;
}

interface VsCodeApi {
  postMessage(message: TopologyPageToPanel): void;
  getState(): PageState | undefined;
  setState(state: PageState): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const byId = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T;
const banner = byId('banner');
const graph = byId('graph');

const currentTheme = () =>
  readTheme(
    (name) => getComputedStyle(document.documentElement).getPropertyValue(`--vscode-${name}`),
    document.body.classList.contains('vscode-dark') || document.body.classList.contains('vscode-high-contrast'),
  );
const picture = new Picture(graph, currentTheme());
const cy = picture.cy;
const post = (message: TopologyPageToPanel): void => vscode.postMessage(message);
const controls = new Controls(picture, graph, byId<HTMLInputElement>('search'), byId('matches'));
new Menus(picture, byId('menu'), post);
const details = new DetailsStrip(picture, byId('details'), byId('details-body'), byId<HTMLButtonElement>('details-toggle'), vscode.getState()?.detailsShown ?? true, (shown) =>
  vscode.setState({ ...vscode.getState(), detailsShown: shown }),
);
// The picture's area changes with the panel and the details strip; cytoscape follows only the window by itself.
new ResizeObserver(() => cy.resize()).observe(graph);
/** A selection made by the panel (from the tree) is not sent back as the user's. */
let selectingForPanel = false;
/** A queue, so that a patch never runs while the first layout is still under way. */
let work: Promise<void> = Promise.resolve();

// VS Code changes the body's classes and the root's style when the theme changes.
const themeWatch = new MutationObserver(() => {
  picture.setTheme(currentTheme());
  details.show();
});
themeWatch.observe(document.body, { attributes: true, attributeFilter: ['class'] });
themeWatch.observe(document.documentElement, { attributes: true, attributeFilter: ['style'] });
const showDetails = (hovered?: cytoscape.NodeSingular): void => details.show(hovered);

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
        const steps = await picture.show(message.elements, message.positions, message.planned);
        drawn(performance.now() - start, { 'page loaded at': readyAt, 'picture came at': start, ...steps });
      }));
    case 'patch':
      showBanner(message.banner, message.planned);
      return void (work = work.then(() => {
        const start = performance.now();
        picture.apply(message.patch, message.planned);
        controls.refreshSearch();
        details.show();
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
const readyAt = performance.now();
post({ type: 'ready', loading: loadingSteps() });

/** When the page's loading steps ended, as Date.now() times. */
function loadingSteps(): Record<string, number> {
  const at = (ms: number) => Math.round(performance.timeOrigin + ms);
  const script = performance.getEntriesByType('resource').find((entry) => entry.name.includes('topology-view.js')) as PerformanceResourceTiming | undefined;
  return {
    'page began': at(0),
    ...(script && { 'script asked': at(script.fetchStart), 'script fetched': at(script.responseEnd) }),
    'script ran': at(readyAt),
  };
}

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

function drawn(layoutMs: number, steps?: Record<string, number>): void {
  const start = performance.now();
  void afterPaint(() => post({ type: 'drawn', at: Date.now(), nodes: cy.nodes().length, layoutMs, ...(steps && { steps: { ...steps, painted: performance.now() - start } }) }));
}

/** The frame after the next one has painted what was just drawn. */
function afterPaint(then: () => void): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => (then(), resolve()))));
}

function report(): Omit<Extract<TopologyPageToPanel, { type: 'shown' }>, 'type' | 'id'> {
  return pageReport({ picture, graph, details, strip: byId('details'), banner, search: byId<HTMLInputElement>('search'), count: byId('matches'), menu: byId('menu') });
}
