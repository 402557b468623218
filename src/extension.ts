/** Wiring only: builds the services and registers what the extension contributes. */
import * as vscode from 'vscode';
import { Log } from './ext/log.js';

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const log = new Log();
  context.subscriptions.push(log);
  log.info(`Netns Lab ${String(context.extension.packageJSON.version)} activated`);
}

export function deactivate(): void {}
