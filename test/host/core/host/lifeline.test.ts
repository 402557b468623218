// Nothing a host starts outlives its owner: a child process stands in for the extension host or the CLI, starts
// a change monitor of a namespace and a command that leaves a daemon (setsid) and a background process, and is
// then killed with SIGKILL, or loses its SSH connection when the server-side sshd process serving it is killed.
// Afterwards no process carrying the owner's mark is left, on this machine or the "remote" one (the test sshd
// runs here), the deleted namespace has no process left in it, and the SSH master and its folder are gone.
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LocalHost } from '../../../../src/core/index.js';
import { Lifeline, newOwnerToken, watchdogArguments } from '../../../../src/core/host/lifeline.js';
import { bundleForAnyone } from '../../support/child-bundle.js';
import { ip } from '../../support/lab.js';
import { eventually, holds } from '../../../support/eventually.js';
import { childrenOf, killIfRunning, processesInNetworkNamespace, processesWithEnvironment } from '../../support/processes.js';
import { createRemoteUsers, remoteUsersMissingReason, type RemoteUsers } from '../../support/remote-users.js';
import { testSetup } from '../../support/setup.js';
import { sshdMissingReason, startTestSshServer, type TestSshServer } from '../../support/sshd.js';

const CHILD = fileURLToPath(new URL('../../support/owner-child.js', import.meta.url));
const skip = sshdMissingReason() ?? remoteUsersMissingReason();

interface Owner {
  child: ChildProcess;
  token: string;
  controlPath: string | undefined;
}

describe('what a host started ends with its owner', { skip }, () => {
  let server: TestSshServer;
  let users: RemoteUsers;
  let bundle: { file: string; folder: string };
  const owners: Owner[] = [];
  const { lab } = testSetup({
    teardown: async () => {
      for (const owner of owners) {
        owner.child.kill('SIGKILL');
        killIfRunning(processesWithEnvironment(`NETNS_LAB_OWNER=${owner.token}`));
      }
      users?.remove();
      await server?.stop();
      if (bundle) rmSync(bundle.folder, { recursive: true, force: true });
    },
  });

  before(async () => {
    server = await startTestSshServer();
    users = createRemoteUsers(server, lab.prefix);
    bundle = bundleForAnyone(CHILD);
  });

  /** Starts the owner (as root, or as `user` through a bundle anyone can read) and waits for its report. */
  async function startOwner(namespace: string, options: { alias?: string; user?: string } = {}): Promise<Owner> {
    const args = [namespace, ...(options.alias ? [options.alias, server.configFile] : [])];
    const child = options.user
      ? spawn('setpriv', [`--reuid=${uidOf(options.user)}`, `--regid=${uidOf(options.user)}`, '--init-groups', process.execPath, bundle.file, ...args], {
          stdio: ['ignore', 'pipe', 'pipe'],
          cwd: '/',
          env: userEnvironment(options.user),
        })
      : spawn(process.execPath, [CHILD, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const line = await new Promise<string>((resolve, reject) => {
      let stdout = '';
      child.stdout!.on('data', (chunk: Buffer) => {
        stdout += chunk.toString();
        if (stdout.includes('\n')) resolve(stdout.split('\n')[0]!);
      });
      child.once('exit', (code) => reject(new Error(`the owner exited (${code}) before it was ready: ${stderr}`)));
    });
    const report = JSON.parse(line) as { token: string; controlPath?: string };
    const owner = { child, token: report.token, controlPath: report.controlPath };
    owners.push(owner);
    return owner;
  }

  /** Makes a namespace and returns its inode, by which the processes inside it are found after its name is gone. */
  function namespaceWithInode(suffix: string): { name: string; inode: number } {
    const name = lab.namespaceName(suffix);
    ip('netns', 'add', name);
    return { name, inode: statSync(`/run/netns/${name}`).ino };
  }

  /** The owner's marked processes: there must be some before the owner goes, or the test proves nothing. */
  function marked(owner: Owner): number[] {
    return processesWithEnvironment(`NETNS_LAB_OWNER=${owner.token}`);
  }

  async function assertAllGone(owner: Owner, namespace: { name: string; inode: number }): Promise<void> {
    await eventually(
      holds(() => marked(owner).length === 0),
      { what: 'no process with the owner mark to be left', timeoutMs: 8000 },
    );
    ip('netns', 'delete', namespace.name);
    await eventually(
      holds(() => processesInNetworkNamespace(namespace.inode).length === 0),
      { what: 'the deleted namespace to have no process left in it' },
    );
  }

  async function kill(owner: Owner): Promise<void> {
    const exited = new Promise((resolve) => owner.child.once('exit', resolve));
    owner.child.kill('SIGKILL');
    await exited;
  }

  test('this machine as root: SIGKILL of the owner ends its monitor, its command and the daemon the command left', async () => {
    const namespace = namespaceWithInode('lr');
    const owner = await startOwner(namespace.name);
    assert.match(owner.token, /^[0-9a-f]{24}$/u);
    // The monitor shell and `ip monitor`, the command's shell, `sleep 1001` and the daemon at least.
    assert.ok(marked(owner).length >= 5, `marked processes: ${marked(owner).length}`);
    assert.ok(
      marked(owner).some((pid) => commandLine(pid).includes('netns-lab-monitor')),
      'the change monitor runs',
    );
    await kill(owner);
    await assertAllGone(owner, namespace);
  });

  test('this machine through sudo: SIGKILL of a non-root owner ends the root processes it started', async () => {
    const namespace = namespaceWithInode('ls');
    const owner = await startOwner(namespace.name, { user: users.passwordless.name });
    const rootOnes = marked(owner).filter((pid) => statSync(`/proc/${pid}`).uid === 0);
    assert.ok(rootOnes.length >= 5, `marked root processes: ${rootOnes.length}`);
    await kill(owner);
    await assertAllGone(owner, namespace);
  });

  test('over SSH: SIGKILL of the owner ends the remote processes, the shared connection and its folder', async () => {
    const namespace = namespaceWithInode('sr');
    const owner = await startOwner(namespace.name, { alias: server.alias });
    assert.ok(owner.controlPath && existsSync(dirname(owner.controlPath)));
    const masterRuns = (): boolean => spawnSync('ssh', ['-F', server.configFile, '-o', `ControlPath=${owner.controlPath}`, '-O', 'check', server.alias], { stdio: 'ignore' }).status === 0;
    assert.ok(masterRuns(), 'the shared connection runs');
    assert.ok(marked(owner).length >= 5);
    await kill(owner);
    await assertAllGone(owner, namespace);
    await eventually(
      holds(() => !existsSync(dirname(owner.controlPath!))),
      { what: 'the connection folder to be removed' },
    );
    assert.ok(!masterRuns(), 'the shared connection has ended');
  });

  test('over SSH through sudo: a dropped connection ends the remote processes while the owner lives on', async () => {
    const namespace = namespaceWithInode('sd');
    const owner = await startOwner(namespace.name, { alias: users.passwordless.alias });
    assert.ok(marked(owner).length >= 5);
    // Each connection is served by a child of the listening sshd: killing it drops the connection.
    const connections = childrenOf(server.pid);
    assert.ok(connections.length > 0, 'the connection is served by a child of the test sshd');
    // Its privileged half, and the unprivileged half under it that holds the connection and the sessions' pipes.
    const sshdProcesses = [...connections, ...connections.flatMap((pid) => childrenOf(pid).filter(isSshd))];
    for (const pid of sshdProcesses) process.kill(pid, 'SIGKILL');
    await assertAllGone(owner, namespace);
    assert.equal(owner.child.exitCode, null, 'the owner still runs');
  });

  test('the watchdog spares the process group of a command let go on purpose, and only that one', async () => {
    const token = newOwnerToken();
    const env = { ...process.env, NETNS_LAB_OWNER: token };
    const spared = spawn('sleep', ['1004'], { env, detached: true, stdio: 'ignore' });
    const swept = spawn('sleep', ['1005'], { env, detached: true, stdio: 'ignore' });
    const lifeline = new Lifeline('sh', watchdogArguments(token));
    try {
      lifeline.spare(spared.pid!);
      // What the kernel does when the owner dies: its end of the pipe closes, with no `disarm` said.
      (lifeline as unknown as { stdin: { end(): void } }).stdin.end();
      await eventually(
        holds(() => !processesWithEnvironment(`NETNS_LAB_OWNER=${token}`).includes(swept.pid!)),
        { what: 'the other process to end' },
      );
      assert.deepEqual(processesWithEnvironment(`NETNS_LAB_OWNER=${token}`), [spared.pid]);
    } finally {
      killIfRunning([spared.pid!, swept.pid!]);
    }
  });

  test('a clean close leaves a command let go on purpose, and ends everything else', async () => {
    const host = new LocalHost();
    const kept = await host.start(['sh', '-c', 'setsid sleep 1002 </dev/null >/dev/null 2>&1 & echo started']);
    await kept.exit;
    const token = (await host.run(['sh', '-c', 'printf %s "$NETNS_LAB_OWNER"'])).stdout;
    kept.release();
    const other = await host.start(['sleep', '1003']);
    other.stdout.resume();
    await host.dispose();
    const left = processesWithEnvironment(`NETNS_LAB_OWNER=${token}`);
    try {
      const commands = left.map((pid) => spawnSync('ps', ['-o', 'args=', '-p', String(pid)], { encoding: 'utf8' }).stdout.trim());
      // A process that has ended but that its parent (this test's Node, for the host's shells) has not reaped yet
      // shows as <defunct>: it has ended all the same.
      assert.deepEqual(
        commands.filter((command) => !command.endsWith('<defunct>')),
        ['sleep 1002'],
      );
    } finally {
      killIfRunning(left);
    }
  });
});

/** True for sshd's own processes (`sshd`, or `sshd-session` in newer OpenSSH), not the sessions' programs. */
function isSshd(pid: number): boolean {
  try {
    return /^sshd(-session)?$/u.test(readFileSync(`/proc/${pid}/comm`, 'utf8').trim());
  } catch {
    return false;
  }
}

function uidOf(user: string): number {
  return Number(spawnSync('id', ['-u', user], { encoding: 'utf8' }).stdout.trim());
}

function userEnvironment(user: string): NodeJS.ProcessEnv {
  return { PATH: '/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin', HOME: `/home/${user}`, USER: user, LOGNAME: user };
}

/** A process's argv joined with spaces ('' once it is gone). */
function commandLine(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
  } catch {
    return '';
  }
}
