/**
 * Commands with two targets configured (this machine and an SSH target: a real sshd on 127.0.0.1 started by the
 * test), driven through the real palette flow, its quick inputs and modal dialogs. Both targets are this machine
 * underneath, so a namespace made through either shows in `/run/netns`; what tells them apart is what the command
 * says: the question which machine, the titles, the confirmation and the done and failure messages must name the
 * SSH target's alias (test-artifacts/editor/two-target-confirmation.png, veth-namespace-offer.png). The tests that meet a modal dialog let the
 * workbench show it (VS Code otherwise answers Cancel by itself during tests) and answer it in the page.
 */
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import * as vscode from 'vscode';
import type { NetnsLabApi } from '../../src/extension.js';
import type { TargetNode } from '../../src/ext/view-model/tree-nodes.js';
import { sshdMissingReason, startTestSshServer, type TestSshServer } from '../host/support/sshd.js';
import { activateExtension, LOCAL_TARGET_ID, TreeReader } from './support/extension.js';
import { ip, lab, linksIn, namespaceExists } from './support/lab.js';
import { actInPage, canTakeScreenshots, screenshot, shownElements, type ShownElement } from './support/screenshot.js';
import { eventually } from './support/wait.js';

const ROWS = '.quick-input-widget .quick-input-list .monaco-list-row';
const DIALOG = '.monaco-dialog-box';

describe('commands with this machine and an SSH target', function () {
  this.timeout(120_000);
  let server: TestSshServer | undefined;
  let api: NetnsLabApi;
  let tree: TreeReader;
  const settings = () => vscode.workspace.getConfiguration('netnsLab');

  before(async function () {
    // The flows are answered through the page (typing, clicking), which only the code-server host serves.
    if (sshdMissingReason() || !canTakeScreenshots()) this.skip();
    api = await activateExtension();
    tree = new TreeReader(api);
    server = await startTestSshServer();
    await settings().update('sshConfigFile', server.configFile, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('netnsLab.target.add', { target: server.alias });
    await vscode.commands.executeCommand('workbench.view.extension.netnsLab');
  });
  afterEach(async () => {
    // A test that failed half-way may leave a dialog or a quick input open, which would hold up the next one.
    if ((await shownElements('dialog-left-open', DIALOG)).length > 0) await actInPage('close-dialog', { press: 'Escape' });
    await actInPage('skip-dialogs-again', { dialogs: false });
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
  });
  after(async () => {
    await settings().update('targets', undefined, vscode.ConfigurationTarget.Global);
    await settings().update('sshConfigFile', undefined, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('notifications.clearAll');
    await server?.stop();
    lab.cleanup();
    await tree?.forgetDeletedNamespaces();
  });

  async function targetNode(targetId: string): Promise<TargetNode> {
    return eventually(async () => (await tree.children()).find((node): node is TargetNode => node.kind === 'target' && node.targetId === targetId), { what: `the ${targetId} node` });
  }

  /**
   * Selects a node of the view, as a click would, and waits until the view reports it selected. The view shows a
   * target added a moment ago only once it has read the settings again: until then reveal does not find it.
   */
  async function select(node: TargetNode): Promise<void> {
    await eventually(
      () =>
        Promise.resolve(api.tree.view.reveal(node, { select: true, focus: true })).then(
          () => true,
          () => undefined,
        ),
      { what: `${node.targetId} shown in the view` },
    );
    await eventually(() => (api.tree.view.selection[0]?.targetId === node.targetId ? true : undefined), { what: `${node.targetId} selected` });
  }

  /** The quick input's title once it contains `text` (each step of a flow has its own). */
  function titleContaining(text: string): Promise<string> {
    return eventually(async () => (await shownElements('quick-input-title', '.quick-input-widget .quick-input-title')).map((element) => element.text).find((title) => title.includes(text)), {
      what: `a quick input titled "…${text}…"`,
    });
  }

  async function pickerRows(until: (rows: ShownElement[]) => boolean): Promise<ShownElement[]> {
    let last: ShownElement[] = [];
    return eventually(async () => ((last = await shownElements('picker-rows', ROWS)), until(last) ? last : undefined), {
      what: 'the picker rows',
      lastSeen: () => last.map((row) => row.ariaLabel ?? row.text).join(' | '),
    });
  }

  function rowText(row: ShownElement): string {
    return row.ariaLabel ?? row.text;
  }

  /** Waits until the picker's active row is one `matches` accepts (Enter would pick it). */
  function activeRow(matches: (text: string) => boolean): Promise<ShownElement[]> {
    return pickerRows((shown) => shown.some((row) => /\bfocused\b/u.test(row.className ?? '') && matches(rowText(row))));
  }

  /** The text of the modal dialog, once one shows. */
  async function dialogText(): Promise<string> {
    const [shown] = await eventually(
      async () => {
        const found = await shownElements('dialog-message', `${DIALOG} .dialog-message-text`);
        return found.length > 0 ? found : undefined;
      },
      { what: 'a modal dialog' },
    );
    return shown!.text;
  }

  function clickDialogButton(label: string): Promise<void> {
    return actInPage(`dialog-${label}`, { click: `${DIALOG} .dialog-buttons .monaco-button:has-text("${label}")` });
  }

  /** The status bar's texts, once one of them contains every part. */
  function statusBarWith(...parts: string[]): Promise<string> {
    return eventually(async () => (await shownElements('status-bar', '.statusbar-item')).map((item) => item.text).find((text) => parts.every((part) => text.includes(part))), {
      what: `the status bar to say ${parts.join(' … ')}`,
    });
  }

  it('from the palette with the SSH node selected, Delete Namespace offers that target first and its confirmation names it', async () => {
    const alias = server!.alias;
    const name = lab.namespaceName('-del2');
    ip('netns', 'add', name);
    await actInPage('show-dialogs', { dialogs: true });
    await select(await targetNode(alias));
    const deleting = Promise.resolve(vscode.commands.executeCommand('netnsLab.namespace.delete'));

    const rows = await pickerRows((shown) => shown.length === 2);
    assert.ok(rowText(rows[0]!).includes(alias) && /\bfocused\b/u.test(rows[0]!.className ?? ''), `first and active: ${rows.map(rowText).join(' | ')}`);
    assert.ok(rowText(rows[1]!).includes('This machine'), rowText(rows[1]!));
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');

    await titleContaining(`Delete Namespace on ${alias}`);
    await actInPage('filter-namespace', { type: name });
    await pickerRows((shown) => shown.length === 1 && rowText(shown[0]!).includes(name));
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');

    const question = await dialogText();
    assert.ok(question.includes(name) && question.includes(`on ${alias}`) && !question.includes('this machine'), question);
    await sleep(500); // the dialog's entrance animation, for the picture
    await screenshot('two-target-confirmation');
    await clickDialogButton('Delete');
    await deleting;
    assert.equal(namespaceExists(name), false, `${name} is still there`);
    await statusBarWith(name, `on ${alias}`);
  });

  it('from the palette with this machine selected, this machine is offered first, and picking the SSH target creates the namespace there', async () => {
    const alias = server!.alias;
    const name = lab.namespaceName('-new2');
    await select(await targetNode(LOCAL_TARGET_ID));
    const creating = Promise.resolve(vscode.commands.executeCommand('netnsLab.namespace.create'));

    const rows = await pickerRows((shown) => shown.length === 2);
    assert.ok(rowText(rows[0]!).includes('This machine') && /\bfocused\b/u.test(rows[0]!.className ?? ''), rows.map(rowText).join(' | '));
    await actInPage('pick-ssh-target', { click: `${ROWS}[aria-label*="${alias}"]` });

    await titleContaining(`Create Namespace on ${alias}`);
    await actInPage('type-namespace', { type: name, press: 'Enter' });
    await creating;
    assert.ok(namespaceExists(name), `${name} was not made`);
    await statusBarWith(name, `on ${alias}`);
  });

  it('a failure on the SSH target names it in the message shown', async () => {
    const alias = server!.alias;
    const name = lab.namespaceName('-dup2');
    ip('netns', 'add', name);
    await vscode.commands.executeCommand('notifications.clearAll');
    await assert.rejects(Promise.resolve(vscode.commands.executeCommand('netnsLab.namespace.create', { name, targetId: alias })));
    // With the smoke-test driver on, the workbench shows no toasts: the notification center lists them all the same.
    await vscode.commands.executeCommand('notifications.showList');
    let seen: string[] = [];
    const shown = await eventually(
      async () => (seen = (await shownElements('failure-message', '.notification-list-item-message')).map((element) => element.text)).find((text) => text.includes(name)),
      {
        what: 'the failure notification',
        lastSeen: () => seen.join(' | '),
      },
    );
    await vscode.commands.executeCommand('notifications.hideList');
    assert.ok(shown.includes(alias), shown);
  });

  it('Create Veth Pair offers to create a peer namespace that does not exist yet, and asks first', async () => {
    const alias = server!.alias;
    const [firstNamespace, secondNamespace] = [lab.namespaceName('-vA'), lab.namespaceName('-vB')];
    const [firstEnd, secondEnd] = [lab.interfaceName('a'), lab.interfaceName('b')];
    ip('netns', 'add', firstNamespace);
    await actInPage('show-dialogs', { dialogs: true });
    // From the SSH target's own menu: the node says where, so the flow starts at its first step.
    const creating = Promise.resolve(vscode.commands.executeCommand('netnsLab.veth.create', await targetNode(alias)));
    const step = (number: number) => titleContaining(`Create Veth Pair on ${alias} (${number}/7)`);

    await step(1);
    await actInPage('veth-first-name', { type: firstEnd, press: 'Enter' });
    await step(2);
    await actInPage('veth-first-namespace', { type: firstNamespace });
    await activeRow((text) => text.startsWith(firstNamespace) && !/create namespace/iu.test(text));
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    await step(3);
    await actInPage('veth-second-name', { type: secondEnd, press: 'Enter' });
    await step(4);
    // A name the kernel would refuse gets the rule it breaks as a row, and Enter on it does nothing.
    await actInPage('veth-bad-namespace', { type: 'no/slash' });
    await activeRow((text) => /not a namespace name/iu.test(text));
    await actInPage('veth-bad-namespace-enter', { press: 'Enter' });
    await activeRow((text) => /not a namespace name/iu.test(text));
    await actInPage('veth-select-typed', { press: 'Control+a' });
    await actInPage('veth-second-namespace', { type: secondNamespace });
    await activeRow((text) => text.includes(secondNamespace) && /create namespace/iu.test(text));
    await screenshot('veth-namespace-offer');
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');

    const question = await dialogText();
    assert.ok(question.includes(secondNamespace) && question.includes(`on ${alias}`), question);
    assert.equal(namespaceExists(secondNamespace), false, 'made before the user said yes');
    await clickDialogButton('Create');
    for (const number of [5, 6]) {
      await step(number);
      await actInPage(`veth-addresses-${number}`, { press: 'Enter' });
    }
    await step(7);
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    await creating;

    assert.ok(namespaceExists(secondNamespace), `${secondNamespace} was not made`);
    assert.ok(
      linksIn(firstNamespace).some((link) => link.ifname === firstEnd),
      `${firstEnd} is not in ${firstNamespace}`,
    );
    assert.ok(
      linksIn(secondNamespace).some((link) => link.ifname === secondEnd),
      `${secondEnd} is not in ${secondNamespace}`,
    );
  });
});
