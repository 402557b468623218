// Throwaway local users for the SSH tests that log in as someone other than root: one with passwordless sudo, one
// whose sudo asks for a password, one without any sudo. Their names are unique to the run, their sudo rules sit in
// one file of /etc/sudoers.d named after the run (checked with visudo before it is put there), and remove() takes
// users, homes and rules away again; call it from an `after` hook so it runs even when a test fails.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestSshServer } from './sshd.js';

export interface RemoteUser {
  name: string;
  /** The client alias (in the test server's ssh config) that logs in as this user. */
  alias: string;
}

export interface RemoteUsers {
  passwordless: RemoteUser;
  withPassword: RemoteUser & { password: string };
  /** Has a password (the same as withPassword's), but no sudo rule. */
  withoutSudo: RemoteUser & { password: string };
  /** The sudoers file holding this run's rules. */
  sudoersFile: string;
  /** Removes the sudoers file and the users with their homes (ending their leftover processes by pid first). */
  remove(): void;
}

/** Why the users cannot be made here, or undefined when they can. */
export function remoteUsersMissingReason(): string | undefined {
  for (const program of ['sudo', 'visudo', 'useradd', 'userdel', 'chpasswd']) {
    if (spawnSync('sh', ['-c', `command -v ${program}`]).status !== 0) return `${program} is not installed (scripts/setup.sh installs sudo)`;
  }
  if (process.getuid?.() !== 0) return 'making local users needs root';
  return undefined;
}

/**
 * Makes the three users under `prefix` (short: user names are at most 32 characters) and authorises them on
 * `server`; without a server (tests that run programs here as these users), each alias is the user's name.
 */
export function createRemoteUsers(server: TestSshServer | undefined, prefix: string): RemoteUsers {
  const names = { passwordless: `nl${prefix}np`, withPassword: `nl${prefix}pw`, withoutSudo: `nl${prefix}no` };
  const password = randomBytes(12).toString('hex');
  const sudoersFile = `/etc/sudoers.d/netns-lab-test-${prefix}`;
  const made: string[] = [];
  const remove = (): void => {
    rmSync(sudoersFile, { force: true });
    for (const name of made) removeUser(name);
  };
  try {
    for (const name of Object.values(names)) {
      // '*' as the password hash: no password login, but the account is not locked (sshd refuses locked ones).
      run('useradd', ['-m', '-s', '/bin/bash', '-p', '*', name]);
      made.push(name);
    }
    run('chpasswd', [], `${names.withPassword}:${password}\n${names.withoutSudo}:${password}\n`);
    installSudoers(sudoersFile, [`${names.passwordless} ALL=(ALL:ALL) NOPASSWD: ALL`, `${names.withPassword} ALL=(ALL:ALL) ALL`]);
    const user = (name: string): RemoteUser => ({ name, alias: server ? server.authorize(name) : name });
    return {
      passwordless: user(names.passwordless),
      withPassword: { ...user(names.withPassword), password },
      withoutSudo: { ...user(names.withoutSudo), password },
      sudoersFile,
      remove,
    };
  } catch (error) {
    remove();
    throw error;
  }
}

/** Checks the rules with visudo in a scratch file first, so a mistake can never break sudo on this machine. */
function installSudoers(file: string, rules: string[]): void {
  const scratch = join(tmpdir(), `netns-lab-sudoers-${randomBytes(4).toString('hex')}`);
  try {
    writeFileSync(scratch, `${rules.join('\n')}\n`, { mode: 0o440 });
    run('visudo', ['-c', '-q', '-f', scratch]);
    writeFileSync(file, `${rules.join('\n')}\n`, { mode: 0o440 });
  } finally {
    rmSync(scratch, { force: true });
  }
}

const USER_PROCESSES_END_MS = 5_000;

function processesOf(user: string): number[] {
  const listed = spawnSync('ps', ['-o', 'pid=', '-u', user], { encoding: 'utf8' });
  return listed.stdout
    .split('\n')
    .map(Number)
    .filter((value) => value > 0);
}

function removeUser(name: string): void {
  // A user made by this run owns only processes this run started (over ssh): end them by pid before userdel.
  for (const pid of processesOf(name)) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  // userdel refuses while a killed process is not reaped yet ("currently used by process").
  const deadline = Date.now() + USER_PROCESSES_END_MS;
  while (processesOf(name).length > 0 && Date.now() < deadline) spawnSync('sleep', ['0.1']);
  const deleted = spawnSync('userdel', ['-r', name], { encoding: 'utf8' });
  // userdel -r warns (exit 12) when the mail spool was never made; the user is gone all the same.
  if (deleted.status !== 0 && userExists(name)) throw new Error(`userdel -r ${name} failed: ${deleted.stderr}`);
}

export function userExists(name: string): boolean {
  return spawnSync('id', ['-u', name]).status === 0 || existsSync(`/home/${name}`);
}

function run(program: string, args: string[], input?: string): void {
  const result = spawnSync(program, args, { encoding: 'utf8', input: input ?? '' });
  if (result.status !== 0) throw new Error(`${program} ${args.join(' ')} failed: ${result.stderr || result.error?.message}`);
}
