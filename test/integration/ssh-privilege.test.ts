/**
 * Root refused on an SSH target says so in the row under the target's node, and a click on that row runs the one
 * action that fixes it: a real sshd on 127.0.0.1 and a throwaway user of this run whose sudo asks for a password.
 * The password is typed into the real password box in the page (test-artifacts/editor/ssh-wrong-password-row.png).
 */
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import * as vscode from 'vscode';
import type { NetnsLabApi } from '../../src/extension.js';
import type { MessageNode, TargetNode } from '../../src/ext/view-model/tree-nodes.js';
import { createRemoteUsers, remoteUsersMissingReason, type RemoteUsers } from '../host/support/remote-users.js';
import { sshdMissingReason, startTestSshServer, type TestSshServer } from '../host/support/sshd.js';
import { activateExtension, TreeReader } from './support/extension.js';
import { ip, lab } from './support/lab.js';
import { actInPage, canTakeScreenshots, screenshot, shownElements } from './support/screenshot.js';
import { eventually } from './support/wait.js';

describe('root refused on an SSH target', function () {
  this.timeout(120_000);
  let server: TestSshServer | undefined;
  let users: RemoteUsers | undefined;
  let api: NetnsLabApi;
  let tree: TreeReader;
  let alias = '';
  const settings = (): vscode.WorkspaceConfiguration => vscode.workspace.getConfiguration('netnsLab');

  before(async function () {
    // The password is typed in the page, which only the code-server host serves.
    if (sshdMissingReason() || remoteUsersMissingReason() || !canTakeScreenshots()) this.skip();
    api = await activateExtension();
    tree = new TreeReader(api);
    server = await startTestSshServer();
    users = createRemoteUsers(server, lab.prefix);
    alias = users.withPassword.alias;
    await settings().update('sshConfigFile', server.configFile, vscode.ConfigurationTarget.Global);
    await settings().update('askForSudoPassword', false, vscode.ConfigurationTarget.Global);
    await settings().update('targets', [alias], vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('workbench.view.extension.netnsLab');
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    await settings().update('targets', undefined, vscode.ConfigurationTarget.Global);
    await settings().update('askForSudoPassword', undefined, vscode.ConfigurationTarget.Global);
    await settings().update('sshConfigFile', undefined, vscode.ConfigurationTarget.Global);
    users?.remove();
    await server?.stop();
    lab.cleanup();
  });

  async function rowsUnderTarget(): Promise<MessageNode[] | string[]> {
    const target = (await tree.children()).find((node): node is TargetNode => node.kind === 'target' && node.targetId === alias);
    if (!target) return [];
    const children = await tree.children(target);
    const messages = children.filter((node): node is MessageNode => node.kind === 'message');
    return messages.length > 0 ? messages : children.flatMap((node) => (node.kind === 'namespace' && node.namespace !== null ? [node.namespace] : []));
  }

  function rowSaying(text: string): Promise<MessageNode> {
    return eventually(
      async () => {
        const rows = await rowsUnderTarget();
        return rows.find((row): row is MessageNode => typeof row !== 'string' && row.text === text);
      },
      { what: `the row "${text}" under ${alias}`, timeoutMs: 20_000 },
    );
  }

  it('sudo wanting a password with the box turned off says so under the target, and the row opens that setting', async () => {
    const row = await rowSaying('sudo wants a password, box off');
    assert.deepEqual(tree.item(row).command, { title: 'Open Settings', command: 'workbench.action.openSettings', arguments: ['netnsLab.askForSudoPassword'] });
    assert.match(String((tree.item(row).tooltip as vscode.MarkdownString).value), /sudo refused \(sudo: a password is required\)/u);
  });

  it('a wrong password typed in the box says so under the target; a click on the row asks again, and the right one shows its namespaces', async () => {
    const name = lab.namespaceName('-sshpriv');
    ip('netns', 'add', name);
    const boxesBefore = api.services.passwordBoxesShown;
    await settings().update('askForSudoPassword', true, vscode.ConfigurationTarget.Global);
    void rowsUnderTarget();
    const title = `Netns Lab: sudo password for ${alias}`;
    const boxShown = async (): Promise<true | undefined> =>
      (await shownElements('quick-input-title', '.quick-input-widget .quick-input-title')).some((element) => element.text.includes(title)) ? true : undefined;
    await eventually(boxShown, { what: 'the password box', timeoutMs: 20_000 });
    await actInPage('type-wrong', { type: `${users!.withPassword.password}-wrong` });
    await actInPage('enter-wrong', { press: 'Enter' });
    await rowSaying('Wrong sudo password');
    await sleep(300);
    await screenshot('ssh-wrong-password-row');
    await actInPage('click-row', { click: '.monaco-list-row:has-text("Wrong sudo password")' });
    await eventually(boxShown, { what: 'the password box again', timeoutMs: 20_000 });
    await actInPage('type-right', { type: users!.withPassword.password });
    await actInPage('enter-right', { press: 'Enter' });
    await eventually(async () => ((await rowsUnderTarget()).includes(name as never) ? true : undefined), { what: `${name} under ${alias}`, timeoutMs: 20_000 });
    assert.equal(api.services.passwordBoxesShown, boxesBefore + 2);
  });
});
