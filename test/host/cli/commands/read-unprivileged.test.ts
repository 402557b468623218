// `netns-lab ls` without root and with privilege "none", met for real: the CLI runs as a throwaway user of this run
// (through setpriv, with a login's plain environment), here and as the login of an SSH target (a real sshd on
// 127.0.0.1). It lists what that user can see (the named namespaces this test made, and the user's own namespace
// made with `unshare --net --map-root-user`, but not root's), marks the interface counts as unknown, says on
// stderr what is missing and how to get it, exits 0, and changes nothing.
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { CLI } from '../../support/cli.js';
import { waitUntilGone } from '../../support/processes.js';
import { createRemoteUsers, remoteUsersMissingReason, type RemoteUsers } from '../../support/remote-users.js';
import { testSetup } from '../../support/setup.js';
import { sshdMissingReason, startTestSshServer, type TestSshServer } from '../../support/sshd.js';
import { startUnnamedNamespace, type UnnamedNamespaceProcess } from '../../support/unnamed-namespace.js';

const CLEAN_PATH = '/usr/local/bin:/usr/bin:/bin:/usr/local/sbin:/usr/sbin:/sbin';
const SETPRIV = CLEAN_PATH.split(':')
  .map((folder) => join(folder, 'setpriv'))
  .find((path) => existsSync(path));
const skip = sshdMissingReason() ?? remoteUsersMissingReason() ?? (SETPRIV ? undefined : 'setpriv (util-linux) is not installed');

interface Listing {
  namespaces: Array<{ name: string; interfaces: number | null }>;
  unnamed: Array<{ inode: number; pids: number[]; interfaces: number | null }>;
  partial?: { missing: string[]; reason: string };
}

describe('netns-lab ls without root (privilege "none")', { skip }, () => {
  let server: TestSshServer;
  let users: RemoteUsers;
  let folder: string;
  let cli: string;
  let usersNamespace: { pid: number; inode: number };
  let rootsNamespace: UnnamedNamespaceProcess;
  const { lab } = testSetup({
    teardown: async () => {
      if (usersNamespace) await endGroup(usersNamespace.pid);
      await rootsNamespace?.stop();
      users?.remove();
      await server?.stop();
      if (folder) rmSync(folder, { recursive: true, force: true });
    },
  });
  const names = [lab.namespaceName('seen1'), lab.namespaceName('seen2')];
  const rootVeth = lab.interfaceName('r');

  before(async () => {
    server = await startTestSshServer();
    users = createRemoteUsers(server, lab.prefix);
    // The checkout may sit in a folder others cannot read: the user runs a copy of the CLI from a readable one.
    folder = mkdtempSync(join(tmpdir(), 'netns-lab-cli-user-'));
    chmodSync(folder, 0o755);
    cli = join(folder, 'cli.js');
    copyFileSync(CLI, cli);
    chmodSync(cli, 0o644);
    for (const name of names) assert.equal(spawnSync('ip', ['netns', 'add', name]).status, 0);
    assert.equal(spawnSync('ip', ['-n', names[0]!, 'link', 'add', 'v0', 'type', 'veth', 'peer', 'name', 'v1']).status, 0);
    assert.equal(spawnSync('ip', ['link', 'add', rootVeth, 'type', 'veth', 'peer', 'name', 'v2', 'netns', names[1]!]).status, 0);
    rootsNamespace = await startUnnamedNamespace();
    usersNamespace = await startUsersNamespace(users.withoutSudo.name);
  });

  /** The CLI as the user without sudo, as a login would start it. */
  function runAsUser(args: string[]): { status: number | null; stdout: string; stderr: string } {
    const user = users.withoutSudo.name;
    const env = { PATH: CLEAN_PATH, HOME: `/home/${user}`, USER: user, LOGNAME: user, LANG: 'C' };
    const result = spawnSync(SETPRIV!, [`--reuid=${user}`, `--regid=${user}`, '--init-groups', process.execPath, cli, ...args], { cwd: '/', env, encoding: 'utf8', timeout: 60_000 });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
  }

  /** What must not change: this run's names (others may come and go meanwhile), and one namespace's interfaces. */
  function hostFacts(): string {
    return JSON.stringify([
      readdirSync('/run/netns')
        .filter((name) => name.startsWith(lab.prefix))
        .sort(),
      spawnSync('ip', ['-n', names[0]!, '-j', 'link', 'show'], { encoding: 'utf8' }).stdout,
    ]);
  }

  function assertPartial(listing: Listing, ownUnnamed: boolean): void {
    for (const name of names)
      assert.deepEqual(
        listing.namespaces.find((entry) => entry.name === name),
        { name, interfaces: null },
      );
    const own = listing.unnamed.find((entry) => entry.inode === usersNamespace.inode);
    if (ownUnnamed) assert.deepEqual([own?.pids[0], own?.interfaces], [usersNamespace.pid, null]);
    assert.equal(
      listing.unnamed.find((entry) => entry.inode === rootsNamespace.inode),
      undefined,
      "root's namespace without a name is listed",
    );
    assert.ok(listing.unnamed.every((entry) => entry.interfaces === null));
    assert.deepEqual(listing.partial?.missing, ['CAP_SYS_ADMIN', 'CAP_NET_ADMIN']);
  }

  test('here: lists the names and the own namespace, counts unknown, one line on stderr, exit 0, nothing changed', () => {
    const before = hostFacts();
    const json = runAsUser(['ls', '--privilege', 'none', '--json']);
    assert.equal(json.status, 0, json.stderr);
    const listing = JSON.parse(json.stdout) as Listing;
    assertPartial(listing, true);
    assert.match(listing.partial!.reason, /lack CAP_SYS_ADMIN and CAP_NET_ADMIN.*interfaces are unknown.*own processes.*sudo/u);
    const text = runAsUser(['ls', '--privilege', 'none']);
    assert.equal(text.status, 0, text.stderr);
    assert.match(text.stdout, new RegExp(`^${names[0]}\\s+-$`, 'mu'));
    assert.match(text.stdout, new RegExp(`^${usersNamespace.inode}\\s+${usersNamespace.pid}\\s+sleep \\(pid ${usersNamespace.pid}\\)\\s+-$`, 'mu'));
    assert.doesNotMatch(text.stdout, new RegExp(String(rootsNamespace.inode), 'u'));
    assert.equal(text.stderr.split('\n').length, 2, text.stderr);
    assert.match(text.stderr, /^netns-lab ls: partial list: privilege is "none" and the commands lack CAP_SYS_ADMIN and CAP_NET_ADMIN/u);
    assert.equal(hostFacts(), before);
  });

  test('here: show reads the root namespace, its veth into a namespace left unresolved, and says so; another needs root', () => {
    const root = runAsUser(['show', '--privilege', 'none']);
    assert.equal(root.status, 0, root.stderr);
    assert.match(root.stdout, new RegExp(`^${rootVeth}\\s+veth\\s.*peer: unresolved`, 'mu'));
    assert.match(root.stderr, /^netns-lab show: partial: .*lack CAP_SYS_ADMIN and CAP_NET_ADMIN, so veths into other namespaces show no peer/u);
    const json = JSON.parse(runAsUser(['show', '--privilege', 'none', '--json']).stdout) as { namespace: { links: Array<{ name: string; peer?: unknown }> } };
    assert.equal(json.namespace.links.find((link) => link.name === rootVeth)?.peer, undefined);
    const named = runAsUser(['show', names[1]!, '--privilege', 'none']);
    assert.notEqual(named.status, 0);
    assert.match(named.stderr, /they lack CAP_SYS_ADMIN and CAP_NET_ADMIN/u);
  });

  test('here: work that needs root is still refused with the missing capabilities, and changes nothing', () => {
    const name = lab.namespaceName('refused');
    const result = runAsUser(['add', name, '--privilege', 'none']);
    assert.notEqual(result.status, 0);
    assert.match(result.stderr, /they lack CAP_SYS_ADMIN and CAP_NET_ADMIN/u);
    assert.ok(!existsSync(`/run/netns/${name}`));
  });

  test('over SSH as a login without root: the same partial list, found over the host channel', () => {
    const before = hostFacts();
    const args = ['ls', '--json', '--privilege', 'none', '--target', users.withoutSudo.alias, '--ssh-config', server.configFile];
    // The CLI runs here as root; only the remote login is the user without root.
    const result = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', timeout: 60_000 });
    assert.equal(result.status, 0, result.stderr);
    assertPartial(JSON.parse(result.stdout) as Listing, true);
    assert.match(result.stderr, /^netns-lab ls: partial list: /u);
    assert.equal(hostFacts(), before);
  });
});

/** `unshare --net --map-root-user sleep 300` as `user`, in a process group of its own; waits for its namespace. */
async function startUsersNamespace(user: string): Promise<{ pid: number; inode: number }> {
  const child = spawn(SETPRIV!, [`--reuid=${user}`, `--regid=${user}`, '--init-groups', 'unshare', '--net', '--map-root-user', 'sleep', '300'], { detached: true, stdio: 'ignore', cwd: '/' });
  child.unref();
  const pid = child.pid!;
  const root = spawnSync('stat', ['-L', '-c', '%i', '/proc/self/ns/net'], { encoding: 'utf8' }).stdout.trim();
  for (let tries = 0; tries < 250; tries++) {
    // setpriv and unshare exec in place, so the pid stays the one started.
    const inode = spawnSync('stat', ['-L', '-c', '%i', `/proc/${pid}/ns/net`], { encoding: 'utf8' }).stdout.trim();
    const command = spawnSync('cat', [`/proc/${pid}/comm`], { encoding: 'utf8' }).stdout.trim();
    if (inode !== '' && inode !== root && command === 'sleep') return { pid, inode: Number(inode) };
    await sleep(20);
  }
  await endGroup(pid);
  throw new Error(`unshare --net --map-root-user as ${user} did not reach a namespace of its own`);
}

async function endGroup(pid: number): Promise<void> {
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // already gone
  }
  await waitUntilGone([pid]);
}
