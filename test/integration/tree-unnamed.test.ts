/**
 * Namespaces without a name in the Namespaces view: one made by `unshare --net` (a process this test starts and
 * ends) appears under "Without a name", labelled by its process, with its veth peer named on both sides; Name It
 * gives it a name; and one whose process ends leaves the view, all without a refresh.
 */
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { NetnsLabApi } from '../../src/extension.js';
import { UNNAMED_POLL_MS } from '../../src/ext/tree/watchers.js';
import type { NamespaceNode, TreeNode, UnnamedGroupNode } from '../../src/ext/view-model/tree-nodes.js';
import { startUnnamedNamespace, type UnnamedNamespaceProcess } from '../host/support/unnamed-namespace.js';
import { activateExtension, TreeReader } from './support/extension.js';
import { ip, lab, namespaceInode } from './support/lab.js';
import { eventually, nextEvent } from './support/wait.js';
import { canTakeScreenshots, screenshot } from './support/screenshot.js';
import { setTimeout as sleep } from 'node:timers/promises';

describe('namespaces without a name in the Namespaces view', () => {
  let api: NetnsLabApi;
  let tree: TreeReader;
  const started: UnnamedNamespaceProcess[] = [];
  const rootEnd = lab.interfaceName('un');

  before(async () => {
    api = await activateExtension();
    tree = new TreeReader(api);
    // The view's first paint: this machine is shown expanded, so its namespaces are read at once.
    await tree.children(await tree.target());
  });

  after(async () => {
    for (const process of started) await process.stop();
    lab.cleanup();
    await tree?.forgetDeletedNamespaces();
  });

  async function start(): Promise<UnnamedNamespaceProcess> {
    const process = await startUnnamedNamespace();
    started.push(process);
    return process;
  }

  async function unnamedNodes(): Promise<NamespaceNode[]> {
    const group = (await tree.children(await tree.target())).find((node): node is UnnamedGroupNode => node.kind === 'unnamedGroup');
    return group ? ((await tree.children(group)) as TreeNode[]).filter((node): node is NamespaceNode => node.kind === 'namespace') : [];
  }

  function nodeOf(nodes: NamespaceNode[], process: UnnamedNamespaceProcess): NamespaceNode | undefined {
    return nodes.find((node) => node.unnamed?.inode === process.inode);
  }

  /** The whole view reloads: what the provider does when the namespaces without a name change (no one refreshes). */
  function reloaded(): Promise<unknown> {
    return nextEvent(api.tree.provider.onDidChangeTreeData, (node) => node === undefined, { what: 'the view to reload by itself' });
  }

  /**
   * Waits until the view has reloaded nothing for longer than the poll interval: a reload still under way when
   * the process ends would read the list without it, and then no further reload is due.
   */
  async function viewSettled(): Promise<void> {
    for (;;) {
      try {
        await nextEvent(api.tree.provider.onDidChangeTreeData, (node) => node === undefined, { what: 'a reload', timeoutMs: UNNAMED_POLL_MS + 500 });
      } catch {
        return;
      }
    }
  }

  it('shows one made by unshare --net, labelled by its process, and its veth peer on both sides', async () => {
    const reload = reloaded();
    const process = await start();
    await reload;
    ip('link', 'add', rootEnd, 'type', 'veth', 'peer', 'name', 'inside', 'netns', process.path);
    let seen = '';
    const node = await eventually(
      async () => {
        const nodes = await unnamedNodes();
        seen = nodes.map((candidate) => tree.label(candidate)).join(', ');
        return nodeOf(nodes, process);
      },
      { what: `the namespace of pid ${process.pid} under "Without a name"`, lastSeen: () => seen },
    );
    assert.equal(tree.label(node), `sleep (pid ${process.pid})`);
    assert.equal(tree.description(node), `inode ${process.inode}`);
    assert.equal(tree.item(node).contextValue, 'netnsLab.unnamedNamespace');
    const inside = (await tree.interface(node, 'inside'))!;
    assert.deepEqual(inside.link.peer, { namespace: null, interface: rootEnd });
    const root = (await tree.interface((await tree.namespace(null))!, rootEnd))!;
    assert.deepEqual(root.link.peer, { namespace: process.path, interface: 'inside' });
    assert.match(tree.description(root), new RegExp(`peer: \\(pid ${process.pid}\\)/inside(?:$| )`, 'u'));
    if (canTakeScreenshots()) {
      await api.tree.view.reveal(node, { expand: true, select: true, focus: false });
      await sleep(500);
      await screenshot('tree-unnamed');
    }
  });

  it('Name It gives it a name: it moves from "Without a name" to the named namespaces', async () => {
    const process = started[0] ?? (await start());
    await eventually(async () => nodeOf(await unnamedNodes(), process), { what: `pid ${process.pid} under "Without a name"` });
    const name = lab.namespaceName('-named');
    await vscode.commands.executeCommand('netnsLab.namespace.name', { pid: process.pid, name });
    assert.equal(namespaceInode(`/run/netns/${name}`), process.inode);
    await eventually(async () => ((await tree.namespaceNames()).includes(name) && !nodeOf(await unnamedNodes(), process) ? true : undefined), {
      what: `${name} among the named namespaces, and no longer without a name`,
    });
  });

  it('one whose process ends leaves the view', async () => {
    const process = await start();
    await eventually(async () => nodeOf(await unnamedNodes(), process), { what: `pid ${process.pid} under "Without a name"` });
    await viewSettled();
    const reload = reloaded();
    await process.stop();
    await reload;
    await eventually(async () => (nodeOf(await unnamedNodes(), process) ? undefined : true), { what: `pid ${process.pid} to leave the view` });
  });
});
