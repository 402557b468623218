/** Reading the `netnsLab.*` settings: the one place the editor layer touches the configuration. */
import * as vscode from 'vscode';
import { normalizeSettings, type Settings } from '../core/settings.js';

export const SETTINGS_SECTION = 'netnsLab';

export function readSettings(): Settings {
  const configuration = vscode.workspace.getConfiguration(SETTINGS_SECTION);
  return normalizeSettings((key) => configuration.get(key));
}
