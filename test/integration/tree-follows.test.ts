/**
 * The Namespaces view follows changes made outside VS Code (plain `ip` here) by itself: the namespace list through
 * the /run/netns watch, an expanded namespace's contents through `ip monitor`. No test calls refresh.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, readlinkSync } from 'node:fs';
import type { NetnsLabApi } from '../../src/extension.js';
import type { TreeNode } from '../../src/ext/view-model/tree-nodes.js';
import { activateExtension, isNamespaceNode, TreeReader } from './support/extension.js';
import { ip, lab, linksIn, namespaceExists } from './support/lab.js';
import { eventually, nextEvent } from './support/wait.js';

describe('the Namespaces view follows changes made outside VS Code', () => {
  let api: NetnsLabApi;
  let tree: TreeReader;
  const left = lab.namespaceName('-outside-left');
  const right = lab.namespaceName('-outside-right');
  const leftEnd = lab.interfaceName('ol');
  const rightEnd = lab.interfaceName('or');

  before(async () => {
    api = await activateExtension();
    tree = new TreeReader(api);
    // The view's first paint: reading the top level starts following the namespace list.
    await tree.children();
  });

  after(async () => {
    lab.cleanup();
    await tree?.forgetDeletedNamespaces();
  });

  /** Makes the namespaces an earlier test should have made, so that each test stands on its own. */
  function ensureNamespaces(...names: string[]): void {
    for (const name of names) if (!namespaceExists(name)) ip('netns', 'add', name);
  }

  /** Resolves when the provider asks the view to reload everything (what a namespace list change does). */
  function wholeTreeChange(): Promise<TreeNode | undefined> {
    return nextEvent(api.tree.provider.onDidChangeTreeData, (node) => node === undefined, { what: 'the view to reload' });
  }

  it('shows namespaces added with ip netns add under this machine', async () => {
    const reloaded = wholeTreeChange();
    ip('netns', 'add', left);
    ip('netns', 'add', right);
    await reloaded;
    let seen: string[] = [];
    await eventually(
      async () => {
        seen = (await tree.namespaceNames()).filter((name) => lab.owns(name));
        return seen.includes(left) && seen.includes(right) ? seen : undefined;
      },
      { what: `${left} and ${right} in the tree`, lastSeen: () => seen.join(', ') },
    );
  });

  it('shows a veth made with ip between two namespaces with its peer on both ends', async () => {
    ensureNamespaces(left, right);
    ip('link', 'add', leftEnd, 'netns', left, 'type', 'veth', 'peer', 'name', rightEnd, 'netns', right);
    ip('-n', left, 'address', 'add', '10.231.0.1/24', 'dev', leftEnd);
    for (const [namespace, end, peerNamespace, peerEnd] of [
      [left, leftEnd, right, rightEnd],
      [right, rightEnd, left, leftEnd],
    ] as const) {
      const node = await eventually(async () => tree.interface((await tree.namespace(namespace))!, end), { what: `${end} under ${namespace}` });
      assert.equal(node.link.kind, 'veth');
      assert.deepEqual(node.link.peer, { namespace: peerNamespace, interface: peerEnd });
      assert.match(tree.description(node), new RegExp(`peer: ${peerNamespace}/${peerEnd}(?:$| )`, 'u'));
    }
    const withAddress = (await tree.interface((await tree.namespace(left))!, leftEnd))!;
    assert.match(tree.description(withAddress), /^10\.231\.0\.1\/24 · peer: /u);
  });

  it('drops namespaces deleted with ip netns delete', async () => {
    ensureNamespaces(left, right);
    const reloaded = wholeTreeChange();
    ip('netns', 'delete', left);
    ip('netns', 'delete', right);
    await reloaded;
    let seen: string[] = [];
    await eventually(
      async () => {
        seen = (await tree.namespaceNames()).filter((name) => name === left || name === right);
        return seen.length === 0 ? seen : undefined;
      },
      { what: `${left} and ${right} to leave the tree`, lastSeen: () => seen.join(', ') },
    );
  });

  describe('inside an expanded namespace', () => {
    /** Waits for the change monitor that expanding a namespace starts, as a view that has been open a while has it. */
    function monitorRunning(namespace: string): Promise<boolean> {
      return eventually(() => (monitorPids(namespace).length > 0 ? true : undefined), { what: `a change monitor of ${namespace}` });
    }

    const watched = lab.namespaceName('-watched');
    const first = lab.interfaceName('w1');
    const second = lab.interfaceName('w2');

    before(() => {
      ip('netns', 'add', watched);
      ip('-n', watched, 'link', 'add', first, 'type', 'veth', 'peer', 'name', second);
    });

    after(async () => {
      lab.cleanup();
      await tree?.forgetDeletedNamespaces();
    });

    it('reloads the namespace node when an address is added with ip, and then shows the address', async () => {
      const node = await eventually(() => tree.namespace(watched), { what: `${watched} in the tree` });
      await tree.children(node);
      await monitorRunning(watched);
      const reloaded = nextEvent(api.tree.provider.onDidChangeTreeData, (changed) => isNamespaceNode(changed, watched), {
        what: `a change event for ${watched}`,
      });
      ip('-n', watched, 'address', 'add', '10.232.0.1/24', 'dev', first);
      await reloaded;
      const shown = (await tree.interface(node, first))!;
      assert.deepEqual(await tree.addressLabels(shown), ['10.232.0.1/24']);
      assert.match(tree.description(shown), /^10\.232\.0\.1\/24/u);
    });

    // What ends the monitor if this extension host is killed: the core tests kill an owner process and watch the
    // sweep; this checks that the editor's monitor is wired the same way.
    it('marks its monitor with an owner token whose watchdog, started by this extension host, reads from it', async () => {
      const node = await eventually(() => tree.namespace(watched), { what: `${watched} in the tree` });
      await tree.children(node);
      await monitorRunning(watched);
      const monitor = monitorPids(watched)[0]!;
      const token = readFileSync(`/proc/${monitor}/environ`, 'latin1')
        .split('\0')
        .find((entry) => entry.startsWith('NETNS_LAB_OWNER='));
      assert.ok(token, 'the monitor carries an owner mark');
      const watchdogs = pidsMentioning(`netns-lab-lifeline ${token.slice('NETNS_LAB_OWNER='.length)}`);
      assert.equal(watchdogs.length, 1, 'one watchdog for the token');
      // Node gives a child's standard input as a socket pair: its other end closes when this process dies.
      assert.match(readlinkSync(`/proc/${watchdogs[0]}/fd/0`), /^(pipe|socket):/u);
      assert.ok(ancestorsOf(watchdogs[0]!).includes(process.pid), 'the watchdog was started by this extension host');
    });

    // A namespace's `ip monitor` starts only after its children were first read (80-150 ms later here): a change in
    // that window must still reach the view, by the re-read once the monitor listens.
    it('reloads the namespace node for a change made right after the namespace was first expanded', async () => {
      const fresh = lab.namespaceName('-fresh');
      ip('netns', 'add', fresh);
      ip('-n', fresh, 'link', 'add', lab.interfaceName('f1'), 'type', 'veth', 'peer', 'name', lab.interfaceName('f2'));
      const node = await eventually(() => tree.namespace(fresh), { what: `${fresh} in the tree` });
      await tree.children(node);
      const reloaded = nextEvent(api.tree.provider.onDidChangeTreeData, (changed) => isNamespaceNode(changed, fresh), {
        what: `a change event for ${fresh}`,
      });
      ip('-n', fresh, 'address', 'add', '10.232.1.1/24', 'dev', lab.interfaceName('f1'));
      await reloaded;
    });

    it('reloads an expanded namespace for a change made just before another namespace is expanded', async () => {
      const node = await eventually(() => tree.namespace(watched), { what: `${watched} in the tree` });
      await tree.children(node);
      await monitorRunning(watched);
      const other = lab.namespaceName('-other');
      ip('netns', 'add', other);
      const otherNode = await eventually(() => tree.namespace(other), { what: `${other} in the tree` });
      const reloaded = nextEvent(api.tree.provider.onDidChangeTreeData, (changed) => isNamespaceNode(changed, watched), {
        what: `a change event for ${watched}`,
      });
      ip('-n', watched, 'address', 'add', '10.232.2.1/24', 'dev', first);
      await tree.children(otherNode);
      await reloaded;
    });

    // A monitor inside a deleted namespace would hold it (and its veth peer) alive; it must stop even when the view is
    // hidden and reads nothing.
    it('lets a namespace deleted with ip go, with its veth, while the Namespaces view is hidden', async () => {
      const doomed = lab.namespaceName('-doomed');
      const survivor = lab.namespaceName('-survivor');
      const [doomedEnd, survivorEnd] = [lab.interfaceName('d1'), lab.interfaceName('d2')];
      ip('netns', 'add', doomed);
      ip('netns', 'add', survivor);
      ip('link', 'add', doomedEnd, 'netns', doomed, 'type', 'veth', 'peer', 'name', survivorEnd, 'netns', survivor);
      const node = await eventually(() => tree.namespace(doomed), { what: `${doomed} in the tree` });
      await tree.children(node);
      await monitorRunning(doomed);
      // The view is hidden (the Explorer is showing): nothing reads the namespace list again.
      ip('netns', 'delete', doomed);
      await eventually(() => (linksIn(survivor).some((link) => link.ifname === survivorEnd) ? undefined : true), {
        what: `${survivorEnd} in ${survivor} to go with the deleted namespace ${doomed}`,
        lastSeen: () => `monitors of it: ${monitorPids(doomed).join(' ') || 'none'}`,
      });
    });
  });
});

/**
 * The processes of the change monitor following `namespace`: the netlink watch, given its path, with the shell
 * around it; or, where Python cannot run, `ip monitor` inside it.
 */
function monitorPids(namespace: string): number[] {
  const watch = pidsMentioning(`/run/netns/${namespace} `).filter((pid) => commandLine(pid).includes('netns-lab-monitor'));
  return [...watch, ...pidsMentioning(`ip -n ${namespace} monitor`)];
}

function commandLine(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'latin1').replaceAll('\0', ' ');
  } catch {
    return '';
  }
}

/** Pids of running processes whose argv contains `text`. */
function pidsMentioning(text: string): number[] {
  const listing = spawnSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 }).stdout;
  return listing
    .split('\n')
    .filter((line) => line.includes(text))
    .map((line) => Number(line.trim().split(' ')[0]));
}

/** The parent, grandparent, … of a process, up to pid 1. */
function ancestorsOf(pid: number): number[] {
  const ancestors: number[] = [];
  for (let current = pid; current > 1;) {
    const stat = readFileSync(`/proc/${current}/stat`, 'utf8');
    current = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    ancestors.push(current);
  }
  return ancestors;
}
