/** What a namespace terminal starts. Pure: no vscode import, so the argv is unit-tested under Node. */
import { namespaceExecArgv } from '../../core/changes/operations.js';
import type { PrivilegeMode } from '../../core/host/privilege.js';
import type { NamespaceName } from '../../core/model.js';

/** The terminal's name and the program it runs. */
export interface TerminalLaunch {
  name: string;
  shellPath: string;
  shellArgs: string[];
}

/** The shell to start: the setting, else $SHELL, else bash. */
export function terminalShell(setting: string, environmentShell: string | undefined): string {
  return setting.trim() || environmentShell || '/bin/bash';
}

/**
 * A shell inside the namespace: `ip netns exec NAME SHELL`, through sudo unless the extension runs as root or the
 * user chose to run without it (sudo asks for its password in the terminal itself, if it needs one). The root
 * namespace is where every shell already runs, so it gets a plain one.
 */
export function namespaceTerminalLaunch(
  namespace: NamespaceName,
  options: { shell: string; runsAsRoot: boolean; privilege: PrivilegeMode },
): TerminalLaunch {
  const name = `netns: ${namespace ?? 'root'}`;
  if (namespace === null) return { name, shellPath: options.shell, shellArgs: [] };
  const argv = namespaceExecArgv(namespace, [options.shell]);
  const direct = options.runsAsRoot || options.privilege === 'none';
  const [shellPath, ...shellArgs] = direct ? argv : ['sudo', ...argv];
  return { name, shellPath: shellPath!, shellArgs };
}
