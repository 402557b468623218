// Veth peers named exactly, whichever namespace the other end is in: a named one, the root namespace, or one without
// a name (`unshare --net sleep 300`, a process this file starts and ends by its process group). The lab is built
// with plain `ip`; each read runs on this machine through LocalHost and through SshHost (the test sshd on
// 127.0.0.1), which must name the same peers. Then the way without the netlink helper: a target without Python 3.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { LocalHost, readNamespace, readSnapshot, type NamespaceName, type NamespaceState, type PeerRef, type RunOptions, type RunResult } from '../../../../src/core/index.js';
import type { Host } from '../../../../src/core/host/host.js';
import { readNamespaceSet } from '../../../../src/core/state/read.js';
import { hostsUnderTest } from '../../support/hosts.js';
import { ip } from '../../support/lab.js';
import { testSetup } from '../../support/setup.js';
import { startUnnamedNamespace, type UnnamedNamespaceProcess } from '../../support/unnamed-namespace.js';

let unnamed: UnnamedNamespaceProcess | undefined;
const { lab } = testSetup({ teardown: () => unnamed?.stop() });
const [ns1, ns2] = [lab.namespaceName('-1'), lab.namespaceName('-2')] as [string, string];
const [a1, a2, r0, r2, u0, u9, n1, n9] = ['a1', 'a2', 'r0', 'r2', 'u0', 'u9', 'n1', 'n9'].map((suffix) => lab.interfaceName(suffix));
let path = '';

/** Every veth end the lab made, by namespace, with the peer it must be given. */
function expectedPeers(): Map<NamespaceName, Record<string, PeerRef>> {
  return new Map<NamespaceName, Record<string, PeerRef>>([
    [null, { [r0!]: { namespace: ns2, interface: r2! }, [u0!]: { namespace: path, interface: u9! } }],
    [ns1, { [a1!]: { namespace: ns2, interface: a2! }, [n1!]: { namespace: path, interface: n9! } }],
    [ns2, { [a2!]: { namespace: ns1, interface: a1! }, [r2!]: { namespace: null, interface: r0! } }],
    [path, { [u9!]: { namespace: null, interface: u0! }, [n9!]: { namespace: ns1, interface: n1! } }],
  ]);
}

before(async () => {
  unnamed = await startUnnamedNamespace();
  path = unnamed.path;
  for (const namespace of [ns1, ns2]) ip('netns', 'add', namespace);
  ip('-n', ns1, 'link', 'add', 'name', a1!, 'type', 'veth', 'peer', 'name', a2!, 'netns', ns2);
  ip('link', 'add', 'name', r0!, 'type', 'veth', 'peer', 'name', r2!, 'netns', ns2);
  ip('link', 'add', 'name', u0!, 'type', 'veth', 'peer', 'name', u9!, 'netns', String(unnamed.pid));
  ip('-n', ns1, 'link', 'add', 'name', n1!, 'type', 'veth', 'peer', 'name', n9!, 'netns', String(unnamed.pid));
});

/** The peers of the lab's veth ends in one namespace's state (the root's other links are not ours). */
function peersIn(state: NamespaceState | undefined, namespace: NamespaceName): Record<string, PeerRef | undefined> {
  assert.ok(state, `no state for ${String(namespace)}`);
  assert.equal(state.error, undefined, `${String(namespace)} could not be read: ${state.error}`);
  const wanted = Object.keys(expectedPeers().get(namespace)!);
  return Object.fromEntries(wanted.map((name) => [name, state.links.find((link) => link.name === name)?.peer]));
}

for (const target of hostsUnderTest()) {
  describe(`exact peers on ${target.label}`, { skip: target.skip }, () => {
    let host: Host;
    before(async () => {
      host = await target.open();
    });
    after(() => target.close());

    test('readSnapshot names every peer: named, root, and the unnamed namespace by its path', async () => {
      const snapshot = await readSnapshot(host);
      for (const [namespace, peers] of expectedPeers()) {
        assert.deepEqual(
          peersIn(
            snapshot.namespaces.find((state) => state.name === namespace),
            namespace,
          ),
          peers,
          String(namespace),
        );
      }
    });

    test('readSnapshot labels the unnamed namespace by its process: command sleep and its pid', async () => {
      const state = (await readSnapshot(host)).namespaces.find((candidate) => candidate.name === path);
      assert.deepEqual({ command: state?.unnamed?.user?.command, pid: state?.unnamed?.user?.pid, inode: state?.unnamed?.inode }, { command: 'sleep', pid: unnamed!.pid, inode: unnamed!.inode });
    });

    test('readNamespace names the peers from each side, the unnamed namespace read through its path', async () => {
      for (const [namespace, peers] of expectedPeers()) {
        assert.deepEqual(peersIn(await readNamespace(host, namespace), namespace), peers, String(namespace));
      }
    });
  });
}

/**
 * A LocalHost that acts as a target without Python 3: the one command that starts the netlink helper exits 127, as
 * its launcher does when no python3 is found. Python cannot be uninstalled on this machine, so this is simulated;
 * every other command runs for real.
 */
class HostWithoutPython extends LocalHost {
  helperCalls = 0;

  override run(argv: readonly string[], options?: RunOptions): Promise<RunResult> {
    if (argv[0] === 'sh' && argv[1] === '-c' && argv[3] === 'netns-lab-netlink') {
      this.helperCalls++;
      return Promise.resolve({ argv, exitCode: 127, stdout: '', stderr: 'python3: not found\n', durationMs: 0 });
    }
    return super.run(argv, options);
  }
}

describe('on a target without Python 3 (simulated: the helper exits 127)', () => {
  const host = new HostWithoutPython();
  after(() => host.dispose());

  test('named peers still resolve through ip netns list; the root–unnamed veth has no peer at either end, never a wrong one', async () => {
    const states = await readNamespaceSet(host, [null, ns1, ns2, path]);
    assert.ok(host.helperCalls > 0, 'the helper was never asked, so the fallback was not exercised');
    const expected = expectedPeers();
    // ip netns list names only namespaces in /run/netns, so the root–unnamed veth stays unresolved at both ends.
    // The ns1–unnamed one resolves: inside the unnamed namespace ns1 has a name, and ns1's end is then taken from
    // that side (its index and peer index match), which is exact, not a guess.
    const unresolved = undefined as unknown as PeerRef;
    expected.set(null, { ...expected.get(null)!, [u0!]: unresolved });
    expected.set(path, { ...expected.get(path)!, [u9!]: unresolved });
    for (const [namespace, peers] of expected) {
      assert.deepEqual(
        peersIn(
          states.find((state) => state.name === namespace),
          namespace,
        ),
        peers,
        String(namespace),
      );
    }
  });
});
