/**
 * The colours of a cell's picture, from VS Code's theme (its chart colours for states and drift), so the picture
 * follows the editor's theme; the SVG file (core `graph/svg.ts`) has a fixed light palette for the same classes.
 * Rules later in the sheet win: state after kind, drift last (its selectors as specific as the state's, so it wins).
 */

/** The class of the element a picture lives in; every rule is scoped under it. */
export const PICTURE_CLASS = 'netns-lab-picture';

/** The mime type of a cell's picture (the core's TOPOLOGY_MIME: the renderer may import only types from the core). */
export const TOPOLOGY_MIME = 'application/vnd.netns-lab.topology+json';

const scope = `.${PICTURE_CLASS}`;

export const PICTURE_STYLES = `
${scope} { color: var(--vscode-editor-foreground); font-family: var(--vscode-font-family); font-size: var(--vscode-font-size, 13px); }
${scope} .caption { color: var(--vscode-descriptionForeground); margin: 0 0 4px; }
${scope} .picture-scroll { overflow: auto; max-height: 900px; }
${scope} svg { display: block; font-family: var(--vscode-font-family); }
${scope} text { fill: var(--vscode-editor-foreground); stroke: none; }
${scope} text.title { font-size: 13px; font-weight: bold; }
${scope} text.name { font-size: 12px; font-weight: bold; }
${scope} text.detail { font-size: 11px; fill: var(--vscode-descriptionForeground); }
${scope} text.subnet { font-size: 11px; fill: var(--vscode-descriptionForeground); }
${scope} .lab-box { fill: var(--vscode-charts-purple); fill-opacity: 0.06; stroke: var(--vscode-charts-purple); stroke-dasharray: 6 4; }
${scope} .namespace { fill: var(--vscode-editor-background); stroke: var(--vscode-descriptionForeground); }
${scope} .namespace.in-lab { fill: var(--vscode-charts-blue); fill-opacity: 0.08; stroke: var(--vscode-charts-blue); }
${scope} .namespace.root { fill: var(--vscode-editor-foreground); fill-opacity: 0.05; stroke: var(--vscode-descriptionForeground); stroke-width: 1.5; }
${scope} .namespace.unnamed { stroke-dasharray: 3 3; }
${scope} .interface { fill: var(--vscode-editor-background); stroke: var(--vscode-charts-green); stroke-width: 1.5; }
${scope} .interface.state-down { fill: var(--vscode-disabledForeground); fill-opacity: 0.2; stroke: var(--vscode-charts-red); }
${scope} .interface.state-no-carrier { stroke: var(--vscode-charts-yellow); }
${scope} .interface.state-planned { stroke: var(--vscode-descriptionForeground); stroke-dasharray: 5 3; }
${scope} .interface.bridge { fill: var(--vscode-charts-yellow); fill-opacity: 0.14; stroke-width: 2.5; }
${scope} .interface.leads-out { stroke-width: 3; }
${scope} .dot { stroke: none; fill: var(--vscode-charts-green); }
${scope} .dot.state-down { fill: var(--vscode-charts-red); }
${scope} .dot.state-no-carrier { fill: var(--vscode-charts-yellow); }
${scope} .dot.state-planned { fill: var(--vscode-descriptionForeground); }
${scope} .out-mark, ${scope} .arrow { fill: var(--vscode-editor-foreground); }
${scope} .external { fill: var(--vscode-editor-background); stroke: var(--vscode-descriptionForeground); stroke-dasharray: 4 3; }
${scope} .link { fill: none; stroke: var(--vscode-editor-foreground); stroke-opacity: 0.75; stroke-width: 1.5; }
${scope} .link-port { stroke-dasharray: 6 4; }
${scope} .link-lower { stroke-dasharray: 2 3; }
${scope} .link-tunnel { stroke-width: 3.5; }
${scope} .subnet-box { fill: var(--vscode-editor-background); fill-opacity: 0.9; stroke: none; }
${scope} :is(.interface, .namespace, .link, .external).drift-missing { stroke: var(--vscode-charts-red); stroke-dasharray: 5 3; stroke-width: 2; stroke-opacity: 1; }
${scope} :is(.interface, .namespace, .link, .external).drift-extra { stroke: var(--vscode-charts-orange); stroke-width: 2.5; stroke-opacity: 1; }
${scope} :is(.interface, .namespace, .link, .external).drift-differs { fill: var(--vscode-charts-yellow); fill-opacity: 0.3; stroke: var(--vscode-charts-yellow); stroke-width: 2; }
${scope} g.node:hover > rect, ${scope} g.node:hover > ellipse { stroke-width: 3; }
${scope} g.link-group:hover > polyline { stroke-width: 3; }
`;
