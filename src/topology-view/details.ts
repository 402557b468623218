/**
 * The details of the selected (or hovered) element, in a strip beside the picture: never over it, since the
 * picture's area ends where the strip begins. The toolbar's Details button hides and shows the strip; the picture
 * takes the room it leaves, and the choice is kept with the page's state.
 */
import type cytoscape from 'cytoscape';
import type { Picture } from './picture.js';

const EMPTY = 'Select a namespace, interface or link to see its details here.';

export class DetailsStrip {
  constructor(
    private readonly picture: Picture,
    private readonly strip: HTMLElement,
    private readonly body: HTMLElement,
    private readonly toggle: HTMLButtonElement,
    shown: boolean,
    private readonly onToggled: (shown: boolean) => void,
  ) {
    this.setShown(shown);
    toggle.addEventListener('click', () => {
      this.setShown(this.strip.hidden);
      this.onToggled(!this.strip.hidden);
    });
    this.show();
  }

  get shown(): boolean {
    return !this.strip.hidden;
  }

  /** The text of the element's details as shown; empty when no element's are. */
  get text(): string {
    if (this.body.classList.contains('empty')) return '';
    return Array.from(this.body.children, (part) => part.textContent ?? '').join('\n');
  }

  private setShown(shown: boolean): void {
    this.strip.hidden = !shown;
    this.toggle.setAttribute('aria-pressed', String(shown));
  }

  /** Shows the hovered node's details, else the selected element's, else a line saying how to get some. */
  show(hovered?: cytoscape.NodeSingular): void {
    const element = hovered ?? this.picture.cy.elements(':selected').first();
    if (!element || element.empty() || element.hasClass('ghost')) {
      this.body.className = 'details-body empty';
      this.body.textContent = EMPTY;
      return;
    }
    const [title, where] = splitTitle(element);
    const lines = ((element.data('details') as string[] | undefined) ?? []).map((text) => line(text, text.startsWith('drift') ? 'line drift' : 'line'));
    const parts = [this.kind(element), line(title, 'title'), ...(where ? [line(where, 'where')] : []), ...lines];
    this.body.className = 'details-body';
    this.body.replaceChildren(...parts);
  }

  /** What the element is, with a dot in its state's colour for an interface. */
  private kind(element: cytoscape.SingularElementArgument): HTMLElement {
    const kind = document.createElement('div');
    kind.className = 'kind';
    const role = element.isEdge() ? 'link' : String(element.data('role'));
    const colour = element.isNode() && (role === 'interface' || role === 'bridge') ? String(element.style('border-color')) : undefined;
    if (colour) {
      const dot = document.createElement('span');
      dot.className = 'dot';
      dot.style.background = colour;
      kind.append(dot);
    }
    kind.append(role === 'namespace' && element.data('namespace') === null ? 'root namespace' : role);
    return kind;
  }
}

/** "eth0 in red" becomes the title "eth0" and the line "in red" (an interface's name has no space). */
function splitTitle(element: cytoscape.SingularElementArgument): [string, string | undefined] {
  const title = String(element.data('title') ?? element.id());
  const role = String(element.data('role'));
  const at = title.indexOf(' in ');
  if ((role !== 'interface' && role !== 'bridge') || at < 0) return [title, undefined];
  return [title.slice(0, at), title.slice(at + 1)];
}

function line(text: string, className: string): HTMLElement {
  const shown = document.createElement('div');
  shown.className = className;
  shown.textContent = text;
  return shown;
}
