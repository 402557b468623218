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
  /** What comes before the shell's own argv: sudo and its options, or nothing when the shell runs directly. */
  prefix: string[];
  /** The shell's own argv (`bash --noprofile --norc`, or `sh`). */
  shell: string[];
  /** Written to the shell's standard input before anything else (the sudo password line, when one is needed). */
  prelude: string;
  /** True when commands run through sudo, so signals to them must be sent through a root shell too. */
  throughSudo: boolean;
  /**
   * Privilege `none` whose commands lack the capabilities namespace work needs: the shell runs only reads that any
   * user may make (`RunOptions.unprivileged`); everything else fails with this error.
   */
  lacking?: PrivilegeError;
}

/** bash gives each command its own process group without an extra program start; sh is the fallback. */
const SHELL_ARGV = existsSync('/bin/bash') ? ['bash', '--noprofile', '--norc'] : ['sh'];

/** True when the shell started here has job control (bash). */
export const LOCAL_SHELL_HAS_JOB_CONTROL = SHELL_ARGV[0] === 'bash';

const PLAIN_SHELL: RootShellCommand = { file: SHELL_ARGV[0]!, args: SHELL_ARGV.slice(1), prefix: [], shell: SHELL_ARGV, prelude: '', throughSudo: false };

/** Decides how to start a root shell here, asking for a password only when sudo needs one. */
export async function localRootShell(mode: PrivilegeMode, askPassword?: PasswordPrompt): Promise<RootShellCommand> {
  if (mode === 'none') return checkedPlainShell();
  if (mode === 'auto' && process.getuid?.() === 0) return PLAIN_SHELL;
  const user = userInfo().username;
  const withoutPassword = await execa('sudo', ['-n', '--', 'true'], { reject: false, stdin: 'ignore' });
  if (withoutPassword.exitCode === 0) return throughSudo(['sudo', '-n', '--'], '');
  if (couldNotStart(withoutPassword)) throw noSudoError(user);
  if (!/password/iu.test(String(withoutPassword.stderr)) || !askPassword) {
    throw sudoRefusedError(user, String(withoutPassword.stderr));
  }
  const password = await askPassword(`Password for sudo (user ${user}); Netns Lab needs root to manage network namespaces`, 'this machine');
  if (password === undefined) throw passwordNotGivenError('this machine');
  const prelude = `${password}\n`;
  // -k makes sudo read the password even when it has cached credentials, so the shell never sees the password line.
  const check = await execa('sudo', ['-S', '-k', '-p', '', '--', 'true'], { reject: false, input: prelude });
  if (check.exitCode !== 0) throw passwordRefusedError(`user ${user}`, String(check.stderr));
  return throughSudo(['sudo', '-S', '-k', '-p', '', '--'], prelude);
}

/** A root shell through sudo started with `prefix` (sudo and its options). */
function throughSudo(prefix: string[], prelude: string): RootShellCommand {
  return { file: prefix[0]!, args: [...prefix.slice(1), ...SHELL_ARGV], prefix, shell: SHELL_ARGV, prelude, throughSudo: true };
}

/** `none`: the plain shell, marked with what it lacks when its commands miss capabilities namespace work needs. */
async function checkedPlainShell(): Promise<RootShellCommand> {
  // Read by the shell itself: the capabilities its commands get (a non-root user's only survive exec as ambient ones).
  const script = 'while read -r key value; do [ "$key" = CapEff: ] && echo "$value"; done </proc/self/status';
  const answer = await execa(PLAIN_SHELL.file, [...PLAIN_SHELL.args, '-c', script], { reject: false, stdin: 'ignore' });
  const missing = missingCapabilities(String(answer.stdout));
  if (missing.length > 0) return { ...PLAIN_SHELL, lacking: capabilitiesMissingError(`user "${userInfo().username}" on this machine`, missing) };
  return PLAIN_SHELL;
}

/** The capabilities namespace work needs: entering and making namespaces (setns, unshare, mount), changing links. */
const NEEDED_CAPABILITIES = [
  { name: 'CAP_SYS_ADMIN', bit: 21n },
  { name: 'CAP_NET_ADMIN', bit: 12n },
] as const;

/** Which needed capabilities an effective set (the hexadecimal `CapEff:` of /proc/PID/status) lacks. */
export function missingCapabilities(effectiveHex: string): string[] {
  const text = effectiveHex.trim();
  const effective = /^[0-9a-f]+$/iu.test(text) ? BigInt(`0x${text}`) : 0n;
  return NEEDED_CAPABILITIES.filter((capability) => (effective & (1n << capability.bit)) === 0n).map((capability) => capability.name);
}

/** `privilege: none` whose commands lack capabilities; `who` says as whom and where (`user "alice" on this machine`). */
export function capabilitiesMissingError(who: string, missing: readonly string[]): PrivilegeError {
  return new PrivilegeError(
    `Privilege is "none", so Netns Lab runs commands as ${who}, and they lack ${missing.join(' and ')}, ` +
      'which entering, making and changing network namespaces needs. Set privilege to "auto" (root or sudo), ' +
      'or give the process these capabilities as ambient ones (e.g. AmbientCapabilities=CAP_SYS_ADMIN CAP_NET_ADMIN).',
    'capabilitiesMissing',
    missing,
  );
}

/** The password box was closed without an answer. */
export function passwordNotGivenError(where: string): PrivilegeError {
  return new PrivilegeError(`The sudo password for ${where} was not given, so nothing was run as root there.`, 'passwordNotGiven');
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
      'notAllowed',
    );
  }
  return new PrivilegeError(`sudo for ${who} did not accept the password, so nothing was run as root.`, 'passwordRefused');
}

function noSudoError(user: string): PrivilegeError {
  return new PrivilegeError(
    `Netns Lab needs root to manage network namespaces, but it runs as user "${user}" and sudo is not installed. ` +
      'Run it as root, or install sudo and allow this user to use it (passwordless, or with the password prompt enabled).',
    'sudoMissing',
  );
}

function sudoRefusedError(user: string, stderr: string): PrivilegeError {
  const reason = stderr.trim().split('\n')[0] ?? '';
  return new PrivilegeError(
    `Netns Lab needs root to manage network namespaces, but it runs as user "${user}" and sudo refused${reason ? ` (${reason})` : ''}. ` +
      'Run it as root, allow this user passwordless sudo, or enable the sudo password prompt.',
    /password/iu.test(stderr) ? 'passwordNeeded' : 'sudoRefused',
  );
}
