/**
 * Lab notebooks in the real editor: a *.netns.md opens as a Netns Lab notebook, its cells run in their namespaces
 * with streamed outputs, a failure stops Run All, an interrupt leaves nothing running, ip output gets a table, and
 * saving writes back only what was edited.
 */
import assert from 'node:assert/strict';
import { readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { waitForPids, waitUntilGone } from '../host/support/processes.js';
import { activateExtension } from './support/extension.js';
import { ip, lab } from './support/lab.js';
import { canTakeScreenshots, screenshot } from './support/screenshot.js';
import { eventually } from './support/wait.js';

const KERNEL = { id: 'netns-lab-kernel', extension: 'netns-lab.netns-lab' };
const STDOUT_MIME = 'application/vnd.code.notebook.stdout';
const ADDR_MIME = 'application/vnd.netns-lab.addr+json';
const ERROR_MIME = 'application/vnd.code.notebook.error';

describe('lab notebooks', function () {
  this.timeout(120_000);
  const red = lab.namespaceName('nbred');
  const folder = vscode.workspace.workspaceFolders![0]!.uri.fsPath;
  const files: string[] = [];

  before(async () => {
    await activateExtension();
    ip('netns', 'add', red);
    ip('-n', red, 'link', 'add', 'name', 'veth-nb', 'type', 'bridge');
    ip('-n', red, 'address', 'add', '10.66.0.1/24', 'dev', 'veth-nb');
  });
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    for (const file of files) rmSync(file, { force: true });
    lab.cleanup();
  });

  /** Writes a notebook file into the workspace and opens it in an editor with the Netns Lab kernel selected. */
  async function openNotebook(name: string, text: string): Promise<vscode.NotebookDocument> {
    const file = join(folder, `${lab.prefix}-${name}.netns.md`);
    files.push(file);
    writeFileSync(file, text);
    const document = await vscode.workspace.openNotebookDocument(vscode.Uri.file(file));
    await vscode.window.showNotebookDocument(document);
    await vscode.commands.executeCommand('notebook.selectKernel', KERNEL);
    return document;
  }

  /** Runs cells (all when no range) and waits until each has a result or the cells after a failure stay unrun. */
  async function execute(document: vscode.NotebookDocument, start = 0, end = document.cellCount): Promise<void> {
    await vscode.commands.executeCommand('notebook.cell.execute', { ranges: [{ start, end }], document: document.uri });
  }

  /** The error outputs of a cell, as the editor shows them (name, message, stack). */
  function errorsOf(cell: vscode.NotebookCell): Array<{ name: string; message: string; stack?: string }> {
    return cell.outputs.flatMap((output) => output.items.filter((item) => item.mime === ERROR_MIME)).map((item) => JSON.parse(new TextDecoder().decode(item.data)));
  }

  function stdoutOf(cell: vscode.NotebookCell): string {
    return cell.outputs
      .flatMap((output) => output.items.filter((item) => item.mime === STDOUT_MIME))
      .map((item) => new TextDecoder().decode(item.data))
      .join('');
  }

  it('opens a *.netns.md file as a Netns Lab notebook with its shell fences as code cells', async () => {
    const document = await openNotebook('open', '# Title\n\n```sh\necho one\n```\n\nText.\n\n```\necho two\n```\n');
    assert.equal(document.notebookType, 'netns-lab');
    assert.deepEqual(
      document.getCells().map((cell) => cell.kind),
      [vscode.NotebookCellKind.Markup, vscode.NotebookCellKind.Code, vscode.NotebookCellKind.Markup, vscode.NotebookCellKind.Code],
    );
  });

  it('runs a cell in its namespace and streams its output, with a table for ip output', async () => {
    const document = await openNotebook('run', `\`\`\`sh {netns=${red}}\nip address show dev veth-nb\n\`\`\`\n`);
    await execute(document);
    const cell = document.cellAt(0);
    await eventually(() => cell.executionSummary?.success, { what: 'the cell to succeed', timeoutMs: 30_000 });
    // One item only: a second (plain text) item would let one choice of presentation stick to every later table.
    const items = cell.outputs.flatMap((output) => output.items);
    assert.deepEqual(
      items.map((item) => item.mime),
      [ADDR_MIME],
    );
    const payload = JSON.parse(new TextDecoder().decode(items[0]!.data)) as { text?: string };
    assert.match(payload.text ?? '', /inet 10\.66\.0\.1\/24/u);
    if (canTakeScreenshots()) {
      await new Promise((resolve) => setTimeout(resolve, 2000)); // the renderer draws after the output arrives
      await screenshot('notebook-table');
    }
  });

  it('a failing cell is marked failed and Run All stops there', async () => {
    const document = await openNotebook('fail', '```sh\necho before\n```\n\n```sh\nexit 3\n```\n\n```sh\necho after\n```\n');
    await execute(document);
    await eventually(() => (document.cellAt(1).executionSummary?.success === false ? true : undefined), { what: 'the second cell to fail', timeoutMs: 30_000 });
    assert.equal(document.cellAt(0).executionSummary?.success, true);
    assert.equal(document.cellAt(2).executionSummary?.success, undefined);
    assert.equal(stdoutOf(document.cellAt(2)), '');
    assert.deepEqual(
      errorsOf(document.cellAt(1)).map(({ name, message, stack }) => [name, message, stack ?? '']),
      [['Failed', 'Exit status 3', '']],
    );
    if (canTakeScreenshots()) {
      await vscode.commands.executeCommand('notebook.focusTop');
      await new Promise((resolve) => setTimeout(resolve, 1000)); // the outputs render after the cell ends
      await screenshot('cell-failed');
    }
  });

  it('interrupting a cell ends its whole process group', async () => {
    const pidFile = join(folder, `${lab.prefix}-pids`);
    files.push(pidFile);
    const document = await openNotebook('interrupt', `\`\`\`sh\nsleep 300 & echo $! > ${pidFile}; echo $$ >> ${pidFile}; wait\n\`\`\`\n`);
    void execute(document);
    const pids = await waitForPids(pidFile, 2, 30_000);
    await vscode.commands.executeCommand('notebook.cell.cancelExecution', { ranges: [{ start: 0, end: 1 }], document: document.uri });
    await eventually(() => (document.cellAt(0).executionSummary?.success === false ? true : undefined), { what: 'the cell to end', timeoutMs: 15_000 });
    assert.deepEqual(await waitUntilGone(pids), []);
    const [error] = await eventually(() => (errorsOf(document.cellAt(0)).length ? errorsOf(document.cellAt(0)) : undefined), { what: 'the interrupted note' });
    assert.equal(error!.name, 'Interrupted');
    assert.ok(!error!.stack, `a stack trace was shown: ${error!.stack}`);
    if (canTakeScreenshots()) await screenshot('cell-interrupted');
  });

  it('a server left running in the background by one cell answers the next, and Stop stops it', async () => {
    const pidFile = join(folder, `${lab.prefix}-server`);
    files.push(pidFile);
    const document = await openNotebook('background', `\`\`\`sh\nsleep 300 & echo $! > ${pidFile}\n\`\`\`\n\n\`\`\`sh\nkill -0 "$(cat ${pidFile})" && echo server-alive\n\`\`\`\n`);
    await execute(document);
    await eventually(() => document.cellAt(1).executionSummary?.success, { what: 'both cells to succeed', timeoutMs: 30_000 });
    assert.equal(stdoutOf(document.cellAt(1)), 'server-alive\n');
    const [pid] = await waitForPids(pidFile, 1);
    // Adding an SSH target starts nothing anew on this machine: the server keeps running.
    const settings = vscode.workspace.getConfiguration('netnsLab');
    await settings.update('targets', [`${lab.prefix}-nowhere`], vscode.ConfigurationTarget.Global);
    await settings.update('targets', undefined, vscode.ConfigurationTarget.Global);
    assert.deepEqual(await waitUntilGone([pid!], 1000), [pid!], 'a settings change ended the server');
    const stopped = await vscode.commands.executeCommand<number>('netnsLab.notebook.stopBackground');
    assert.equal(stopped, 1);
    assert.deepEqual(await waitUntilGone([pid!]), []);
  });

  it('a cell that prints 10 MB keeps a bounded output, says what it left out, and names the file with all of it', async () => {
    const document = await openNotebook('huge', '```sh\nhead -c 10000000 /dev/zero | tr "\\0" x; echo; echo last-line\n```\n');
    await execute(document);
    const cell = document.cellAt(0);
    await eventually(() => cell.executionSummary?.success, { what: 'the cell to succeed', timeoutMs: 60_000 });
    const shown = stdoutOf(cell);
    assert.ok(shown.length < 4_000_000, `${shown.length} characters shown`);
    assert.ok(shown.startsWith('xxxx'));
    assert.ok(shown.endsWith('last-line\n'), shown.slice(-80));
    const note = /… (.+?) of (.+?) left out here; the whole output is in (\S+) …/u.exec(shown);
    assert.ok(note, 'no note of what was left out');
    assert.equal(statSync(note[3]!).size, 10_000_000 + 'last-line\n'.length + 1);
  });

  it('each code cell says in its status bar which namespace and target it runs in', async () => {
    const api = await activateExtension();
    const document = await openNotebook('where', `---\nnetns: ${red}\n---\n\n\`\`\`sh\nip address\n\`\`\`\n\n\`\`\`sh {netns=/}\nip route\n\`\`\`\n`);
    const texts = document
      .getCells()
      .filter((cell) => cell.kind === vscode.NotebookCellKind.Code)
      .map((cell) => {
        const items = api.cellStatus.provideCellStatusBarItems(cell) as vscode.NotebookCellStatusBarItem[];
        return items.map((item) => item.text).join(' | ');
      });
    assert.deepEqual(texts, [`$(symbol-namespace) netns ${red} · this machine`, '$(symbol-namespace) root namespace · this machine']);
    if (canTakeScreenshots()) {
      await new Promise((resolve) => setTimeout(resolve, 1000));
      await screenshot('cell-namespace');
    }
  });

  it('saving after editing one cell changes only that cell in the file', async () => {
    const text = '---\nnetns: /\n---\n# Keep   \r\n\n1. Step:\n\n   ```\n   echo old\n   ```\n\n```sh\necho untouched\n```';
    const document = await openNotebook('save', text);
    const cell = document.getCells().find((candidate) => candidate.document.getText() === 'echo old')!;
    const edit = new vscode.WorkspaceEdit();
    edit.replace(cell.document.uri, new vscode.Range(0, 0, 0, 8), 'echo new');
    assert.ok(await vscode.workspace.applyEdit(edit));
    assert.ok(await document.save());
    const saved = readFileSync(document.uri.fsPath, 'utf8');
    assert.equal(saved, text.replace('   echo old', '   echo new'));
  });
});
