/**
 * A notebook cell with the capture option in the real editor: the cell's ping runs, and its packets come as an
 * output of our packets mime type, drawn by the renderer as a table (test-artifacts/editor/notebook-capture.png,
 * to look at: the table must be readable).
 */
import assert from 'node:assert/strict';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { CellPacketsPayload } from '../../src/core/notebook/packets-payload.js';
import { activateExtension } from './support/extension.js';
import { lab, namespacesJoined } from './support/lab.js';
import { canTakeScreenshots, screenshot } from './support/screenshot.js';
import { eventually } from './support/wait.js';

const KERNEL = { id: 'netns-lab-kernel', extension: 'netns-lab.netns-lab' };
const PACKETS_MIME = 'application/vnd.netns-lab.packets+json';

describe('a notebook cell that captures', function () {
  this.timeout(120_000);
  const red = lab.namespaceName('-nbcapred');
  const blue = lab.namespaceName('-nbcapblue');
  const file = join(vscode.workspace.workspaceFolders![0]!.uri.fsPath, `${lab.prefix}-capture.netns.md`);

  before(async () => {
    await activateExtension();
    namespacesJoined(red, blue, '10.242.0');
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    rmSync(file, { force: true });
    lab.cleanup();
  });

  it('shows the ARP and ICMP of its ping as a packet table after its output (notebook-capture.png)', async () => {
    writeFileSync(file, `# Capture\n\n\`\`\`sh {netns=${red} capture="${red}:veth0 ${blue}:veth0"}\nping -c 1 -W 2 10.242.0.2\n\`\`\`\n`);
    const document = await vscode.workspace.openNotebookDocument(vscode.Uri.file(file));
    await vscode.window.showNotebookDocument(document);
    await vscode.commands.executeCommand('notebook.selectKernel', KERNEL);
    await vscode.commands.executeCommand('notebook.cell.execute', { ranges: [{ start: 1, end: 2 }], document: document.uri });
    const cell = document.cellAt(1);
    const success = await eventually(() => cell.executionSummary?.success, { what: 'the cell to end', timeoutMs: 30_000 }).catch(() => false);
    const shown = cell.outputs.flatMap((output) => output.items.map((candidate) => `${candidate.mime}: ${new TextDecoder().decode(candidate.data).slice(0, 300)}`));
    assert.ok(success, `the cell did not succeed: ${cell.executionSummary?.success}; outputs:\n${shown.join('\n')}`);

    const item = cell.outputs.flatMap((output) => output.items).find((candidate) => candidate.mime === PACKETS_MIME);
    assert.ok(item, `no packets output among ${cell.outputs.flatMap((output) => output.items.map((candidate) => candidate.mime)).join(', ')}`);
    const payload = JSON.parse(new TextDecoder().decode(item.data)) as CellPacketsPayload;
    assert.deepEqual(payload.interfaces, [`${red}:veth0`, `${blue}:veth0`]);
    const summaries = payload.packets.map((packet) => packet.summary).join('\n');
    assert.match(summaries, /ARP, Request who-has 10\.242\.0\.2 tell 10\.242\.0\.1/u);
    assert.match(summaries, /ARP, Reply 10\.242\.0\.2 is-at/u);
    assert.match(summaries, /IP 10\.242\.0\.1 > 10\.242\.0\.2: ICMP echo request/u);
    assert.match(summaries, /IP 10\.242\.0\.2 > 10\.242\.0\.1: ICMP echo reply/u);

    if (canTakeScreenshots()) {
      // The side bars closed, so the summaries have the width to be read.
      await vscode.commands.executeCommand('workbench.action.closeSidebar');
      await vscode.commands.executeCommand('workbench.action.closeAuxiliaryBar');
      await new Promise((resolve) => setTimeout(resolve, 2000)); // the renderer draws after the output arrives
      await screenshot('notebook-capture');
    }
  });
});
