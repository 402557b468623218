/**
 * The picture's look from VS Code's theme: the page reads the theme's CSS variables (`readTheme` gets a lookup)
 * and gives cytoscape concrete colours, since a canvas cannot use CSS variables. States are coloured as in the
 * Namespaces view (up: testing.iconPassed, no carrier: list.warningForeground, down: disabledForeground); drift as
 * the source control colours (missing: deleted, dashed; extra: added; differs: modified). Pure: tested under Node.
 */

export interface Theme {
  foreground: string;
  background: string;
  muted: string;
  box: string;
  boxBorder: string;
  lab: string;
  up: string;
  noCarrier: string;
  down: string;
  bridge: string;
  external: string;
  link: string;
  focus: string;
  match: string;
  missing: string;
  extra: string;
  differs: string;
  fontFamily: string;
}

/** The theme, from a lookup of `--vscode-*` variables (without the prefix); each colour has a fallback. */
export function readTheme(variable: (name: string) => string, dark: boolean): Theme {
  const pick = (fallback: string, ...names: string[]): string => {
    for (const name of names) {
      const colour = cssColour(variable(name));
      if (colour) return colour;
    }
    return fallback;
  };
  const foreground = pick(dark ? '#cccccc' : '#333333', 'editor-foreground', 'foreground');
  return {
    foreground,
    background: pick(dark ? '#1e1e1e' : '#ffffff', 'editor-background'),
    muted: pick(dark ? '#9d9d9d' : '#717171', 'descriptionForeground'),
    box: pick(dark ? '#252526' : '#f3f3f3', 'editorWidget-background', 'sideBar-background'),
    boxBorder: pick(dark ? '#6b6b6b' : '#a0a0a0', 'editorWidget-border', 'widget-border', 'panel-border', 'descriptionForeground'),
    lab: pick(dark ? '#3794ff' : '#006ab1', 'textLink-foreground'),
    up: pick(dark ? '#73c991' : '#388a34', 'testing-iconPassed'),
    noCarrier: pick(dark ? '#cca700' : '#bf8803', 'list-warningForeground'),
    down: pick(dark ? '#8b8b8b' : '#8e8e8e', 'disabledForeground', 'descriptionForeground'),
    bridge: pick(dark ? '#b180d7' : '#652d90', 'charts-purple', 'symbolIcon-structForeground'),
    external: pick(dark ? '#d18616' : '#d18616', 'charts-orange'),
    link: pick(dark ? '#c5c5c5' : '#424242', 'editorLineNumber-activeForeground', 'foreground'),
    focus: pick(dark ? '#007fd4' : '#0090f1', 'focusBorder'),
    match: pick(dark ? '#ea5c00' : '#f38518', 'editor-findMatchBorder', 'charts-orange'),
    missing: pick(dark ? '#c74e39' : '#ad0707', 'gitDecoration-deletedResourceForeground', 'errorForeground'),
    extra: pick(dark ? '#81b88b' : '#587c0c', 'gitDecoration-addedResourceForeground', 'gitDecoration-untrackedResourceForeground'),
    differs: pick(dark ? '#e2c08d' : '#895503', 'gitDecoration-modifiedResourceForeground', 'list-warningForeground'),
    fontFamily: variable('font-family').trim() || 'sans-serif',
  };
}

/**
 * A colour cytoscape takes (`#rrggbb`, `rgb(…)`, `rgba(…)`), from what a theme variable holds; `#rrggbbaa` and
 * `#rgba` become `rgba(…)`. Undefined for nothing or for what is not a colour.
 */
export function cssColour(value: string): string | undefined {
  const text = value.trim();
  if (/^#[0-9a-f]{6}$/iu.test(text) || /^#[0-9a-f]{3}$/iu.test(text)) return text;
  if (/^rgba?\([\d\s.,%]+\)$/iu.test(text)) return text;
  const long = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/iu.exec(text);
  const short = /^#([0-9a-f])([0-9a-f])([0-9a-f])([0-9a-f])$/iu.exec(text);
  const parts = long ? long.slice(1) : short ? short.slice(1).map((digit) => digit + digit) : undefined;
  if (!parts) return undefined;
  const [red, green, blue, alpha] = parts.map((part) => parseInt(part, 16)) as [number, number, number, number];
  return `rgba(${red}, ${green}, ${blue}, ${Number((alpha / 255).toFixed(3))})`;
}

export type Stylesheet = Array<{ selector: string; style: Record<string, string | number> }>;

/** The cytoscape stylesheet of the picture in a theme. */
export function stylesheet(theme: Theme): Stylesheet {
  const label = { color: theme.foreground, 'font-family': theme.fontFamily, 'text-wrap': 'wrap', 'min-zoomed-font-size': 6 };
  return [
    { selector: 'node', style: { ...label, 'font-size': 12, 'text-valign': 'center', 'text-halign': 'center' } },
    {
      selector: 'node.namespace, node.lab',
      style: {
        shape: 'round-rectangle',
        'background-color': theme.box,
        'background-opacity': 1,
        'border-width': 1.5,
        'border-color': theme.boxBorder,
        'text-valign': 'top',
        'text-halign': 'center',
        'text-margin-y': -4,
        'font-size': 14,
        'font-weight': 'bold',
        padding: 16,
        label: 'data(label)',
      },
    },
    { selector: 'node.namespace.root', style: { 'border-style': 'dashed', 'background-opacity': 0.5 } },
    { selector: 'node.namespace.unnamed', style: { 'font-style': 'italic', color: theme.muted } },
    { selector: 'node.namespace.unreadable', style: { 'border-style': 'dashed', 'border-color': theme.noCarrier, color: theme.muted } },
    { selector: 'node.namespace:childless', style: { width: 'data(w)', height: 40, 'text-valign': 'center', 'text-margin-y': 0 } },
    { selector: 'node.lab', style: { 'background-opacity': 0, 'border-color': theme.lab, 'border-style': 'dotted', color: theme.lab, 'font-size': 13, padding: 24 } },
    {
      selector: 'node.interface',
      style: {
        shape: 'round-rectangle',
        width: 'data(w)',
        height: 'data(h)',
        'background-color': theme.background,
        'border-width': 2,
        'border-color': theme.up,
        label: 'data(label)',
        'line-height': 1.3,
      },
    },
    {
      selector: 'node.bridge',
      style: {
        shape: 'round-hexagon',
        width: 'data(w)',
        height: 'data(h)',
        'background-color': theme.bridge,
        'background-opacity': 0.18,
        'border-width': 2.5,
        'border-color': theme.bridge,
        label: 'data(label)',
        'font-weight': 'bold',
      },
    },
    {
      selector: 'node.external',
      style: {
        shape: 'ellipse',
        width: 'data(w)',
        height: 44,
        'background-color': theme.external,
        'background-opacity': 0.12,
        'border-width': 2,
        'border-style': 'dashed',
        'border-color': theme.external,
        label: 'data(label)',
      },
    },
    { selector: 'node.leads-out', style: { 'border-width': 3 } },
    { selector: 'node.state-no-carrier', style: { 'border-color': theme.noCarrier } },
    { selector: 'node.state-down', style: { 'border-color': theme.down, color: theme.muted } },
    { selector: 'node.state-planned, node.namespace.planned', style: { 'border-color': theme.muted, 'border-style': 'dashed' } },
    {
      selector: 'edge',
      style: {
        width: 2,
        'line-color': theme.link,
        'curve-style': 'bezier',
        ...label,
        'font-size': 11,
        'text-background-color': theme.background,
        'text-background-opacity': 0.85,
        'text-background-padding': 2,
      },
    },
    { selector: 'edge.port', style: { 'line-color': theme.bridge, width: 2 } },
    { selector: 'edge.lower', style: { 'line-style': 'dotted', 'line-color': theme.muted } },
    { selector: 'edge.tunnel', style: { 'line-style': 'dashed', 'line-color': theme.external } },
    { selector: 'edge.show-label, edge:selected', style: { label: 'data(label)' } },
    { selector: '.drift-missing', style: { 'border-color': theme.missing, 'line-color': theme.missing, 'border-style': 'dashed', 'line-style': 'dashed', color: theme.missing } },
    { selector: '.drift-extra', style: { 'border-color': theme.extra, 'line-color': theme.extra, 'border-style': 'double', 'border-width': 4 } },
    { selector: '.drift-differs', style: { 'border-color': theme.differs, 'line-color': theme.differs, 'border-width': 3 } },
    { selector: 'edge.drift-extra', style: { width: 3 } },
    { selector: '.match', style: { 'underlay-color': theme.match, 'underlay-opacity': 0.35, 'underlay-padding': 6 } },
    { selector: 'node:selected', style: { 'border-color': theme.focus, 'border-width': 3, 'underlay-color': theme.focus, 'underlay-opacity': 0.15, 'underlay-padding': 4 } },
    { selector: 'edge:selected', style: { 'line-color': theme.focus, width: 3 } },
    { selector: '.ghost', style: { width: 1, height: 1, 'background-opacity': 0, 'border-width': 0, label: '' } },
    { selector: 'edge.ghost-edge', style: { 'line-color': theme.focus, 'line-style': 'dashed', width: 2 } },
  ];
}
