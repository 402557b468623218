// SshHost against a real OpenSSH server on 127.0.0.1 (started by the test, with its own keys and config): output,
// exit statuses and input over the shared connection, names that survive quoting, the same snapshot as LocalHost,
// cancelling remote process groups, reconnecting after a dropped connection, and clear connection errors.
// The server runs on this machine, so "remote" processes and namespaces are this machine's.
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { CancelledError, HostError, InvalidArgumentError, readSnapshot, TimeoutError } from '../../../../src/core/index.js';
import { SshHost } from '../../../../src/core/host/ssh-host.js';
import { parseSshTarget } from '../../../../src/core/host/ssh-target.js';
import { ip, namespaceExists } from '../../support/lab.js';
import { isRunning, killIfRunning, waitForPids, waitUntilGone } from '../../support/processes.js';
import { testSetup } from '../../support/setup.js';
import { sshdMissingReason, startTestSshServer, type TestSshServer } from '../../support/sshd.js';

const skip = sshdMissingReason();

describe('parseSshTarget', () => {
  test('keeps an alias or USER@HOST as the destination and the label', () => {
    assert.deepEqual(parseSshTarget('lab1'), { destination: 'lab1', label: 'lab1' });
    assert.deepEqual(parseSshTarget(' alice@lab1 '), { destination: 'alice@lab1', label: 'alice@lab1' });
  });

  test('reads user, host and port from an ssh:// target', () => {
    assert.deepEqual(parseSshTarget('ssh://alice@10.0.0.2:2222'), { destination: '10.0.0.2', user: 'alice', port: 2222, label: 'ssh://alice@10.0.0.2:2222' });
    assert.deepEqual(parseSshTarget('ssh://[::1]:22/'), { destination: '::1', port: 22, label: 'ssh://[::1]:22' });
  });

  test('refuses targets ssh would misread', () => {
    for (const bad of ['', '-oProxyCommand=x', 'a b', 'ssh://host:0', 'ssh://host:99999', 'ssh://-x', 'ssh://a@b@c']) {
      assert.throws(() => parseSshTarget(bad), InvalidArgumentError, bad);
    }
  });
});

describe('SshHost against a real sshd', { skip }, () => {
  let server: TestSshServer;
  let host: SshHost;
  const started: number[] = [];
  const { lab, host: localHost } = testSetup({
    host: true,
    teardown: async () => {
      killIfRunning(started);
      await host?.dispose();
      await server?.stop();
    },
  });

  before(async () => {
    server = await startTestSshServer();
    host = new SshHost(server.alias, { sshConfigFile: server.configFile });
  });

  function otherHost(target: string, connectTimeoutSeconds?: number): SshHost {
    return new SshHost(target, { sshConfigFile: server.configFile, ...(connectTimeoutSeconds ? { connectTimeoutSeconds } : {}) });
  }

  test('runs argv with exact stdout, stderr and exit status', async () => {
    const result = await host.run(['sh', '-c', 'printf out; printf "err\\n\\n" >&2; exit 7']);
    assert.deepEqual([result.stdout, result.stderr, result.exitCode], ['out', 'err\n\n', 7]);
  });

  test('passes standard input, and end-of-file without it', async () => {
    assert.equal((await host.run(['cat'], { input: 'line 1\nlïne 2' })).stdout, 'line 1\nlïne 2');
    assert.equal((await host.run(['cat'])).stdout, '');
  });

  test('carries quotes, blanks, ; and $() literally', async () => {
    const name = `it's "a" name; $(touch /tmp/x) \`id\` \\ * ~`;
    assert.equal((await host.run(['printf', '%s', name])).stdout, name);
  });

  test('creates, lists and deletes a namespace whose name needs quoting', async () => {
    const name = lab.own(`${lab.prefix} it's; $(id) "x"`);
    await runOk(host, ['ip', 'netns', 'add', name]);
    assert.ok(namespaceExists(name));
    assert.ok((await host.listNamespaceNames()).includes(name));
    await runOk(host, ['ip', 'netns', 'delete', name]);
    assert.ok(!(await host.listNamespaceNames()).includes(name));
  });

  test('lists namespaces while one has a control character in its name (which ip puts into its JSON raw)', async () => {
    const odd = lab.own(`${lab.prefix}\tline\nbreak`);
    const plain = lab.namespaceName('plain');
    ip('netns', 'add', odd);
    ip('netns', 'add', plain);
    try {
      const names = await host.listNamespaceNames();
      assert.ok(names.includes(odd), JSON.stringify(names));
      assert.ok(names.includes(plain));
    } finally {
      ip('netns', 'delete', odd);
      ip('netns', 'delete', plain);
    }
  });

  test('reads the same snapshot as LocalHost', async () => {
    const [left, right] = [lab.namespaceName('left'), lab.namespaceName('right')];
    ip('netns', 'add', left);
    ip('netns', 'add', right);
    ip('-n', left, 'link', 'add', lab.interfaceName('a'), 'type', 'veth', 'peer', 'name', lab.interfaceName('b'), 'netns', right);
    ip('-n', left, 'address', 'add', '10.77.0.1/24', 'dev', lab.interfaceName('a'));
    ip('-n', left, 'link', 'set', lab.interfaceName('a'), 'up');
    const mine = (snapshot: Awaited<ReturnType<typeof readSnapshot>>): unknown =>
      snapshot.namespaces.filter((state) => state.name !== null && lab.owns(state.name)).map(({ name, links, routes }) => ({ name, links, routes }));
    const overSsh = mine(await readSnapshot(host));
    assert.equal((overSsh as unknown[]).length, 2);
    assert.deepEqual(overSsh, mine(await readSnapshot(localHost)));
  });

  test('cancelling ends the remote process group', async () => {
    const pidFile = join(server.folder, 'cancel-pids');
    const controller = new AbortController();
    const running = host.run(['sh', '-c', 'echo $$ > "$1"; sleep 300 & echo $! >> "$1"; wait', 'sh', pidFile], { signal: controller.signal });
    const pids = await waitForPids(pidFile, 2);
    started.push(...pids);
    assert.deepEqual(pids.filter(isRunning), pids);
    controller.abort();
    await assert.rejects(running, CancelledError);
    assert.deepEqual(await waitUntilGone(pids), []);
  });

  test('a timeout ends the remote command', async () => {
    await assert.rejects(host.run(['sleep', '300'], { timeoutMs: 300 }), TimeoutError);
  });

  test('a dropped connection fails the running command, and the next one reconnects', async () => {
    await runOk(host, ['true']);
    const running = host.run(['sleep', '30']);
    await new Promise((resolve) => setTimeout(resolve, 200));
    const exit = spawnSync('ssh', ['-F', server.configFile, '-o', `ControlPath=${host.controlPath}`, '-O', 'exit', server.alias], { encoding: 'utf8' });
    assert.equal(exit.status, 0, exit.stderr);
    await assert.rejects(running, HostError);
    const result = await host.run(['echo', 'back']);
    assert.equal(result.stdout, 'back\n');
    assert.equal(masterCheck(host).status, 0, 'a new shared connection should be up');
  });

  test('an ssh:// target with user and port works', async () => {
    const urlHost = otherHost(`ssh://root@127.0.0.1:${server.port}`);
    try {
      assert.equal(urlHost.label, `ssh://root@127.0.0.1:${server.port}`);
      assert.equal((await urlHost.run(['id', '-u'])).stdout, '0\n');
    } finally {
      await urlHost.dispose();
    }
  });

  test('dispose ends the shared connection and removes its folder', async () => {
    const shortLived = otherHost(server.alias);
    await runOk(shortLived, ['true']);
    const check = masterCheck(shortLived);
    const masterPid = Number(/pid=(\d+)/u.exec(check.stderr)?.[1]);
    assert.ok(masterPid > 0, check.stderr);
    const folder = shortLived.controlPath!.replace(/\/%C$/u, '');
    await shortLived.dispose();
    assert.deepEqual(await waitUntilGone([masterPid]), []);
    assert.ok(!existsSync(folder));
  });

  test('an unknown host key is refused with what to do', async () => {
    await assertConnectError(otherHost(server.unknownKeyAlias), /host key .* is not known.*ssh netnslab-unknown-key/su);
  });

  test('a dead port fails fast with a clear error', async () => {
    const begun = performance.now();
    await assertConnectError(otherHost(`ssh://root@127.0.0.1:${server.deadPort}`, 3), /refused the connection/u);
    assert.ok(performance.now() - begun < 5000);
  });

  test('a wrong user gives an authentication error', async () => {
    await assertConnectError(otherHost(server.wrongUserAlias), /Authentication to netnslab-wrong-user failed/u);
  });

  test('latency of one command (printed, not asserted)', async () => {
    const viaSsh = await median(40, async () => void (await host.run(['true'])));
    const viaLocal = await median(40, async () => void (await localHost.run(['true'])));
    const fresh = await median(5, async () => void spawnSync('ssh', ['-F', server.configFile, server.alias, 'true']));
    console.log(`median ms for \`true\`: SshHost ${viaSsh.toFixed(2)}, LocalHost ${viaLocal.toFixed(2)}, fresh ssh ${fresh.toFixed(1)}`);
  });

  function masterCheck(target: SshHost): { status: number | null; stderr: string } {
    return spawnSync('ssh', ['-F', server.configFile, '-o', `ControlPath=${target.controlPath}`, '-O', 'check', server.alias], { encoding: 'utf8' });
  }
});

async function runOk(host: SshHost, argv: string[]): Promise<void> {
  const result = await host.run(argv);
  assert.equal(result.exitCode, 0, result.stderr);
}

async function assertConnectError(host: SshHost, message: RegExp): Promise<void> {
  try {
    await assert.rejects(host.run(['true']), (error: unknown) => error instanceof HostError && message.test(error.message));
  } finally {
    await host.dispose();
  }
}

async function median(count: number, work: () => Promise<void>): Promise<number> {
  const times: number[] = [];
  for (let index = 0; index < count; index++) {
    const begun = performance.now();
    await work();
    times.push(performance.now() - begun);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}
