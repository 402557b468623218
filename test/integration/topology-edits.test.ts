/**
 * Labs while their topology file is being edited, in the real editor: a plan shown beside the file follows the lab
 * (after a deploy it no longer lists the changes made); the tree never says "as the file says" of a file that has
 * problems; and Destroy works from the CodeLens and the palette while the file has problems, as long as its `lab:`
 * can be read, the refusal otherwise being logged as one line, without a stack trace.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import * as vscode from 'vscode';
import type { NetnsLabApi } from '../../src/extension.js';
import type { LabNode } from '../../src/ext/view-model/tree-nodes.js';
import { activateExtension, LOCAL_TARGET_ID, TreeReader } from './support/extension.js';
import { lab } from './support/lab.js';
import { labName, removeLabLeftovers, twoNamespaceLab, writeWorkspaceFile } from './support/labs.js';
import { canTakeScreenshots, screenshot } from './support/screenshot.js';
import { eventually } from './support/wait.js';

/** Lets the workbench lay out and paint what the extension host just asked for (it cannot be observed from here). */
const RENDER_PAUSE_MS = 1_500;

describe('labs while their topology file is edited', function () {
  this.timeout(120_000);
  const name = labName('edit');
  const valid = twoNamespaceLab(name, 78);
  let api: NetnsLabApi;
  let tree: TreeReader;
  let file: vscode.Uri;

  before(async () => {
    api = await activateExtension();
    tree = new TreeReader(api);
    file = writeWorkspaceFile('edited.netns.yaml', valid);
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    lab.cleanup();
    removeLabLeftovers([name]);
    await tree?.forgetDeletedNamespaces();
  });

  /** Replaces the whole text of the file in its editor (opened when needed); saved unless `save` is false. */
  async function setText(text: string, { save = true } = {}): Promise<vscode.TextDocument> {
    const document = await vscode.workspace.openTextDocument(file);
    const edit = new vscode.WorkspaceEdit();
    edit.replace(file, new vscode.Range(0, 0, document.lineCount, 0), text);
    assert.ok(await vscode.workspace.applyEdit(edit));
    if (save) assert.ok(await document.save());
    return document;
  }

  function planShown(): string | undefined {
    return vscode.window.visibleTextEditors.find((editor) => editor.document.uri.scheme === 'netns-lab-plan')?.document.getText();
  }

  async function labNode(): Promise<LabNode | undefined> {
    const nodes = await tree.children(await tree.target());
    return nodes.find((node): node is LabNode => node.kind === 'lab' && node.lab === name);
  }

  /** The lab node's description and tooltip once a check has settled on something `accept` takes. */
  async function labShownAs(accept: (shown: { description: string; tooltip: string }) => boolean, what: string): Promise<{ description: string; tooltip: string }> {
    let last = { description: '', tooltip: '' };
    return eventually(
      async () => {
        const node = await labNode();
        if (!node) return undefined;
        await tree.children(node); // Starts the check of an expanded node, as the view does.
        const item = tree.item(node);
        last = { description: tree.description(node), tooltip: (item.tooltip as vscode.MarkdownString | undefined)?.value ?? '' };
        return accept(last) ? last : undefined;
      },
      { what, timeoutMs: 30_000, lastSeen: () => JSON.stringify(last) },
    );
  }

  it('a plan shown beside the file says "no changes" after a deploy, and shows the new plan after an edit (plan-follows.png)', async () => {
    await vscode.commands.executeCommand('netnsLab.lab.plan', file);
    assert.match(await eventually(planShown, { what: 'the plan document' }), /A deploy would make 3 changes:/u);

    await vscode.commands.executeCommand('netnsLab.lab.deploy', { file });
    await eventually(() => (/No changes: the lab is as the file says\./u.test(planShown() ?? '') ? true : undefined), {
      what: 'the plan to say there are no changes',
      lastSeen: () => planShown() ?? '',
    });

    await setText(valid.replace('namespaces: [red, blue]', 'namespaces: [red, blue, green]'));
    await eventually(() => (new RegExp(`A deploy would make 1 change:\\n\\+ namespace ${name}-green\\n`, 'u').test(planShown() ?? '') ? true : undefined), {
      what: 'the plan of the edited file',
      lastSeen: () => planShown() ?? '',
    });
    if (canTakeScreenshots()) {
      await sleep(RENDER_PAUSE_MS);
      await screenshot('plan-follows');
    }
    await setText(valid);
  });

  it('the tree does not say "as the file says" while the file has problems, and says it again once fixed', async () => {
    await vscode.commands.executeCommand('netnsLab.lab.deploy', { file });
    await labShownAs((shown) => /as the file says/u.test(shown.description), 'the lab to be checked in sync');

    // Unsaved, as while typing: the file is what its editor shows.
    await setText(`${valid}colour: blue\n`, { save: false });
    const invalid = await labShownAs((shown) => !/as the file says/iu.test(shown.description + shown.tooltip), 'the mark to go');
    assert.match(invalid.tooltip, /Not checked: .*colour/u);

    await setText(valid);
    await labShownAs((shown) => /as the file says/u.test(shown.description), 'the lab to be in sync again');
  });

  it('Destroy works from the CodeLens and the palette while the file has problems elsewhere', async () => {
    await vscode.commands.executeCommand('netnsLab.lab.deploy', { file });
    const document = await setText(`${valid}colour: blue\n`);
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', file);
    assert.deepEqual(
      lenses.map((lens) => lens.command?.title.replace(/\$\([\w-]+\) /u, '').replace(/:.*/u, '')),
      ['Not deployable', 'Destroy'],
    );
    const destroyLens = lenses[1]!.command!;

    const question = `Destroy lab ${name} on ${api.services.host(LOCAL_TARGET_ID).label}?`;
    await destroyConfirmed(() => vscode.commands.executeCommand(destroyLens.command, ...(destroyLens.arguments ?? [])), question);
    assert.ok(!existsSync(`/run/netns/${name}-red`) && !existsSync(`/run/netns/${name}-blue`), 'the lab is gone');

    // Deployed again from a valid file of the same lab, then destroyed from the palette, on the active editor's file.
    await vscode.commands.executeCommand('netnsLab.lab.deploy', { file: writeWorkspaceFile('same-lab.netns.yaml', valid) });
    await vscode.window.showTextDocument(document);
    await destroyConfirmed(() => vscode.commands.executeCommand('netnsLab.lab.destroy'), question);
    assert.ok(!existsSync(`/run/netns/${name}-red`), 'the lab is gone again');
  });

  it('refuses Destroy when even the lab: cannot be read, and logs that in one line, without a stack trace', async () => {
    await setText(`lab: ${name}\nnamespaces: [red\n`);
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', file);
    assert.deepEqual(
      lenses.map((lens) => lens.command?.command),
      ['workbench.actions.view.problems'],
    );

    const logged = recordLog(api);
    try {
      await assert.rejects(Promise.resolve(vscode.commands.executeCommand('netnsLab.lab.destroy', { file })), /lab's name cannot be read for certain/u);
    } finally {
      logged.stop();
    }
    const lines = logged.lines.filter((line) => line.includes('netnsLab.lab.destroy'));
    assert.equal(lines.length, 1, lines.join('\n'));
    assert.match(lines[0]!, /^info: netnsLab\.lab\.destroy refused: .*cannot be read for certain/u);
    assert.doesNotMatch(lines[0]!, /\n\s+at /u);
  });
});

/**
 * Runs a destroy that asks first and answers Destroy. The editor under test answers every modal dialog with Cancel
 * by itself (VS Code skips dialogs when it runs extension tests), so the question is taken, and answered, here.
 */
async function destroyConfirmed(destroy: () => Thenable<unknown>, question: string): Promise<void> {
  const window = vscode.window as { showWarningMessage: (...args: unknown[]) => Thenable<unknown> };
  const original = window.showWarningMessage;
  const asked: string[] = [];
  window.showWarningMessage = (message: unknown, ...rest: unknown[]) => {
    const options = rest[0] as vscode.MessageOptions | undefined;
    if (!options?.modal) return original.call(vscode.window, message, ...rest);
    asked.push(String(message));
    return Promise.resolve('Destroy');
  };
  try {
    await destroy();
  } finally {
    window.showWarningMessage = original;
  }
  assert.deepEqual(asked, [question]);
}

/** Records what the extension logs (its info and error lines, an error with what the log would add to it). */
function recordLog(api: NetnsLabApi): { lines: string[]; stop: () => void } {
  const log = api.services.log;
  const { info, error } = log;
  const lines: string[] = [];
  log.info = (message: string) => {
    lines.push(`info: ${message}`);
    info.call(log, message);
  };
  log.error = (message: string, cause?: unknown) => {
    lines.push(`error: ${message}${cause instanceof Error ? `: ${cause.stack ?? cause.message}` : ''}`);
    error.call(log, message, cause);
  };
  return {
    lines,
    stop: () => {
      log.info = info;
      log.error = error;
    },
  };
}
