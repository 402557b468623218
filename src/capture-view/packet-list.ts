/**
 * The packet list: every row of the capture in memory (at most the panel's limit), but only the rows in sight in
 * the DOM. Rows have one fixed height, so a row's place is its index times that height: scrolling through 100,000
 * packets moves a handful of elements. Data goes in through textContent only (it comes off the wire).
 */
import type { PacketRow } from '../ext/view-model/capture-rows.js';
import type { RowTest } from './display-filter.js';

export const ROW_HEIGHT = 20;
/** Rows drawn beyond each edge of the view, so a fast scroll shows no gap. */
const OVERSCAN = 10;
const COLUMNS: ReadonlyArray<keyof PacketRow> = ['number', 'time', 'interface', 'source', 'destination', 'protocol', 'summary'];

export class PacketList {
  private rows: PacketRow[] = [];
  private shown: PacketRow[] = [];
  private test: RowTest = () => true;
  private selected: number | undefined;
  private readonly spacer = document.createElement('div');
  private readonly drawn = new Map<number, HTMLElement>();
  private pending = false;

  constructor(
    private readonly viewport: HTMLElement,
    private readonly limit: () => number,
    private readonly onSelect: (row: PacketRow) => void,
  ) {
    this.spacer.className = 'spacer';
    viewport.append(this.spacer);
    viewport.addEventListener('scroll', () => this.schedule());
    viewport.addEventListener('keydown', (event) => this.onKey(event));
    new ResizeObserver(() => this.schedule()).observe(viewport);
  }

  get total(): number {
    return this.rows.length;
  }

  get matching(): number {
    return this.shown.length;
  }

  /** Adds rows at the end; the oldest go beyond the limit. Follows the end when the view was at the end. */
  add(rows: readonly PacketRow[]): void {
    const following = this.atEnd();
    for (const row of rows) {
      this.rows.push(row);
      if (this.test(row)) this.shown.push(row);
    }
    const over = this.rows.length - this.limit();
    // Dropped in chunks (a tenth of the limit at least), so that a full list does not copy itself on every packet.
    if (over > 0) this.dropOldest(Math.max(over, Math.ceil(this.limit() / 10)));
    this.spacer.style.height = `${this.shown.length * ROW_HEIGHT}px`;
    if (following) this.viewport.scrollTop = this.viewport.scrollHeight;
    this.schedule();
  }

  clear(): void {
    this.rows = [];
    this.shown = [];
    this.selected = undefined;
    this.spacer.style.height = '0px';
    this.schedule();
  }

  setFilter(test: RowTest): void {
    this.test = test;
    this.shown = this.rows.filter(test);
    this.spacer.style.height = `${this.shown.length * ROW_HEIGHT}px`;
    this.schedule();
  }

  /** The summaries of the rows in the DOM now, top to bottom. */
  drawnSummaries(): string[] {
    return [...this.drawn.entries()].sort(([a], [b]) => a - b).map(([, element]) => element.lastElementChild?.textContent ?? '');
  }

  private dropOldest(count: number): void {
    const first = this.rows[Math.min(count, this.rows.length - 1)]?.number ?? 0;
    this.rows = this.rows.slice(count);
    this.shown = this.shown.filter((row) => row.number >= first);
  }

  private atEnd(): boolean {
    const { scrollTop, clientHeight, scrollHeight } = this.viewport;
    return scrollHeight - scrollTop - clientHeight < ROW_HEIGHT * 2;
  }

  private schedule(): void {
    if (this.pending) return;
    this.pending = true;
    requestAnimationFrame(() => {
      this.pending = false;
      this.draw();
    });
  }

  /** Draws the rows in sight: keeps those still in sight, removes the rest, makes the missing ones. */
  private draw(): void {
    const first = Math.max(0, Math.floor(this.viewport.scrollTop / ROW_HEIGHT) - OVERSCAN);
    const last = Math.min(this.shown.length, Math.ceil((this.viewport.scrollTop + this.viewport.clientHeight) / ROW_HEIGHT) + OVERSCAN);
    for (const [index, element] of this.drawn) {
      if (index < first || index >= last || element.dataset['number'] !== String(this.shown[index]?.number)) {
        element.remove();
        this.drawn.delete(index);
      }
    }
    for (let index = first; index < last; index++) {
      const row = this.shown[index]!;
      let element = this.drawn.get(index);
      if (!element) {
        element = rowElement(row, index);
        this.drawn.set(index, element);
        this.viewport.append(element);
      }
      element.classList.toggle('selected', row.number === this.selected);
    }
  }

  private select(index: number): void {
    const row = this.shown[index];
    if (!row) return;
    this.selected = row.number;
    const top = index * ROW_HEIGHT;
    if (top < this.viewport.scrollTop) this.viewport.scrollTop = top;
    else if (top + ROW_HEIGHT > this.viewport.scrollTop + this.viewport.clientHeight) this.viewport.scrollTop = top + ROW_HEIGHT - this.viewport.clientHeight;
    this.schedule();
    this.onSelect(row);
  }

  /** Selects the row of a packet, when it is shown (a command's or a test's choice, as if clicked). */
  selectNumber(number: number): void {
    const index = this.shown.findIndex((row) => row.number === number);
    if (index >= 0) this.select(index);
  }

  /** Selects the row clicked (the listener sits on the viewport, so rows need none of their own). */
  selectAt(target: EventTarget | null): void {
    const element = target instanceof HTMLElement ? target.closest<HTMLElement>('.row') : null;
    if (element) this.select(Number(element.dataset['index']));
  }

  private onKey(event: KeyboardEvent): void {
    const step = { ArrowDown: 1, ArrowUp: -1, PageDown: 20, PageUp: -20 }[event.key];
    if (step === undefined) return;
    event.preventDefault();
    const current = this.shown.findIndex((row) => row.number === this.selected);
    this.select(Math.min(this.shown.length - 1, Math.max(0, current + step)));
  }
}

function rowElement(row: PacketRow, index: number): HTMLElement {
  const element = document.createElement('div');
  element.className = `row proto-${row.protocol.toLowerCase().replace(/[^a-z0-9]/gu, '')}`;
  element.style.top = `${index * ROW_HEIGHT}px`;
  element.dataset['index'] = String(index);
  element.dataset['number'] = String(row.number);
  element.setAttribute('role', 'row');
  for (const column of COLUMNS) {
    const cell = document.createElement('span');
    cell.className = `cell ${column}`;
    cell.textContent = String(row[column]);
    // A column too narrow for its text cuts it short: the whole of it shows on hover.
    if (column !== 'number') cell.title = cell.textContent;
    element.append(cell);
  }
  return element;
}
