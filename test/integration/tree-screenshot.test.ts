/**
 * A picture of the Namespaces view with a small lab expanded (test-artifacts/editor/tree-expanded.png), to look
 * at: kinds and icons, addresses and `peer: …` descriptions must be readable.
 */
import assert from 'node:assert/strict';
import { statSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import * as vscode from 'vscode';
import type { NetnsLabApi } from '../../src/extension.js';
import { activateExtension, TreeReader } from './support/extension.js';
import { ip, lab } from './support/lab.js';
import { canTakeScreenshots, screenshot } from './support/screenshot.js';
import { eventually } from './support/wait.js';

/** Lets the workbench lay out and paint what the extension host just asked for (it cannot be observed from here). */
const RENDER_PAUSE_MS = 1_500;

describe('the Namespaces view, seen', () => {
  const client = lab.namespaceName('-client');
  const router = lab.namespaceName('-router');
  let api: NetnsLabApi;
  let tree: TreeReader;

  before(async () => {
    api = await activateExtension();
    tree = new TreeReader(api);
    ip('netns', 'add', client);
    ip('netns', 'add', router);
    // The ends are made inside the lab's namespaces, so their short names cannot clash with the host's.
    ip('-n', client, 'link', 'add', 'veth0', 'type', 'veth', 'peer', 'name', 'veth0', 'netns', router);
    ip('-n', client, 'address', 'add', '10.240.0.2/24', 'dev', 'veth0');
    ip('-n', router, 'address', 'add', '10.240.0.1/24', 'dev', 'veth0');
    for (const namespace of [client, router]) {
      ip('-n', namespace, 'link', 'set', 'lo', 'up');
      ip('-n', namespace, 'link', 'set', 'veth0', 'up');
    }
    ip('-n', client, 'route', 'add', 'default', 'via', '10.240.0.1');
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.view.explorer');
    lab.cleanup();
    await tree?.forgetDeletedNamespaces();
  });

  it('shows two namespaces joined by a veth, with addresses, peers and a default route (tree-expanded.png)', async function () {
    if (!canTakeScreenshots()) this.skip();
    await vscode.commands.executeCommand('workbench.view.extension.netnsLab');
    await vscode.commands.executeCommand('workbench.action.closePanel');
    await vscode.commands.executeCommand('workbench.action.closeAuxiliaryBar');
    // The side bar starts too narrow to read descriptions: narrowing the editor ("Decrease Editor Width", 60 px a
    // step) widens it.
    for (let step = 0; step < 8; step++) await vscode.commands.executeCommand('workbench.action.decreaseViewWidth');

    const target = await tree.target();
    const clientNode = await eventually(() => tree.namespace(client), { what: `${client} in the tree` });
    const routerNode = (await tree.namespace(router))!;
    const routes = await tree.routes(clientNode);
    const shownRoutes = (await tree.children(routes)).map((route) => `${tree.label(route)} ${tree.description(route)}`);
    for (const expected of ['default via 10.240.0.1 dev veth0', '10.240.0.0/24 dev veth0']) {
      assert.ok(shownRoutes.includes(expected), `${expected} not among ${shownRoutes.join('; ')}`);
    }
    const reveal = { expand: true, select: false, focus: false };
    await api.tree.view.reveal(target, reveal);
    await api.tree.view.reveal(routerNode, reveal);
    await api.tree.view.reveal(clientNode, reveal);
    await api.tree.view.reveal(routes, reveal);
    await sleep(RENDER_PAUSE_MS);

    const file = await screenshot('tree-expanded');
    assert.ok(statSync(file).size > 10_000, `${file} is too small to show anything`);
  });
});
