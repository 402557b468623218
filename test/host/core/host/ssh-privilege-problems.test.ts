// Each way root is refused on an SSH target has its own PrivilegeError problem, met for real: a real sshd on
// 127.0.0.1 (started by the test) and throwaway users of this run, with and without a sudo password, without sudo
// rights, and with privilege "none". Behind a GuardedHost, as the editor keeps hosts, a refusal is kept: later
// commands fail at once without asking, until a user's action allows asking again.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { PrivilegeError } from '../../../../src/core/index.js';
import { GuardedHost } from '../../../../src/core/host/guarded-host.js';
import { SshHost, type SshHostOptions } from '../../../../src/core/host/ssh-host.js';
import { namespaceExists } from '../../support/lab.js';
import { remoteUsersMissingReason } from '../../support/remote-users.js';
import { remoteUsersSuite } from '../../support/remote-users-suite.js';
import { sshdMissingReason } from '../../support/sshd.js';

const skip = sshdMissingReason() ?? remoteUsersMissingReason();

describe('root refused on an SSH target', { skip }, () => {
  const remote = remoteUsersSuite<GuardedHost>();
  const { lab } = remote;

  /** A guarded host logging in as `alias`, whose password box answers `answers` in turn (null: closed). */
  function hostAs(alias: string, answers: Array<string | null> | undefined, options: SshHostOptions = {}): { host: GuardedHost; asked: string[] } {
    const asked: string[] = [];
    const queue = [...(answers ?? [])];
    const askPassword = answers && (async (message: string): Promise<string | undefined> => (asked.push(message), queue.shift() ?? undefined));
    const host = new GuardedHost(new SshHost(alias, { sshConfigFile: remote.server.configFile, ...(askPassword ? { askPassword } : {}), ...options }));
    remote.keep(host);
    return { host, asked };
  }

  async function problemOf(host: GuardedHost, argv: string[] = ['true']): Promise<PrivilegeError> {
    try {
      await host.run(argv);
    } catch (error) {
      assert.ok(error instanceof PrivilegeError, String(error));
      return error;
    }
    assert.fail('root was not refused');
  }

  test('a wrong password is passwordRefused, kept without asking again, and asked again after a user acts', async () => {
    const wrong = `${remote.users.withPassword.password}-wrong`;
    const { host, asked } = hostAs(remote.users.withPassword.alias, [wrong, remote.users.withPassword.password]);
    const name = lab.namespaceName('sshwrong');
    const first = await problemOf(host, ['ip', 'netns', 'add', name]);
    assert.equal(first.problem, 'passwordRefused');
    assert.match(first.message, new RegExp(`sudo for the remote user on ${remote.users.withPassword.alias} did not accept the password`, 'u'));
    assert.equal(await problemOf(host), first, 'the kept refusal');
    assert.equal(host.refused, first);
    assert.equal(asked.length, 1);
    assert.ok(!namespaceExists(name));
    host.allowAsking();
    const who = await host.run(['id', '-u']);
    assert.equal(who.stdout, '0\n');
    assert.equal(asked.length, 2);
  });

  test('a closed password box is passwordNotGiven', async () => {
    const { host } = hostAs(remote.users.withPassword.alias, [null]);
    const error = await problemOf(host);
    assert.equal(error.problem, 'passwordNotGiven');
    assert.match(error.message, new RegExp(`The sudo password for ${remote.users.withPassword.alias} was not given`, 'u'));
  });

  test('without a password box, sudo wanting a password is passwordNeeded', async () => {
    const { host } = hostAs(remote.users.withPassword.alias, undefined);
    assert.equal((await problemOf(host)).problem, 'passwordNeeded');
  });

  test('a user without sudo rights is notAllowed once the password is right', async () => {
    const { host } = hostAs(remote.users.withoutSudo.alias, [remote.users.withoutSudo.password]);
    const error = await problemOf(host);
    assert.equal(error.problem, 'notAllowed');
    assert.match(error.message, /is not allowed to use sudo/u);
  });

  test('privilege "none" as a user without the capabilities is capabilitiesMissing, naming them, before anything runs', async () => {
    const { host, asked } = hostAs(remote.users.passwordless.alias, ['unused'], { privilege: 'none' });
    const error = await problemOf(host);
    assert.equal(error.problem, 'capabilitiesMissing');
    assert.match(error.message, new RegExp(`as the remote user on ${remote.users.passwordless.alias}, and they lack CAP_SYS_ADMIN and CAP_NET_ADMIN`, 'u'));
    assert.equal(asked.length, 0);
  });

  test('privilege "none" as root there has the capabilities and runs', async () => {
    const { host } = hostAs(remote.server.alias, undefined, { privilege: 'none' });
    assert.equal((await host.run(['id', '-u'])).stdout, '0\n');
  });
});
