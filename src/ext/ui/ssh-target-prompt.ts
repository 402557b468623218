/** The prompt for an SSH target: a quick pick of the ssh config's hosts that also takes one typed in. */
import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { sshConfigAliases } from '../../core/host/ssh-config-hosts.js';
import { PromptCancelled } from './prompts.js';

/** `sshConfigFile`: the setting of that name; empty means ~/.ssh/config. @throws PromptCancelled on Escape. */
export async function askSshTarget(sshConfigFile: string): Promise<string> {
  const configFile = sshConfigFile || join(homedir(), '.ssh', 'config');
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
