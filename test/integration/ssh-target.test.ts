/**
 * An SSH target beside this machine in the Namespaces view, against a real sshd on 127.0.0.1 started by the test
 * (its own keys and ssh config). The server runs on this machine, so both roots show the same namespaces: a
 * namespace made with ip must appear under both, live, without a refresh.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { sshdMissingReason, startTestSshServer, type TestSshServer } from '../host/support/sshd.js';
import { setTimeout as sleep } from 'node:timers/promises';
import type { NetnsLabApi } from '../../src/extension.js';
import { activateExtension, TreeReader } from './support/extension.js';
import { ip, lab, namespaceInode, processAlive } from './support/lab.js';
import { canTakeScreenshots, screenshot } from './support/screenshot.js';
import { eventually } from './support/wait.js';

describe('an SSH target in the Namespaces view', function () {
  this.timeout(120_000);
  let server: TestSshServer | undefined;
  // Made in `before`, not here: suite bodies run when the bundle loads, also in runs that skip this suite.
  let folder = '';
  let api: NetnsLabApi;
  let tree: TreeReader;
  const settings = () => vscode.workspace.getConfiguration('netnsLab');

  before(async function () {
    if (sshdMissingReason()) this.skip();
    folder = mkdtempSync(join(tmpdir(), 'netns-lab-ssh-terminal-'));
    api = await activateExtension();
    tree = new TreeReader(api);
    server = await startTestSshServer();
    await settings().update('sshConfigFile', server.configFile, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('netnsLab.target.add', { target: server.alias });
  });
  after(async () => {
    await settings().update('targets', undefined, vscode.ConfigurationTarget.Global);
    await settings().update('sshConfigFile', undefined, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    for (const file of notebookFiles) rmSync(file, { force: true });
    await server?.stop();
    if (folder) rmSync(folder, { recursive: true, force: true });
    lab.cleanup();
  });

  const notebookFiles: string[] = [];
  async function openNotebook(file: string, text: string): Promise<vscode.NotebookDocument> {
    writeFileSync(file, text);
    notebookFiles.push(file);
    const document = await vscode.workspace.openNotebookDocument(vscode.Uri.file(file));
    await vscode.window.showNotebookDocument(document);
    await vscode.commands.executeCommand('notebook.selectKernel', { id: 'netns-lab-kernel', extension: 'netns-lab.netns-lab' });
    return document;
  }

  async function namesUnder(targetId: string): Promise<string[]> {
    const target = (await tree.children()).find((node) => node.kind === 'target' && node.targetId === targetId);
    if (!target) return [];
    return (await tree.children(target)).flatMap((node) => (node.kind === 'namespace' && node.namespace !== null ? [node.namespace] : []));
  }

  it('shows this machine and the SSH target side by side', async () => {
    const roots = await eventually(
      async () => {
        const nodes = await tree.children();
        return nodes.length === 2 ? nodes : undefined;
      },
      { what: 'two roots' },
    );
    assert.deepEqual(
      roots.map((node) => (node.kind === 'target' ? node.targetId : node.kind)),
      ['local', server!.alias],
    );
  });

  it('follows a namespace made with ip under both roots, without a refresh', async () => {
    await namesUnder(server!.alias); // the target's list is read (and watched) once
    const name = lab.namespaceName('-ssh');
    ip('netns', 'add', name);
    await eventually(async () => ((await namesUnder('local')).includes(name) ? true : undefined), { what: `${name} on this machine` });
    await eventually(async () => ((await namesUnder(server!.alias)).includes(name) ? true : undefined), { what: `${name} on the SSH target` });
    ip('netns', 'delete', name);
    await eventually(async () => ((await namesUnder(server!.alias)).includes(name) ? undefined : true), { what: `${name} gone from the SSH target` });
  });

  it('a terminal in a namespace of the SSH target runs its shell there, and ends with the terminal', async () => {
    const name = lab.namespaceName('-sshterm');
    ip('netns', 'add', name);
    const answer = join(folder, 'ns');
    const terminal = await vscode.commands.executeCommand<vscode.Terminal>('netnsLab.namespace.openTerminal', { namespace: name, targetId: server!.alias });
    try {
      assert.equal(terminal.name, `netns: ${name} @ ${server!.alias} (root shell)`);
      terminal.sendText(`readlink /proc/self/ns/net > ${answer}.tmp && mv ${answer}.tmp ${answer}`);
      const said = await eventually(() => (existsSync(answer) ? readFileSync(answer, 'utf8').trim() : undefined), { what: 'the remote shell to write its namespace', timeoutMs: 20_000 });
      assert.equal(said, `net:[${namespaceInode(`/run/netns/${name}`)}]`);
    } finally {
      const pid = await terminal.processId;
      terminal.dispose();
      if (pid) await eventually(() => (processAlive(pid) ? undefined : true), { what: 'the terminal ssh to end' });
    }
  });

  it('a notebook whose front matter names the target runs its cells there', async () => {
    const text = `---\ntarget: ${server!.alias}\n---\n\n\`\`\`sh\ntest -n "$SSH_CONNECTION" && echo over-ssh\n\`\`\`\n`;
    const document = await openNotebook(join(vscode.workspace.workspaceFolders![0]!.uri.fsPath, `${lab.prefix}-target.netns.md`), text);
    await vscode.commands.executeCommand('notebook.cell.execute', { ranges: [{ start: 0, end: 1 }], document: document.uri });
    const cell = document.getCells().find((candidate) => candidate.kind === vscode.NotebookCellKind.Code)!;
    await eventually(() => cell.executionSummary?.success, { what: 'the cell to pass on the target', timeoutMs: 30_000 });
    const output = cell.outputs
      .flatMap((entry) => entry.items)
      .map((entry) => new TextDecoder().decode(entry.data))
      .join('');
    assert.equal(output, 'over-ssh\n');
  });

  it('a notebook naming a target that is not configured runs nothing and says why', async () => {
    const text = '---\ntarget: not-a-configured-host\n---\n\n```sh\necho ran\n```\n';
    const document = await openNotebook(join(vscode.workspace.workspaceFolders![0]!.uri.fsPath, `${lab.prefix}-unknown.netns.md`), text);
    await vscode.commands.executeCommand('notebook.cell.execute', { ranges: [{ start: 0, end: 1 }], document: document.uri });
    const cell = document.getCells().find((candidate) => candidate.kind === vscode.NotebookCellKind.Code)!;
    await eventually(() => (cell.executionSummary?.success === false ? true : undefined), { what: 'the cell to be refused', timeoutMs: 30_000 });
    const output = cell.outputs
      .flatMap((entry) => entry.items)
      .map((entry) => new TextDecoder().decode(entry.data))
      .join('');
    assert.match(output, /not one of your Netns Lab targets/u);
  });

  it('an unreachable target shows the reason under its own node and does not hold up this machine', async () => {
    await vscode.commands.executeCommand('netnsLab.target.add', { target: server!.deadAlias });
    const dead = await eventually(async () => (await tree.children()).find((node) => node.kind === 'target' && node.targetId === server!.deadAlias), { what: 'the dead target' });
    const children = await tree.children(dead);
    assert.equal(children.length, 1);
    assert.equal(children[0]!.kind, 'message');
    // Nothing listens on the dead alias's port: the row itself says the connection was refused, not only its tooltip.
    assert.match(tree.label(children[0]!), /refused/u);
    if (canTakeScreenshots()) {
      await vscode.commands.executeCommand('workbench.view.extension.netnsLab');
      await api.tree.view.reveal(children[0]!, { select: false, focus: false });
      await sleep(1_500); // the workbench paints what the extension host asked for on its own time
      await screenshot('unreachable-target');
    }
    const local = (await tree.children()).find((node) => node.kind === 'target' && node.targetId === 'local')!;
    assert.ok(
      (await tree.children(local)).some((node) => node.kind === 'namespace' && node.namespace === null),
      'this machine still lists its root namespace',
    );
    await vscode.commands.executeCommand('netnsLab.target.remove', { target: server!.deadAlias });
  });
});
