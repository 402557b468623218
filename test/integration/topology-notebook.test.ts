/**
 * A lab notebook that names a topology in its front matter: Run All deploys the lab first and the cells then run in
 * it; a topology that cannot be deployed runs no cell and says why; Destroy Lab removes the lab.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import * as vscode from 'vscode';
import { activateExtension } from './support/extension.js';
import { lab } from './support/lab.js';
import { labName, recordExists, removeLabLeftovers, twoNamespaceLab, writeWorkspaceFile } from './support/labs.js';
import { canTakeScreenshots, screenshot } from './support/screenshot.js';
import { eventually } from './support/wait.js';

const KERNEL = { id: 'netns-lab-kernel', extension: 'netns-lab.netns-lab' };
const ERROR_MIME = 'application/vnd.code.notebook.error';

describe('a lab notebook with a topology', function () {
  this.timeout(120_000);
  const name = labName('nb');

  before(async () => {
    await activateExtension();
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    lab.cleanup();
    removeLabLeftovers([name, labName('nbbad')]);
  });

  async function openNotebook(file: string, text: string): Promise<vscode.NotebookDocument> {
    const document = await vscode.workspace.openNotebookDocument(writeWorkspaceFile(file, text));
    await vscode.window.showNotebookDocument(document);
    await vscode.commands.executeCommand('notebook.selectKernel', KERNEL);
    return document;
  }

  async function runAll(document: vscode.NotebookDocument): Promise<void> {
    await vscode.commands.executeCommand('notebook.cell.execute', { ranges: [{ start: 0, end: document.cellCount }], document: document.uri });
  }

  it('Run All deploys the lab first, then the cells pass in it; Destroy Lab removes it', async () => {
    writeWorkspaceFile('nb.netns.yaml', twoNamespaceLab(name, 78));
    const notebook = await openNotebook(
      'with-lab.netns.md',
      `---\ntopology: ./${lab.prefix}-nb.netns.yaml\nnetns: ${name}-red\n---\n# Two namespaces\n\n\`\`\`sh\nping -c 1 -W 5 10.78.0.2\n\`\`\`\n\n\`\`\`sh {netns=${name}-blue}\nip -4 -br address show dev eth0\n\`\`\`\n`,
    );
    await runAll(notebook);
    const codeCells = notebook.getCells().filter((cell) => cell.kind === vscode.NotebookCellKind.Code);
    for (const cell of codeCells) {
      await eventually(() => cell.executionSummary?.success, { what: `cell ${cell.index} to pass (${outputText(cell)})`, timeoutMs: 60_000 });
    }
    assert.ok(existsSync(`/run/netns/${name}-red`) && existsSync(`/run/netns/${name}-blue`));
    assert.ok(recordExists(name));
    // To look at: the cells' results, and Destroy Lab in the notebook's toolbar.
    if (canTakeScreenshots()) await screenshot('notebook-topology');

    await vscode.commands.executeCommand('netnsLab.notebook.destroyLab', { notebook: notebook.uri });
    assert.ok(!existsSync(`/run/netns/${name}-red`) && !existsSync(`/run/netns/${name}-blue`));
    assert.ok(!recordExists(name));
  });

  it('a topology that cannot be deployed runs no cell, and the first cell says why', async () => {
    writeWorkspaceFile('nbbad.netns.yaml', `lab: ${labName('nbbad')}\nnamespaces: [red]\nlinks:\n  - [red:eth0, green:eth0]\n`);
    const notebook = await openNotebook('bad-lab.netns.md', `---\ntopology: ./${lab.prefix}-nbbad.netns.yaml\n---\n\`\`\`sh\necho first\n\`\`\`\n\n\`\`\`sh\necho second\n\`\`\`\n`);
    await runAll(notebook);
    const [first, second] = notebook.getCells();
    await eventually(() => (first!.executionSummary?.success === false ? true : undefined), { what: 'the first cell to fail', timeoutMs: 30_000 });
    assert.match(outputText(first!), /not deployed.*line 4, column \d+: .*green/su);
    assert.doesNotMatch(outputText(first!), /first/u);
    assert.equal(second!.executionSummary?.success, undefined);
    assert.ok(!existsSync(`/run/netns/${labName('nbbad')}-red`));
  });
});

/** Every output of a cell as text (error outputs as their message). */
function outputText(cell: vscode.NotebookCell): string {
  return cell.outputs
    .flatMap((output) => output.items)
    .map((item) => {
      const text = new TextDecoder().decode(item.data);
      return item.mime === ERROR_MIME ? (JSON.parse(text) as { message: string }).message : text;
    })
    .join('\n');
}
