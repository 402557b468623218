/**
 * The picture itself: a cytoscape instance with fcose, drawing the panel's elements. The first picture is laid out
 * by fcose (or put where the user left its nodes); later changes are applied as patches, and new nodes are placed
 * beside their neighbours (`placement.ts`) without moving anything else.
 */
import cytoscape from 'cytoscape';
import fcose from 'cytoscape-fcose';
import type { TopologyPatch } from '../ext/view-model/topology-diff.js';
import type { TopologyElement } from '../ext/view-model/topology-elements.js';
import type { Point, TopologyPositions } from '../ext/view-model/topology-messages.js';
import { placeNewNodes, type NewNode } from './placement.js';
import { styleAtOnce } from './style-at-once.js';
import { stylesheet, type Theme } from './theme.js';

cytoscape.use(fcose);

/** Above this many nodes fcose's spectral draft alone is used: its incremental pass costs seconds there. */
const DRAFT_ABOVE = 600;
/** Above this many nodes fcose's incremental pass runs fewer iterations (its default is 2,500). */
const FEWER_ITERATIONS_ABOVE = 200;

export class Picture {
  readonly cy: cytoscape.Core;
  private readonly measure = document.createElement('canvas').getContext('2d')!;
  /** The picture is a file's plan (every element drawn in the planned style). */
  private planned = false;

  constructor(
    container: HTMLElement,
    private theme: Theme,
  ) {
    this.cy = cytoscape({ container, style: stylesheet(theme) as cytoscape.StylesheetJson, minZoom: 0.05, maxZoom: 4, wheelSensitivity: 0.3, boxSelectionEnabled: true, selectionType: 'additive' });
  }

  /** The theme the picture is drawn in now. */
  get currentTheme(): Theme {
    return this.theme;
  }

  setTheme(theme: Theme): void {
    this.theme = theme;
    this.cy.style(stylesheet(theme) as cytoscape.StylesheetJson);
    this.cy.batch(() => this.cy.nodes().forEach((node) => this.size(node)));
  }

  /** Draws a whole picture afresh: at the user's positions when there are some, else laid out by fcose. Returns each step's milliseconds. */
  async show(elements: readonly TopologyElement[], positions: TopologyPositions, planned: boolean): Promise<Record<string, number>> {
    const start = performance.now();
    this.cy.elements().remove();
    this.planned = planned;
    // Each node comes at its place: placing it once added would mark its boxes' bounds out of date node by node.
    const definitions = elements.map((element) => {
      const definition = this.definition(element, planned);
      const place = element.group === 'nodes' ? positions[element.data.id] : undefined;
      return place ? { ...definition, position: { ...place } } : definition;
    });
    const sized = performance.now();
    this.cy.add(definitions);
    const added = performance.now();
    styleAtOnce(this.cy);
    const styled = performance.now();
    const steps = { size: sized - start, add: added - sized, style: styled - added };
    const simple = this.cy.nodes().filter((node) => node.isChildless());
    const known = simple.filter((node) => positions[node.id()] !== undefined);
    if (known.length === 0) {
      await this.layout();
      return { ...steps, fcose: performance.now() - styled };
    }
    this.placeAround(simple.filter((node) => positions[node.id()] === undefined));
    const placed = performance.now();
    this.cy.fit(undefined, 30);
    return { ...steps, place: placed - styled, fit: performance.now() - placed };
  }

  /** Applies what changed; nothing that stayed moves. */
  apply(patch: TopologyPatch, planned: boolean): void {
    this.cy.batch(() => {
      // A plan that got deployed (or a lab destroyed under its file's picture) changes the style of everything.
      if (planned !== this.planned) this.cy.elements().toggleClass('planned', planned);
      this.planned = planned;
      const added = this.cy.add(patch.add.map((element) => this.definition(element, planned)));
      for (const element of patch.update) {
        const shown = this.cy.getElementById(element.data.id);
        if (shown.empty()) continue;
        if (element.group === 'nodes' && shown.isNode() && (shown.data('parent') as string | undefined) !== element.data.parent) shown.move({ parent: element.data.parent ?? null });
        shown.data(element.data);
        shown.classes(this.classesOf(element, planned));
      }
      for (const id of patch.remove) this.cy.getElementById(id).remove();
      added.nodes().forEach((node) => this.size(node));
      for (const element of patch.update) this.size(this.cy.getElementById(element.data.id));
      this.placeAround(added.nodes().filter((node) => node.isChildless()));
    });
  }

  /** Lays everything out afresh with fcose. */
  async layout(): Promise<void> {
    const count = this.cy.nodes().length;
    const layout = this.cy.layout({
      name: 'fcose',
      quality: count > DRAFT_ABOVE ? 'draft' : 'default',
      numIter: count > FEWER_ITERATIONS_ABOVE ? 800 : 2500,
      randomize: true,
      animate: false,
      fit: true,
      padding: 30,
      nodeDimensionsIncludeLabels: true,
      nodeSeparation: 90,
      idealEdgeLength: () => 90,
      nodeRepulsion: () => 8000,
      nestingFactor: 0.1,
      gravity: 0.25,
      tile: true,
      // Packing disconnected parts needs cytoscape-layout-utilities, and without it only doubles the time.
      packComponents: false,
      tilingPaddingVertical: 30,
      tilingPaddingHorizontal: 30,
    } as cytoscape.LayoutOptions);
    const done = layout.promiseOn('layoutstop');
    layout.run();
    await done;
  }

  /** Where each simple node is now (a box's place follows from what it holds). */
  positions(): TopologyPositions {
    const positions: TopologyPositions = {};
    this.cy.nodes().forEach((node) => {
      if (node.isChildless() && !node.hasClass('ghost')) positions[node.id()] = roundPoint(node.position());
    });
    return positions;
  }

  private placeAround(nodes: cytoscape.NodeCollection): void {
    if (nodes.empty()) return;
    const adding = new Set(nodes.map((node) => node.id()));
    const placed = new Map<string, Point>();
    this.cy.nodes().forEach((node) => {
      if (!adding.has(node.id()) && node.isChildless()) placed.set(node.id(), node.position());
    });
    const added: NewNode[] = nodes.map((node) => ({
      id: node.id(),
      ...(node.isChild() ? { parent: node.parent().first().id() } : {}),
      neighbours: node.neighborhood('node').map((neighbour) => neighbour.id()),
    }));
    const members = (box: string): string[] =>
      this.cy
        .getElementById(box)
        .children()
        .map((child) => child.id());
    for (const [id, point] of placeNewNodes(added, placed, members)) this.cy.getElementById(id).position(point);
  }

  /** A node comes sized: sizing it once added would work out its style (and its boxes' bounds) a second time. */
  private definition(element: TopologyElement, planned: boolean): cytoscape.ElementDefinition {
    const data = element.group === 'nodes' ? { ...element.data, ...this.sizeOf(String(element.data.label ?? ''), ` ${element.classes} `) } : { ...element.data };
    return { group: element.group, data, classes: this.classesOf(element, planned) };
  }

  private classesOf(element: TopologyElement, planned: boolean): string {
    return planned ? `${element.classes} planned` : element.classes;
  }

  /** Sizes a node to its label in the theme's font (the canvas cannot size to a label by itself). */
  private size(node: cytoscape.NodeSingular): void {
    if (node.isNode()) node.data(this.sizeOf(String(node.data('label') ?? ''), ` ${node.classes().join(' ')} `));
  }

  /** `classes` with a space on each side. */
  private sizeOf(label: string, classes: string): { w: number; h: number } {
    const lines = label.split('\n');
    const bold = classes.includes(' bridge ') || classes.includes(' namespace ');
    this.measure.font = `${bold ? 'bold ' : ''}12px ${this.theme.fontFamily}`;
    const width = Math.max(...lines.map((line) => this.measure.measureText(line).width));
    const extra = classes.includes(' bridge ') ? 36 : classes.includes(' external ') ? 30 : 20;
    return { w: Math.ceil(width + extra), h: 12 + lines.length * 16 };
  }
}

function roundPoint(point: Point): Point {
  return { x: Math.round(point.x), y: Math.round(point.y) };
}
