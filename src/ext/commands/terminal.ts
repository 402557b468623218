/** Terminals whose shell runs inside a namespace. */
import * as vscode from 'vscode';
import { checkNamespaceExists } from '../../core/state/read.js';
import { LOCAL_TARGET_ID, type Services } from '../services.js';
import { openTerminalRequest } from './arguments.js';
import { givenOrPickedNamespace } from './pickers.js';
import { namespaceTerminalLaunch, terminalShell } from './terminal-launch.js';

/** netnsLab.namespace.openTerminal: opens and shows the terminal, and returns it (for callers and tests). */
export async function openTerminalCommand(services: Services, argument: unknown): Promise<vscode.Terminal> {
  const request = openTerminalRequest(argument);
  if (request.targetId !== LOCAL_TARGET_ID) {
    throw new Error(`Terminals open only in namespaces of this machine, not of ${JSON.stringify(request.targetId)}`);
  }
  const host = services.host(request.targetId);
  const namespace = await givenOrPickedNamespace(host, request.namespace, { title: 'Open Terminal in Namespace', placeholder: 'The namespace the shell runs in' });
  // ip netns exec would fail inside the terminal, where the message is easy to miss: refuse here instead.
  await checkNamespaceExists(host, namespace);
  const launch = namespaceTerminalLaunch(namespace, {
    shell: terminalShell(services.settings.terminalShell, process.env.SHELL),
    runsAsRoot: process.getuid?.() === 0,
    privilege: services.settings.privilege,
  });
  const terminal = vscode.window.createTerminal({ ...launch, iconPath: new vscode.ThemeIcon('terminal') });
  terminal.show();
  return terminal;
}
