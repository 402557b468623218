/**
 * The Topology panel in the real editor: a lab made with plain `ip` (a router with two subnets, a bridge with
 * three ports in a switch namespace, a veth to the root namespace), drawn; the page answers with what cytoscape
 * holds (ids, boxes, classes, positions). Then an `ip` change followed without moving what stayed, a topology
 * file's plan, its deployed picture and drift. The picture (test-artifacts/editor/topology-panel.png) is to look at.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import * as vscode from 'vscode';
import type { TopologyPanel } from '../../src/ext/topology/topology-panel.js';
import { activateExtension, TreeReader } from './support/extension.js';
import { ip, lab, linksIn, tcpdumpsIn } from './support/lab.js';
import { labName, removeLabLeftovers, writeWorkspaceFile } from './support/labs.js';
import { actInPage, canTakeScreenshots, screenshot } from './support/screenshot.js';
import { reportWhen, routedLab, shownNode, type ShownNode } from './support/topology.js';
import { eventually } from './support/wait.js';

const RENDER_PAUSE_MS = 1_500;

function overlaps(a: ShownNode, b: ShownNode): boolean {
  return Math.abs(a.x - b.x) * 2 < a.width + b.width && Math.abs(a.y - b.y) * 2 < a.height + b.height;
}

describe('the Topology panel', () => {
  const [router, alpha, sw, beta, gamma] = ['-trouter', '-talpha', '-tsw', '-tbeta', '-tgamma'].map((suffix) => lab.namespaceName(suffix)) as [string, string, string, string, string];
  const uplink = lab.interfaceName('up');
  const fileLab = labName('-pic');
  const panels: TopologyPanel[] = [];

  before(async () => {
    await activateExtension();
    for (const namespace of [router, alpha, sw, beta, gamma]) ip('netns', 'add', namespace);
    ip('-n', router, 'link', 'add', 'eth0', 'type', 'veth', 'peer', 'name', 'eth0', 'netns', alpha);
    ip('-n', router, 'link', 'add', 'eth1', 'type', 'veth', 'peer', 'name', 'p0', 'netns', sw);
    ip('-n', beta, 'link', 'add', 'eth0', 'type', 'veth', 'peer', 'name', 'p1', 'netns', sw);
    ip('-n', gamma, 'link', 'add', 'eth0', 'type', 'veth', 'peer', 'name', 'p2', 'netns', sw);
    ip('link', 'add', uplink, 'type', 'veth', 'peer', 'name', 'up0', 'netns', router);
    ip('-n', sw, 'link', 'add', 'br0', 'type', 'bridge');
    for (const port of ['p0', 'p1', 'p2']) ip('-n', sw, 'link', 'set', port, 'master', 'br0', 'up');
    ip('-n', sw, 'link', 'set', 'br0', 'up');
    const addresses: Array<[string | null, string, string]> = [
      [router, 'eth0', '10.250.1.1/24'],
      [alpha, 'eth0', '10.250.1.2/24'],
      [router, 'eth1', '10.250.2.1/24'],
      [beta, 'eth0', '10.250.2.2/24'],
      [gamma, 'eth0', '10.250.2.3/24'],
      [router, 'up0', '10.250.9.2/30'],
      [null, uplink, '10.250.9.1/30'],
    ];
    for (const [namespace, device, address] of addresses) {
      const inside = namespace === null ? [] : ['-n', namespace];
      ip(...inside, 'address', 'add', address, 'dev', device);
      ip(...inside, 'link', 'set', device, 'up');
    }
  });

  after(async () => {
    for (const panel of panels) panel.dispose();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    lab.cleanup();
    const folder = vscode.workspace.workspaceFolders![0]!.uri.fsPath;
    rmSync(join(folder, '.netns-lab', `${lab.prefix}-pic.positions.json`), { force: true });
    removeLabLeftovers([fileLab]);
  });

  it('draws namespaces as boxes holding their interfaces, the bridge with its ports, veths and the uplink to the root namespace', async () => {
    const panel = await vscode.commands.executeCommand<TopologyPanel>('netnsLab.topology.show', { targetId: 'local' });
    panels.push(panel);
    const report = await reportWhen(panel, (shown) => shown.nodes.some((candidate) => candidate.id === `if:${gamma}/eth0`), 'the lab in the picture');
    for (const namespace of [router, alpha, sw, beta, gamma]) assert.ok(shownNode(report, `ns:${namespace}`).classes.includes('namespace'));
    assert.equal(shownNode(report, `if:${router}/eth1`).parent, `ns:${router}`);
    assert.equal(shownNode(report, `if:/${uplink}`).parent, 'ns:');
    const bridge = shownNode(report, `if:${sw}/br0`);
    assert.ok(bridge.classes.includes('bridge') && bridge.parent === `ns:${sw}`, `br0: ${JSON.stringify(bridge)}`);
    assert.match(shownNode(report, `if:${router}/eth0`).label, /^eth0\n10\.250\.1\.1\/24$/u);
    const edges = new Set(report.edges.map((edge) => edge.id));
    for (const port of ['p0', 'p1', 'p2']) assert.ok(edges.has(`port:if:${sw}/${port}|if:${sw}/br0`), `port ${port} is not joined to br0`);
    const veth = (a: string, b: string): string => `veth:${[a, b].sort().join('|')}`;
    assert.ok(edges.has(veth(`if:${router}/eth0`, `if:${alpha}/eth0`)), 'no veth router–alpha');
    assert.ok(edges.has(veth(`if:${router}/up0`, `if:/${uplink}`)), 'no veth to the root namespace');
    assert.ok(edges.has(veth(`if:${router}/eth1`, `if:${sw}/p0`)), 'no veth router–switch');
    // Laid out: no two of the lab's boxes overlap.
    const boxes = [router, alpha, sw, beta, gamma].map((namespace) => shownNode(report, `ns:${namespace}`));
    for (const [index, box] of boxes.entries()) for (const other of boxes.slice(index + 1)) assert.ok(!overlaps(box, other), `${box.id} overlaps ${other.id}`);
  });

  it('follows an ip change: a new veth appears beside its namespaces, and what did not change stays where it was', async () => {
    const panel = panels[0]!;
    const before = await panel.pageReport();
    ip('-n', alpha, 'link', 'add', 'eth9', 'type', 'veth', 'peer', 'name', 'eth9', 'netns', beta);
    const after = await reportWhen(panel, (shown) => shown.edges.some((edge) => edge.id === `veth:if:${alpha}/eth9|if:${beta}/eth9`), 'the new veth in the picture');
    for (const kept of before.nodes.filter((shown) => !shown.id.startsWith('ns:') && !shown.id.startsWith('lab:'))) {
      const now = after.nodes.find((shown) => shown.id === kept.id);
      if (now) assert.deepEqual([now.x, now.y], [kept.x, kept.y], `${kept.id} moved`);
    }
    const added = shownNode(after, `if:${alpha}/eth9`);
    const sibling = shownNode(after, `if:${alpha}/eth0`);
    assert.equal(added.parent, `ns:${alpha}`);
    assert.ok(Math.hypot(added.x - sibling.x, added.y - sibling.y) <= 200, `eth9 was put far from its namespace's eth0: ${JSON.stringify([added, sibling])}`);
    ip('-n', alpha, 'link', 'delete', 'eth9');
    await reportWhen(panel, (shown) => !shown.nodes.some((candidate) => candidate.id === `if:${alpha}/eth9` || candidate.id === `if:${beta}/eth9`), 'the veth gone from the picture');
  });

  it('draws a name in /run/netns that cannot be entered as an empty box that says so, with why in its details', async () => {
    const panel = panels[0]!;
    // An empty file where a namespace's mount belongs: what a crash between creating the name and mounting leaves.
    const broken = lab.namespaceName('-tbroken');
    writeFileSync(`/run/netns/${broken}`, '');
    try {
      const report = await reportWhen(panel, (shown) => shown.nodes.some((candidate) => candidate.id === `ns:${broken}`), 'the name that cannot be entered');
      const box = shownNode(report, `ns:${broken}`);
      assert.equal(box.label, `${broken} (could not be read)`);
      assert.ok(box.classes.includes('unreadable'), box.classes.join(' '));
      panel.select(`ns:${broken}`);
      const selected = await reportWhen(panel, (shown) => shown.details.includes('could not be read:'), 'its details');
      assert.match(selected.details, /could not be read: \S/u);
    } finally {
      rmSync(`/run/netns/${broken}`, { force: true });
    }
    await reportWhen(panel, (shown) => !shown.nodes.some((candidate) => candidate.id === `ns:${broken}`), 'the box gone with the name');
  });

  it("shows a topology file's plan, then once deployed the kernel's picture, drift marked (topology-panel.png)", async () => {
    const file = writeWorkspaceFile('pic.netns.yaml', routedLab(fileLab, 252, lab.interfaceName('fu')));
    const panel = await vscode.commands.executeCommand<TopologyPanel>('netnsLab.topology.show', file);
    panels.push(panel);
    const planned = await reportWhen(panel, (shown) => shown.nodes.some((candidate) => candidate.id === `ns:${fileLab}-router`), 'the plan');
    assert.match(planned.banner, /Not deployed/u);
    assert.ok(shownNode(planned, `if:${fileLab}-sw/br0`).classes.includes('planned'));
    assert.equal(await vscode.commands.executeCommand('netnsLab.topology.show', vscode.Uri.file(file.fsPath)), panel, 'the open panel is reused');

    await vscode.commands.executeCommand('netnsLab.lab.deploy', { file: file.fsPath });
    // A read made while the deploy was still at work shows the lab half made, drift marked; the changes that finish
    // it bring the reads that follow, so the picture comes to say the lab is as its file declares.
    const deployed = await reportWhen(
      panel,
      (shown) => /as the file declares/u.test(shown.banner) && !shown.nodes.some((candidate) => candidate.classes.includes('planned')),
      'the deployed lab, as the file declares',
    );
    assert.ok(shownNode(deployed, `if:${fileLab}-sw/br0`).classes.includes('state-up'));

    ip('-n', `${fileLab}-beta`, 'address', 'add', '10.252.2.99/24', 'dev', 'eth0');
    ip('-n', `${fileLab}-gamma`, 'link', 'delete', 'eth0');
    ip('-n', `${fileLab}-alpha`, 'link', 'add', 'extra0', 'type', 'veth', 'peer', 'name', 'extra1');
    const drifted = await reportWhen(
      panel,
      (shown) => ['drift-missing', 'drift-extra', 'drift-differs'].every((mark) => shown.nodes.some((candidate) => candidate.classes.includes(mark))),
      'drift marked',
    );
    assert.ok(shownNode(drifted, `if:${fileLab}-beta/eth0`).classes.includes('drift-differs'), 'the added address is not marked');
    assert.ok(shownNode(drifted, `if:${fileLab}-alpha/extra0`).classes.includes('drift-extra'), 'the interface the file does not declare is not marked');
    assert.ok(shownNode(drifted, `if:${fileLab}-gamma/eth0`).classes.includes('drift-missing'), 'the deleted end is not marked missing');
    assert.match(drifted.banner, /differences? from the file/u);

    if (canTakeScreenshots()) {
      await vscode.commands.executeCommand('workbench.action.closeSidebar');
      await vscode.commands.executeCommand('workbench.action.closeAuxiliaryBar');
      await vscode.commands.executeCommand('workbench.action.closePanel');
      await sleep(RENDER_PAUSE_MS);
      panel.select(`if:${fileLab}-beta/eth0`);
      await sleep(RENDER_PAUSE_MS);
      panel.fit();
      await sleep(RENDER_PAUSE_MS);
      const shot = await screenshot('topology-panel');
      assert.ok(statSync(shot).size > 20_000, `${shot} is too small to show anything`);
    }
    assert.equal(dirname(panel.subject.file!), dirname(file.fsPath));
  });

  it('keeps dragged positions beside the topology file, not in it, and puts the nodes back there when opened again', async () => {
    const panel = panels[1]!;
    const file = panel.subject.file!;
    const before = readFileSync(file, 'utf8');
    const moved = `if:${fileLab}-beta/eth0`;
    await panel.answer({ type: 'moved', positions: { [moved]: { x: 1234, y: 567 } } });
    panel.dispose();
    const side = join(dirname(file), '.netns-lab', `${lab.prefix}-pic.positions.json`);
    await eventually(() => (existsSync(side) ? true : undefined), { what: 'the side file' });
    assert.deepEqual(JSON.parse(readFileSync(side, 'utf8')), { version: 1, positions: { [moved]: { x: 1234, y: 567 } } });
    assert.equal(readFileSync(file, 'utf8'), before, 'the topology file was changed');
    const again = await vscode.commands.executeCommand<TopologyPanel>('netnsLab.topology.show', vscode.Uri.file(file));
    panels.push(again);
    const report = await reportWhen(again, (shown) => shown.nodes.some((candidate) => candidate.id === moved), 'the picture opened again');
    assert.deepEqual([shownNode(report, moved).x, shownNode(report, moved).y], [1234, 567]);
  });

  it('connects two namespaces of the picture with a veth pair, asking only the names and addresses of its ends', async function () {
    if (!canTakeScreenshots()) this.skip(); // the input boxes are answered in the page
    const panel = panels[0]!;
    await panel.answer({ type: 'connect', from: `ns:${alpha}`, to: `if:${beta}/eth0` });
    // The ends' names are offered (to-<the other side>); the addresses are left empty.
    for (const step of ['first name', 'second name', 'first addresses', 'second addresses']) {
      await sleep(500);
      await actInPage(`connect-${step.replace(' ', '-')}`, { press: 'Enter' });
    }
    const shortName = (namespace: string): string => `to-${namespace.split('-').pop()!}`.slice(0, 15);
    await eventually(() => (linksIn(alpha).some((link) => link.ifname === shortName(beta)) ? true : undefined), { what: 'the new veth in alpha', timeoutMs: 15_000 });
    assert.ok(
      linksIn(beta).some((link) => link.ifname === shortName(alpha)),
      'its peer is not in beta',
    );
    await reportWhen(panel, (shown) => shown.edges.some((edge) => edge.id === `veth:if:${alpha}/${shortName(beta)}|if:${beta}/${shortName(alpha)}`), 'the new veth in the picture');
  });

  it("captures on an interface from the picture's menu: a capture panel on that interface, nothing left once it is closed", async () => {
    const api = await activateExtension();
    const before = new Set(api.capturePanels.open());
    await panels[0]!.answer({ type: 'action', command: 'netnsLab.capture.start', id: `if:${router}/eth0` });
    // tcpdump starting and ending under a loaded machine takes seconds.
    const capture = await eventually(() => api.capturePanels.open().find((candidate) => !before.has(candidate)), { what: 'a capture panel', timeoutMs: 15_000 });
    assert.equal(capture.panel.title, `Capture ${router}:eth0`);
    await eventually(() => (tcpdumpsIn([router]).length === 1 ? true : undefined), { what: `a tcpdump in ${router}`, timeoutMs: 15_000 });
    await capture.dispose();
    await eventually(() => (tcpdumpsIn([router]).length === 0 ? true : undefined), { what: `no tcpdump left in ${router}`, timeoutMs: 15_000 });
  });

  it('selects in the Namespaces view what is selected in the picture, and the other way round', async () => {
    const api = await activateExtension();
    const panel = panels[0]!;
    await vscode.commands.executeCommand('workbench.view.extension.netnsLab');
    await eventually(() => (api.tree.view.visible ? true : undefined), { what: 'the Namespaces view shown' });
    assert.ok(panel.shows(`ns:${router}`), `the picture lost ${router}`);
    // The view takes a reveal only once it has loaded, which no event tells: the page's selection is made until it does.
    // A reveal is not awaited: one the view never answers must not hold the test past its deadline.
    const routerSelected = (): boolean => api.tree.view.selection.some((shown) => shown.kind === 'namespace' && shown.namespace === router);
    await eventually(
      async () => {
        void panel.answer({ type: 'selected', id: `ns:${router}` });
        await sleep(300);
        return routerSelected() ? true : undefined;
      },
      { what: 'the router selected in the tree', timeoutMs: 20_000 },
    ).catch((error: Error) => {
      const selection = api.tree.view.selection.map((shown) => ('namespace' in shown ? `${shown.kind} ${String(shown.namespace)}` : shown.kind)).join(', ');
      throw new Error(`${error.message}; the view ${api.tree.view.visible ? 'shown' : 'hidden'}, selection [${selection}], the last try: ${panel.treeSelection || 'no answer'}`);
    });
    const tree = new TreeReader(api);
    const alphaNode = await eventually(() => tree.namespace(alpha), { what: `${alpha} in the tree` });
    // A reveal the picture asked for above may still land after this one: selected again until the picture shows it.
    await eventually(
      async () => {
        await api.tree.view.reveal(alphaNode, { select: true, focus: false });
        await sleep(200);
        return (await panel.pageReport()).selected.includes(`ns:${alpha}`) ? true : undefined;
      },
      { what: 'alpha selected in the picture', timeoutMs: 15_000 },
    );
  });
});
