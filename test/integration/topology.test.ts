/**
 * Lab topologies in the real editor: problems of a *.netns.yaml shown as diagnostics while typing, the Deploy · Plan
 * · Destroy CodeLens, the commands acting on real namespaces, the lab grouped in the Namespaces view with a drift
 * mark after a change by hand, and a picture of it (test-artifacts/editor/tree-lab.png).
 */
import assert from 'node:assert/strict';
import { existsSync, statSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import * as vscode from 'vscode';
import type { NetnsLabApi } from '../../src/extension.js';
import type { LabNode, TreeNode } from '../../src/ext/view-model/tree-nodes.js';
import { activateExtension, TreeReader } from './support/extension.js';
import { addressesOf, ip, lab } from './support/lab.js';
import { labName, recordExists, removeLabLeftovers, twoNamespaceLab, writeWorkspaceFile } from './support/labs.js';
import { canTakeScreenshots, screenshot } from './support/screenshot.js';
import { eventually } from './support/wait.js';

/** Lets the workbench lay out and paint what the extension host just asked for (it cannot be observed from here). */
const RENDER_PAUSE_MS = 1_500;

interface DeployResult {
  applied: boolean;
  plan: { changes: unknown[] };
}

describe('lab topologies in the editor', function () {
  this.timeout(120_000);
  const name = labName('lab');
  let api: NetnsLabApi;
  let tree: TreeReader;
  let topology: vscode.Uri;

  before(async () => {
    api = await activateExtension();
    tree = new TreeReader(api);
    topology = writeWorkspaceFile('demo.netns.yaml', twoNamespaceLab(name, 77));
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    lab.cleanup();
    removeLabLeftovers([name]);
    await tree?.forgetDeletedNamespaces();
  });

  async function labNode(): Promise<LabNode | undefined> {
    const nodes = await tree.children(await tree.target());
    return nodes.find((node): node is LabNode => node.kind === 'lab' && node.lab === name);
  }

  it('shows the problems of a topology file at their lines as you type, and clears them when fixed', async () => {
    const broken = writeWorkspaceFile('broken.netns.yaml', `lab: ${labName('broken')}\nnamespaces: [red]\ncolour: blue\n`);
    const document = await vscode.workspace.openTextDocument(broken);
    await vscode.window.showTextDocument(document);
    const diagnostics = await eventually(() => nonEmpty(vscode.languages.getDiagnostics(broken)), { what: 'diagnostics of the broken file' });
    assert.equal(diagnostics.length, 1);
    assert.equal(diagnostics[0]!.range.start.line, 2, `at line ${diagnostics[0]!.range.start.line + 1}: ${diagnostics[0]!.message}`);
    assert.match(diagnostics[0]!.message, /colour/u);

    const edit = new vscode.WorkspaceEdit();
    edit.delete(broken, new vscode.Range(2, 0, 3, 0));
    assert.ok(await vscode.workspace.applyEdit(edit));
    await eventually(() => (vscode.languages.getDiagnostics(broken).length === 0 ? true : undefined), { what: 'the diagnostics to clear' });
  });

  it('puts Deploy · Plan · Destroy · Show Topology on the lab: line, and says why an invalid file cannot be deployed (but can be destroyed)', async () => {
    // The provider command reads the document's model: open the files first.
    await vscode.workspace.openTextDocument(topology);
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', topology);
    assert.deepEqual(
      lenses.map((lens) => lens.command?.title.replace(/\$\([\w-]+\) /u, '')),
      ['Deploy', 'Plan', 'Destroy', 'Show Topology'],
    );
    assert.ok(lenses.every((lens) => lens.range.start.line === 0));
    if (canTakeScreenshots()) {
      await vscode.window.showTextDocument(topology);
      await sleep(RENDER_PAUSE_MS);
      await screenshot('topology-codelens');
    }

    const invalid = writeWorkspaceFile('invalid.netns.yaml', `lab: ${labName('bad')}\nnamespaces: [red, red]\n`);
    await vscode.workspace.openTextDocument(invalid);
    const invalidLenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', invalid);
    // Its lab: can be read, so Destroy stays (it needs only the lab's name); Deploy and Plan are gone.
    assert.deepEqual(
      invalidLenses.map((lens) => lens.command?.command),
      ['workbench.actions.view.problems', 'netnsLab.lab.destroy'],
    );
    assert.match(invalidLenses[0]!.command!.title, /Not deployable: 1 problem \(line 2: /u);
    await assert.rejects(Promise.resolve(vscode.commands.executeCommand('netnsLab.lab.deploy', { file: invalid })), /line 2, column \d+: /u);
  });

  it('Deploy creates the lab; Plan then reports no changes', async () => {
    const result = await vscode.commands.executeCommand<DeployResult>('netnsLab.lab.deploy', { file: topology });
    assert.equal(result.applied, true);
    assert.deepEqual(addressesOf(`${name}-red`, 'eth0'), ['10.77.0.1/24']);
    assert.deepEqual(addressesOf(`${name}-blue`, 'eth0'), ['10.77.0.2/24']);
    assert.ok(recordExists(name));

    const planned = await vscode.commands.executeCommand<{ plan: { changes: unknown[] }; text: string }>('netnsLab.lab.plan', { file: topology });
    assert.deepEqual(planned.plan.changes, []);
    assert.match(planned.text, /No changes/u);
  });

  it('groups the lab with its namespaces in the tree, and marks drift after a change by hand', async () => {
    const node = await eventually(labNode, { what: `lab ${name} in the tree` });
    assert.equal(tree.label(node), `lab ${name}`);
    const children = (await tree.children(node)).map((child) => (child.kind === 'namespace' ? child.namespace : child.kind));
    assert.deepEqual([...children].sort(), [`${name}-blue`, `${name}-red`]);
    const topLevel = await tree.namespaceNames();
    assert.ok(!topLevel.includes(`${name}-red`), `${name}-red is also at the top level`);
    await eventually(() => descriptionOnceChecked(/as the file says/u), { what: 'the lab to be checked in sync', timeoutMs: 30_000 });

    ip('-n', `${name}-red`, 'address', 'del', '10.77.0.1/24', 'dev', 'eth0');
    await vscode.commands.executeCommand('netnsLab.refresh');
    const description = await eventually(() => descriptionOnceChecked(/drifted: /u), { what: 'the drift mark', timeoutMs: 30_000 });
    // The address is missing from an interface that is there: the interface is "changed".
    assert.match(description, /^2 namespaces · drifted: 1 changed$/u);
    const tooltip = tree.item((await labNode())!).tooltip as vscode.MarkdownString;
    assert.match(tooltip.value, /10\\?\.77\\?\.0\\?\.1/u);

    if (canTakeScreenshots()) await showTreeWithLab(node);
  });

  it('Plan from the lens shows the drift in a read-only document; Deploy from the lab node repairs it', async () => {
    await vscode.commands.executeCommand('netnsLab.lab.plan', topology);
    const planEditor = await eventually(() => vscode.window.visibleTextEditors.find((editor) => editor.document.uri.scheme === 'netns-lab-plan'), {
      what: 'the plan document',
    });
    assert.match(planEditor.document.getText(), /A deploy would make 1 change:\n~ .*10\.77\.0\.1\/24/u);

    const node = (await labNode())!;
    await vscode.commands.executeCommand('netnsLab.lab.deploy', node);
    assert.deepEqual(addressesOf(`${name}-red`, 'eth0'), ['10.77.0.1/24']);
    await eventually(() => descriptionOnceChecked(/as the file says/u), { what: 'the drift mark to go', timeoutMs: 30_000 });

    await vscode.commands.executeCommand('netnsLab.lab.openFile', node);
    assert.equal(vscode.window.activeTextEditor?.document.uri.fsPath, topology.fsPath);
  });

  it('Destroy removes the lab and its record', async () => {
    const removed = await vscode.commands.executeCommand<{ namespaces: string[] }>('netnsLab.lab.destroy', { file: topology });
    assert.deepEqual([...removed.namespaces].sort(), [`${name}-blue`, `${name}-red`]);
    assert.ok(!existsSync(`/run/netns/${name}-red`) && !existsSync(`/run/netns/${name}-blue`));
    assert.ok(!recordExists(name));
    await eventually(async () => ((await labNode()) ? undefined : true), { what: 'the lab to leave the tree' });
  });

  /** The lab node's description once its check has run (the check starts when the node's children are read). */
  async function descriptionOnceChecked(expected: RegExp): Promise<string | undefined> {
    const node = await labNode();
    if (!node) return undefined;
    await tree.children(node);
    const description = tree.description(node);
    return expected.test(description) ? description : undefined;
  }

  async function showTreeWithLab(node: TreeNode): Promise<void> {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand('workbench.view.extension.netnsLab');
    await vscode.commands.executeCommand('workbench.action.closePanel');
    await vscode.commands.executeCommand('workbench.action.closeAuxiliaryBar');
    for (let step = 0; step < 8; step++) await vscode.commands.executeCommand('workbench.action.decreaseViewWidth');
    await api.tree.view.reveal(await tree.target(), { expand: true, select: false, focus: false });
    await api.tree.view.reveal(node, { expand: true, select: true, focus: false });
    await sleep(RENDER_PAUSE_MS);
    const file = await screenshot('tree-lab');
    assert.ok(statSync(file).size > 10_000, `${file} is too small to show anything`);
  }
});

function nonEmpty<T>(list: readonly T[]): readonly T[] | undefined {
  return list.length > 0 ? list : undefined;
}
