/**
 * Lab notebook files in the real editor's serializer: a byte order mark does not hide the front matter and is saved
 * back with the file, and a cell whose fence is never closed carries its problem in its metadata. Nothing runs.
 */
import assert from 'node:assert/strict';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { CellMetadata, NotebookMetadata } from '../../src/ext/notebook/serializer.js';
import { activateExtension } from './support/extension.js';

describe('lab notebook files', function () {
  this.timeout(60_000);
  const folder = vscode.workspace.workspaceFolders![0]!.uri.fsPath;
  const files: string[] = [];

  before(async () => {
    await activateExtension();
  });
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    for (const file of files) rmSync(file, { force: true });
  });

  async function openNotebook(name: string, bytes: Buffer): Promise<vscode.NotebookDocument> {
    const file = join(folder, `notebook-files-${process.pid}-${name}.netns.md`);
    files.push(file);
    writeFileSync(file, bytes);
    const document = await vscode.workspace.openNotebookDocument(vscode.Uri.file(file));
    await vscode.window.showNotebookDocument(document);
    return document;
  }

  async function replaceCellText(cell: vscode.NotebookCell, text: string): Promise<void> {
    const edit = new vscode.WorkspaceEdit();
    const end = cell.document.lineAt(cell.document.lineCount - 1).range.end;
    edit.replace(cell.document.uri, new vscode.Range(new vscode.Position(0, 0), end), text);
    assert.ok(await vscode.workspace.applyEdit(edit));
  }

  it('a byte order mark before the front matter keeps its options, and saving an edit keeps the mark', async () => {
    const text = '---\nnetns: red\n---\n# Title\n\n```sh\necho one\n```\n';
    const bytes = Buffer.from(`\uFEFF${text}`, 'utf8');
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'test bug: the file must start with the mark');
    const document = await openNotebook('bom', bytes);
    assert.deepEqual((document.metadata as NotebookMetadata).frontMatter?.options, { netns: 'red' });
    const cell = document.getCells().find((candidate) => candidate.kind === vscode.NotebookCellKind.Code)!;
    assert.equal(cell.document.getText(), 'echo one');

    await replaceCellText(cell, 'echo two');
    assert.ok(await document.save());
    assert.deepEqual(readFileSync(document.uri.fsPath), Buffer.from(`\uFEFF${text.replace('echo one', 'echo two')}`, 'utf8'));
  });

  it('a cell whose fence is never closed has the problem in its metadata', async () => {
    const document = await openNotebook('unclosed', Buffer.from('# Title\n\n```sh\necho a\n\nProse, not a command.\n', 'utf8'));
    const cell = document.getCells().find((candidate) => candidate.kind === vscode.NotebookCellKind.Code)!;
    assert.match((cell.metadata as CellMetadata).problem ?? '(none)', /^This code fence \(line 3\) is never closed, so it runs to the end of the file/);
  });
});
