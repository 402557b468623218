/**
 * The tables' CSS. Colours and fonts come from VS Code's theme variables, so the tables follow the editor's theme
 * (light, dark, high contrast); every rule is scoped under `.netns-lab-ip` so nothing leaks into other outputs.
 */

/** The class of the element each rendered output lives in. */
export const ROOT_CLASS = 'netns-lab-ip';

/** The style sheet, added once per rendered output (outputs can be moved between documents, so none is shared). */
export const STYLES = `
.${ROOT_CLASS} {
  color: var(--vscode-editor-foreground);
  font-family: var(--vscode-font-family);
  font-size: var(--vscode-font-size, 13px);
}
.${ROOT_CLASS} .caption {
  color: var(--vscode-descriptionForeground);
  margin: 0 0 4px;
}
.${ROOT_CLASS} .switch {
  font: inherit;
  color: var(--vscode-textLink-foreground);
  background: none;
  border: 1px solid var(--vscode-button-border, transparent);
  border-radius: 2px;
  padding: 0 6px;
  cursor: pointer;
}
.${ROOT_CLASS} .switch:focus-visible {
  outline: 1px solid var(--vscode-focusBorder);
}
.${ROOT_CLASS} .text {
  margin: 0;
  font-family: var(--vscode-editor-font-family);
  white-space: pre;
}
.${ROOT_CLASS} .error {
  color: var(--vscode-errorForeground);
}
/* A bounded scroll box, so a 200-row table does not push the rest of the notebook away. */
.${ROOT_CLASS} .scroll {
  max-height: 28em;
  overflow: auto;
  border: 1px solid var(--vscode-editorWidget-border, rgba(128, 128, 128, 0.35));
}
.${ROOT_CLASS} table {
  border-collapse: collapse;
  min-width: 100%;
  /* Tables do not inherit these in quirks mode; say so, whatever document the output lands in. */
  color: inherit;
  font-size: inherit;
}
/* The header stays in view while the rows scroll; it needs an opaque background for that. */
.${ROOT_CLASS} th {
  position: sticky;
  top: 0;
  z-index: 1;
  background: var(--vscode-editorWidget-background, var(--vscode-editor-background));
  border-bottom: 1px solid var(--vscode-editorWidget-border, rgba(128, 128, 128, 0.35));
  font-weight: 600;
  text-align: left;
  padding: 2px 10px;
  white-space: nowrap;
}
/* Compact rows; pre keeps one address (or next hop) per line and never breaks an address in two. */
.${ROOT_CLASS} td {
  /* The notebook's output document centres table cells by default. */
  text-align: left;
  padding: 1px 10px;
  vertical-align: top;
  white-space: pre;
  border-bottom: 1px solid var(--vscode-editorWidget-border, rgba(128, 128, 128, 0.2));
}
.${ROOT_CLASS} tbody tr:hover {
  background: var(--vscode-list-hoverBackground);
}
.${ROOT_CLASS} .name {
  font-weight: 600;
}
.${ROOT_CLASS} .mono {
  font-family: var(--vscode-editor-font-family, monospace);
  font-size: var(--vscode-editor-font-size, 13px);
}
.${ROOT_CLASS} .number {
  text-align: right;
  font-variant-numeric: tabular-nums;
}
/* Captured packets: the summary in the editor's font, as tcpdump prints it; the protocol's colour is a help only. */
.${ROOT_CLASS} .summary {
  font-family: var(--vscode-editor-font-family, monospace);
  font-size: var(--vscode-editor-font-size, 13px);
}
.${ROOT_CLASS} .protocol-arp {
  color: var(--vscode-charts-yellow);
}
.${ROOT_CLASS} .protocol-icmp,
.${ROOT_CLASS} .protocol-icmpv6 {
  color: var(--vscode-charts-blue);
}
/* The state's text says the same as its colour, so the colour is a help and never the only signal. */
.${ROOT_CLASS} .state-up {
  color: var(--vscode-testing-iconPassed);
}
.${ROOT_CLASS} .state-down {
  color: var(--vscode-errorForeground);
}
.${ROOT_CLASS} .state-unknown {
  color: var(--vscode-descriptionForeground);
}
/* A check's outcome: the text says it too, so the colour is a help and never the only signal. */
.${ROOT_CLASS} .check-passed {
  color: var(--vscode-testing-iconPassed);
  white-space: nowrap;
}
.${ROOT_CLASS} .check-failed {
  color: var(--vscode-testing-iconFailed, var(--vscode-errorForeground));
  font-weight: 600;
  white-space: nowrap;
}
/* A check's message is a sentence: it wraps, unlike addresses. */
.${ROOT_CLASS} .message {
  white-space: normal;
  min-width: 20em;
}
/* A change's action, said in words as well. */
.${ROOT_CLASS} .diff-added {
  color: var(--vscode-gitDecoration-addedResourceForeground, var(--vscode-testing-iconPassed));
  white-space: nowrap;
}
.${ROOT_CLASS} .diff-removed {
  color: var(--vscode-gitDecoration-deletedResourceForeground, var(--vscode-errorForeground));
  white-space: nowrap;
}
.${ROOT_CLASS} .diff-changed,
.${ROOT_CLASS} .diff-moved {
  color: var(--vscode-gitDecoration-modifiedResourceForeground, var(--vscode-textLink-foreground));
  white-space: nowrap;
}
`;
