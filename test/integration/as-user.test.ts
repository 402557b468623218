/**
 * Netns Lab as most people run it: VS Code as an ordinary user whose sudo asks for a password. Run only in the
 * editor run as a throwaway user (scripts/test-editor.mjs makes it; NETNS_LAB_EDITOR_SUITE=user), which passes the
 * user's password (in a file only that user can read) and a namespace prefix of the run. What the user does is done
 * in the page (typing into the password box, clicking); what "someone else" does on the machine goes through
 * `sudo -k -S` from here, which keeps no credentials that could let Netns Lab's own sudo skip the password. A host
 * made anew (a setting changed, and likewise an SSH connection made again) gets the password given earlier, without
 * a box. Screenshots: wrong-password-view.png, privilege-none-view.png (the partial list without root) and user-two-target-confirmation.png in
 * test-artifacts/editor/as-user.
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import * as vscode from 'vscode';
import type { NetnsLabApi } from '../../src/extension.js';
import type { NamespaceNode, UnnamedGroupNode } from '../../src/ext/view-model/tree-nodes.js';
import { activateExtension, TreeReader } from './support/extension.js';
import { actInPage, screenshot, shownElements } from './support/screenshot.js';
import { eventually } from './support/wait.js';

const PASSWORD_FILE = process.env.NETNS_LAB_TEST_SUDO_PASSWORD_FILE;
const PASSWORD = PASSWORD_FILE && existsSync(PASSWORD_FILE) ? readFileSync(PASSWORD_FILE, 'utf8') : '';
const PREFIX = process.env.NETNS_LAB_TEST_PREFIX ?? '';
const KERNEL = { id: 'netns-lab-kernel', extension: 'netns-lab.netns-lab' };
const STDOUT_MIME = 'application/vnd.code.notebook.stdout';
const DIALOG = '.monaco-dialog-box';
const PASSWORD_BOX_TITLE = 'Netns Lab: sudo password for this machine';

/** Runs a command as root the way another user on the machine would, through sudo with the password. */
function asRoot(...argv: string[]): string {
  const result = spawnSync('sudo', ['-k', '-S', '-p', '', '--', ...argv], { input: `${PASSWORD}\n`, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`sudo ${argv.join(' ')} failed: ${result.stderr}`);
  return result.stdout;
}

function namespaceExists(name: string): boolean {
  return existsSync(`/run/netns/${name}`);
}

describe('as a user whose sudo asks for a password', function () {
  this.timeout(120_000);
  let api: NetnsLabApi;
  let tree: TreeReader;
  let folder = '';
  const made: string[] = [];
  const settings = (): vscode.WorkspaceConfiguration => vscode.workspace.getConfiguration('netnsLab');

  before(async function () {
    if (!PASSWORD || !PREFIX) this.skip();
    assert.notEqual(process.getuid?.(), 0, 'test bug: this suite must run as a user without root');
    folder = mkdtempSync(join(tmpdir(), 'netns-lab-as-user-'));
    api = await activateExtension();
    tree = new TreeReader(api);
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    for (const terminal of vscode.window.terminals) terminal.dispose();
    await settings().update('privilege', undefined, vscode.ConfigurationTarget.Global);
    await settings().update('askForSudoPassword', undefined, vscode.ConfigurationTarget.Global);
    await settings().update('terminalUser', undefined, vscode.ConfigurationTarget.Global);
    await settings().update('targets', undefined, vscode.ConfigurationTarget.Global);
    for (const name of made) if (namespaceExists(name)) asRoot('ip', 'netns', 'delete', name);
    if (folder) rmSync(folder, { recursive: true, force: true });
  });

  /** The title of the quick input in view, if one is. */
  async function quickInputTitle(): Promise<string | undefined> {
    const shown = await shownElements('quick-input-title', '.quick-input-widget:not([style*="display: none"]) .quick-input-title');
    return shown.map((element) => element.text).find((text) => text.trim() !== '');
  }

  async function answerPasswordBox(password: string): Promise<void> {
    await eventually(async () => ((await quickInputTitle())?.includes(PASSWORD_BOX_TITLE) ? true : undefined), { what: 'the password box', timeoutMs: 15_000 });
    await actInPage('type-password', { type: password });
    await actInPage('enter-password', { press: 'Enter' });
  }

  /** The text of the Namespaces view's welcome area, once it contains `text`. */
  function welcomeSaying(text: string): Promise<string> {
    let last = '';
    return eventually(
      async () => {
        last = (await shownElements('welcome', '.welcome-view-content')).map((element) => element.text).join(' | ');
        return last.includes(text) ? last : undefined;
      },
      { what: `the view to say "${text}"`, timeoutMs: 20_000, lastSeen: () => last },
    );
  }

  it('asks for the password once in a box, and a wrong one is said to be wrong in the view, with Try Again', async () => {
    await vscode.commands.executeCommand('workbench.view.extension.netnsLab');
    await answerPasswordBox(`${PASSWORD}-wrong`);
    const welcome = await welcomeSaying('sudo did not accept the password');
    assert.ok(welcome.includes('Try Again'), welcome);
    assert.equal(api.services.passwordBoxesShown, 1);
    await sleep(300);
    await screenshot('wrong-password-view');
  });

  it('does not open the password box again when someone else adds or deletes a namespace', async () => {
    const name = `${PREFIX}-other`;
    made.push(name);
    const refreshed = new Promise<void>((resolve) => {
      const listener = api.tree.provider.onDidChangeTreeData(() => (listener.dispose(), resolve()));
    });
    asRoot('ip', 'netns', 'add', name);
    await refreshed;
    // What a visible view does on that change: read its top level again.
    assert.deepEqual(await tree.children(), []);
    asRoot('ip', 'netns', 'delete', name);
    await sleep(1500);
    assert.equal(await quickInputTitle(), undefined, 'a password box opened');
    assert.equal(api.services.passwordBoxesShown, 1);
    await welcomeSaying('sudo did not accept the password');
  });

  it('Try Again (clicked) asks once more, and a closed box is said to be closed, with a button to enter the password', async () => {
    await actInPage('click-try-again', { click: '.welcome-view-content .monaco-button:has-text("Try Again")' });
    await eventually(async () => ((await quickInputTitle())?.includes(PASSWORD_BOX_TITLE) ? true : undefined), { what: 'the password box', timeoutMs: 15_000 });
    await actInPage('close-password-box', { press: 'Escape' });
    const welcome = await welcomeSaying('The sudo password box was closed');
    assert.ok(welcome.includes('Enter the Sudo Password'), welcome);
    assert.equal(api.services.passwordBoxesShown, 2);
  });

  it('Enter the Sudo Password asks once more, and with the right password the view shows the namespaces', async () => {
    const name = `${PREFIX}-seen`;
    made.push(name);
    asRoot('ip', 'netns', 'add', name);
    await actInPage('click-enter-password', { click: '.welcome-view-content .monaco-button:has-text("Enter the Sudo Password")' });
    await answerPasswordBox(PASSWORD);
    await eventually(async () => ((await tree.namespaceNames()).includes(name) ? true : undefined), { what: `${name} in the view`, timeoutMs: 15_000 });
    assert.equal(api.services.passwordBoxesShown, 3);
  });

  it('commands and cells run as root through sudo without asking again', async () => {
    const name = `${PREFIX}-cmd`;
    made.push(name);
    await vscode.commands.executeCommand('netnsLab.namespace.create', { name });
    assert.ok(namespaceExists(name), `${name} was not made`);
    const file = join(folder, 'cell.netns.md');
    writeFileSync(file, `\`\`\`sh {netns=${name}}\necho "uid $(id -u) in $(ip -br link show lo | cut -d' ' -f1)"\n\`\`\`\n`);
    const document = await vscode.workspace.openNotebookDocument(vscode.Uri.file(file));
    await vscode.window.showNotebookDocument(document);
    await vscode.commands.executeCommand('notebook.selectKernel', KERNEL);
    await vscode.commands.executeCommand('notebook.cell.execute', { ranges: [{ start: 0, end: 1 }], document: document.uri });
    const cell = document.cellAt(0);
    await eventually(() => cell.executionSummary?.success, { what: 'the cell to succeed', timeoutMs: 30_000 });
    const stdout = cell.outputs
      .flatMap((output) => output.items.filter((item) => item.mime === STDOUT_MIME))
      .map((item) => new TextDecoder().decode(item.data))
      .join('');
    assert.equal(stdout.trim(), 'uid 0 in lo');
    assert.equal(api.services.passwordBoxesShown, 3);
  });

  it("a namespace terminal is a root shell in the home folder that takes the session's password, without asking", async () => {
    const name = `${PREFIX}-cmd`;
    const terminal = await vscode.commands.executeCommand<vscode.Terminal>('netnsLab.namespace.openTerminal', { namespace: name });
    assert.equal(terminal.name, `netns: ${name} (root shell)`);
    const answer = join(folder, 'terminal');
    terminal.sendText(`echo "$(id -u) $(pwd) $(readlink /proc/self/ns/net)" > ${answer}.tmp && mv ${answer}.tmp ${answer}`);
    const said = await eventually(() => (existsSync(answer) ? readFileSync(answer, 'utf8').trim() : undefined), { what: "the terminal's root shell to answer", timeoutMs: 20_000 });
    const expected = asRoot('readlink', `/proc/${asRoot('ip', 'netns', 'pids', name).split('\n')[0]}/ns/net`).trim();
    assert.equal(said, `0 ${homedir()} ${expected}`);
    assert.equal(api.services.passwordBoxesShown, 3);
    terminal.dispose();
  });

  it('with terminalUser "user", a namespace terminal runs the shell as the user, in the namespace, and says so', async () => {
    const name = `${PREFIX}-cmd`;
    await settings().update('terminalUser', 'user', vscode.ConfigurationTarget.Global);
    try {
      const terminal = await vscode.commands.executeCommand<vscode.Terminal>('netnsLab.namespace.openTerminal', { namespace: name });
      assert.equal(terminal.name, `netns: ${name} (as ${userInfo().username})`);
      const answer = join(folder, 'user-terminal');
      terminal.sendText(`echo "$(id -u) $HOME $(readlink /proc/self/ns/net)" > ${answer}.tmp && mv ${answer}.tmp ${answer}`);
      const said = await eventually(() => (existsSync(answer) ? readFileSync(answer, 'utf8').trim() : undefined), { what: "the terminal's shell to answer", timeoutMs: 20_000 });
      const expected = asRoot('readlink', `/proc/${asRoot('ip', 'netns', 'pids', name).split('\n')[0]}/ns/net`).trim();
      assert.equal(said, `${process.getuid?.()} ${homedir()} ${expected}`);
      assert.equal(api.services.passwordBoxesShown, 3);
      terminal.dispose();
    } finally {
      await settings().update('terminalUser', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  it('asks which machine is meant and names it in the delete confirmation once a second target is configured', async () => {
    const name = `${PREFIX}-del`;
    made.push(name);
    asRoot('ip', 'netns', 'add', name);
    // A target that cannot be reached is enough to have two: the confirmation must say which machine.
    await settings().update('targets', ['ssh://nobody@127.0.0.1:1'], vscode.ConfigurationTarget.Global);
    const node = await eventually(
      async () => {
        const local = (await tree.children()).find((child) => child.kind === 'target' && child.targetId === 'local');
        return local && (await tree.children(local)).find((child): child is NamespaceNode => child.kind === 'namespace' && child.namespace === name);
      },
      { what: `${name} under This machine`, timeoutMs: 20_000 },
    );
    await actInPage('show-dialogs', { dialogs: true });
    try {
      const deleting = Promise.resolve(vscode.commands.executeCommand('netnsLab.namespace.delete', node));
      const [question] = await eventually(
        async () => {
          const found = await shownElements('dialog-message', `${DIALOG} .dialog-message-text`);
          return found.length > 0 ? found : undefined;
        },
        { what: 'the confirmation' },
      );
      assert.ok(question!.text.includes(name) && question!.text.includes('on this machine'), question!.text);
      await sleep(500); // the dialog's entrance animation, for the picture
      await screenshot('user-two-target-confirmation');
      await actInPage('dialog-delete', { click: `${DIALOG} .dialog-buttons .monaco-button:has-text("Delete")` });
      await deleting;
      assert.equal(namespaceExists(name), false, `${name} is still there`);
    } finally {
      if ((await shownElements('dialog-left-open', DIALOG)).length > 0) await actInPage('close-dialog', { press: 'Escape' });
      await actInPage('skip-dialogs-again', { dialogs: false });
      await settings().update('targets', undefined, vscode.ConfigurationTarget.Global);
    }
    assert.equal(api.services.passwordBoxesShown, 3);
  });

  it('privilege "none" lists what the user can see, read only, says what is missing, and a named namespace says it needs root', async () => {
    const seen = `${PREFIX}-seen`;
    // A namespace of the user's own, as a rootless container tool makes one: without root, only those show unnamed.
    const own = spawn('unshare', ['--net', '--map-root-user', 'sleep', '300'], { detached: true, stdio: 'ignore' });
    try {
      await settings().update('privilege', 'none', vscode.ConfigurationTarget.Global);
      const nodes = await eventually(
        async () => {
          const children = await tree.children(await tree.target());
          const group = children.find((node): node is UnnamedGroupNode => node.kind === 'unnamedGroup');
          const listed = children.some((node) => node.kind === 'namespace' && node.namespace === seen) && group?.namespaces.some((found) => found.pids.includes(own.pid!));
          return listed ? children : undefined;
        },
        { what: `${seen} and the own namespace of pid ${own.pid} in the view`, timeoutMs: 20_000 },
      );
      const row = nodes[0]!;
      assert.equal(row.kind, 'message');
      assert.deepEqual([tree.label(row), tree.description(row)], ['Partial list: no root', 'Open Settings']);
      const tooltip = (tree.item(row).tooltip as vscode.MarkdownString).value;
      assert.ok(tooltip.includes('lack CAP_SYS_ADMIN and CAP_NET_ADMIN') && tooltip.includes('sudo'), tooltip);
      const namespace = nodes.find((node): node is NamespaceNode => node.kind === 'namespace' && node.namespace === seen)!;
      const inside = await tree.children(namespace);
      assert.deepEqual(
        inside.map((node) => tree.label(node)),
        ['Reading it needs root'],
      );
      // The root namespace is where the commands run: it is read as usual, only its veths' peers stay unknown.
      const root = nodes.find((node): node is NamespaceNode => node.kind === 'namespace' && node.namespace === null)!;
      assert.ok((await tree.interfaces(root)).some((node) => node.link.name === 'lo'));
      const reveal = { expand: true, select: false, focus: false };
      await api.tree.view.reveal(await tree.target(), reveal);
      await api.tree.view.reveal(namespace, reveal);
      await api.tree.view.reveal(
        nodes.find((node) => node.kind === 'unnamedGroup')!,
        reveal,
      );
      await sleep(500);
      await screenshot('privilege-none-view');
      assert.equal(api.services.passwordBoxesShown, 3, 'privilege "none" asked for a password');
      assert.equal(userInfo().username.startsWith('nl'), true);
    } finally {
      process.kill(-own.pid!, 'SIGKILL');
    }
  });

  it('with the password box turned off, the view says sudo wants a password and offers the setting', async () => {
    await settings().update('askForSudoPassword', false, vscode.ConfigurationTarget.Global);
    try {
      await settings().update('privilege', undefined, vscode.ConfigurationTarget.Global);
      const welcome = await welcomeSaying("sudo wants a password, and Netns Lab's password box is turned off");
      assert.ok(welcome.includes('Open Settings'), welcome);
      assert.equal(api.services.passwordBoxesShown, 3);
    } finally {
      await settings().update('askForSudoPassword', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  it('a host made anew (privilege back to "auto") gets the password given earlier, without a box', async () => {
    const name = `${PREFIX}-seen`;
    await settings().update('privilege', undefined, vscode.ConfigurationTarget.Global);
    await eventually(async () => ((await tree.namespaceNames()).includes(name) ? true : undefined), { what: `${name} in the view again`, timeoutMs: 15_000 });
    assert.equal(await quickInputTitle(), undefined, 'a password box opened');
    assert.equal(api.services.passwordBoxesShown, 3);
  });
});
