/**
 * A notebook cell with the picture option in the real editor: the notebook deploys its lab, the cell takes a link
 * down, and the picture of the lab after it comes as an output of our topology mime type, drawn by the renderer as
 * SVG. The renderer's elements are read back from the notebook's webview, and a screenshot is kept
 * (test-artifacts/editor/notebook-picture.png, to look at: it must be a picture one would put on a slide).
 */
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { TopologyPayload } from '../../src/core/notebook/picture-payload.js';
import { activateExtension } from './support/extension.js';
import { lab } from './support/lab.js';
import { labName, removeLabLeftovers, writeWorkspaceFile } from './support/labs.js';
import { canTakeScreenshots, screenshot, shownElementsInFrames } from './support/screenshot.js';
import { eventually } from './support/wait.js';

const KERNEL = { id: 'netns-lab-kernel', extension: 'netns-lab.netns-lab' };
const TOPOLOGY_MIME = 'application/vnd.netns-lab.topology+json';

/** A router between a switch (a bridge with three ports) and a server on a jumbo-frame link. */
function officeLab(name: string): string {
  return [
    `lab: ${name}`,
    'namespaces:',
    '  router: { forwarding: true }',
    '  switch: {}',
    '  alice: {}',
    '  bob: {}',
    '  server: {}',
    'bridges:',
    '  br0: { namespace: switch, ports: [p-alice, p-bob, p-router] }',
    'links:',
    '  - [alice:eth0 10.243.1.11/24, switch:p-alice]',
    '  - [bob:eth0 10.243.1.12/24, switch:p-bob]',
    '  - [router:lan0 10.243.1.1/24, switch:p-router]',
    '  - endpoints: [router:wan0 10.243.2.1/24, server:eth0 10.243.2.2/24]',
    '    mtu: 9000',
  ].join('\n');
}

describe('a notebook cell with a picture', function () {
  this.timeout(120_000);
  const name = labName('pic');

  before(async () => {
    await activateExtension();
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    lab.cleanup();
    removeLabLeftovers([name]);
  });

  it('draws the lab after the cell as SVG: a box per namespace, every interface and link, states in colour (notebook-picture.png)', async () => {
    writeWorkspaceFile('picture.netns.yaml', officeLab(name));
    const uri = writeWorkspaceFile(
      'picture.netns.md',
      `---\ntopology: ./${lab.prefix}-picture.netns.yaml\n---\n# An office\n\n\`\`\`sh {netns=${name}-bob picture=true}\nip link set eth0 down\n\`\`\`\n`,
    );
    const document = await vscode.workspace.openNotebookDocument(uri);
    await vscode.window.showNotebookDocument(document);
    await vscode.commands.executeCommand('notebook.selectKernel', KERNEL);
    await vscode.commands.executeCommand('notebook.cell.execute', { ranges: [{ start: 0, end: document.cellCount }], document: document.uri });
    const cell = document.getCells().find((candidate) => candidate.kind === vscode.NotebookCellKind.Code)!;
    const success = await eventually(() => cell.executionSummary?.success, { what: 'the cell to end', timeoutMs: 60_000 }).catch(() => false);
    const mimes = cell.outputs.flatMap((output) => output.items.map((item) => item.mime));
    assert.ok(success, `the cell did not succeed; outputs: ${mimes.join(', ')}`);

    const item = cell.outputs.flatMap((output) => output.items).find((candidate) => candidate.mime === TOPOLOGY_MIME);
    assert.ok(item, `no picture among ${mimes.join(', ')}`);
    const payload = JSON.parse(new TextDecoder().decode(item.data)) as TopologyPayload;
    assert.equal(payload.title, `lab ${name}`);
    const namespaceIds = ['router', 'switch', 'alice', 'bob', 'server'].map((namespace) => `ns:${name}-${namespace}`);
    assert.deepEqual(payload.graph.namespaces.map((namespace) => namespace.id).sort(), [...namespaceIds].sort());
    assert.equal(payload.layout.nodes.length, payload.graph.interfaces.length);
    assert.ok(
      cell.outputs.some((output) => output.items.some((candidate) => candidate.mime === 'text/plain')),
      'Mermaid text for other viewers',
    );

    // What the renderer drew, read from the notebook's webview.
    const picture = '.netns-lab-picture svg';
    const nodes = await eventually(
      async () => {
        const found = await shownElementsInFrames('picture-nodes', `${picture} g.node`);
        return found.length >= payload.graph.interfaces.length ? found : undefined;
      },
      { what: 'the renderer to draw the interfaces', timeoutMs: 20_000 },
    );
    assert.deepEqual(nodes.map((node) => node.dataId).sort(), payload.graph.interfaces.map((shown) => shown.id).sort());
    const boxes = await shownElementsInFrames('picture-boxes', `${picture} g.box`);
    assert.deepEqual(
      boxes
        .map((box) => box.dataId)
        .filter((id) => id?.startsWith('ns:'))
        .sort(),
      [...namespaceIds].sort(),
    );
    const links = await shownElementsInFrames('picture-links', `${picture} g.link-group`);
    assert.equal(links.length, 7, 'four veth pairs and three bridge ports');
    assert.ok(
      links.some((link) => link.text.includes('10.243.2.0/24')),
      'the wan link carries its subnet',
    );
    const bob = nodes.find((node) => node.dataId === `if:${name}-bob/eth0`)!;
    assert.match(bob.text, /eth0.*down.*10\.243\.1\.12\/24/su);
    const down = await shownElementsInFrames('picture-down', `${picture} g.node rect.interface.state-down`);
    assert.equal(down.length, 1, 'only bob:eth0 is down');
    // Under the picture, a key to its marks: bob is down, the switch's port without its peer up has no carrier, and
    // bob's eth0 differs from the file.
    const key = await shownElementsInFrames('picture-key', `${picture} g[data-id="legend"]`);
    assert.equal(key.length, 1, 'one key');
    assert.match(key[0]!.text, /^up\s*no carrier\s*down\s*differs from the file$/u);
    assert.match(down[0]!.className ?? '', /drift-differs/u, "down behind the file's back: marked as differing from it");
    assert.ok((await shownElementsInFrames('picture-bridge', `${picture} rect.interface.bridge`)).length === 1, 'the bridge is drawn as one');
    const server = nodes.find((node) => node.dataId === `if:${name}-server/eth0`)!;
    assert.match(server.text, /mtu 9000/u);

    if (canTakeScreenshots()) {
      await vscode.commands.executeCommand('workbench.action.closeSidebar');
      await vscode.commands.executeCommand('workbench.action.closeAuxiliaryBar');
      await vscode.commands.executeCommand('workbench.action.closePanel');
      await new Promise((resolve) => setTimeout(resolve, 1500));
      await screenshot('notebook-picture');
    }
  });
});
