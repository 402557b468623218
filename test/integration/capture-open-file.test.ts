/**
 * Open Capture File in the real editor: a pcap written by the real tcpdump (the decoders' fixture) read back into
 * the capture panel, every packet a row as tcpdump reads it; and a file that is not pcap refused in the panel.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { CapturePanel } from '../../src/ext/capture/capture-panel.js';
import type { NetnsLabApi } from '../../src/extension.js';
import { activateExtension, EXTENSION_ID } from './support/extension.js';
import { eventually } from './support/wait.js';

describe('Open Capture File', function () {
  this.timeout(30_000);
  let fixture = '';
  let api: NetnsLabApi;
  let folder = '';

  before(async () => {
    api = await activateExtension();
    // The extension runs from the project's folder in these tests.
    fixture = join(vscode.extensions.getExtension(EXTENSION_ID)!.extensionPath, 'test/fixtures/capture/veth-mixed.pcap');
    folder = mkdtempSync(join(tmpdir(), 'netns-lab-open-capture-'));
  });

  after(async () => {
    await Promise.allSettled(api.capturePanels.open().map((panel) => panel.dispose()));
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    if (folder) rmSync(folder, { recursive: true, force: true });
  });

  it("shows every packet of tcpdump's file in the panel, as tcpdump reads them", async () => {
    const panel = await vscode.commands.executeCommand<CapturePanel>('netnsLab.capture.openFile', { file: vscode.Uri.file(fixture) });
    const shown = await eventually(
      async () => {
        const report = await panel.pageReport();
        return report.status.startsWith('Read') ? report : undefined;
      },
      { what: 'the file read into the panel' },
    );
    assert.equal(shown.status, 'Read: 22 packets read');
    assert.equal(shown.rows, 22);
    assert.equal(panel.panel.title, 'veth-mixed.pcap');
    assert.deepEqual(shown.summaries.slice(0, 3), [
      'ARP, Request who-has 10.0.0.2 tell 10.0.0.1, length 28',
      'ARP, Reply 10.0.0.2 is-at ae:b9:e8:37:d5:d8, length 28',
      'IP 10.0.0.1 > 10.0.0.2: ICMP echo request, id 8061, seq 1, length 64',
    ]);
    // Saved again, it is the same packets.
    const saved = join(folder, 'again.pcap');
    assert.equal(await panel.savePcap(saved), 22);
    await panel.dispose();
  });

  it('refuses a file that is not pcap, in one line in the panel', async () => {
    const text = join(folder, 'notes.pcap');
    writeFileSync(text, 'these are notes, not packets');
    const panel = await vscode.commands.executeCommand<CapturePanel>('netnsLab.capture.openFile', { file: text });
    const shown = await eventually(
      async () => {
        const report = await panel.pageReport();
        return report.error === '' ? undefined : report;
      },
      { what: 'the refusal in the panel' },
    );
    assert.match(shown.error, /^Cannot read the capture file notes\.pcap: not a pcap stream/u);
    assert.equal(shown.status, 'Cannot read the file');
    await panel.dispose();
  });
});
