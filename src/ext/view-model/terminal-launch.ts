/** What a namespace terminal starts. Pure: no vscode import, so the argv is unit-tested under Node. */
import { namespaceExecArgv } from '../../core/changes/operations.js';
import type { PrivilegeMode } from '../../core/host/privilege.js';
import type { NamespaceName } from '../../core/model.js';
import type { TerminalUser } from '../../core/settings.js';

/** The terminal's name, the program it runs, where it starts, and what it says first. */
export interface TerminalLaunch {
  name: string;
  shellPath: string;
  shellArgs: string[];
  /** The folder it starts in: the user's home, never the workspace (files a root shell makes there are root's). */
  cwd?: string;
  env?: Record<string, string>;
  /** Written to the terminal before the shell starts: whom it runs as, and why sudo asks, when it does. */
  message?: string;
}

/** The shell to start: the setting, else $SHELL, else bash. */
export function terminalShell(setting: string, environmentShell: string | undefined): string {
  return setting.trim() || environmentShell || '/bin/bash';
}

export interface LocalTerminalOptions {
  shell: string;
  /** VS Code itself runs as root. */
  runsAsRoot: boolean;
  privilege: PrivilegeMode;
  /** The `netnsLab.terminalUser` setting. */
  terminalUser: TerminalUser;
  /** The user VS Code runs as, and its home. */
  user: { name: string; home: string };
  /**
   * An askpass helper holding the sudo password this session was given (sudo -A takes it, so the terminal does not
   * ask again). Absent: sudo needed no password for this session, or the session has none to share.
   */
  askpass?: string;
}

/**
 * A shell inside the namespace on this machine: `ip netns exec NAME SHELL` (the root namespace: the shell itself),
 * through sudo unless VS Code runs as root or privilege is "none". A root shell says so in its title; with
 * `terminalUser: user` the shell is entered into the namespace as root and then runs as the user (runuser).
 */
export function namespaceTerminalLaunch(namespace: NamespaceName, options: LocalTerminalOptions): TerminalLaunch {
  const place = namespace ?? 'root namespace';
  const direct = options.runsAsRoot || options.privilege === 'none';
  // Without sudo, the shell runs as whoever VS Code runs as: root, or the user with capabilities.
  const asUser = direct ? !options.runsAsRoot : options.terminalUser === 'user';
  const name = `netns: ${place} (${asUser ? `as ${options.user.name}` : 'root shell'})`;
  const base = { name, cwd: options.user.home };
  const inNamespace = (argv: string[]): string[] => (namespace === null ? argv : namespaceExecArgv(namespace, argv));
  if (direct || (asUser && namespace === null)) return { ...base, ...program(inNamespace([options.shell])) };
  const shell = asUser ? ['runuser', '-u', options.user.name, '--', options.shell] : [options.shell];
  if (options.askpass) {
    return {
      ...base,
      ...program(['sudo', '-A', '--', ...inNamespace(shell)]),
      env: { SUDO_ASKPASS: options.askpass },
      message: `${asUser ? `Shell as ${options.user.name}` : 'Root shell'} in ${place}: sudo was given the password this session already has.`,
    };
  }
  // sudo asks here when it wants a password: say why, in its own prompt.
  const prompt = `[Netns Lab] sudo keeps a password per terminal, so it asks for this one; password for %u: `;
  return { ...base, ...program(['sudo', '-p', prompt, '--', ...inNamespace(shell)]) };
}

function program(argv: string[]): { shellPath: string; shellArgs: string[] } {
  return { shellPath: argv[0]!, shellArgs: argv.slice(1) };
}
