/**
 * The Topology panel's HTML: a strict content security policy (no network; only the page's own script, with a
 * fresh nonce, and its own style), a toolbar (banner, search, zoom and fit), the picture, a details box and a
 * context menu, in VS Code's theme colours. The page script (`src/topology-view/page.ts`) draws into it.
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
</div>
<div id="graph" class="graph" tabindex="0" role="application" aria-label="Network picture: Tab and the arrow keys move the selection, Enter or F fits, / finds, C connects two selected namespaces, Shift+F10 opens the menu"></div>
<div id="details" class="details" hidden aria-live="polite"></div>
<div id="menu" class="menu" role="menu" hidden></div>
<div id="hint" class="hint">Shift-drag from one namespace to another, or select two and press C, to join them with a veth pair</div>`,
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
.graph { flex: 1; min-height: 0; position: relative; }
.details { position: absolute; left: 10px; bottom: 10px; max-width: 360px; padding: 6px 10px; border-radius: 3px;
  background: var(--vscode-editorHoverWidget-background, var(--vscode-editorWidget-background));
  color: var(--vscode-editorHoverWidget-foreground, var(--vscode-editor-foreground));
  border: 1px solid var(--vscode-editorHoverWidget-border, var(--vscode-widget-border, transparent)); box-shadow: 0 2px 8px var(--vscode-widget-shadow, transparent); }
.details .title { font-weight: 600; margin-bottom: 2px; }
.details .line { font-family: var(--vscode-editor-font-family); font-size: var(--vscode-editor-font-size, 12px); }
.details .drift { color: var(--vscode-editorWarning-foreground, var(--vscode-list-warningForeground)); }
.menu { position: absolute; z-index: 10; min-width: 160px; padding: 4px 0; border-radius: 3px;
  background: var(--vscode-menu-background, var(--vscode-editorWidget-background)); color: var(--vscode-menu-foreground, var(--vscode-editor-foreground));
  border: 1px solid var(--vscode-menu-border, var(--vscode-widget-border, transparent)); box-shadow: 0 2px 8px var(--vscode-widget-shadow, transparent); }
.menu button { display: block; width: 100%; text-align: left; font: inherit; color: inherit; background: none; border: none; padding: 3px 14px; cursor: pointer; }
.menu button:hover, .menu button:focus { background: var(--vscode-menu-selectionBackground, var(--vscode-list-hoverBackground)); color: var(--vscode-menu-selectionForeground, inherit); outline: none; }
.hint { position: absolute; right: 10px; bottom: 8px; color: var(--vscode-descriptionForeground); font-size: 11px; pointer-events: none; }
`;
