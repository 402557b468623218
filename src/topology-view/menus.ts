/**
 * Acting from the picture: a right-click menu (or Shift+F10 on the selection) with the commands of a namespace or
 * an interface, and the connect gesture, a Shift-drag from one namespace to another or C with two selected, which
 * asks the panel for a veth pair between their namespaces.
 */
import type cytoscape from 'cytoscape';
import type { TopologyPageToPanel } from '../ext/view-model/topology-messages.js';
import { TOPOLOGY_ACTIONS } from './actions.js';
import type { Picture } from './picture.js';

const GHOST = '__connect-ghost';

export class Menus {
  private dragFrom: cytoscape.NodeSingular | undefined;

  constructor(
    private readonly picture: Picture,
    private readonly menu: HTMLElement,
    private readonly post: (message: TopologyPageToPanel) => void,
  ) {
    const cy = picture.cy;
    cy.on('cxttap', 'node', (event) => this.open(event.target as cytoscape.NodeSingular, event.renderedPosition ?? { x: 40, y: 40 }));
    cy.on('tap pan zoom', () => this.close());
    document.addEventListener('keydown', (event) => this.onKey(event));
    document.addEventListener('click', (event) => {
      if (!menu.contains(event.target as Node)) this.close();
    });
    cy.on('tapstart', 'node', (event) => this.startConnect(event));
    cy.on('tapdrag', (event) => this.dragConnect(event));
    cy.on('tapend', (event) => this.endConnect(event));
  }

  private get cy(): cytoscape.Core {
    return this.picture.cy;
  }

  private open(node: cytoscape.NodeSingular, at: cytoscape.Position): void {
    const role = String(node.data('role'));
    const actions = role === 'namespace' ? TOPOLOGY_ACTIONS.namespace : role === 'interface' || role === 'bridge' ? TOPOLOGY_ACTIONS.interface : [];
    if (actions.length === 0 || node.data('readOnly') || node.hasClass('planned') || node.hasClass('drift-missing')) return this.close();
    const root = node.data('namespace') === null;
    const buttons = actions
      .filter((action) => !(root && action.command === 'netnsLab.namespace.delete'))
      .map((action) => {
        const button = document.createElement('button');
        button.setAttribute('role', 'menuitem');
        button.textContent = action.title;
        button.addEventListener('click', () => {
          this.close();
          this.post({ type: 'action', command: action.command, id: node.id() });
        });
        return button;
      });
    this.menu.replaceChildren(...buttons);
    this.menu.hidden = false;
    const graph = this.menu.parentElement!.querySelector('#graph')!.getBoundingClientRect();
    this.menu.style.left = `${Math.min(graph.left + at.x, window.innerWidth - 180)}px`;
    this.menu.style.top = `${Math.min(graph.top + at.y, window.innerHeight - 30 * buttons.length - 10)}px`;
    buttons[0]?.focus();
  }

  private close(): void {
    this.menu.hidden = true;
  }

  private onKey(event: KeyboardEvent): void {
    if (!this.menu.hidden) {
      const items = Array.from(this.menu.querySelectorAll('button'));
      const index = items.indexOf(document.activeElement as HTMLButtonElement);
      if (event.key === 'Escape') this.close();
      else if (event.key === 'ArrowDown') items[(index + 1) % items.length]?.focus();
      else if (event.key === 'ArrowUp') items[(index - 1 + items.length) % items.length]?.focus();
      else return;
      event.preventDefault();
      return;
    }
    if ((event.target as HTMLElement).id === 'search') return;
    const selected = this.cy.nodes(':selected');
    if ((event.key === 'F10' && event.shiftKey) || event.key === 'ContextMenu') {
      const node = selected.first();
      if (node.nonempty()) this.open(node, node.renderedPosition());
      event.preventDefault();
    } else if ((event.key === 'c' || event.key === 'C') && selected.length === 2) {
      this.connect(selected[0] as cytoscape.NodeSingular, selected[1] as cytoscape.NodeSingular);
      event.preventDefault();
    }
  }

  private connect(from: cytoscape.NodeSingular, to: cytoscape.NodeSingular): void {
    if (from.id() === to.id() || !connectable(from) || !connectable(to)) return;
    this.post({ type: 'connect', from: from.id(), to: to.id() });
  }

  /** Shift held on a namespace (or one of its interfaces): draw a line from it instead of moving it. */
  private startConnect(event: cytoscape.EventObject): void {
    const original = event.originalEvent as MouseEvent | undefined;
    const node = event.target as cytoscape.NodeSingular;
    if (!original?.shiftKey || !connectable(node)) return;
    this.dragFrom = node;
    node.ungrabify();
    this.cy.add([
      { group: 'nodes', data: { id: GHOST }, classes: 'ghost', position: { ...event.position } },
      { group: 'edges', data: { id: `${GHOST}-edge`, source: node.id(), target: GHOST }, classes: 'ghost-edge' },
    ]);
  }

  private dragConnect(event: cytoscape.EventObject): void {
    if (this.dragFrom) this.cy.getElementById(GHOST).position({ ...event.position });
  }

  private endConnect(event: cytoscape.EventObject): void {
    const from = this.dragFrom;
    if (!from) return;
    this.dragFrom = undefined;
    from.grabify();
    this.cy.getElementById(GHOST).remove();
    const at = event.position;
    // The innermost node under the pointer: an interface before its namespace.
    const under = this.cy
      .nodes(':not(.ghost)')
      .filter((node) => {
        const box = node.boundingBox({ includeLabels: false });
        return at.x >= box.x1 && at.x <= box.x2 && at.y >= box.y1 && at.y <= box.y2;
      })
      .sort((a, b) => a.boundingBox({}).w * a.boundingBox({}).h - b.boundingBox({}).w * b.boundingBox({}).h)
      .first() as cytoscape.NodeSingular;
    if (under.nonempty()) this.connect(from, under);
  }
}

/** A namespace, or what is in one, that commands may change. */
function connectable(node: cytoscape.NodeSingular): boolean {
  const role = String(node.data('role'));
  return (role === 'namespace' || role === 'interface' || role === 'bridge') && !node.data('readOnly');
}
