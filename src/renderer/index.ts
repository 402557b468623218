/**
 * The notebook renderer `netns-lab.tables`: draws the `ip` table payloads (see IP_TABLE_MIME) and a check cell's
 * results (CHECKS_MIME) and what a cell changed (DIFF_MIME) as HTML tables, and a cell's picture (TOPOLOGY_MIME)
 * as SVG (`picture.ts`). It runs
 * in the notebook's webview, a browser, so it imports neither `vscode` nor Node modules; the renderer API is typed by
 * the small local interfaces below. Every piece of data goes in through textContent: interface names, aliases and
 * addresses come from the machine and may hold anything, so none of it is ever parsed as HTML.
 */
import type { CellPacketsPayload } from '../core/notebook/packets-payload.js';
import type { IpTablePayload } from '../core/notebook/ip-output.js';
import type { ChecksPayload } from '../core/checks/model.js';
import type { StateDiff } from '../core/state/diff.js';
import { CHECKS_MIME_TYPE, describeChecks } from './checks.js';
import { describeDiff, DIFF_MIME_TYPE } from './diff.js';
import { describePackets, PACKETS_MIME } from './packets.js';
import { renderPicture } from './picture.js';
import { TOPOLOGY_MIME } from './picture-styles.js';
import type { TopologyPayload } from '../core/notebook/picture-payload.js';
import { describeTable, type TableDescription } from './tables.js';
import { ROOT_CLASS, STYLES } from './styles.js';

/** The part of VS Code's notebook renderer `OutputItem` this renderer reads. */
interface OutputItem {
  readonly id: string;
  readonly mime: string;
  json(): unknown;
}

/** The part of VS Code's `RendererContext` this renderer uses: none of it, as the tables need no state or messages. */
type RendererContext = object;

/** What `activate` returns to VS Code. */
interface RendererApi {
  renderOutputItem(outputItem: OutputItem, element: HTMLElement, signal?: AbortSignal): void;
}

/** The renderer's entry point, called once by VS Code when a notebook first shows one of the table MIME types. */
export function activate(_context: RendererContext): RendererApi {
  return { renderOutputItem };
}

function renderOutputItem(outputItem: OutputItem, element: HTMLElement): void {
  if (outputItem.mime === TOPOLOGY_MIME) return renderPictureItem(outputItem, element);
  const root = document.createElement('div');
  root.className = ROOT_CLASS;
  const style = document.createElement('style');
  style.textContent = STYLES;
  if (outputItem.mime === PACKETS_MIME) return renderPackets(outputItem, element, style, root);
  const described = outputItem.mime === CHECKS_MIME_TYPE || outputItem.mime === DIFF_MIME_TYPE;
  if (described) {
    renderDescribed(outputItem, root);
    element.replaceChildren(style, root);
    return;
  }
  const payload = outputItem.json() as IpTablePayload;
  try {
    const table = describeTable(payload);
    const tableView = scrollBox(tableElement(table));
    const textView = scrollBox(preformatted(payload.text ?? ''));
    textView.hidden = true;
    const header = paragraph(table.caption, 'caption');
    if (payload.text !== undefined) header.append(' ', textSwitch(tableView, textView));
    root.append(header, tableView, textView);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    root.append(paragraph(`Could not draw this ${outputItem.mime} output as a table: ${reason}`, 'error'), preformatted(payload.text ?? ''));
  }
  element.replaceChildren(style, root);
}

/** A check cell's results or a cell's diff: the summary, then one row per check or change. */
function renderDescribed(outputItem: OutputItem, root: HTMLElement): void {
  try {
    const table = outputItem.mime === DIFF_MIME_TYPE ? describeDiff(outputItem.json() as StateDiff) : describeChecks(outputItem.json() as ChecksPayload);
    root.append(paragraph(table.caption, 'caption'));
    if (table.rows.length > 0) root.append(scrollBox(tableElement(table)));
  } catch (error) {
    root.append(paragraph(`Could not draw this ${outputItem.mime} output: ${error instanceof Error ? error.message : String(error)}`, 'error'));
  }
}

/** A cell's captured packets as a table. */
function renderPackets(outputItem: OutputItem, element: HTMLElement, style: HTMLStyleElement, root: HTMLDivElement): void {
  try {
    const table = describePackets(outputItem.json() as CellPacketsPayload);
    root.append(paragraph(table.caption, 'caption'), scrollBox(tableElement(table)));
  } catch (error) {
    root.append(paragraph(`Could not draw these packets: ${error instanceof Error ? error.message : String(error)}`, 'error'));
  }
  element.replaceChildren(style, root);
}

/** A cell's picture, drawn from the layout the core made; a one-line reason when it cannot be drawn. */
function renderPictureItem(outputItem: OutputItem, element: HTMLElement): void {
  try {
    renderPicture(outputItem.json() as TopologyPayload, element);
  } catch (error) {
    const style = document.createElement('style');
    style.textContent = STYLES;
    const root = document.createElement('div');
    root.className = ROOT_CLASS;
    root.append(paragraph(`Could not draw this picture: ${error instanceof Error ? error.message : String(error)}`, 'error'));
    element.replaceChildren(style, root);
  }
}

/** A button that shows the cell's plain text instead of the table, and back: the table stays the default. */
function textSwitch(tableView: HTMLElement, textView: HTMLElement): HTMLButtonElement {
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'switch';
  button.textContent = 'Text';
  button.title = 'Show the output as ip printed it';
  button.addEventListener('click', () => {
    const showText = textView.hidden;
    textView.hidden = !showText;
    tableView.hidden = showText;
    button.textContent = showText ? 'Table' : 'Text';
    button.title = showText ? 'Show the output as a table' : 'Show the output as ip printed it';
  });
  return button;
}

function preformatted(text: string): HTMLPreElement {
  const element = document.createElement('pre');
  element.className = 'text';
  element.textContent = text;
  return element;
}

function tableElement(table: TableDescription): HTMLTableElement {
  const element = document.createElement('table');
  const headerRow = element.createTHead().insertRow();
  for (const column of table.columns) {
    const header = document.createElement('th');
    header.scope = 'col';
    header.textContent = column;
    headerRow.append(header);
  }
  const body = element.createTBody();
  for (const row of table.rows) {
    const rowElement = body.insertRow();
    for (const cell of row) {
      const cellElement = rowElement.insertCell();
      cellElement.textContent = cell.text;
      if (cell.className) cellElement.className = cell.className;
    }
  }
  return element;
}

function scrollBox(content: HTMLElement): HTMLDivElement {
  const box = document.createElement('div');
  box.className = 'scroll';
  box.append(content);
  return box;
}

function paragraph(text: string, className: string): HTMLParagraphElement {
  const element = document.createElement('p');
  element.className = className;
  element.textContent = text;
  return element;
}
