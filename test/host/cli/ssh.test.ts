// The command line over SSH: --target (with --ssh-config) on a real OpenSSH server on 127.0.0.1 started by the
// test, logging in as root and as throwaway users whose root comes through sudo (with a password typed on a real
// pseudo-terminal, or refused without one). The server runs on this machine, so what it reads and changes is this
// machine's, under this run's prefix.
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { before, describe, test } from 'node:test';
import { spawn } from 'node:child_process';
import { shellCommand } from '../../../src/core/quote.js';
import { assertOneLine, CLI } from '../support/cli.js';
import { ip, namespaceExists } from '../support/lab.js';
import { createRemoteUsers, remoteUsersMissingReason, type RemoteUsers } from '../support/remote-users.js';
import { testSetup } from '../support/setup.js';
import { sshdMissingReason, startTestSshServer, type TestSshServer } from '../support/sshd.js';

const TUTORIAL = fileURLToPath(new URL('../../../../notebooks/01-isolating-a-network.netns.md', import.meta.url));

describe('netns-lab --target over SSH', { skip: sshdMissingReason() }, () => {
  let server: TestSshServer;
  const { lab, runner } = testSetup({ cli: true, teardown: () => server?.stop() });
  const overSsh = (...args: string[]) => runner.run('--ssh-config', server.configFile, '--target', server.alias, ...args);

  before(async () => {
    server = await startTestSshServer();
  });

  test('ls and show read the target', async () => {
    const name = lab.namespaceName('ssh1');
    ip('netns', 'add', name);
    const listed = await overSsh('ls', '--json');
    assert.equal(listed.status, 0, listed.stderr);
    const { namespaces } = JSON.parse(listed.stdout) as { namespaces: Array<{ name: string; interfaces: number }> };
    assert.deepEqual(
      namespaces.find((entry) => entry.name === name),
      { name, interfaces: 1 },
    );
    const shown = await overSsh('show', name);
    assert.equal(shown.status, 0, shown.stderr);
    assert.match(shown.stdout, /^lo\s+loopback/mu);
  });

  test('add and del change the target', async () => {
    const name = lab.namespaceName('ssh2');
    assert.equal((await overSsh('add', name)).status, 0);
    assert.equal(namespaceExists(name), true);
    assert.equal((await overSsh('del', name)).status, 0);
    assert.equal(namespaceExists(name), false);
  });

  test('a tutorial notebook runs green on the target', async () => {
    const result = await overSsh('run', TUTORIAL);
    assert.equal(result.status, 0, `${result.stdout}\n${result.stderr}`);
    assert.match(result.stdout, new RegExp(`\\(on ${server.alias}\\)`, 'u'));
    assert.match(result.stdout, /: \d+ passed, 0 failed\n/u);
  });

  test('an unreachable target fails with one clear line', async () => {
    const result = await runner.run('--target', 'ssh://root@127.0.0.1:1', 'ls');
    assert.equal(result.status, 1);
    assert.match(result.stderr, /^netns-lab: .+\n$/u);
  });
});

describe('netns-lab --target as a user whose sudo needs a password', { skip: sshdMissingReason() ?? remoteUsersMissingReason() }, () => {
  let server: TestSshServer;
  let users: RemoteUsers;
  const { lab, runner } = testSetup({
    cli: true,
    teardown: async () => {
      users?.remove();
      await server?.stop();
    },
  });
  const asUser = (alias: string, ...args: string[]): string[] => ['--ssh-config', server.configFile, '--target', alias, ...args];

  before(async () => {
    server = await startTestSshServer();
    users = createRemoteUsers(server, lab.prefix);
  });

  test('without a terminal it changes nothing and says how to fix it', async () => {
    const name = lab.namespaceName('nt');
    const result = await runner.run(...asUser(users.withPassword.alias, 'add', name));
    assert.equal(result.status, 1);
    assertOneLine(result.stderr);
    assert.match(result.stderr, /wants a password, and standard input is not a terminal.*passwordless sudo.*log in as root/u);
    assert.equal(namespaceExists(name), false);
  });

  test('a user with passwordless sudo needs no terminal', async () => {
    const name = lab.namespaceName('np');
    await runner.runOk(...asUser(users.passwordless.alias, 'add', name));
    assert.equal(namespaceExists(name), true);
  });

  test('on a terminal it asks once, without echo, and the command runs as root there', async () => {
    const name = lab.namespaceName('tt');
    const { password } = users.withPassword;
    const command = shellCommand([process.execPath, CLI, ...asUser(users.withPassword.alias, 'add', name)]);
    // script gives the command a real pseudo-terminal; what we write to script goes to that terminal as typed keys.
    const child = spawn('script', ['-qec', command, '/dev/null'], { cwd: runner.workDirectory, stdio: ['pipe', 'pipe', 'pipe'] });
    const guard = setTimeout(() => child.kill('SIGKILL'), 60_000);
    let screen = '';
    let typed = false;
    child.stdout.setEncoding('utf8').on('data', (text: string) => {
      screen += text;
      // Typed only once the prompt is up, when the terminal is in raw mode: typed earlier, it would be echoed.
      if (!typed && /Password for sudo on .*: $/u.test(screen)) {
        typed = true;
        child.stdin.write(`${password}\r`);
      }
    });
    const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
    clearTimeout(guard);
    assert.equal(status, 0, screen);
    assert.equal(screen.match(/Password for sudo/gu)?.length, 1, screen);
    assert.ok(!screen.includes(password), `the password was echoed: ${screen}`);
    assert.equal(namespaceExists(name), true);
  });
});
