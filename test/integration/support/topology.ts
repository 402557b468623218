/**
 * The Topology panel's page as the editor tests see it: waiting for what the page reports, finding a node in a
 * report, and a user's keys and clicks in the page (the webview's frame), which the test host does for real.
 */
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { TopologyPanel } from '../../../src/ext/topology/topology-panel.js';
import type { PageBox, TopologyPageReport } from '../../../src/ext/view-model/topology-messages.js';
import { actInPage, shownElements } from './screenshot.js';
import { eventually } from './wait.js';

export type ShownNode = TopologyPageReport['nodes'][number];

/** Waits until the page reports what `ready` accepts; returns that report. */
export async function reportWhen(panel: TopologyPanel, ready: (report: TopologyPageReport) => boolean, what: string, timeoutMs = 15_000): Promise<TopologyPageReport> {
  let last: TopologyPageReport | undefined;
  return eventually(
    async () => {
      last = await panel.pageReport();
      return ready(last) ? last : undefined;
    },
    {
      what,
      timeoutMs,
      intervalMs: 250,
      lastSeen: () => (last ? JSON.stringify({ banner: last.banner, selected: last.selected, search: last.search, focus: last.focus, menu: last.menu }) : 'no report'),
    },
  );
}

export function shownNode(report: TopologyPageReport, id: string): ShownNode {
  const found = report.nodes.find((candidate) => candidate.id === id);
  assert.ok(found, `${id} is not drawn; drawn: ${report.nodes.map((shown) => shown.id).join(' ')}`);
  return found;
}

/** Where a node's middle is on the picture, in pixels from its top left (where a click or a drag goes). */
export function pointInPicture(report: TopologyPageReport, id: string): { x: number; y: number } {
  const box = shownNode(report, id).onPage;
  return { x: Math.round((box.left + box.right) / 2 - report.picture.left), y: Math.round((box.top + box.bottom) / 2 - report.picture.top) };
}

export function boxesOverlap(a: PageBox, b: PageBox): boolean {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}

let requests = 0;
/** A unique name for each request to the test host. */
function requestName(what: string): string {
  return `topology-${what}-${++requests}`;
}

/** Presses a key (Playwright's names: `Tab`, `Shift+Tab`, `ArrowRight`, `/`) where the keyboard is in the workbench. */
export function press(key: string): Promise<void> {
  return actInPage(requestName('press'), { press: key });
}

/** Types text where the keyboard is. */
export function typeText(text: string): Promise<void> {
  return actInPage(requestName('type'), { type: text });
}

/** Clicks in the page of the Topology panel (a webview's frame): at `at` pixels from the element's top left. */
export function clickInPicture(selector: string, options: { at?: { x: number; y: number }; button?: 'left' | 'right' } = {}): Promise<void> {
  return actInPage(requestName('click'), { click: selector, inFrames: true, ...options });
}

/** Gives the picture the keyboard, as a click on an empty corner of it does (which also clears the selection). */
export async function focusPicture(panel: TopologyPanel): Promise<void> {
  await clickInPicture('#graph', { at: { x: 3, y: 3 } });
  await reportWhen(panel, (report) => report.focus === 'picture', 'the picture to have the keyboard');
}

/** The modal dialog's text, once one shows in the workbench. */
export async function dialogText(): Promise<string> {
  const [shown] = await eventually(
    async () => {
      const found = await shownElements(requestName('dialog'), '.monaco-dialog-box .dialog-message-text');
      return found.length > 0 ? found : undefined;
    },
    // The command reads the namespace before it asks, which takes a while on a busy machine.
    { what: 'a modal dialog', timeoutMs: 20_000 },
  );
  return shown!.text;
}

export function clickDialogButton(label: string): Promise<void> {
  return actInPage(requestName('dialog-button'), { click: `.monaco-dialog-box .dialog-buttons .monaco-button:has-text("${label}")` });
}

/** The quick input's title once it contains `text`. */
export function quickInputTitled(text: string): Promise<string> {
  return eventually(async () => (await shownElements(requestName('quick-input'), '.quick-input-widget .quick-input-title')).map((element) => element.text).find((title) => title.includes(text)), {
    what: `a quick input titled "…${text}…"`,
  });
}

/** The rows of the open quick pick (their aria-labels), once `until` accepts them. */
export async function quickPickRows(until: (rows: string[]) => boolean): Promise<string[]> {
  let last: string[] = [];
  return eventually(
    async () => {
      last = (await shownElements(requestName('rows'), '.quick-input-widget .quick-input-list .monaco-list-row')).map((row) => row.ariaLabel ?? row.text);
      return until(last) ? last : undefined;
    },
    { what: 'the quick pick rows', lastSeen: () => last.join(' | ') },
  );
}

/**
 * Clicks a button of the open notebook's toolbar, as a person does. The toolbar shows its buttons once the notebook
 * is drawn, and only those it has room for: the side bars are closed first, and the click is tried until it lands.
 */
export async function clickNotebookToolbarButton(label: string): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeSidebar');
  await vscode.commands.executeCommand('workbench.action.closeAuxiliaryBar');
  const click = { click: `.notebook-toolbar-container .action-item a[aria-label="${label}"]` };
  await eventually(
    () =>
      actInPage('notebook-toolbar', click).then(
        () => true,
        () => undefined,
      ),
    { what: `the notebook toolbar's ${label} button clicked`, timeoutMs: 20_000 },
  );
}

/** Relative luminance (0 black, 1 white) of a `#rrggbb`, `#rgb` or `rgb(a)(…)` colour. */
export function luminance(colour: string): number {
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/iu.exec(colour)?.[1];
  const channels = hex
    ? (hex.length === 3 ? [...hex].map((digit) => digit + digit) : [hex.slice(0, 2), hex.slice(2, 4), hex.slice(4, 6)]).map((part) => parseInt(part, 16))
    : (/rgba?\(([^)]*)\)/iu.exec(colour)?.[1] ?? '').split(',').slice(0, 3).map(Number);
  assert.equal(channels.length, 3, `not a colour: ${colour}`);
  const [red, green, blue] = channels.map((channel) => channel / 255) as [number, number, number];
  return 0.2126 * red + 0.7152 * green + 0.0722 * blue;
}

/**
 * A router between two subnets, 10.OCTET.1.0/24 and 10.OCTET.2.0/24: alpha on the first, a bridge in sw with beta
 * and gamma on the second; with `uplink`, a veth from the router to that interface in the root namespace.
 */
export function routedLab(name: string, octet: number, uplink?: string): string {
  const net = `10.${octet}`;
  return `lab: ${name}
namespaces:
  router: { forwarding: true }
  alpha: { routes: [default via ${net}.1.1] }
  sw: {}
  beta: { routes: [default via ${net}.2.1] }
  gamma: { routes: [default via ${net}.2.1] }
bridges:
  br0: { namespace: sw, ports: [p0, p1, p2] }
links:
  - [alpha:eth0 ${net}.1.2/24, router:eth0 ${net}.1.1/24]
  - [router:eth1 ${net}.2.1/24, sw:p0]
  - [beta:eth0 ${net}.2.2/24, sw:p1]
  - [gamma:eth0 ${net}.2.3/24, sw:p2]
${uplink === undefined ? '' : `  - [router:up0 ${net}.9.2/30, ${uplink} ${net}.9.1/30]\n`}`;
}
