// SshHost logging in as users other than root, on a real sshd on 127.0.0.1 (started by the test) with throwaway
// local users made for this run: root through passwordless sudo, through sudo with a password asked once and
// passed on standard input (never in an argv), and a clear refusal for a user without sudo.
// The server runs on this machine, so the namespaces made "remotely" are this machine's, under this run's prefix.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { PrivilegeError } from '../../../../src/core/index.js';
import type { CommandRecord } from '../../../../src/core/host/host.js';
import { SshHost, type SshHostOptions } from '../../../../src/core/host/ssh-host.js';
import { namespaceExists } from '../../support/lab.js';
import { remoteUsersMissingReason } from '../../support/remote-users.js';
import { remoteUsersSuite } from '../../support/remote-users-suite.js';
import { sshdMissingReason } from '../../support/sshd.js';

const skip = sshdMissingReason() ?? remoteUsersMissingReason();
/** ps's whole list: a tree following 1,000 namespaces has argv lines of 20 KB each, past spawnSync's 1 MB default. */
const PS_BUFFER_BYTES = 256 * 1024 * 1024;

describe('SshHost as a user other than root', { skip }, () => {
  const remote = remoteUsersSuite<SshHost>();
  const { lab } = remote;

  function hostAs(alias: string, options: SshHostOptions = {}): SshHost {
    const host = new SshHost(alias, { sshConfigFile: remote.server.configFile, ...options });
    remote.keep(host);
    return host;
  }

  /** A prompt that answers `answer` and counts how often it was asked. */
  function prompt(answer: string | undefined): { ask: (message: string) => Promise<string | undefined>; messages: string[] } {
    const messages: string[] = [];
    return { messages, ask: async (message) => (messages.push(message), answer) };
  }

  async function namespaceRoundTrip(host: SshHost, suffix: string): Promise<void> {
    const name = lab.namespaceName(suffix);
    await runOk(host, ['ip', 'netns', 'add', name]);
    assert.ok(namespaceExists(name));
    assert.ok((await host.listNamespaceNames()).includes(name));
    await runOk(host, ['ip', 'netns', 'delete', name]);
    assert.ok(!namespaceExists(name));
    assert.ok(!(await host.listNamespaceNames()).includes(name));
  }

  test('a user with passwordless sudo works as root there, and is never asked for a password', async () => {
    const asked = prompt('unused');
    const host = hostAs(remote.users.passwordless.alias, { askPassword: asked.ask });
    const who = await host.run(['sh', '-c', 'echo "$(id -u) $SUDO_USER"']);
    assert.equal(who.stdout, `0 ${remote.users.passwordless.name}\n`);
    await namespaceRoundTrip(host, 'np');
    assert.deepEqual(asked.messages, []);
  });

  test('a user whose sudo needs a password is asked once per connection, however many shells it opens', async () => {
    const asked = prompt(remote.users.withPassword.password);
    const host = hostAs(remote.users.withPassword.alias, { askPassword: asked.ask, maxSessions: 3 });
    // Five commands at once need several pooled shells, each started through sudo with the one password.
    const results = await Promise.all([1, 2, 3, 4, 5].map(() => host.run(['sh', '-c', 'sleep 0.3; echo "$(id -u) $SUDO_USER"'])));
    assert.deepEqual(
      results.map((result) => result.stdout),
      Array(5).fill(`0 ${remote.users.withPassword.name}\n`),
    );
    await namespaceRoundTrip(host, 'pw');
    assert.equal(asked.messages.length, 1);
    assert.match(asked.messages[0]!, new RegExp(`sudo on ${remote.users.withPassword.alias}`, 'u'));
  });

  test('the password is in no argv: neither in what the host records nor in ps while a command runs', async () => {
    const password = remote.users.withPassword.password;
    const records: CommandRecord[] = [];
    const asked = prompt(password);
    const host = hostAs(remote.users.withPassword.alias, { askPassword: asked.ask, observer: (record) => records.push(record) });
    let processList = '';
    // Read once the command has started, so its shell (and the sudo that started it) is surely running.
    await host.run(['sh', '-c', 'echo started; sleep 2'], { onStdout: () => (processList ||= spawnSync('ps', ['-e', '-ww', '-o', 'args='], { encoding: 'utf8', maxBuffer: PS_BUFFER_BYTES }).stdout) });
    assert.equal(asked.messages.length, 1, 'the password was asked for (and so used)');
    assert.match(processList, /sudo -S -k -p {2}-- env NETNS_LAB_OWNER=\w+ bash/u, 'ps was read while the shell started through sudo was running');
    assert.ok(!processList.includes(password), 'the password shows in ps');
    assert.ok(records.length > 0);
    assert.ok(!JSON.stringify(records).includes(password), 'the password is in a command record');
  });

  test('a wrong password gives a clear error and runs nothing', async () => {
    const asked = prompt(`${remote.users.withPassword.password}-wrong`);
    const host = hostAs(remote.users.withPassword.alias, { askPassword: asked.ask });
    const name = lab.namespaceName('bad');
    await assert.rejects(host.run(['ip', 'netns', 'add', name]), (error: unknown) => error instanceof PrivilegeError && /did not accept the password, so nothing was run/u.test(error.message));
    assert.equal(asked.messages.length, 1);
    assert.ok(!namespaceExists(name));
  });

  test('declining the password prompt gives a clear error', async () => {
    const host = hostAs(remote.users.withPassword.alias, { askPassword: prompt(undefined).ask });
    await assert.rejects(host.run(['true']), (error: unknown) => error instanceof PrivilegeError && /password .* was not given/u.test(error.message));
  });

  test('without a way to ask, a user whose sudo needs a password is told what to configure', async () => {
    const host = hostAs(remote.users.withPassword.alias);
    await assert.rejects(host.run(['true']), (error: unknown) => error instanceof PrivilegeError && /passwordless sudo/u.test(error.message));
  });

  test('a user without sudo rights gets a PrivilegeError saying what to configure', async () => {
    // sudo -n cannot tell this user from one whose sudo needs a password; the right password shows the difference.
    const cases = [
      { askPassword: undefined, message: /sudo refused .*Log in as root, allow this user passwordless sudo/u },
      { askPassword: prompt(remote.users.withoutSudo.password).ask, message: /not allowed to use sudo.*Log in as root, or allow this user to use sudo/u },
    ];
    for (const { askPassword, message } of cases) {
      const host = hostAs(remote.users.withoutSudo.alias, askPassword ? { askPassword } : {});
      await assert.rejects(host.run(['true']), (error: unknown) => {
        assert.ok(error instanceof PrivilegeError, String(error));
        assert.match(error.message, message);
        return true;
      });
    }
  });
});

async function runOk(host: SshHost, argv: string[]): Promise<void> {
  const result = await host.run(argv);
  assert.equal(result.exitCode, 0, result.stderr);
}
