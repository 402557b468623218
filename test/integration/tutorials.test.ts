/**
 * Every tutorial in notebooks/ passes by Run All in the real editor, as a learner would run it: opened as a copy in
 * the workspace, run with the Netns Lab kernel, every code cell ending successfully.
 */
import assert from 'node:assert/strict';
import { copyFileSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import * as vscode from 'vscode';
import { activateExtension } from './support/extension.js';
import { lab } from './support/lab.js';
import { eventually } from './support/wait.js';

const KERNEL = { id: 'netns-lab-kernel', extension: 'netns-lab.netns-lab' };

describe('tutorial notebooks by Run All', function () {
  this.timeout(180_000);
  const repository = vscode.extensions.getExtension('netns-lab.netns-lab')!.extensionUri.fsPath;
  const tutorials = readdirSync(join(repository, 'notebooks'))
    .filter((file) => file.endsWith('.netns.md'))
    .sort();
  const folder = vscode.workspace.workspaceFolders![0]!.uri.fsPath;
  const copies: string[] = [];
  /** Topology files of tutorials that declare their lab: the lab Run All deployed is destroyed afterwards. */
  const labFiles: string[] = [];

  before(async () => {
    await activateExtension();
  });
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    for (const file of labFiles) await vscode.commands.executeCommand('netnsLab.lab.destroy', { file });
    for (const copy of copies) rmSync(copy, { force: true });
  });

  it('finds the six tutorials', () => {
    assert.equal(tutorials.length, 6, tutorials.join(', '));
  });

  for (const tutorial of tutorials) {
    it(`${tutorial} passes, every code cell`, async () => {
      const copy = join(folder, `${lab.prefix}-${tutorial}`);
      copies.push(copy);
      copyFileSync(join(repository, 'notebooks', tutorial), copy);
      const topology = copyTopologyBeside(join(repository, 'notebooks', tutorial), folder);
      if (topology) {
        copies.push(topology);
        labFiles.push(topology);
      }
      const document = await vscode.workspace.openNotebookDocument(vscode.Uri.file(copy));
      await vscode.window.showNotebookDocument(document);
      await vscode.commands.executeCommand('notebook.selectKernel', KERNEL);
      await vscode.commands.executeCommand('notebook.execute', document.uri);
      const codeCells = document.getCells().filter((cell) => cell.kind === vscode.NotebookCellKind.Code);
      const failedOrDone = (): boolean | undefined => {
        if (codeCells.some((cell) => cell.executionSummary?.success === false)) return false;
        return codeCells.every((cell) => cell.executionSummary?.success === true) ? true : undefined;
      };
      const outcome = await eventually(failedOrDone, { what: `${tutorial} to finish`, timeoutMs: 120_000, intervalMs: 200 });
      const failed = codeCells.find((cell) => cell.executionSummary?.success === false);
      assert.equal(outcome, true, failed ? `cell ${failed.index} failed:\n${failed.document.getText()}\n${outputText(failed)}` : '');
    });
  }
});

/** Copies the topology a tutorial's front matter names next to its copy, under the same relative name. */
function copyTopologyBeside(tutorial: string, folder: string): string | undefined {
  const relative = /^topology:\s*(\S+)\s*$/mu.exec(readFileSync(tutorial, 'utf8').split(/^---$/mu)[1] ?? '')?.[1];
  if (relative === undefined) return undefined;
  const copy = join(folder, relative);
  copyFileSync(join(dirname(tutorial), relative), copy);
  return copy;
}

function outputText(cell: vscode.NotebookCell): string {
  return cell.outputs.flatMap((output) => output.items.map((item) => new TextDecoder().decode(item.data))).join('\n');
}
