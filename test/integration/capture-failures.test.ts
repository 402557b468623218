/**
 * A capture panel whose capture fails, in the real editor with the real tcpdump: a filter tcpdump cannot parse, an
 * interface that is not there, and an interface deleted while it is captured. Each time the panel stays open and
 * says why in one line where the packets would be (the page reports what it shows), the command is refused with
 * the same line (the user sees it in a notification), and no tcpdump is left running.
 * The picture (test-artifacts/editor/capture-failed.png) is to look at: the error line must be readable.
 */
import assert from 'node:assert/strict';
import { statSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import * as vscode from 'vscode';
import type { CapturePanel } from '../../src/ext/capture/capture-panel.js';
import type { NetnsLabApi } from '../../src/extension.js';
import { activateExtension } from './support/extension.js';
import { ip, lab, tcpdumpsIn } from './support/lab.js';
import { canTakeScreenshots, screenshot } from './support/screenshot.js';
import { eventually } from './support/wait.js';

describe('a capture that fails', function () {
  this.timeout(60_000);
  const red = lab.namespaceName('-capfail');
  let api: NetnsLabApi;

  before(async () => {
    api = await activateExtension();
    ip('netns', 'add', red);
    ip('-n', red, 'link', 'add', 'veth0', 'type', 'veth', 'peer', 'name', 'veth1');
    ip('-n', red, 'link', 'set', 'veth0', 'up');
    ip('-n', red, 'link', 'set', 'veth1', 'up');
  });

  after(async () => {
    await Promise.allSettled(api.capturePanels.open().map((panel) => panel.dispose()));
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    lab.cleanup();
  });

  /** Starts a capture that must fail; returns the command's error and the panel it left open. */
  async function failedStart(argument: object): Promise<{ message: string; panel: CapturePanel }> {
    const before = new Set(api.capturePanels.open());
    const error = await vscode.commands.executeCommand('netnsLab.capture.start', argument).then(
      () => assert.fail('the capture started'),
      (failure: unknown) => failure as Error,
    );
    const panel = api.capturePanels.open().find((candidate) => !before.has(candidate));
    assert.ok(panel, 'the failed capture left no panel open');
    assert.doesNotMatch(error.message, /\n/u, 'the message is one line');
    return { message: error.message, panel };
  }

  it('a filter tcpdump cannot parse: the panel says so in one line, and nothing runs (capture-failed.png)', async () => {
    const { message, panel } = await failedStart({ interfaces: [`${red}:veth0`], filter: 'icmp and and' });
    assert.match(message, new RegExp(`Cannot capture on ${red}:veth0: .*(syntax error|parse filter)`, 'u'));
    const shown = await panel.pageReport();
    assert.equal(shown.error, message);
    assert.equal(shown.status, 'The capture failed');
    assert.equal(shown.rows, 0);
    assert.equal(panel.panel.visible, true, 'the panel stays open, showing why');
    assert.deepEqual(tcpdumpsIn([red]), []);
    if (canTakeScreenshots()) {
      await vscode.commands.executeCommand('workbench.action.closeSidebar');
      await sleep(1_500);
      const file = await screenshot('capture-failed');
      assert.ok(statSync(file).size > 10_000, `${file} is too small to show anything`);
    }
    await panel.dispose();
  });

  it('an interface that is not there: named in the panel, nothing runs', async () => {
    const { message, panel } = await failedStart({ interfaces: [`${red}:nosuch0`] });
    assert.match(message, new RegExp(`Cannot capture on ${red}:nosuch0: .*(No such device|doesn't exist)`, 'u'));
    assert.equal((await panel.pageReport()).error, message);
    assert.deepEqual(tcpdumpsIn([red]), []);
    await panel.dispose();
  });

  it('an interface deleted while it is captured: the panel turns to the failure and keeps what it showed', async () => {
    const panel = await vscode.commands.executeCommand<CapturePanel>('netnsLab.capture.start', { interfaces: [`${red}:veth1`] });
    ip('-n', red, 'link', 'delete', 'veth1');
    const shown = await eventually(
      async () => {
        const report = await panel.pageReport();
        return report.error === '' ? undefined : report;
      },
      { what: 'the failure in the panel', timeoutMs: 15_000 },
    );
    assert.match(shown.error, new RegExp(`Cannot capture on ${red}:veth1: `, 'u'));
    assert.equal(shown.status, 'The capture failed');
    assert.deepEqual(tcpdumpsIn([red]), []);
    await panel.dispose();
  });
});

/** The tcpdump processes running in this namespace, by their command lines. */
