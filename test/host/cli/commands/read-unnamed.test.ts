// The reading commands and a namespace without a name: `unshare --net sleep 300` (started by this file in a process
// group of its own, ended by it), with a veth to the root namespace and one to a named namespace, both made with
// plain `ip`. snapshot names its peers by its path, ls lists it with its inode, show selects it by pid or inode.
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { assertOneLine } from '../../support/cli.js';
import { ip } from '../../support/lab.js';
import { testSetup } from '../../support/setup.js';
import { startUnnamedNamespace, type UnnamedNamespaceProcess } from '../../support/unnamed-namespace.js';

let unnamed: UnnamedNamespaceProcess | undefined;
const { lab, runner } = testSetup({ cli: true, teardown: () => unnamed?.stop() });
const cli = runner.run;
const named = lab.namespaceName('-n');
const [r0, u9, n1, n9] = ['r0', 'u9', 'n1', 'n9'].map((suffix) => lab.interfaceName(suffix)) as [string, string, string, string];

interface Peer {
  namespace: string | null;
  interface: string;
}
interface JsonNamespace {
  name: string | null;
  links: Array<{ name: string; peer?: Peer }>;
  unnamed?: { path: string; inode: number; user?: { pid: number; command: string } };
  error?: string;
}
interface JsonUnnamedSummary {
  path: string;
  inode: number;
  pids: number[];
  interfaces: number;
  user?: { pid: number; command: string };
  error?: string;
}

before(async () => {
  unnamed = await startUnnamedNamespace();
  ip('netns', 'add', named);
  ip('link', 'add', 'name', r0, 'type', 'veth', 'peer', 'name', u9, 'netns', String(unnamed.pid));
  ip('-n', named, 'link', 'add', 'name', n1, 'type', 'veth', 'peer', 'name', n9, 'netns', String(unnamed.pid));
});

/** The peers of the unnamed namespace's interfaces, by interface name (lo has none). */
function peersOf(state: JsonNamespace | undefined): Record<string, Peer | undefined> {
  assert.ok(state, 'namespace missing');
  assert.equal(state.error, undefined, state.error);
  return Object.fromEntries(state.links.map((link) => [link.name, link.peer]));
}

const unnamedPeers = (): Record<string, Peer | undefined> => ({
  lo: undefined,
  [u9]: { namespace: null, interface: r0 },
  [n9]: { namespace: named, interface: n1 },
});

describe('snapshot --json', () => {
  let namespaces: JsonNamespace[];
  before(async () => {
    namespaces = (JSON.parse((await cli('snapshot', '--json')).stdout) as { namespaces: JsonNamespace[] }).namespaces;
  });

  test('lists the unnamed namespace by its path, labelled sleep with its pid', () => {
    const state = namespaces.find((candidate) => candidate.name === unnamed!.path);
    assert.deepEqual(
      { path: state?.unnamed?.path, inode: state?.unnamed?.inode, user: state?.unnamed?.user && { pid: state.unnamed.user.pid, command: state.unnamed.user.command } },
      { path: unnamed!.path, inode: unnamed!.inode, user: { pid: unnamed!.pid, command: 'sleep' } },
    );
  });

  test('names the peers of both its veths, and names it as the peer from the root and the named side', () => {
    assert.deepEqual(peersOf(namespaces.find((candidate) => candidate.name === unnamed!.path)), unnamedPeers());
    const peer = (namespace: string | null, link: string): Peer | undefined => namespaces.find((state) => state.name === namespace)?.links.find((item) => item.name === link)?.peer;
    assert.deepEqual(
      [peer(null, r0), peer(named, n1)],
      [
        { namespace: unnamed!.path, interface: u9 },
        { namespace: unnamed!.path, interface: n9 },
      ],
    );
  });
});

test('ls --json lists it under unnamed with its inode, first pid and interface count', async () => {
  const result = await cli('ls', '--json');
  const listing = JSON.parse(result.stdout) as { namespaces: Array<{ name: string; interfaces: number; error?: string }>; unnamed: JsonUnnamedSummary[] };
  // Others' namespaces may go during the read (status 1, with an error on theirs only); ours must read cleanly.
  const failed = [...listing.namespaces.filter((summary) => summary.error).map((summary) => summary.name), ...listing.unnamed.filter((summary) => summary.error).map((summary) => summary.path)];
  assert.equal(result.status, failed.length === 0 ? 0 : 1, result.stderr);
  assert.ok(!failed.includes(named) && !failed.includes(unnamed!.path), failed.join(', '));
  const found = listing.unnamed.find((summary) => summary.path === unnamed!.path);
  assert.ok(found, `${unnamed!.path} missing from ${listing.unnamed.map((summary) => summary.path).join(', ')}`);
  assert.deepEqual(
    { inode: found.inode, pid: found.pids[0], interfaces: found.interfaces, command: found.user?.command, error: found.error },
    { inode: unnamed!.inode, pid: unnamed!.pid, interfaces: 3, command: 'sleep', error: undefined },
  );
  assert.deepEqual(
    listing.namespaces.find((summary) => summary.name === named),
    { name: named, interfaces: 2 },
  );
});

test('ls (text) shows it under "Without a name" with its inode and pid', async () => {
  const result = await runner.runOk('ls');
  const section = result.stdout.slice(result.stdout.indexOf('Without a name'));
  assert.match(section, new RegExp(`^${unnamed!.inode} +${unnamed!.pid} +.*sleep.* +3$`, 'mu'));
});

for (const option of ['--pid', '--inode'] as const) {
  test(`show ${option} --json shows the unnamed namespace with its peers`, async () => {
    const value = option === '--pid' ? unnamed!.pid : unnamed!.inode;
    const result = await runner.runOk('show', option, String(value), '--json');
    const state = (JSON.parse(result.stdout) as { namespace: JsonNamespace }).namespace;
    assert.equal(state.name, unnamed!.path);
    assert.equal(state.unnamed?.user?.pid, unnamed!.pid);
    assert.deepEqual(peersOf(state), unnamedPeers());
  });
}

describe('bad selectors', () => {
  for (const value of ['abc', '0', '1;rm', '$(id)', '12 34', '', '1\n2']) {
    test(`show --pid ${JSON.stringify(value)} is a usage error (exit 2, one line)`, async () => {
      const result = await cli('show', '--pid', value);
      assert.equal(result.status, 2, result.stderr);
      assertOneLine(result.stderr);
      assert.match(result.stderr, /pid is a positive whole number/u);
    });
  }

  test('show --inode abc is a usage error too', async () => {
    const result = await cli('show', '--inode', 'abc');
    assert.equal(result.status, 2, result.stderr);
    assertOneLine(result.stderr);
  });

  test('show with both a name and --pid is a usage error', async () => {
    const result = await cli('show', named, '--pid', String(unnamed!.pid));
    assert.equal(result.status, 2, result.stderr);
    assertOneLine(result.stderr);
  });

  test('show --pid of a process that does not exist says so in one line', async () => {
    const result = await cli('show', '--pid', '999999999');
    assert.equal(result.status, 1, result.stderr);
    assertOneLine(result.stderr);
    assert.match(result.stderr, /no process 999999999/u);
  });

  test('show --inode that no namespace has says so in one line', async () => {
    const result = await cli('show', '--inode', '1');
    assert.equal(result.status, 1, result.stderr);
    assertOneLine(result.stderr);
    assert.match(result.stderr, /No network namespace has inode 1\b/u);
  });
});
