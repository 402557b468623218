/**
 * The notebook's target picked in the real editor ("Select Target", given the target as its argument the way a
 * program calls it): a cell then runs on the SSH target (a real sshd on 127.0.0.1 started by the test; a cell can
 * tell it runs over SSH by $SSH_CONNECTION), then on this machine again, and the user's file is never changed.
 */
import assert from 'node:assert/strict';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { sshdMissingReason, startTestSshServer, type TestSshServer } from '../host/support/sshd.js';
import { activateExtension } from './support/extension.js';
import { ip, lab } from './support/lab.js';
import { canTakeScreenshots, screenshot } from './support/screenshot.js';
import { eventually } from './support/wait.js';

const KERNEL = { id: 'netns-lab-kernel', extension: 'netns-lab.netns-lab' };
const SELECT_TARGET = 'netnsLab.notebook.selectTarget';
const WHERE_CELL = '```sh\nif test -n "$SSH_CONNECTION"; then echo over-ssh; else echo on-this-machine; fi\n```\n';

describe('the notebook target picker', function () {
  this.timeout(120_000);
  let server: TestSshServer | undefined;
  const files: string[] = [];
  const settings = () => vscode.workspace.getConfiguration('netnsLab');

  before(async function () {
    if (sshdMissingReason()) this.skip();
    await activateExtension();
    server = await startTestSshServer();
    await settings().update('sshConfigFile', server.configFile, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('netnsLab.target.add', { target: server.alias });
  });
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await settings().update('targets', undefined, vscode.ConfigurationTarget.Global);
    await settings().update('sshConfigFile', undefined, vscode.ConfigurationTarget.Global);
    for (const file of files) rmSync(file, { force: true });
    await server?.stop();
    lab.cleanup();
  });

  async function openNotebook(name: string, text: string): Promise<vscode.NotebookDocument> {
    const file = join(vscode.workspace.workspaceFolders![0]!.uri.fsPath, `${lab.prefix}-${name}.netns.md`);
    writeFileSync(file, text);
    files.push(file);
    const document = await vscode.workspace.openNotebookDocument(vscode.Uri.file(file));
    await vscode.window.showNotebookDocument(document);
    await vscode.commands.executeCommand('notebook.selectKernel', KERNEL);
    return document;
  }

  /** Runs the notebook's one code cell and returns how that run ended and its output text. */
  async function runCell(document: vscode.NotebookDocument): Promise<{ success: boolean | undefined; output: string }> {
    const cell = document.getCells().find((candidate) => candidate.kind === vscode.NotebookCellKind.Code)!;
    const before = cell.executionSummary?.executionOrder ?? 0;
    await vscode.commands.executeCommand('notebook.cell.execute', { ranges: [{ start: cell.index, end: cell.index + 1 }], document: document.uri });
    await eventually(() => ((cell.executionSummary?.executionOrder ?? 0) > before && cell.executionSummary?.success !== undefined ? true : undefined), {
      what: 'the cell to finish',
      timeoutMs: 30_000,
    });
    const output = cell.outputs
      .flatMap((entry) => entry.items)
      .map((entry) => new TextDecoder().decode(entry.data))
      .join('');
    return { success: cell.executionSummary?.success, output };
  }

  // Saving such a file back byte for byte is in notebook-files.test.ts.
  it('a notebook with a byte order mark and a docs site front matter runs on the target and in the namespace it names', async () => {
    const namespace = lab.namespaceName('bomns');
    ip('netns', 'add', namespace);
    const frontMatter = `---\ntitle: "Lab 1"\nlayout: post\ntags: [netns]\ntarget: ${server!.alias}\nnetns: ${namespace}\n---\n`;
    const cell = '```sh\nif test -n "$SSH_CONNECTION"; then echo over-ssh; fi; ip -o link show | cut -d: -f2\n```\n';
    const text = `\uFEFF${frontMatter}\n# Lab 1\n\n${cell}`;
    const document = await openNotebook('bom-site', text);
    const { success, output } = await runCell(document);
    assert.equal(success, true, output);
    assert.equal(output, 'over-ssh\n lo\n');
  });

  it('runs a cell on the picked SSH target, then on this machine again, without changing the file', async () => {
    const text = `# Where\n\n${WHERE_CELL}`;
    const document = await openNotebook('picker', text);
    assert.deepEqual(await runCell(document), { success: true, output: 'on-this-machine\n' });

    assert.equal(await vscode.commands.executeCommand(SELECT_TARGET, { targetId: server!.alias }), server!.alias);
    assert.deepEqual(await runCell(document), { success: true, output: 'over-ssh\n' });
    // A picture of the toolbar's "Select Target" and the status bar naming the SSH target.
    if (canTakeScreenshots()) await screenshot('notebook-target-picked');

    assert.equal(await vscode.commands.executeCommand(SELECT_TARGET, { targetId: 'local', notebook: document.uri }), 'local');
    assert.deepEqual(await runCell(document), { success: true, output: 'on-this-machine\n' });

    assert.equal(document.isDirty, false);
    assert.equal(readFileSync(document.uri.fsPath, 'utf8'), text);
  });

  it('a pick lets a notebook whose front matter names an unknown target run', async () => {
    const text = `---\ntarget: not-a-configured-host\n---\n\n${WHERE_CELL}`;
    const document = await openNotebook('unknown-picked', text);
    assert.equal((await runCell(document)).success, false);
    await vscode.commands.executeCommand(SELECT_TARGET, { targetId: server!.alias });
    assert.deepEqual(await runCell(document), { success: true, output: 'over-ssh\n' });
    assert.equal(readFileSync(document.uri.fsPath, 'utf8'), text);
  });

  it('refuses a target that is not configured, and keeps the pick it had', async () => {
    const document = await openNotebook('refused', WHERE_CELL);
    await assert.rejects(Promise.resolve(vscode.commands.executeCommand(SELECT_TARGET, { targetId: 'ssh://nobody@203.0.113.9' })), /is not one of your Netns Lab targets/u);
    assert.deepEqual(await runCell(document), { success: true, output: 'on-this-machine\n' });
  });
});
