/**
 * Using the Topology panel in the real editor as a person does: opening it from the palette and from a lab
 * notebook's toolbar, the keyboard in its page (real key presses in the webview's frame, done by the test host),
 * the picture following a theme change, the context menu's commands, and the details strip beside the picture
 * (test-artifacts/editor/topology-details.png). Each test checks what the page reports it shows. Namespaces made
 * with plain ip are drawn in the whole machine's picture; most tests use a small deployed lab's picture, which reads
 * only its own namespaces, whatever else runs on the machine.
 */
import assert from 'node:assert/strict';
import { statSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import * as vscode from 'vscode';
import type { NetnsLabApi } from '../../src/extension.js';
import type { TopologyPanel } from '../../src/ext/topology/topology-panel.js';
import { activateExtension } from './support/extension.js';
import { addressesOf, ip, lab, linksIn, namespaceExists, namespaceInode } from './support/lab.js';
import { labName, removeLabLeftovers, twoNamespaceLab, writeWorkspaceFile } from './support/labs.js';
import { actInPage, canTakeScreenshots, screenshot, shownElements } from './support/screenshot.js';
import {
  boxesOverlap,
  clickDialogButton,
  clickNotebookToolbarButton,
  clickInPicture,
  dialogText,
  focusPicture,
  luminance,
  pointInPicture,
  press,
  quickInputTitled,
  quickPickRows,
  reportWhen,
  routedLab,
  shownNode,
  typeText,
} from './support/topology.js';
import { eventually } from './support/wait.js';

describe('the Topology panel in use', function () {
  this.timeout(120_000);
  const [first, second, third] = ['-ua', '-ub', '-uc'].map((suffix) => lab.namespaceName(suffix)) as [string, string, string];
  const notebookLab = labName('-unb');
  const fileLab = labName('-udet');
  let labFile: vscode.Uri;
  let api: NetnsLabApi;

  before(async function () {
    // Keys, clicks, quick inputs and dialogs are answered in the page, which only the code-server host serves.
    if (!canTakeScreenshots()) this.skip();
    api = await activateExtension();
    for (const namespace of [first, second, third]) ip('netns', 'add', namespace);
    ip('-n', first, 'link', 'add', 'eth0', 'type', 'veth', 'peer', 'name', 'eth0', 'netns', second);
    ip('-n', second, 'link', 'add', 'eth1', 'type', 'veth', 'peer', 'name', 'eth0', 'netns', third);
    for (const [namespace, device, address] of [
      [first, 'eth0', '10.251.5.1/24'],
      [second, 'eth0', '10.251.5.2/24'],
      [second, 'eth1', '10.251.6.1/24'],
      [third, 'eth0', '10.251.6.2/24'],
    ] as const) {
      ip('-n', namespace, 'address', 'add', address, 'dev', device);
      ip('-n', namespace, 'link', 'set', device, 'up');
    }
    labFile = writeWorkspaceFile('udet.netns.yaml', routedLab(fileLab, 253));
    await vscode.commands.executeCommand('netnsLab.lab.deploy', { file: labFile.fsPath });
  });

  afterEach(async () => {
    if (!canTakeScreenshots()) return;
    // A picture of every namespace reads the whole machine again at each change made by anyone: closed when done.
    for (const panel of api.topologyPanels()) panel.dispose();
    await actInPage('topology-skip-dialogs', { dialogs: false });
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
  });

  after(async () => {
    for (const panel of api?.topologyPanels() ?? []) panel.dispose();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    lab.cleanup();
    removeLabLeftovers([notebookLab, fileLab]);
  });

  /** This machine's picture, shown and in front, once it holds the namespaces made with ip. */
  async function machinePicture(): Promise<TopologyPanel> {
    const panel = await vscode.commands.executeCommand<TopologyPanel>('netnsLab.topology.show', { targetId: 'local' });
    panel.reveal();
    await reportWhen(panel, (report) => report.nodes.some((node) => node.id === `if:${third}/eth0`), 'the lab in the picture', 30_000);
    return panel;
  }

  /**
   * The deployed lab's picture, shown and in front: only the lab's namespaces are read, so what others do on the
   * machine meanwhile does not slow it down.
   */
  async function labPicture(): Promise<TopologyPanel> {
    const panel = await vscode.commands.executeCommand<TopologyPanel>('netnsLab.topology.show', labFile);
    panel.reveal();
    await reportWhen(panel, (report) => report.nodes.some((node) => node.id === `if:${fileLab}-gamma/eth0` && node.classes.includes('state-up')), 'the deployed lab');
    return panel;
  }

  /** Selects a node from the panel and waits until the page shows it selected and in sight. */
  async function selectInPicture(panel: TopologyPanel, id: string): Promise<void> {
    panel.select(id);
    await reportWhen(panel, (report) => report.selected.join() === id, `${id} selected`);
    await sleep(300); // the page centres it with a short animation
  }

  it('from the palette, asks which picture while a topology file is open, and opens the one picked', async () => {
    const file = writeWorkspaceFile('use.netns.yaml', twoNamespaceLab(labName('-upal'), 83));
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(file));
    for (const panel of api.topologyPanels()) panel.dispose();
    await vscode.commands.executeCommand('workbench.action.showCommands');
    await typeText('Netns Lab: Show Topology');
    await quickPickRows((rows) => rows[0]?.startsWith('Netns Lab: Show Topology') === true);
    await press('Enter');
    await quickInputTitled('Show Topology');
    const rows = await quickPickRows((shown) => shown.some((row) => row.includes('Every namespace')));
    assert.ok(rows[0]!.includes('Every namespace'), rows.join(' | '));
    assert.ok(
      rows.some((row) => row.includes(`${lab.prefix}-use.netns.yaml`)),
      `the open topology file is not offered: ${rows.join(' | ')}`,
    );
    await typeText('Every namespace');
    await press('Enter');
    const panel = await eventually(() => api.topologyPanels().find((shown) => shown.subject.targetId === 'local' && shown.subject.file === undefined && shown.subject.lab === undefined), {
      what: "this machine's picture",
    });
    assert.equal(panel.panel.title, 'Topology: This machine');
    await reportWhen(panel, (report) => [first, second, third].every((namespace) => report.nodes.some((node) => node.id === `ns:${namespace}`)), 'the lab in the picked picture');
  });

  it("from a lab notebook's toolbar, shows the lab its front matter names", async () => {
    const topology = writeWorkspaceFile('unb.netns.yaml', twoNamespaceLab(notebookLab, 84));
    const notebook = await vscode.workspace.openNotebookDocument(
      writeWorkspaceFile('use.netns.md', `---\ntopology: ./${lab.prefix}-unb.netns.yaml\n---\n# A lab\n\n\`\`\`sh\nip -br address\n\`\`\`\n`),
    );
    await vscode.window.showNotebookDocument(notebook);
    await clickNotebookToolbarButton('Show Topology');
    const panel = await eventually(() => api.topologyPanels().find((shown) => shown.subject.file === topology.fsPath), { what: "the notebook's lab picture" });
    const report = await reportWhen(panel, (shown) => shown.nodes.some((node) => node.id === `ns:${notebookLab}-blue`), 'the lab of the notebook');
    assert.ok(shownNode(report, `ns:${notebookLab}-red`));
    assert.match(report.banner, new RegExp(`${notebookLab}.*Not deployed|Not deployed.*${notebookLab}`, 'u'));
    assert.equal(panel.panel.title, `Topology: ${lab.prefix}-unb.netns.yaml`);
  });

  it('finds with the keyboard: / goes to the search box, typing finds, Enter goes to the next match, Escape clears', async () => {
    const panel = await labPicture();
    await focusPicture(panel);
    await press('/');
    await reportWhen(panel, (report) => report.focus === 'search', 'the search box to have the keyboard');
    // The namespace's name is in its box and in the title of its one interface ("eth0 in NAME").
    await typeText(`${fileLab}-alpha`);
    const found = await reportWhen(panel, (report) => report.search.count === '2 found', '"2 found"');
    const matches = [`ns:${fileLab}-alpha`, `if:${fileLab}-alpha/eth0`];
    assert.equal(found.selected.length, 1);
    assert.ok(matches.includes(found.selected[0]!), `the first match is not selected: ${found.selected.join()}`);
    await press('Enter');
    const next = await reportWhen(panel, (report) => report.selected.length === 1 && report.selected[0] !== found.selected[0], 'the next match selected');
    assert.ok(matches.includes(next.selected[0]!), next.selected.join());
    await press('Enter');
    await reportWhen(panel, (report) => report.selected.join() === found.selected[0], 'back to the first match');

    await press('Control+a');
    await typeText(`${lab.prefix}-nothing-is-called-this`);
    await reportWhen(panel, (report) => report.search.count === 'no match', '"no match"');
    await press('Escape');
    const cleared = await reportWhen(panel, (report) => report.search.text === '' && report.search.count === '', 'the search cleared');
    assert.equal(cleared.focus, 'picture', 'Escape does not give the keyboard back to the picture');
  });

  it('walks the nodes with Tab and Shift+Tab, and moves the selection with the arrow keys', async () => {
    const panel = await labPicture();
    await focusPicture(panel);
    const start = `if:${fileLab}-router/eth1`;
    await selectInPicture(panel, start);
    await press('Tab');
    const after = await reportWhen(panel, (report) => report.selected.length === 1 && report.selected[0] !== start, 'Tab to select the next node');
    const [from, to] = [shownNode(after, start), shownNode(after, after.selected[0]!)];
    // In reading order: top to bottom, then left to right (or round to the first).
    assert.ok(to.y > from.y || (to.y === from.y && to.x > from.x) || after.nodes.every((node) => node.y >= to.y), `${to.id} does not follow ${start}`);
    await press('Shift+Tab');
    await reportWhen(panel, (report) => report.selected.join() === start, 'Shift+Tab to go back');

    const report = await panel.pageReport();
    const origin = shownNode(report, start);
    const inDirection = (dx: number, dy: number) => (node: { x: number; y: number; id: string }) => {
      const along = (node.x - origin.x) * dx + (node.y - origin.y) * dy;
      return node.id !== start && along > 0 && Math.abs((node.x - origin.x) * dy - (node.y - origin.y) * dx) <= along;
    };
    const arrows = { ArrowRight: [1, 0], ArrowLeft: [-1, 0], ArrowDown: [0, 1], ArrowUp: [0, -1] } as const;
    const [key, [dx, dy]] = Object.entries(arrows).find(([, [x, y]]) => report.nodes.some(inDirection(x, y)))!;
    await press(key);
    const moved = await reportWhen(panel, (shown) => shown.selected.length === 1 && shown.selected[0] !== start, `${key} to move the selection`);
    assert.ok(inDirection(dx, dy)(shownNode(moved, moved.selected[0]!)), `${key} went to ${moved.selected[0]}, not that way from ${start}`);
    await press('Escape');
    await reportWhen(panel, (shown) => shown.selected.length === 0, 'Escape to clear the selection');
  });

  it('draws in the new colours when the colour theme changes, and in the old ones once it is back', async () => {
    const panel = await labPicture();
    const before = (await panel.pageReport()).colours;
    const settings = vscode.workspace.getConfiguration('workbench');
    const wasLight = [vscode.ColorThemeKind.Light, vscode.ColorThemeKind.HighContrastLight].includes(vscode.window.activeColorTheme.kind);
    const previous = settings.inspect<string>('colorTheme')?.globalValue;
    try {
      await settings.update('colorTheme', wasLight ? 'Default Dark Modern' : 'Default Light Modern', vscode.ConfigurationTarget.Global);
      const after = (await reportWhen(panel, (report) => report.colours.background !== before.background, 'the picture in the new theme')).colours;
      assert.equal(luminance(after.background!) < luminance(before.background!), wasLight, `background ${before.background} became ${after.background}`);
      assert.notEqual(after.foreground, before.foreground, 'the labels kept their colour');
      assert.notEqual(after.box, before.box, "the namespaces' boxes kept their colour");
    } finally {
      await settings.update('colorTheme', previous, vscode.ConfigurationTarget.Global);
    }
    const back = (await reportWhen(panel, (report) => report.colours.background === before.background, 'the picture in the first theme again')).colours;
    assert.deepEqual(back, before);
  });

  it("opens a terminal in a namespace from the node's menu (Shift+F10), whose shell is in that namespace", async () => {
    const panel = await labPicture();
    const namespace = `${fileLab}-router`;
    await focusPicture(panel);
    await selectInPicture(panel, `ns:${namespace}`);
    const before = new Set(vscode.window.terminals);
    await press('Shift+F10');
    const menu = await reportWhen(panel, (report) => report.menu.length > 0 && report.focus === 'menu', 'the menu open');
    assert.deepEqual(menu.menu, ['Open Terminal', 'Add Veth Pair…', 'Capture…', 'Delete Namespace']);
    await press('Enter');
    const terminal = await eventually(() => vscode.window.terminals.find((shown) => !before.has(shown)), { what: 'a new terminal' });
    try {
      assert.equal(terminal.name, `netns: ${namespace} (root shell)`);
      const pid = await terminal.processId;
      assert.ok(pid, 'the terminal has no process');
      const expected = namespaceInode(`/run/netns/${namespace}`);
      await eventually(() => (namespaceInode(`/proc/${pid}/ns/net`) === expected ? true : undefined), { what: `the shell in ${namespace}`, timeoutMs: 20_000 });
    } finally {
      terminal.dispose();
    }
  });

  it("adds an address to an interface from its right-click menu: in the kernel, then on the picture's node", async () => {
    const panel = await labPicture();
    const id = `if:${fileLab}-gamma/eth0`;
    await selectInPicture(panel, id);
    const report = await panel.pageReport();
    await clickInPicture('#graph', { at: pointInPicture(report, id), button: 'right' });
    await reportWhen(panel, (shown) => shown.menu.join() === 'Add Address…,Capture,Delete Interface', 'the menu of the interface');
    await clickInPicture('#menu button:has-text("Add Address")');
    await quickInputTitled('Add Address');
    await typeText('10.253.2.77/24');
    await press('Enter');
    await eventually(() => (addressesOf(`${fileLab}-gamma`, 'eth0').includes('10.253.2.77/24') ? true : undefined), { what: 'the address in the kernel', timeoutMs: 15_000 });
    try {
      const drawn = await reportWhen(panel, (shown) => shown.details.includes('10.253.2.77/24'), 'the address in the details of the node');
      assert.match(shownNode(drawn, id).label, /^eth0\n10\.253\.2\.3\/24 \+1$/u);
    } finally {
      ip('-n', `${fileLab}-gamma`, 'address', 'del', '10.253.2.77/24', 'dev', 'eth0');
    }
  });

  it('joins two namespaces with a Shift-drag from one to the other: Create Veth Pair asks with both ends filled in, and moves nothing', async () => {
    const panel = await labPicture();
    const [alpha, beta] = [`${fileLab}-alpha`, `${fileLab}-beta`];
    const report = await panel.pageReport();
    const linksBefore = linksIn(alpha).map((link) => link.ifname);
    await actInPage(`topology-shift-drag-${Date.now()}`, {
      inFrames: true,
      drag: { selector: '#graph', from: pointInPicture(report, `if:${alpha}/eth0`), to: pointInPicture(report, `if:${beta}/eth0`), holding: ['Shift'] },
    });
    await quickInputTitled('Create Veth Pair');
    const asked = async (what: string): Promise<string> =>
      eventually(async () => (await shownElements(`veth-prompt-${Date.now()}`, '.quick-input-widget .quick-input-message')).map((shown) => shown.text).find((text) => text.includes(what)), {
        what: `the prompt "${what}"`,
      });
    assert.match(await asked('Name of the end in'), new RegExp(alpha, 'u'));
    await press('Enter');
    assert.match(await asked('Name of its peer in'), new RegExp(beta, 'u'));
    await press('Escape');
    // The drag drew a line and moved no node; the question answered Escape changed nothing.
    const after = await panel.pageReport();
    assert.deepEqual([shownNode(after, `if:${alpha}/eth0`).x, shownNode(after, `if:${alpha}/eth0`).y], [shownNode(report, `if:${alpha}/eth0`).x, shownNode(report, `if:${alpha}/eth0`).y]);
    assert.equal(after.edges.length, report.edges.length);
    assert.deepEqual(
      linksIn(alpha).map((link) => link.ifname),
      linksBefore,
    );
  });

  it('deletes a namespace from its menu once the question is answered Delete: gone from the kernel and the picture', async () => {
    const doomed = lab.namespaceName('-udel');
    ip('netns', 'add', doomed);
    const panel = await machinePicture();
    await reportWhen(panel, (report) => report.nodes.some((node) => node.id === `ns:${doomed}`), 'the namespace in the picture');
    await actInPage('topology-show-dialogs', { dialogs: true });
    await focusPicture(panel);
    await selectInPicture(panel, `ns:${doomed}`);
    await press('Shift+F10');
    await reportWhen(panel, (report) => report.focus === 'menu', 'the menu open');
    await press('ArrowUp'); // round to the last item, Delete Namespace
    await press('Enter');
    const question = await dialogText();
    assert.ok(question.includes(doomed), question);
    assert.ok(namespaceExists(doomed), 'deleted before the question was answered');
    await clickDialogButton('Delete');
    await eventually(() => (namespaceExists(doomed) ? undefined : true), { what: `${doomed} gone from the kernel`, timeoutMs: 15_000 });
    await reportWhen(panel, (report) => !report.nodes.some((node) => node.id === `ns:${doomed}`), 'the namespace gone from the picture', 30_000);
  });

  it('shows the details of the selection in a strip beside the picture, never over a node; the strip can be hidden (topology-details.png)', async () => {
    const panel = await labPicture();
    const id = `if:${fileLab}-router/eth1`;
    await vscode.commands.executeCommand('workbench.action.closeSidebar');
    await selectInPicture(panel, id);
    // Fitted, the whole picture is in sight: the details must cover none of it.
    panel.fit();
    await sleep(500);
    const report = await reportWhen(panel, (shown) => shown.details.includes('10.253.2.1/24'), 'the details of the selection');
    assert.match(report.details, new RegExp(`^interface\neth1\nin ${fileLab}-router\nveth · up · mtu 1500\n10\\.253\\.2\\.1/24`, 'u'));
    const strip = report.detailsBox;
    assert.ok(strip, 'no details strip');
    const selected = shownNode(report, id).onPage;
    assert.ok(!boxesOverlap(strip, selected), `the details ${JSON.stringify(strip)} cover the selected node ${JSON.stringify(selected)}`);
    assert.ok(!boxesOverlap(strip, report.picture), `the details ${JSON.stringify(strip)} lie over the picture ${JSON.stringify(report.picture)}`);
    for (const node of report.nodes) {
      assert.ok(!boxesOverlap(strip, node.onPage), `the details ${JSON.stringify(strip)} cover ${node.id} ${JSON.stringify(node.onPage)}`);
      assert.ok(boxesOverlap(node.onPage, report.picture), `${node.id} is out of sight`);
    }
    const shot = await screenshot('topology-details');
    assert.ok(statSync(shot).size > 20_000, `${shot} is too small to show anything`);

    await clickInPicture('#details-toggle');
    const hidden = await reportWhen(panel, (shown) => shown.detailsBox === undefined, 'the strip hidden');
    assert.ok(hidden.picture.right > report.picture.right, 'the picture did not take the room the strip left');
    await clickInPicture('#details-toggle');
    await reportWhen(panel, (shown) => shown.detailsBox !== undefined && shown.picture.right === report.picture.right, 'the strip back');
  });
});
