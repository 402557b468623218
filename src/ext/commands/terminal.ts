/** Terminals whose shell runs inside a namespace. */
import * as vscode from 'vscode';
import { checkNamespaceExists } from '../../core/state/read.js';
import { namespaceExecArgv } from '../../core/changes/operations.js';
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
  const where = services.where(request.targetId);
  const namespace = await givenOrPickedNamespace(host, request.namespace, { title: `Open Terminal in Namespace${where.suffix}`, placeholder: 'The namespace the shell runs in' });
  // ip netns exec would fail inside the terminal, where the message is easy to miss: refuse here instead.
  await checkNamespaceExists(host, namespace);
  const launch =
    host instanceof SshHost
      ? await remoteTerminalLaunch(host, namespace, services.settings.terminalShell)
      : namespaceTerminalLaunch(namespace, {
          shell: terminalShell(services.settings.terminalShell, process.env.SHELL),
          runsAsRoot: process.getuid?.() === 0,
          privilege: services.settings.privilege,
        });
  // A remote terminal's name says its host already; a local one says so only once there are others to tell apart.
  const name = host instanceof SshHost || where.suffix === '' ? launch.name : `${launch.name} @ ${where.label}`;
  const terminal = vscode.window.createTerminal({ ...launch, name, iconPath: new vscode.ThemeIcon('terminal') });
  terminal.show();
  return terminal;
}

/** A shell in a namespace of an SSH target: ssh -t over the target's shared connection. */
async function remoteTerminalLaunch(host: SshHost, namespace: NamespaceName, shellSetting: string): Promise<TerminalLaunch> {
  // The remote user's $SHELL is not known here: the setting, else bash (what a lab host has).
  const shell = shellSetting.trim() || 'bash';
  const [shellPath, ...shellArgs] = await host.interactiveArgv(namespaceExecArgv(namespace, [shell]));
  return { name: `netns: ${namespace ?? 'root'} @ ${host.label}`, shellPath: shellPath!, shellArgs };
}
