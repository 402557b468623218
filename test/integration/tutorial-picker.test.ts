/**
 * Open Tutorial in the real editor: its picker lists each tutorial that ships with the extension once, and none of
 * the user's own notebooks (even a copy of a tutorial in the workspace); picking one opens a copy of it, with its
 * topology file beside it, in the workspace's netns-lab-tutorials folder (test-artifacts/editor/tutorial-picker.png).
 */
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { activateExtension } from './support/extension.js';
import { lab } from './support/lab.js';
import { canTakeScreenshots, screenshot, shownElements } from './support/screenshot.js';
import { eventually } from './support/wait.js';

const ROWS = '.quick-input-widget .quick-input-list .monaco-list-row';

describe('Open Tutorial', function () {
  this.timeout(60_000);
  const shipped = join(vscode.extensions.getExtension('netns-lab.netns-lab')!.extensionUri.fsPath, 'notebooks');
  const tutorials = readdirSync(shipped)
    .filter((file) => file.endsWith('.netns.md'))
    .sort();
  const workspace = vscode.workspace.workspaceFolders![0]!.uri.fsPath;
  /** The user's own notebooks: one of theirs, and a copy of the first tutorial in a folder of theirs. */
  const userFolder = join(workspace, `${lab.prefix}-mine`);
  const copies = join(workspace, 'netns-lab-tutorials');
  const made: string[] = [];
  const copiesFolderWasThere = existsSync(copies);

  before(async () => {
    await activateExtension();
    mkdirSync(userFolder, { recursive: true });
    writeFileSync(join(userFolder, `${lab.prefix}-own.netns.md`), `# ${lab.prefix} own notebook\n\n\`\`\`sh\ntrue\n\`\`\`\n`);
    copyFileSync(join(shipped, tutorials[0]!), join(userFolder, tutorials[0]!));
  });
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    rmSync(userFolder, { recursive: true, force: true });
    for (const file of made) rmSync(file, { force: true });
    if (!copiesFolderWasThere) rmSync(copies, { recursive: true, force: true });
  });

  it("lists each tutorial once and none of the user's notebooks; picking one opens a copy with its topology file", async function () {
    if (!canTakeScreenshots()) this.skip(); // The picker is read through the test host's page.
    const first = tutorials[0]!;
    const expectedCopies = [first, first.replace(/\.netns\.md$/u, '.netns.yaml')].map((file) => join(copies, file));
    // A copy that is there already is the user's: the test neither expects to make it nor removes it.
    made.push(...expectedCopies.filter((file) => !existsSync(file)));

    const opened = Promise.resolve(vscode.commands.executeCommand('netnsLab.openTutorial'));
    const rows = await eventually(
      async () => {
        const shown = await shownElements('tutorial-picker-rows', ROWS);
        return shown.length >= tutorials.length ? shown : undefined;
      },
      { what: 'the picker to list the tutorials' },
    );
    const texts = rows.map((row) => row.ariaLabel ?? row.text);
    assert.equal(rows.length, tutorials.length, texts.join('\n'));
    for (const tutorial of tutorials) assert.equal(texts.filter((text) => text.includes(tutorial)).length, 1, `${tutorial} in:\n${texts.join('\n')}`);
    assert.ok(!texts.some((text) => text.includes(lab.prefix)), texts.join('\n'));
    await screenshot('tutorial-picker');

    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    await opened;
    const notebook = await eventually(() => vscode.window.activeNotebookEditor?.notebook, { what: 'the tutorial to open' });
    assert.equal(notebook.uri.fsPath, expectedCopies[0]);
    for (const file of expectedCopies) assert.equal(readFileSync(file, 'utf8'), readFileSync(join(shipped, file.slice(copies.length + 1)), 'utf8'));
  });
});
