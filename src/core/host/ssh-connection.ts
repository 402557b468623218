/**
 * The system OpenSSH client with one shared connection (ControlMaster) per target, and the first look at the remote
 * side made over it: who we are there (root or not), whether bash is there, and how to get a root shell.
 * Host keys are checked exactly as the user's ssh config says: nothing here turns checking off.
 */
import { execa } from 'execa';
import { HostError, PrivilegeError } from '../errors.js';
import { shellCommand } from '../quote.js';
import { capabilitiesMissingError, missingCapabilities, passwordNotGivenError, passwordRefusedError, type PasswordPrompt, type PrivilegeMode } from './privilege.js';
import { isHostKeyFailure, knownHostsFacts, sshConnectionError } from './ssh-errors.js';
import type { SshTarget } from './ssh-target.js';
import { couldNotStart } from './shell-process.js';

export interface SshConnectionSettings {
  target: SshTarget;
  /** `DIR/%C`, in a folder only we can read. */
  controlPath: string;
  sshConfigFile?: string;
  connectTimeoutSeconds: number;
}

/** How each pooled shell is started on the remote side. */
export interface RemoteShell {
  /** What comes before the shell on the remote command line: sudo and its options, or nothing. */
  privilegeArgv: string[];
  /** The remote shell's own argv (`bash --noprofile --norc`, or `sh`). */
  shellArgv: string[];
  /** Written to the shell's standard input first (the sudo password line, when one is needed). */
  prelude: string;
  /** bash: commands become process groups through `set -m`; sh: through setsid. */
  jobControl: boolean;
  /** True when root comes through sudo (the remote user is not root). */
  throughSudo: boolean;
  /** Privilege `none` whose commands there lack capabilities: only unprivileged reads run (see RootShellCommand). */
  lacking?: PrivilegeError;
}

export interface SshOutput {
  exitCode: number;
  stdout: string;
  stderr: string;
}

/** ssh's options and destination, before the remote command. */
export function sshArguments(settings: SshConnectionSettings, extra: readonly string[] = []): string[] {
  const { target } = settings;
  return [
    ...(settings.sshConfigFile ? ['-F', settings.sshConfigFile] : []),
    '-o',
    'ControlMaster=auto',
    '-o',
    `ControlPath=${settings.controlPath}`,
    '-o',
    'ControlPersist=60',
    '-o',
    'BatchMode=yes',
    '-o',
    `ConnectTimeout=${settings.connectTimeoutSeconds}`,
    // A dead network is noticed within a minute instead of at the next TCP timeout.
    '-o',
    'ServerAliveInterval=15',
    '-o',
    'ServerAliveCountMax=3',
    ...(target.port !== undefined ? ['-p', String(target.port)] : []),
    ...(target.user !== undefined ? ['-l', target.user] : []),
    ...extra,
    '--',
    target.destination,
  ];
}

/** Runs one remote command line through ssh (over the shared connection, making it when needed). */
export async function runSsh(settings: SshConnectionSettings, remoteCommand: string, input?: string): Promise<SshOutput> {
  const result = await execa('ssh', [...sshArguments(settings, ['-T']), remoteCommand], {
    reject: false,
    ...(input === undefined ? { stdin: 'ignore' as const } : { input }),
    // ConnectTimeout covers the TCP connection and the banner; this bounds a stuck login.
    timeout: (settings.connectTimeoutSeconds + 30) * 1000,
    cleanup: false,
  });
  if (couldNotStart(result)) throw missingClientError();
  if (result.timedOut) return { exitCode: 255, stdout: '', stderr: 'ssh: Connection timed out while logging in' };
  return { exitCode: result.exitCode ?? 255, stdout: String(result.stdout), stderr: String(result.stderr) };
}

/** Thrown when the ssh program itself cannot be started. */
export function missingClientError(): HostError {
  return new HostError('The OpenSSH client (ssh) is not installed on this machine; install it (Debian: apt-get install openssh-client).');
}

const PROBE_MARK = 'netns-lab-probe';

/**
 * Connects (making the shared connection) and decides how to start root shells there: directly when the remote
 * user is root (or `none` is asked for), otherwise `sudo -n`, or sudo with a password asked once.
 * @throws HostError when the target cannot be reached or logged into; PrivilegeError when root is out of reach.
 */
export async function connectRemoteShell(settings: SshConnectionSettings, mode: PrivilegeMode, askPassword?: PasswordPrompt): Promise<RemoteShell> {
  // Marked, so that text printed by the remote rc files cannot be mistaken for the answer.
  // The effective capabilities of a command there, for privilege "none".
  const capabilities = `"$(sed -n 's/^CapEff:[[:space:]]*//p' /proc/self/status)"`;
  const probe = await runSsh(settings, `printf '${PROBE_MARK} %s %s %s\\n' "$(id -u)" ${capabilities} "$(command -v bash)"`);
  const line = probe.stdout.split('\n').find((text) => text.startsWith(`${PROBE_MARK} `));
  if (!line) throw probe.exitCode === 255 ? await sshFailure(settings, probe.stderr) : unexpectedProbe(settings, probe);
  const [, uid, effective, bashPath] = line.split(' ');
  const shellArgv = bashPath ? ['bash', '--noprofile', '--norc'] : ['sh'];
  const jobControl = Boolean(bashPath);
  const plain: RemoteShell = { privilegeArgv: [], shellArgv, prelude: '', jobControl, throughSudo: false };
  if (mode === 'none') {
    const missing = missingCapabilities(effective ?? '');
    return missing.length > 0 ? { ...plain, lacking: capabilitiesMissingError(`the remote user on ${settings.target.label}`, missing) } : plain;
  }
  if (mode === 'auto' && uid === '0') return plain;
  return sudoShell(settings, shellArgv, jobControl, askPassword);
}

async function sudoShell(settings: SshConnectionSettings, shellArgv: string[], jobControl: boolean, askPassword?: PasswordPrompt): Promise<RemoteShell> {
  const label = settings.target.label;
  const check = await runSsh(settings, shellCommand(['sudo', '-n', '--', 'true']));
  if (check.exitCode === 0) return { privilegeArgv: ['sudo', '-n', '--'], shellArgv, prelude: '', jobControl, throughSudo: true };
  if (check.exitCode === 255 && !/sudo/u.test(check.stderr)) throw await sshFailure(settings, check.stderr);
  const reason = check.stderr.trim().split('\n')[0] ?? '';
  if (/not found/u.test(check.stderr)) {
    throw new PrivilegeError(
      `Netns Lab needs root on ${label}, but the remote user is not root and sudo is not installed there. Log in as root, or install sudo and allow this user to use it.`,
      'sudoMissing',
    );
  }
  if (!/password/iu.test(check.stderr) || !askPassword) {
    throw new PrivilegeError(
      `Netns Lab needs root on ${label}, but the remote user is not root and sudo refused${reason ? ` (${reason})` : ''}. ` +
        'Log in as root, allow this user passwordless sudo there, or enable the sudo password prompt.',
      /password/iu.test(check.stderr) ? 'passwordNeeded' : 'sudoRefused',
    );
  }
  const password = await askPassword(`Password for sudo on ${label}; Netns Lab needs root there to manage network namespaces`, label);
  if (password === undefined) throw passwordNotGivenError(label);
  const prelude = `${password}\n`;
  // -k: sudo reads the password even with cached credentials, so the shell never sees the password line.
  const sudoArgv = ['sudo', '-S', '-k', '-p', '', '--'];
  const verify = await runSsh(settings, shellCommand([...sudoArgv, 'true']), prelude);
  if (verify.exitCode !== 0) throw passwordRefusedError(`the remote user on ${label}`, verify.stderr);
  return { privilegeArgv: sudoArgv, shellArgv, prelude, jobControl, throughSudo: true };
}

/** ssh's failure explained; host-key advice names the known_hosts file the configuration uses (`ssh -G`). */
async function sshFailure(settings: SshConnectionSettings, stderr: string): Promise<HostError> {
  if (!isHostKeyFailure(stderr)) return sshConnectionError(settings.target.label, stderr);
  // -G prints the configuration as ssh resolves it for this destination, and connects nowhere.
  const resolved = await execa('ssh', sshArguments(settings, ['-G']), { reject: false, stdin: 'ignore', timeout: 10_000, cleanup: false });
  const knownHosts = resolved.exitCode === 0 ? knownHostsFacts(String(resolved.stdout)) : undefined;
  return sshConnectionError(settings.target.label, stderr, knownHosts);
}

function unexpectedProbe(settings: SshConnectionSettings, probe: SshOutput): HostError {
  const detail = (probe.stderr.trim() || probe.stdout.trim()).slice(0, 300);
  return new HostError(`Logged in to ${settings.target.label}, but its login shell did not run a POSIX command (exit status ${probe.exitCode}${detail ? `: ${detail}` : ''}).`);
}
