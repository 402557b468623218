// Every way root can be refused on this machine, met for real: a LocalHost (behind the GuardedHost the editor uses)
// runs in a child process as a throwaway local user made for this run, with and without a sudo password, without
// sudo rights, without sudo on its PATH, and with privilege "none" with and without the capabilities. Each refusal
// has its own PrivilegeError problem and message, and once refused the host does not ask again until a user acts.
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleForAnyone } from '../../support/child-bundle.js';
import { namespaceExists } from '../../support/lab.js';
import { createRemoteUsers, remoteUsersMissingReason, type RemoteUsers } from '../../support/remote-users.js';
import { testSetup } from '../../support/setup.js';

const CLEAN_PATH = '/usr/local/bin:/usr/bin:/bin:/usr/local/sbin:/usr/sbin:/sbin';
const SETPRIV = CLEAN_PATH.split(':')
  .map((folder) => join(folder, 'setpriv'))
  .find((path) => existsSync(path));
const skip = remoteUsersMissingReason() ?? (SETPRIV ? undefined : 'setpriv (util-linux) is not installed');

interface StepResult {
  outcome: 'ran' | 'threw';
  exitCode?: number;
  name?: string;
  problem?: string;
  message?: string;
  missing?: string[];
}

interface ChildReport {
  uid: number;
  asked: string[];
  results: StepResult[];
  askpass?: { exitCode: number; stdout: string; stderr: string; folderWhileOpen: boolean; folderAfter: boolean };
}

describe('root refused on this machine, as real users', { skip }, () => {
  let users: RemoteUsers;
  let child: { file: string; folder: string };
  let pathWithoutSudo: string;
  const { lab } = testSetup({
    teardown: () => {
      rmSync(ttyRuleFile, { force: true });
      users?.remove();
      if (child) rmSync(child.folder, { recursive: true, force: true });
    },
  });
  const ttyRuleFile = `/etc/sudoers.d/netns-lab-test-${lab.prefix}-tty`;

  before(() => {
    users = createRemoteUsers(undefined, lab.prefix);
    child = bundleForAnyone(fileURLToPath(new URL('../../support/privilege-child.js', import.meta.url)));
    pathWithoutSudo = join(child.folder, 'empty-bin');
    mkdirSync(pathWithoutSudo, { mode: 0o755 });
  });

  /** Runs the child as `user` with a login's plain environment; `capabilities` become ambient ones. */
  function runAs(user: string, spec: object, options: { path?: string; capabilities?: string } = {}): ChildReport {
    const env = { PATH: options.path ?? CLEAN_PATH, HOME: `/home/${user}`, USER: user, LOGNAME: user, LANG: 'C' };
    const caps = options.capabilities ? [`--inh-caps=${options.capabilities}`, `--ambient-caps=${options.capabilities}`] : [];
    const result = spawnSync(SETPRIV!, [`--reuid=${user}`, `--regid=${user}`, '--init-groups', ...caps, process.execPath, child.file, JSON.stringify(spec)], {
      cwd: '/',
      env,
      encoding: 'utf8',
      timeout: 30_000,
    });
    assert.equal(result.status, 0, `the child failed: ${result.stderr}`);
    const report = JSON.parse(result.stdout.trim().split('\n').at(-1)!) as ChildReport;
    assert.notEqual(report.uid, 0, 'test bug: the child ran as root');
    return report;
  }

  test('a wrong password is refused as such, is not asked again by later work, and is asked again after a user acts', () => {
    const namespace = lab.namespaceName('wrong');
    const wrong = `${users.withPassword.password}-wrong`;
    const report = runAs(users.withPassword.name, { privilege: 'auto', answers: [wrong, wrong], namespace, steps: ['run', 'run', 'allow', 'run'] });
    assert.deepEqual(
      report.results.map((result) => result.problem),
      ['passwordRefused', 'passwordRefused', 'passwordRefused'],
    );
    assert.match(report.results[0]!.message!, new RegExp(`sudo for user ${users.withPassword.name} did not accept the password, so nothing was run as root`, 'u'));
    assert.equal(report.asked.length, 2, 'asked once for the first need and once after the user acted, not for the second run');
    assert.ok(!namespaceExists(namespace));
  });

  test('the right password is asked once and then every command runs as root', () => {
    const namespace = lab.namespaceName('right');
    const report = runAs(users.withPassword.name, { privilege: 'auto', answers: [users.withPassword.password], namespace, steps: ['run', 'read', 'allow', 'read'] });
    assert.deepEqual(
      report.results.map((result) => [result.outcome, result.exitCode]),
      [
        ['ran', 0],
        ['ran', 0],
        ['ran', 0],
      ],
    );
    assert.equal(report.asked.length, 1);
    assert.ok(namespaceExists(namespace));
  });

  test("a one-time askpass helper gives sudo the session's password, so a terminal's sudo does not ask again", () => {
    const report = runAs(users.withPassword.name, { privilege: 'auto', namespace: lab.namespaceName('askpass'), steps: [], askpass: users.withPassword.password });
    assert.deepEqual([report.askpass?.exitCode, report.askpass?.stdout], [0, '0'], report.askpass?.stderr);
    assert.equal(report.askpass?.folderWhileOpen, true);
    assert.equal(report.askpass?.folderAfter, false, 'the helper and its FIFO are gone once disposed');
  });

  test('a closed password box says the password was not given', () => {
    const report = runAs(users.withPassword.name, { privilege: 'auto', answers: [null], namespace: lab.namespaceName('closed'), steps: ['run', 'run'] });
    assert.deepEqual(
      report.results.map((result) => result.problem),
      ['passwordNotGiven', 'passwordNotGiven'],
    );
    assert.match(report.results[0]!.message!, /The sudo password for this machine was not given, so nothing was run as root/u);
    assert.equal(report.asked.length, 1);
  });

  test('without a password box, sudo wanting a password says what to configure', () => {
    const report = runAs(users.withPassword.name, { privilege: 'auto', namespace: lab.namespaceName('nobox'), steps: ['run'] });
    assert.equal(report.results[0]!.problem, 'passwordNeeded');
    assert.match(report.results[0]!.message!, /sudo refused \(sudo: a password is required\)\. .*enable the sudo password prompt/u);
  });

  test('a user without sudo rights is told so once the password is right', () => {
    const report = runAs(users.withoutSudo.name, { privilege: 'auto', answers: [users.withoutSudo.password], namespace: lab.namespaceName('nosudoer'), steps: ['run'] });
    assert.equal(report.results[0]!.problem, 'notAllowed');
    assert.match(report.results[0]!.message!, new RegExp(`The password is right, but user ${users.withoutSudo.name} is not allowed to use sudo`, 'u'));
  });

  test('without sudo on the PATH, the message says sudo is not installed', () => {
    const report = runAs(users.withPassword.name, { privilege: 'sudo', answers: ['unused'], namespace: lab.namespaceName('nosudo'), steps: ['run'] }, { path: pathWithoutSudo });
    assert.equal(report.results[0]!.problem, 'sudoMissing');
    assert.match(report.results[0]!.message!, /sudo is not installed/u);
    assert.equal(report.asked.length, 0);
  });

  test("sudo refusing for another reason (a rule that wants a terminal) is sudoRefused, with sudo's own words", () => {
    const rule = `Defaults:${users.passwordless.name} requiretty\n`;
    const scratch = join(child.folder, 'sudoers-tty');
    writeFileSync(scratch, rule, { mode: 0o440 });
    assert.equal(spawnSync('visudo', ['-c', '-q', '-f', scratch]).status, 0, 'test bug: the rule does not parse');
    writeFileSync(ttyRuleFile, rule, { mode: 0o440 });
    try {
      const report = runAs(users.passwordless.name, { privilege: 'auto', answers: ['unused'], namespace: lab.namespaceName('tty'), steps: ['run'] });
      assert.equal(report.results[0]!.problem, 'sudoRefused');
      assert.match(report.results[0]!.message!, /sudo refused \(sudo: sorry, you must have a tty to run sudo\)/u);
      assert.equal(report.asked.length, 0);
    } finally {
      rmSync(ttyRuleFile, { force: true });
    }
  });

  test('privilege "none" without the capabilities names the missing ones before anything runs', () => {
    const namespace = lab.namespaceName('none');
    const report = runAs(users.withPassword.name, { privilege: 'none', answers: ['unused'], namespace, steps: ['run', 'read'] });
    assert.deepEqual(
      report.results.map((result) => result.problem),
      ['capabilitiesMissing', 'capabilitiesMissing'],
    );
    assert.match(report.results[0]!.message!, new RegExp(`as user "${users.withPassword.name}" on this machine, and they lack CAP_SYS_ADMIN and CAP_NET_ADMIN`, 'u'));
    assert.equal(report.asked.length, 0);
    assert.ok(!namespaceExists(namespace));
  });

  test('privilege "none" lacking only one capability names just that one', () => {
    const report = runAs(users.withPassword.name, { privilege: 'none', namespace: lab.namespaceName('half'), steps: ['read'] }, { capabilities: '+net_admin' });
    assert.match(report.results[0]!.message!, /they lack CAP_SYS_ADMIN, which/u);
    assert.deepEqual(report.results[0]!.missing, ['CAP_SYS_ADMIN']);
  });

  test('privilege "none" with the capabilities as ambient ones reads a namespace as the user', () => {
    const namespace = lab.namespaceName('caps');
    assert.equal(spawnSync('ip', ['netns', 'add', namespace]).status, 0);
    const report = runAs(users.withPassword.name, { privilege: 'none', namespace, steps: ['read'] }, { capabilities: '+sys_admin,+net_admin' });
    assert.deepEqual(report.results, [{ outcome: 'ran', exitCode: 0, stderr: '' }]);
  });
});
