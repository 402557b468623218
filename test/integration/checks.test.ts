/**
 * Checks in the real editor: a check cell shown as YAML whose results come as a table (checks-table.png), a
 * failing check failing its cell, a cell's diff (cell-diff.png), and a topology's Check CodeLens putting failed
 * checks on their lines after Deploy Lab and Check Lab.
 */
import assert from 'node:assert/strict';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import * as vscode from 'vscode';
import { activateExtension } from './support/extension.js';
import { ip, lab } from './support/lab.js';
import { labName, removeLabLeftovers, writeWorkspaceFile } from './support/labs.js';
import { canTakeScreenshots, screenshot } from './support/screenshot.js';
import { eventually } from './support/wait.js';

const KERNEL = { id: 'netns-lab-kernel', extension: 'netns-lab.netns-lab' };
const CHECKS_MIME = 'application/vnd.netns-lab.checks+json';
const DIFF_MIME = 'application/vnd.netns-lab.diff+json';
const ERROR_MIME = 'application/vnd.code.notebook.error';
/** Lets the workbench draw what the extension host asked for (it cannot be observed from here). */
const RENDER_PAUSE_MS = 2_000;

interface ChecksPayload {
  results: { subject: string; passed: boolean; message: string; attempts: number }[];
  passed: number;
  failed: number;
}

describe('checks in the editor', function () {
  this.timeout(120_000);
  const red = lab.namespaceName('ckred');
  const blue = lab.namespaceName('ckblue');
  const folder = vscode.workspace.workspaceFolders![0]!.uri.fsPath;
  const files: string[] = [];
  const labs: string[] = [];

  before(async () => {
    await activateExtension();
    ip('netns', 'add', red);
    ip('netns', 'add', blue);
    ip('-n', red, 'link', 'add', 'eth0', 'type', 'veth', 'peer', 'name', 'eth0', 'netns', blue);
    ip('-n', red, 'address', 'add', '10.93.0.1/24', 'dev', 'eth0');
    ip('-n', blue, 'address', 'add', '10.93.0.2/24', 'dev', 'eth0');
    ip('-n', red, 'link', 'set', 'eth0', 'up');
    ip('-n', blue, 'link', 'set', 'eth0', 'up');
  });
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    for (const file of files) rmSync(file, { force: true });
    lab.cleanup();
    removeLabLeftovers(labs);
  });

  async function openNotebook(name: string, text: string): Promise<vscode.NotebookDocument> {
    const file = join(folder, `${lab.prefix}-${name}.netns.md`);
    files.push(file);
    writeFileSync(file, text);
    const document = await vscode.workspace.openNotebookDocument(vscode.Uri.file(file));
    await vscode.window.showNotebookDocument(document);
    await vscode.commands.executeCommand('notebook.selectKernel', KERNEL);
    return document;
  }

  async function runAll(document: vscode.NotebookDocument): Promise<void> {
    await vscode.commands.executeCommand('notebook.cell.execute', { ranges: [{ start: 0, end: document.cellCount }], document: document.uri });
  }

  function itemsOf(cell: vscode.NotebookCell, mime: string): unknown[] {
    return cell.outputs.flatMap((output) => output.items.filter((item) => item.mime === mime)).map((item) => JSON.parse(new TextDecoder().decode(item.data)));
  }

  it('shows a check cell as YAML and its results as a table; a failing check fails the cell with its reason', async () => {
    const checks = [`- reach: 10.93.0.2\n  from: ${red}`, `- reach: 10.93.0.2\n  from: ${red}\n  expect: failure\n  timeout: 1`, `- link: eth0\n  in: ${red}\n  mtu: 9000\n  timeout: 1`].join('\n');
    const document = await openNotebook('checks', `# Checks\n\n\`\`\`check\n${checks}\n\`\`\`\n`);
    const cell = document.cellAt(1);
    assert.equal(cell.document.languageId, 'yaml');
    await runAll(document);
    await eventually(() => (cell.executionSummary?.success === false ? true : undefined), { what: 'the check cell to fail', timeoutMs: 30_000 });
    const [payload] = itemsOf(cell, CHECKS_MIME) as ChecksPayload[];
    assert.ok(payload, 'the cell has a checks output');
    assert.deepEqual(
      payload.results.map((result) => result.passed),
      [true, false, false],
    );
    assert.deepEqual([payload.passed, payload.failed], [1, 2]);
    assert.match(payload.results[1]!.message, /10\.93\.0\.2/u);
    assert.match(payload.results[2]!.message, /mtu/iu);
    const [error] = itemsOf(cell, ERROR_MIME) as { name: string; message: string; stack?: string }[];
    assert.equal(error?.name, 'Failed');
    assert.equal(error?.message, payload.results[1]!.message);
    assert.ok(!error?.stack);
    if (canTakeScreenshots()) {
      await sleep(RENDER_PAUSE_MS);
      await screenshot('checks-table');
    }
  });

  it('a check cell whose checks all pass succeeds', async () => {
    const document = await openNotebook('passing', `\`\`\`check\n- address: 10.93.0.1/24\n  in: ${red}\n  dev: eth0\n\`\`\`\n`);
    await runAll(document);
    await eventually(() => document.cellAt(0).executionSummary?.success, { what: 'the check cell to pass', timeoutMs: 30_000 });
    const [payload] = itemsOf(document.cellAt(0), CHECKS_MIME) as ChecksPayload[];
    assert.deepEqual([payload?.passed, payload?.failed], [1, 0]);
  });

  it('a cell with diff=true shows what it changed as a table', async () => {
    ip('-n', red, 'link', 'add', 'mv0', 'type', 'veth', 'peer', 'name', 'mv1');
    const document = await openNotebook('diff', `\`\`\`sh {netns=${red} diff=true}\nip link set mv0 netns ${blue}\n\`\`\`\n`);
    await runAll(document);
    await eventually(() => document.cellAt(0).executionSummary?.success, { what: 'the cell to pass', timeoutMs: 30_000 });
    const [diff] = itemsOf(document.cellAt(0), DIFF_MIME) as { changes: { action: string; namespace: string; subject: string; details: string[] }[] }[];
    assert.deepEqual(
      diff?.changes.map((change) => [change.action, change.namespace, change.subject, change.details[0]]),
      [['moved', blue, 'mv0', `from ${red}`]],
    );
    if (canTakeScreenshots()) {
      await sleep(RENDER_PAUSE_MS);
      await screenshot('cell-diff');
    }
  });

  it("puts Check on a topology's checks: line, and its failed checks on their lines after Deploy Lab and Check Lab, until the lab is destroyed", async () => {
    const name = labName('ck');
    labs.push(name);
    const text = [
      `lab: ${name}`,
      'namespaces: [red, blue]',
      'links:',
      '  - [red:eth0 10.94.0.1/24, blue:eth0 10.94.0.2/24]',
      'checks:',
      '  - reach: blue',
      '    from: red',
      '  - link: eth0',
      '    in: red',
      '    mtu: 9000',
      '    timeout: 1',
      '',
    ].join('\n');
    const topology = writeWorkspaceFile('checks.netns.yaml', text);
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(topology));
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', topology);
    const check = lenses.find((lens) => lens.command?.command === 'netnsLab.lab.check');
    assert.equal(check?.range.start.line, 4, 'the Check lens is on the checks: line');

    const deployed = await vscode.commands.executeCommand<{ checks?: { passed: number; failed: number } }>('netnsLab.lab.deploy', { file: topology.fsPath });
    assert.deepEqual([deployed.checks?.passed, deployed.checks?.failed], [1, 1]);
    const problems = await eventually(() => nonEmpty(vscode.languages.getDiagnostics(topology).filter((problem) => problem.source === 'netns-lab check')), { what: 'the failed check on its line' });
    assert.deepEqual(
      problems.map((problem) => problem.range.start.line),
      [7],
    );
    assert.match(problems[0]!.message, /^Check failed: .*mtu/iu);
    if (canTakeScreenshots()) {
      await sleep(RENDER_PAUSE_MS);
      await screenshot('topology-check-problem');
    }

    ip('-n', `${name}-red`, 'link', 'set', 'eth0', 'mtu', '9000');
    const checked = await vscode.commands.executeCommand<ChecksPayload>(check!.command!.command, ...(check!.command!.arguments ?? []));
    assert.deepEqual([checked.passed, checked.failed], [2, 0]);
    await eventually(() => (checkProblems(topology).length === 0 ? true : undefined), { what: 'the problem to clear' });

    ip('-n', `${name}-red`, 'link', 'set', 'eth0', 'mtu', '1500');
    await vscode.commands.executeCommand('netnsLab.lab.check', { file: topology.fsPath });
    assert.equal(checkProblems(topology).length, 1, 'the check fails again');
    await vscode.commands.executeCommand('netnsLab.lab.destroy', { file: topology.fsPath });
    assert.deepEqual(checkProblems(topology), [], 'a destroyed lab leaves no problems of its checks');
  });
});

function checkProblems(file: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(file).filter((problem) => problem.source === 'netns-lab check');
}

function nonEmpty<T>(items: T[]): T[] | undefined {
  return items.length > 0 ? items : undefined;
}
