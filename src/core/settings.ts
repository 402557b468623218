/**
 * The extension's settings, normalized from whatever the configuration holds (a user may write anything in
 * settings.json): unknown values fall back to the defaults.
 */
import type { PrivilegeMode } from './host/privilege.js';
import { LOCAL_TARGET } from './host/ssh-target.js';

export type RootNamespaceDisplay = 'first' | 'hidden';
export type TerminalUser = 'root' | 'user';

export interface Settings {
  /** How commands get root: auto (root, else sudo), always sudo, or as the user (capabilities). */
  privilege: PrivilegeMode;
  /** Ask for the sudo password in an input box when sudo needs one. */
  askForSudoPassword: boolean;
  /** Show the root namespace first among the namespaces, or not at all. */
  rootNamespace: RootNamespaceDisplay;
  /** Show IPv6 link-local addresses (fe80::/10) in the tree. */
  showLinkLocalAddresses: boolean;
  /** The shell a namespace terminal starts; empty: $SHELL, else /bin/bash, else /bin/sh. */
  terminalShell: string;
  /** Whom a namespace terminal's shell runs as: root, or the user VS Code runs as. */
  terminalUser: TerminalUser;
  /** SSH targets shown beside this machine: ssh config aliases, USER@HOST or ssh://USER@HOST:PORT. */
  targets: string[];
  /** An ssh config file to use instead of ~/.ssh/config; empty: the default. */
  sshConfigFile: string;
  /** Notebook cells show what they changed in the namespaces they touch (`netnsLab.notebook.showDiff`). */
  notebookShowDiff: boolean;
}

/** The key of each setting under `netnsLab.`: the field's name, but for those in a group (`notebook.showDiff`). */
export type SettingKey = Exclude<keyof Settings, 'notebookShowDiff'> | 'notebook.showDiff';

export const DEFAULT_SETTINGS: Settings = {
  privilege: 'auto',
  askForSudoPassword: true,
  rootNamespace: 'first',
  showLinkLocalAddresses: false,
  terminalShell: '',
  terminalUser: 'root',
  targets: [],
  sshConfigFile: '',
  notebookShowDiff: false,
};

/** Reads raw values (as `get(key)` returns them) into Settings. */
export function normalizeSettings(read: (key: SettingKey) => unknown): Settings {
  return {
    privilege: oneOf(read('privilege'), ['auto', 'sudo', 'none'] as const, DEFAULT_SETTINGS.privilege),
    askForSudoPassword: typeof read('askForSudoPassword') === 'boolean' ? (read('askForSudoPassword') as boolean) : DEFAULT_SETTINGS.askForSudoPassword,
    rootNamespace: oneOf(read('rootNamespace'), ['first', 'hidden'] as const, DEFAULT_SETTINGS.rootNamespace),
    showLinkLocalAddresses: read('showLinkLocalAddresses') === true,
    terminalShell: typeof read('terminalShell') === 'string' ? (read('terminalShell') as string).trim() : '',
    terminalUser: oneOf(read('terminalUser'), ['root', 'user'] as const, DEFAULT_SETTINGS.terminalUser),
    targets: targetList(read('targets')),
    sshConfigFile: typeof read('sshConfigFile') === 'string' ? (read('sshConfigFile') as string).trim() : '',
    notebookShowDiff: read('notebook.showDiff') === true,
  };
}

function oneOf<T extends string>(value: unknown, allowed: readonly T[], fallback: T): T {
  return allowed.includes(value as T) ? (value as T) : fallback;
}

/** Non-empty, trimmed, without duplicates, in the order given; `local` is this machine, always shown anyway. */
function targetList(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  const targets = value.filter((item): item is string => typeof item === 'string').map((item) => item.trim());
  return [...new Set(targets.filter((target) => target !== '' && target !== LOCAL_TARGET))];
}
