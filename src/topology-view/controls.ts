/**
 * Zoom, fit, search and the keyboard: Tab and Shift+Tab walk the nodes, the arrow keys move to the nearest node
 * that way, Enter or F fits (the selection, else everything), / finds, + and - zoom, Escape clears.
 */
import type cytoscape from 'cytoscape';
import type { Picture } from './picture.js';

const PADDING = 30;

export class Controls {
  private matches: cytoscape.NodeCollection | undefined;
  private matchIndex = 0;

  constructor(
    private readonly picture: Picture,
    graph: HTMLElement,
    private readonly search: HTMLInputElement,
    private readonly count: HTMLElement,
  ) {
    search.addEventListener('input', () => this.find(true));
    search.addEventListener('keydown', (event) => {
      if (event.key === 'Enter') this.next(event.shiftKey ? -1 : 1);
      else if (event.key === 'Escape') {
        search.value = '';
        this.find(false);
        graph.focus();
      } else return;
      event.preventDefault();
    });
    graph.addEventListener('keydown', (event) => this.onKey(event));
    // A click on the picture gives it the keyboard.
    picture.cy.on('tap', () => graph.focus());
    document.addEventListener('keydown', (event) => {
      if (event.key === '/' && document.activeElement !== search) {
        event.preventDefault();
        search.focus();
        search.select();
      }
    });
  }

  private get cy(): cytoscape.Core {
    return this.picture.cy;
  }

  zoom(factor: number): void {
    const level = this.cy.zoom() * factor;
    this.cy.zoom({ level, renderedPosition: { x: this.cy.width() / 2, y: this.cy.height() / 2 } });
  }

  /** Fits the selection, else (or with `all`) everything, into the panel. */
  fit(all = false): void {
    const selected = this.cy.nodes(':selected');
    this.cy.resize();
    this.cy.animate({ fit: { eles: all || selected.empty() ? this.cy.elements() : selected, padding: PADDING } }, { duration: 150 });
  }

  /** Searches again after the picture changed (matches may have come or gone). */
  refreshSearch(): void {
    if (this.search.value.trim()) this.find(false);
  }

  /** Marks the nodes whose label or details hold the text; `centre`: select and show the first. */
  private find(centre: boolean): void {
    this.cy.nodes('.match').removeClass('match');
    const text = this.search.value.trim().toLowerCase();
    if (!text) {
      this.matches = undefined;
      this.count.textContent = '';
      return;
    }
    this.matches = this.cy.nodes(':not(.ghost)').filter((node) => {
      const words = [node.data('label'), node.data('title'), ...((node.data('details') as string[] | undefined) ?? [])].join('\n').toLowerCase();
      return words.includes(text);
    });
    this.matches.addClass('match');
    this.count.textContent = this.matches.empty() ? 'no match' : `${this.matches.length} found`;
    this.matchIndex = 0;
    if (centre) this.show(this.matches.first());
  }

  private next(step: number): void {
    if (!this.matches || this.matches.empty()) return;
    this.matchIndex = (this.matchIndex + step + this.matches.length) % this.matches.length;
    this.show(this.matches[this.matchIndex] as cytoscape.NodeSingular);
  }

  private show(node: cytoscape.NodeSingular | undefined): void {
    if (!node || node.empty()) return;
    this.cy.elements(':selected').unselect();
    node.select();
    this.cy.animate({ center: { eles: node } }, { duration: 150 });
  }

  private onKey(event: KeyboardEvent): void {
    const key = event.key;
    if (key === 'Tab') this.walk(event.shiftKey ? -1 : 1);
    else if (key.startsWith('Arrow')) this.move(key);
    else if (key === 'Enter' || key === 'f' || key === 'F') this.fit();
    else if (key === '+' || key === '=') this.zoom(1.25);
    else if (key === '-') this.zoom(0.8);
    else if (key === 'Escape') this.cy.elements(':selected').unselect();
    else return;
    event.preventDefault();
  }

  /** The nodes in reading order: top to bottom, then left to right. */
  private ordered(): cytoscape.NodeSingular[] {
    const nodes = this.cy.nodes(':not(.ghost)').toArray() as cytoscape.NodeSingular[];
    return nodes.sort((a, b) => a.position('y') - b.position('y') || a.position('x') - b.position('x'));
  }

  private walk(step: number): void {
    const nodes = this.ordered();
    if (nodes.length === 0) return;
    const current = this.cy.nodes(':selected').first();
    const index = current.empty() ? (step > 0 ? -1 : 0) : nodes.findIndex((node) => node.id() === current.id());
    this.show(nodes[(index + step + nodes.length) % nodes.length]);
  }

  /** The nearest node in the arrow's direction (within 45° of it). */
  private move(key: string): void {
    const current = this.cy.nodes(':selected').first();
    if (current.empty()) return this.walk(1);
    const [dx, dy] = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] }[key] ?? [0, 0];
    const from = current.position();
    let best: cytoscape.NodeSingular | undefined;
    let bestDistance = Infinity;
    for (const node of this.ordered()) {
      if (node.id() === current.id()) continue;
      const [x, y] = [node.position('x') - from.x, node.position('y') - from.y];
      const along = x * dx! + y * dy!;
      const across = Math.abs(x * dy! - y * dx!);
      if (along <= 0 || across > along) continue;
      const distance = along + 2 * across;
      if (distance < bestDistance) [best, bestDistance] = [node, distance];
    }
    this.show(best);
  }
}
