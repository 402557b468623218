/**
 * The Topology panel's HTML: a strict content security policy (no network; only the page's own script, with a
 * fresh nonce, and its own style), a toolbar (banner, search, zoom and fit, the details toggle), the picture, the
 * details of the selection in a strip beside the picture (never over it: the picture's area ends where it begins)
 * and a context menu, in VS Code's theme colours. The page script (`src/topology-view/page.ts`) draws into it.
 */
import { webviewPageHtml, type WebviewPageOptions } from './webview-page.js';

export type TopologyPageOptions = WebviewPageOptions;

export function topologyPageHtml(options: TopologyPageOptions): string {
  return webviewPageHtml('topology', options, TOPOLOGY_PAGE_STYLES, {
    content: `<div class="toolbar" role="toolbar">
  <span id="banner" class="banner" role="status"></span>
  <input id="search" type="search" spellcheck="false" placeholder="Find (/)" aria-label="Find a namespace, interface or address">
  <span id="matches" class="matches"></span>
  <button id="zoom-in" title="Zoom in (+)" aria-label="Zoom in">+</button>
  <button id="zoom-out" title="Zoom out (-)" aria-label="Zoom out">−</button>
  <button id="fit" title="Fit the picture (F)">Fit</button>
  <button id="relayout" title="Lay everything out afresh (forgets dragged places)">Re-layout</button>
  <button id="details-toggle" title="Show or hide the details beside the picture" aria-controls="details" aria-pressed="true">Details</button>
</div>
<div class="main">
  <div id="graph" class="graph" tabindex="0" role="application" aria-label="Network picture: Tab and the arrow keys move the selection, Enter or F fits, / finds, C connects two selected namespaces, Shift+F10 opens the menu"></div>
  <aside id="details" class="details" aria-label="Details of the selection">
    <div id="details-body" class="details-body" aria-live="polite"></div>
    <div id="hint" class="hint">Tab and the arrow keys move the selection, / finds, Shift+F10 opens its menu. Shift-drag from one namespace to another, or select two and press C, to join them with a veth pair.</div>
  </aside>
</div>
<div id="menu" class="menu" role="menu" hidden></div>`,
    images: 'data',
  });
}

const TOPOLOGY_PAGE_STYLES = `
body { margin: 0; padding: 0; display: flex; flex-direction: column; height: 100vh; overflow: hidden;
  color: var(--vscode-editor-foreground); background: var(--vscode-editor-background);
  font-family: var(--vscode-font-family); font-size: var(--vscode-font-size, 13px); }
.toolbar { display: flex; gap: 6px; align-items: center; padding: 6px 8px; border-bottom: 1px solid var(--vscode-panel-border, transparent); }
.banner { flex: 1; min-width: 0; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; color: var(--vscode-descriptionForeground); }
.banner.planned { color: var(--vscode-editorWarning-foreground, var(--vscode-descriptionForeground)); font-weight: 600; }
.banner.error { color: var(--vscode-errorForeground); }
.toolbar button { font: inherit; min-width: 28px; color: var(--vscode-button-secondaryForeground); background: var(--vscode-button-secondaryBackground);
  border: 1px solid var(--vscode-button-border, transparent); border-radius: 2px; padding: 2px 8px; cursor: pointer; }
.toolbar button:hover { background: var(--vscode-button-secondaryHoverBackground); }
.toolbar button:focus-visible, #search:focus, .graph:focus-visible { outline: 1px solid var(--vscode-focusBorder); }
#search { width: 200px; font: inherit; color: var(--vscode-input-foreground); background: var(--vscode-input-background);
  border: 1px solid var(--vscode-input-border, transparent); padding: 2px 6px; }
.matches { color: var(--vscode-descriptionForeground); min-width: 60px; }
.main { flex: 1; min-height: 0; display: flex; }
.graph { flex: 1; min-width: 0; position: relative; }
.toolbar button[aria-pressed="true"] { color: var(--vscode-button-foreground); background: var(--vscode-button-background); }
.toolbar button[aria-pressed="true"]:hover { background: var(--vscode-button-hoverBackground); }
.details { flex: 0 0 260px; display: flex; flex-direction: column; min-height: 0; overflow-y: auto; padding: 14px 16px 10px; box-sizing: border-box;
  background: var(--vscode-sideBar-background, var(--vscode-editorWidget-background));
  border-left: 1px solid var(--vscode-panel-border, var(--vscode-widget-border, rgba(128, 128, 128, 0.35))); }
.details[hidden] { display: none; }
.details .kind { display: flex; align-items: center; gap: 6px; font-size: 10px; font-weight: 600; letter-spacing: 0.08em; text-transform: uppercase;
  color: var(--vscode-descriptionForeground); }
.details .dot { width: 8px; height: 8px; border-radius: 50%; flex: none; }
.details .title { font-size: 14px; font-weight: 600; margin: 4px 0 2px; overflow-wrap: anywhere; }
.details .where { color: var(--vscode-descriptionForeground); margin-bottom: 10px; overflow-wrap: anywhere; }
.details .line { font-family: var(--vscode-editor-font-family); font-size: var(--vscode-editor-font-size, 12px); padding: 4px 0;
  border-top: 1px solid var(--vscode-widget-border, rgba(128, 128, 128, 0.2)); overflow-wrap: anywhere; }
.details .drift { color: var(--vscode-editorWarning-foreground, var(--vscode-list-warningForeground)); }
.details .empty { color: var(--vscode-descriptionForeground); }
.hint { margin-top: auto; padding-top: 14px; color: var(--vscode-descriptionForeground); font-size: 11px; line-height: 1.45; }
.menu { position: absolute; z-index: 10; min-width: 160px; padding: 4px 0; border-radius: 3px;
  background: var(--vscode-menu-background, var(--vscode-editorWidget-background)); color: var(--vscode-menu-foreground, var(--vscode-editor-foreground));
  border: 1px solid var(--vscode-menu-border, var(--vscode-widget-border, transparent)); box-shadow: 0 2px 8px var(--vscode-widget-shadow, transparent); }
.menu button { display: block; width: 100%; text-align: left; font: inherit; color: inherit; background: none; border: none; padding: 3px 14px; cursor: pointer; }
.menu button:hover, .menu button:focus { background: var(--vscode-menu-selectionBackground, var(--vscode-list-hoverBackground)); color: var(--vscode-menu-selectionForeground, inherit); outline: none; }
`;
