/** The extension's one log: a LogOutputChannel, wrapped once. Every command run is recorded at debug level. */
import * as vscode from 'vscode';
import type { CommandRecord } from '../core/host/host.js';

export class Log implements vscode.Disposable {
  private readonly channel = vscode.window.createOutputChannel('Netns Lab', { log: true });

  info(message: string): void {
    this.channel.info(message);
  }

  error(message: string, error?: unknown): void {
    this.channel.error(error instanceof Error ? `${message}: ${error.stack ?? error.message}` : message);
  }

  /** Host observer: argv (as JSON, so odd names stay readable), duration and exit status of every command. */
  readonly recordCommand = (record: CommandRecord): void => {
    const status = record.error ? `failed: ${record.error}` : `exit ${record.exitCode}`;
    this.channel.debug(`[${record.host}] ${JSON.stringify(record.argv)} ${record.durationMs.toFixed(1)} ms, ${status}`);
  };

  show(): void {
    this.channel.show(true);
  }

  dispose(): void {
    this.channel.dispose();
  }
}
