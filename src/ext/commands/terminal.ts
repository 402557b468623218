/** Terminals whose shell runs inside a namespace. */
import { homedir, userInfo } from 'node:os';
import * as vscode from 'vscode';
import { oneTimeAskpass } from '../../core/host/askpass.js';
import { checkNamespaceExists } from '../../core/state/read.js';
import { namespaceExecArgv } from '../../core/changes/operations.js';
import { GuardedHost } from '../../core/host/guarded-host.js';
import type { Host } from '../../core/host/host.js';
import { SshHost } from '../../core/host/ssh-host.js';
import type { NamespaceName } from '../../core/model.js';
import type { Services } from '../services.js';
import { openTerminalRequest } from '../view-model/arguments.js';
import { givenOrPickedNamespace } from '../ui/pickers.js';
import { namespaceTerminalLaunch, terminalShell, type TerminalLaunch } from '../view-model/terminal-launch.js';

/** netnsLab.namespace.openTerminal: opens and shows the terminal, and returns it (for callers and tests). */
export async function openTerminalCommand(services: Services, argument: unknown): Promise<vscode.Terminal> {
  const request = openTerminalRequest(argument);
  const host = services.host(request.targetId);
  const remote = unguarded(host) instanceof SshHost ? (unguarded(host) as SshHost) : undefined;
  const where = services.where(request.targetId);
  const namespace = await givenOrPickedNamespace(host, request.namespace, { title: `Open Terminal in Namespace${where.suffix}`, placeholder: 'The namespace the shell runs in' });
  // ip netns exec would fail inside the terminal, where the message is easy to miss: refuse here instead. This also
  // makes sure the session has root (asking in the password box if need be), so the terminal can share it.
  await checkNamespaceExists(host, namespace);
  await host.run(['true']);
  const settings = services.settings;
  const password = services.sudoPassword(request.targetId);
  // Only where the terminal goes through sudo: not as root, not with privilege "none".
  const throughSudo = process.getuid?.() !== 0 && settings.privilege !== 'none';
  const askpass = !remote && throughSudo && password !== undefined ? await oneTimeAskpass(password) : undefined;
  const launch = remote
    ? await remoteTerminalLaunch(remote, namespace, settings.terminalShell, password !== undefined)
    : namespaceTerminalLaunch(namespace, {
        shell: terminalShell(settings.terminalShell, process.env.SHELL),
        runsAsRoot: process.getuid?.() === 0,
        privilege: settings.privilege,
        terminalUser: settings.terminalUser,
        user: { name: userInfo().username, home: homedir() },
        ...(askpass ? { askpass: askpass.helper } : {}),
      });
  // A remote terminal's name says its host already; a local one says so only once there are others to tell apart.
  const name = remote || where.suffix === '' ? launch.name : launch.name.replace(/^netns: (.*?) \(/u, `netns: $1 @ ${where.label} (`);
  const terminal = vscode.window.createTerminal({ ...launch, name, iconPath: new vscode.ThemeIcon('terminal') });
  if (askpass) {
    // The helper goes as soon as the terminal closes (or after a minute by itself).
    const closed = vscode.window.onDidCloseTerminal((gone) => {
      if (gone !== terminal) return;
      closed.dispose();
      void askpass.dispose();
    });
  }
  terminal.show();
  return terminal;
}

/** The host itself, behind the GuardedHost the services keep. */
function unguarded(host: Host): Host {
  return host instanceof GuardedHost ? host.inner : host;
}

/**
 * A shell in a namespace of an SSH target: ssh -t over the target's shared connection, in the remote user's home,
 * through sudo when that user is not root. sudo there keeps a password per terminal (by default), so when the session
 * needed one, it asks once more in the terminal: the first line says why.
 */
async function remoteTerminalLaunch(host: SshHost, namespace: NamespaceName, shellSetting: string, sessionHadPassword: boolean): Promise<TerminalLaunch> {
  // The remote user's $SHELL is not known here: the setting, else bash (what a lab host has).
  const shell = shellSetting.trim() || 'bash';
  const [shellPath, ...shellArgs] = await host.interactiveArgv(namespaceExecArgv(namespace, [shell]));
  const throughSudo = shellArgs.some((word) => /(^|\s)sudo\s/u.test(word));
  const message =
    sessionHadPassword && throughSudo
      ? `Root shell in ${namespace ?? 'the root namespace'} on ${host.label}: sudo there keeps a password per terminal, so it asks for yours once more here.`
      : undefined;
  return {
    name: `netns: ${namespace ?? 'root namespace'} @ ${host.label} (root shell)`,
    shellPath: shellPath!,
    shellArgs,
    cwd: homedir(),
    ...(message ? { message } : {}),
  };
}
