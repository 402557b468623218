/**
 * The packaged extension works once installed: run by scripts/test-vsix.mjs, which installs netns-lab.vsix into a
 * fresh extensions folder (NETNS_LAB_INSTALLED_EXTENSIONS_DIR) and opens code-server with a stub under development.
 */
import assert from 'node:assert/strict';
import { sep } from 'node:path';
import * as vscode from 'vscode';
import { activateExtension, EXTENSION_ID, TreeReader } from './support/extension.js';
import { ip, lab } from './support/lab.js';
import { eventually } from './support/wait.js';

describe('the installed package', () => {
  const installedFolder = process.env.NETNS_LAB_INSTALLED_EXTENSIONS_DIR;
  const repository = process.env.NETNS_LAB_REPOSITORY;
  let tree: TreeReader | undefined;

  before(function () {
    if (!installedFolder || !repository) this.skip();
  });

  after(async () => {
    lab.cleanup();
    await tree?.forgetDeletedNamespaces();
  });

  it('is loaded from the extensions folder it was installed into, not from the repository', () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is not loaded`);
    assert.ok(extension.extensionPath.startsWith(installedFolder! + sep), `${extension.extensionPath} is not inside ${installedFolder}`);
    assert.ok(!extension.extensionPath.startsWith(repository! + sep), `${extension.extensionPath} is inside the repository`);
  });

  it('activates and registers every command it contributes', async () => {
    await activateExtension();
    const contributed = (vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON as { contributes: { commands: Array<{ command: string }> } }).contributes.commands.map((entry) => entry.command);
    const registered = new Set(await vscode.commands.getCommands(true));
    assert.deepEqual(
      contributed.filter((id) => !registered.has(id)),
      [],
    );
  });

  it('shows a namespace made with ip in the tree', async () => {
    tree = new TreeReader(await activateExtension());
    const name = lab.namespaceName('-installed');
    await tree.children();
    ip('netns', 'add', name);
    await eventually(async () => ((await tree!.namespaceNames()).includes(name) ? true : undefined), { what: `${name} in the tree` });
  });
});
