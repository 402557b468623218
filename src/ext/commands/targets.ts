/** Adding and removing SSH targets (the `netnsLab.targets` setting), from the palette, the view or a program. */
import * as vscode from 'vscode';
import type { Services } from '../services.js';
import { askSshTarget } from '../ui/ssh-target-prompt.js';
import { CommandArgumentError } from '../view-model/argument-fields.js';

/**
 * netnsLab.target.add: `{ target }` from a program, else a pick among the ssh config's hosts (or one typed in).
 * Returns the target, which is then among the targets (it may have been there already).
 */
export async function addTargetCommand(services: Services, argument: unknown): Promise<string> {
  const target = argument === undefined ? await askSshTarget(services.settings.sshConfigFile) : targetField(argument);
  await services.config.addTarget(target);
  return target;
}

/** netnsLab.target.remove: a target node (asks first) or `{ target }` from a program. */
export async function removeTargetCommand(services: Services, argument: unknown): Promise<void> {
  const fromView = isTargetNode(argument);
  const target = fromView ? argument.targetId : targetField(argument);
  if (fromView) {
    const answer = await vscode.window.showWarningMessage(`Remove ${target} from the Netns Lab targets?`, { modal: true, detail: 'Nothing changes on that host.' }, 'Remove');
    if (answer !== 'Remove') return;
  }
  await services.config.removeTarget(target);
}

function targetField(argument: unknown): string {
  const target = (argument as { target?: unknown } | null)?.target;
  if (typeof target !== 'string' || target.trim() === '') throw new CommandArgumentError('Expected { target: string }: an ssh config alias, USER@HOST or ssh://USER@HOST:PORT');
  return target.trim();
}

function isTargetNode(argument: unknown): argument is { kind: 'target'; targetId: string } {
  return (argument as { kind?: unknown } | null)?.kind === 'target';
}
