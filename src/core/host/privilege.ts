/**
 * How to get a root shell on this machine: directly when already root, otherwise through sudo — without a
 * password when sudo allows it, else with a password asked once and passed on standard input (never on a
 * command line, never logged, never stored).
 */
import { existsSync } from 'node:fs';
import { userInfo } from 'node:os';
import { execa } from 'execa';
import { PrivilegeError } from '../errors.js';
import { couldNotStart } from './shell-process.js';

/** `auto`: root if we are root, else sudo. `sudo`: always through sudo. `none`: run as we are (for capabilities). */
export type PrivilegeMode = 'auto' | 'sudo' | 'none';

/**
 * Asks the user for their sudo password on `where` (`this machine`, or a target's label); undefined means they
 * declined. It may throw (a PrivilegeError, say) when there is no way to ask.
 */
export type PasswordPrompt = (message: string, where: string) => Promise<string | undefined>;

export interface RootShellCommand {
  file: string;
  args: string[];
  /** Written to the shell's standard input before anything else (the sudo password line, when one is needed). */
  prelude: string;
  /** True when commands run through sudo, so signals to them must be sent through a root shell too. */
  throughSudo: boolean;
}

/** bash gives each command its own process group without an extra program start; sh is the fallback. */
const SHELL_ARGV = existsSync('/bin/bash') ? ['bash', '--noprofile', '--norc'] : ['sh'];

/** True when the shell started here has job control (bash). */
export const LOCAL_SHELL_HAS_JOB_CONTROL = SHELL_ARGV[0] === 'bash';

const PLAIN_SHELL: RootShellCommand = { file: SHELL_ARGV[0]!, args: SHELL_ARGV.slice(1), prelude: '', throughSudo: false };

/** Decides how to start a root shell here, asking for a password only when sudo needs one. */
export async function localRootShell(mode: PrivilegeMode, askPassword?: PasswordPrompt): Promise<RootShellCommand> {
  if (mode === 'none' || (mode === 'auto' && process.getuid?.() === 0)) return PLAIN_SHELL;
  const user = userInfo().username;
  const withoutPassword = await execa('sudo', ['-n', '--', 'true'], { reject: false, stdin: 'ignore' });
  if (withoutPassword.exitCode === 0) return { file: 'sudo', args: ['-n', '--', ...SHELL_ARGV], prelude: '', throughSudo: true };
  if (couldNotStart(withoutPassword)) throw noSudoError(user);
  if (!/password/iu.test(String(withoutPassword.stderr)) || !askPassword) {
    throw sudoRefusedError(user, String(withoutPassword.stderr));
  }
  const password = await askPassword(`Password for sudo (user ${user}); Netns Lab needs root to manage network namespaces`, 'this machine');
  if (password === undefined) throw new PrivilegeError('The sudo password was not given, so nothing was run as root.');
  const prelude = `${password}\n`;
  // -k makes sudo read the password even when it has cached credentials, so the shell never sees the password line.
  const check = await execa('sudo', ['-S', '-k', '-p', '', '--', 'true'], { reject: false, input: prelude });
  if (check.exitCode !== 0) throw passwordRefusedError(`user ${user}`, String(check.stderr));
  return { file: 'sudo', args: ['-S', '-k', '-p', '', '--', ...SHELL_ARGV], prelude, throughSudo: true };
}

/**
 * Why sudo turned down a password: the user may not use sudo at all (sudo says so only once the password is
 * right), or the password was wrong. `who` names the user and machine, e.g. `user alice` or `ssh://alice@lab1`.
 */
export function passwordRefusedError(who: string, stderr: string): PrivilegeError {
  if (/not in the sudoers|not allowed to (execute|run)|may not run sudo/iu.test(stderr)) {
    return new PrivilegeError(
      `The password is right, but ${who} is not allowed to use sudo, and Netns Lab needs root to manage network namespaces. ` +
        'Log in as root, or allow this user to use sudo (e.g. a rule in /etc/sudoers.d).',
    );
  }
  return new PrivilegeError(`sudo for ${who} did not accept the password, so nothing was run as root.`);
}


function noSudoError(user: string): PrivilegeError {
  return new PrivilegeError(
    `Netns Lab needs root to manage network namespaces, but it runs as user "${user}" and sudo is not installed. ` +
      'Run it as root, or install sudo and allow this user to use it (passwordless, or with the password prompt enabled).',
  );
}

function sudoRefusedError(user: string, stderr: string): PrivilegeError {
  const reason = stderr.trim().split('\n')[0] ?? '';
  return new PrivilegeError(
    `Netns Lab needs root to manage network namespaces, but it runs as user "${user}" and sudo refused${reason ? ` (${reason})` : ''}. ` +
      'Run it as root, allow this user passwordless sudo, or enable the sudo password prompt.',
  );
}
