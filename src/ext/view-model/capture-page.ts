/**
 * The capture panel's HTML: a strict content security policy (no network at all; only the page's own script,
 * with a fresh nonce, and its own style), the toolbar, the packet list and the details pane, in VS Code's theme
 * colours. The page script (`src/capture-view/page.ts`) fills it in.
 */
import { webviewPageHtml, type WebviewPageOptions } from './webview-page.js';

export interface CapturePageOptions extends WebviewPageOptions {
  /** How many packets the page keeps (the capture's ring). */
  limit: number;
}

/** The whole page. Nothing of the capture is put into it: data arrives in messages and goes in as text. */
export function capturePageHtml(options: CapturePageOptions): string {
  return webviewPageHtml('capture', options, CAPTURE_PAGE_STYLES, {
    attributes: `data-limit="${options.limit}"`,
    content: `<div class="toolbar" role="toolbar">
  <span id="status" class="status starting">Starting…</span>
  <button id="pause" disabled>Pause</button>
  <button id="stop" disabled>Stop</button>
  <button id="clear">Clear</button>
  <button id="save">Save as .pcap</button>
  <button id="wireshark" hidden>Open in Wireshark</button>
  <input id="filter" type="text" spellcheck="false" placeholder="Filter: words, proto icmp, host 10.0.0.1, port 53, not arp" aria-label="Display filter">
  <span id="filter-problem" class="problem"></span>
  <span id="counts" class="counts">0 packets</span>
</div>
<div id="error" class="error" role="alert" hidden></div>
<div class="header row" role="row"><span class="cell number">No.</span><span class="cell time">Time</span><span class="cell interface">Interface</span><span class="cell source">Source</span><span class="cell destination">Destination</span><span class="cell protocol">Protocol</span><span class="cell summary">Summary</span></div>
<div id="packets" class="packets" tabindex="0" role="grid" aria-label="Packets"></div>
<div class="details"><div id="fields" class="fields" aria-label="Fields"></div><pre id="hex" class="hex" aria-label="Bytes"></pre></div>`,
  });
}

const CAPTURE_PAGE_STYLES = `
body { margin: 0; padding: 0; display: flex; flex-direction: column; height: 100vh; overflow: hidden;
  color: var(--vscode-editor-foreground); background: var(--vscode-editor-background);
  font-family: var(--vscode-font-family); font-size: var(--vscode-font-size, 13px); }
.toolbar { display: flex; gap: 6px; align-items: center; padding: 6px 8px; flex-wrap: wrap;
  border-bottom: 1px solid var(--vscode-panel-border, transparent); }
.toolbar button { font: inherit; color: var(--vscode-button-secondaryForeground); background: var(--vscode-button-secondaryBackground);
  border: 1px solid var(--vscode-button-border, transparent); border-radius: 2px; padding: 2px 8px; cursor: pointer; }
.toolbar button:hover:not(:disabled) { background: var(--vscode-button-secondaryHoverBackground); }
.toolbar button:disabled { opacity: 0.5; cursor: default; }
.toolbar button:focus-visible, #filter:focus, .packets:focus { outline: 1px solid var(--vscode-focusBorder); }
#filter { flex: 1; min-width: 200px; font: inherit; color: var(--vscode-input-foreground); background: var(--vscode-input-background);
  border: 1px solid var(--vscode-input-border, transparent); padding: 2px 6px; }
#filter.invalid { border-color: var(--vscode-inputValidation-errorBorder); }
.problem { color: var(--vscode-errorForeground); }
.error { padding: 6px 8px; color: var(--vscode-errorForeground); background: var(--vscode-inputValidation-errorBackground, transparent);
  border-bottom: 1px solid var(--vscode-inputValidation-errorBorder, var(--vscode-errorForeground)); white-space: pre-wrap; }
.status.failed { color: var(--vscode-errorForeground); }
.counts, .status { color: var(--vscode-descriptionForeground); }
.status.capturing { color: var(--vscode-testing-iconPassed, var(--vscode-editor-foreground)); }
.status.stopped { color: var(--vscode-descriptionForeground); }
.row { display: flex; height: 20px; line-height: 20px; white-space: nowrap; font-family: var(--vscode-editor-font-family); font-size: var(--vscode-editor-font-size, 12px); }
.packets .row { position: absolute; left: 0; right: 0; cursor: default; }
.packets .row:hover { background: var(--vscode-list-hoverBackground); }
.packets .row.selected { background: var(--vscode-list-activeSelectionBackground, var(--vscode-editor-selectionBackground)); color: var(--vscode-list-activeSelectionForeground, inherit); outline: 1px solid var(--vscode-list-focusOutline, transparent); outline-offset: -1px; }
.header { font-weight: 600; border-bottom: 1px solid var(--vscode-panel-border, transparent); background: var(--vscode-editorWidget-background); }
.cell { overflow: hidden; text-overflow: ellipsis; padding: 0 6px; flex: none; }
.cell.number { width: 48px; text-align: right; }
.cell.time { width: 140px; }
.cell.interface { width: 120px; }
.cell.source, .cell.destination { width: 116px; }
.cell.protocol { width: 76px; }
.cell.summary { flex: 1; min-width: 240px; }
.proto-arp .protocol { color: var(--vscode-charts-yellow); }
.proto-icmp .protocol, .proto-icmpv6 .protocol { color: var(--vscode-charts-blue); }
.proto-tcp .protocol { color: var(--vscode-charts-green); }
.proto-udp .protocol { color: var(--vscode-charts-purple); }
.packets { position: relative; flex: 3; overflow-y: auto; overflow-x: hidden; min-height: 80px; }
.spacer { width: 1px; }
.details { flex: 2; display: flex; min-height: 80px; border-top: 1px solid var(--vscode-panel-border, transparent); overflow: hidden; }
.fields { flex: 1; overflow: auto; padding: 4px 8px; }
.fields summary { font-weight: 600; cursor: default; }
.field { padding-left: 18px; font-family: var(--vscode-editor-font-family); font-size: var(--vscode-editor-font-size, 12px); }
.hex { flex: 1; overflow: auto; margin: 0; padding: 4px 8px; border-left: 1px solid var(--vscode-panel-border, transparent);
  font-family: var(--vscode-editor-font-family); font-size: var(--vscode-editor-font-size, 12px); }
`;
