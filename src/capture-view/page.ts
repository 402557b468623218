/**
 * The capture panel's page: a toolbar (state, pause, stop, clear, save, Wireshark, display filter), the packet
 * list, and the selected packet's fields and bytes. It runs in the panel's webview, a browser with no network
 * (see the panel's content security policy); everything it shows comes from the panel in messages.
 */
import type { PacketDetails, PageToPanel, PanelToPage } from '../ext/view-model/capture-rows.js';
import { compileDisplayFilter } from './display-filter.js';
import { PacketList, ROW_HEIGHT } from './packet-list.js';

interface VsCodeApi {
  postMessage(message: PageToPanel): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const byId = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T;
const limit = Number(document.body.dataset['limit']) || 100_000;

const list = new PacketList(
  byId('packets'),
  () => limit,
  (row) => vscode.postMessage({ type: 'select', number: row.number }),
);
const status = byId('status');
const counts = byId('counts');
const filterInput = byId<HTMLInputElement>('filter');
const filterProblem = byId('filter-problem');
const pauseButton = byId<HTMLButtonElement>('pause');
let paused = false;

byId('packets').addEventListener('click', (event) => list.selectAt(event.target));
pauseButton.addEventListener('click', () => vscode.postMessage({ type: paused ? 'resume' : 'pause' }));
for (const action of ['stop', 'clear', 'save', 'wireshark'] as const) byId(action).addEventListener('click', () => vscode.postMessage({ type: action }));
filterInput.addEventListener('input', applyFilter);

window.addEventListener('message', (event: MessageEvent<PanelToPage>) => {
  const message = event.data;
  switch (message.type) {
    case 'rows': {
      list.add(message.rows);
      showCounts();
      const [first, last] = [message.rows[0]?.number ?? 0, message.rows.at(-1)?.number ?? 0];
      // The frame after the next one has painted these rows.
      return requestAnimationFrame(() => requestAnimationFrame(() => vscode.postMessage({ type: 'drawn', first, last, at: Date.now() })));
    }
    case 'clear':
      list.clear();
      showDetails(undefined);
      return showCounts();
    case 'state':
      return showState(message);
    case 'details':
      return showDetails(message.details);
    case 'select':
      return list.selectNumber(message.number);
    case 'scroll':
      return scrollThrough(message);
    case 'report':
      // Answered after the next frame, so the rows that came before the question are drawn.
      return requestAnimationFrame(() => requestAnimationFrame(() => vscode.postMessage({ type: 'shown', id: message.id, ...shownNow() })));
  }
});
vscode.postMessage({ type: 'ready' });

/**
 * Scrolls the list by itself, `rowsPerFrame` rows each frame for `frames` frames (from the top, starting again at the
 * top at the end), and answers with the time between frames: how smooth scrolling through the list is.
 */
function scrollThrough({ id, frames, rowsPerFrame }: Extract<PanelToPage, { type: 'scroll' }>): void {
  const viewport = byId('packets');
  const frameMs: number[] = [];
  let last = 0;
  viewport.scrollTop = 0;
  const step = (now: number): void => {
    if (last) frameMs.push(now - last);
    last = now;
    if (frameMs.length >= frames) {
      // Chromium's non-standard performance.memory: the page's JS heap, when it tells.
      const heapBytes = (performance as Performance & { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize;
      return vscode.postMessage({ type: 'scrolled', id, frameMs, ...(heapBytes === undefined ? {} : { heapBytes }) });
    }
    const bottom = viewport.scrollHeight - viewport.clientHeight;
    viewport.scrollTop = viewport.scrollTop >= bottom ? 0 : viewport.scrollTop + rowsPerFrame * ROW_HEIGHT;
    requestAnimationFrame(step);
  };
  requestAnimationFrame(step);
}

/** What the page shows now, as a `shown` message tells it. */
function shownNow(): Omit<Extract<PageToPanel, { type: 'shown' }>, 'type' | 'id'> {
  const error = byId('error');
  return {
    rows: list.total,
    matching: list.matching,
    summaries: list.drawnSummaries(),
    filter: filterInput.value,
    status: status.textContent ?? '',
    error: error.hidden ? '' : (error.textContent ?? ''),
  };
}

function applyFilter(): void {
  const compiled = compileDisplayFilter(filterInput.value);
  filterProblem.textContent = compiled.ok ? '' : compiled.problem;
  filterInput.classList.toggle('invalid', !compiled.ok);
  if (compiled.ok) list.setFilter(compiled.test);
  showCounts();
}

function showCounts(): void {
  counts.textContent = list.matching === list.total ? `${list.total} packets` : `${list.matching} of ${list.total} packets`;
}

function showState(message: Extract<PanelToPage, { type: 'state' }>): void {
  paused = message.state === 'paused';
  const running = message.state === 'capturing' || message.state === 'reading' || message.state === 'paused';
  const failed = message.state === 'failed';
  // A failure's message is in the error line below the toolbar, not beside the buttons.
  status.textContent = message.message && !failed ? `${message.title}: ${message.message}` : message.title;
  status.className = `status ${message.state}`;
  pauseButton.textContent = paused ? 'Resume' : 'Pause';
  pauseButton.disabled = !running;
  byId<HTMLButtonElement>('stop').disabled = !running;
  byId('wireshark').hidden = !message.wireshark;
  // A capture that failed says why where the packets would be; with no packet, there is nothing to clear or save.
  const error = byId('error');
  error.hidden = !failed;
  error.textContent = failed ? (message.message ?? 'The capture failed') : '';
  for (const action of ['clear', 'save', 'wireshark']) byId<HTMLButtonElement>(action).disabled = failed && list.total === 0;
}

function showDetails(details: PacketDetails | undefined): void {
  const fields = byId('fields');
  const hex = byId('hex');
  fields.replaceChildren();
  hex.textContent = details ? details.hex.join('\n') : '';
  if (!details) return;
  for (const layer of details.layers) {
    const box = document.createElement('details');
    box.open = true;
    const title = document.createElement('summary');
    title.textContent = layer.truncated ? `${layer.name} (${layer.truncated})` : layer.name;
    box.append(title);
    for (const field of layer.fields) {
      const line = document.createElement('div');
      line.className = 'field';
      line.textContent = `${field.name}: ${field.value}`;
      line.title = `bytes ${field.offset}–${field.offset + field.length - 1}`;
      box.append(line);
    }
    fields.append(box);
  }
}
