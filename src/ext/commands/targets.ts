/** Adding and removing SSH targets (the `netnsLab.targets` setting), from the palette, the view or a program. */
import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { sshConfigAliases } from '../../core/host/ssh-config-hosts.js';
import { parseSshTarget } from '../../core/host/ssh-target.js';
import { SETTINGS_SECTION } from '../config.js';
import type { Services } from '../services.js';
import { CommandArgumentError } from '../view-model/argument-fields.js';
import { PromptCancelled } from '../ui/prompts.js';

/** netnsLab.target.add: `{ target }` from a program, else a pick among the ssh config's hosts (or one typed in). */
export async function addTargetCommand(services: Services, argument: unknown): Promise<void> {
  const target = argument === undefined ? await askTarget(services) : targetField(argument);
  parseSshTarget(target);
  const targets = services.settings.targets;
  if (targets.includes(target)) return;
  await vscode.workspace.getConfiguration(SETTINGS_SECTION).update('targets', [...targets, target], vscode.ConfigurationTarget.Global);
}

/** netnsLab.target.remove: a target node (asks first) or `{ target }` from a program. */
export async function removeTargetCommand(services: Services, argument: unknown): Promise<void> {
  const fromView = isTargetNode(argument);
  const target = fromView ? argument.targetId : targetField(argument);
  if (fromView) {
    const answer = await vscode.window.showWarningMessage(`Remove ${target} from the Netns Lab targets?`, { modal: true, detail: 'Nothing changes on that host.' }, 'Remove');
    if (answer !== 'Remove') return;
  }
  const targets = services.settings.targets.filter((candidate) => candidate !== target);
  await vscode.workspace.getConfiguration(SETTINGS_SECTION).update('targets', targets, vscode.ConfigurationTarget.Global);
}

function targetField(argument: unknown): string {
  const target = (argument as { target?: unknown } | null)?.target;
  if (typeof target !== 'string' || target.trim() === '') throw new CommandArgumentError('Expected { target: string }: an ssh config alias, USER@HOST or ssh://USER@HOST:PORT');
  return target.trim();
}

function isTargetNode(argument: unknown): argument is { kind: 'target'; targetId: string } {
  return (argument as { kind?: unknown } | null)?.kind === 'target';
}

/** A quick pick of the ssh config's hosts that also takes a typed target. */
async function askTarget(services: Services): Promise<string> {
  const configFile = services.settings.sshConfigFile || join(homedir(), '.ssh', 'config');
  const aliases = sshConfigAliases(await readFile(configFile, 'utf8').catch(() => ''));
  const pick = vscode.window.createQuickPick();
  pick.title = 'Add SSH Target';
  pick.placeholder = 'A host of your ssh config, or USER@HOST, or ssh://USER@HOST:PORT';
  pick.ignoreFocusOut = true;
  pick.items = aliases.map((alias) => ({ label: alias, description: 'from the ssh config' }));
  const chosen = await new Promise<string | undefined>((resolve) => {
    pick.onDidAccept(() => resolve(pick.selectedItems[0]?.label ?? pick.value.trim()));
    pick.onDidHide(() => resolve(undefined));
    pick.show();
  });
  pick.dispose();
  if (!chosen) throw new PromptCancelled();
  return chosen;
}
