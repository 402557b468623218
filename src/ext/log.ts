/** The extension's one log: a LogOutputChannel, wrapped once. Every command run is recorded at debug level. */
import * as vscode from 'vscode';
import { PrivilegeError } from '../core/errors.js';
import { shortenScripts, type CommandRecord } from '../core/host/host.js';

export class Log implements vscode.Disposable {
  private readonly channel = vscode.window.createOutputChannel('Netns Lab', { log: true });

  info(message: string): void {
    this.channel.info(message);
  }

  /** Something the user must act on, that is no fault of the extension: one line, no stack. */
  warn(message: string): void {
    this.channel.warn(message);
  }

  /** A fault, with its stack; root refused (a PrivilegeError) is no fault of ours: one warning line, no stack. */
  error(message: string, error?: unknown): void {
    if (error instanceof PrivilegeError) return this.warn(`${message}: ${error.message}`);
    this.channel.error(error instanceof Error ? `${message}: ${error.stack ?? error.message}` : message);
  }

  /**
   * Host observer: every command on one line at the default level, with its argv (as JSON, so odd names stay
   * readable), duration and exit status. A script (`sh -c SCRIPT`) is shortened there; the whole of it is at debug.
   */
  readonly recordCommand = (record: CommandRecord): void => {
    const status = record.error ? `failed: ${record.error}` : `exit ${record.exitCode}`;
    const line = (argv: readonly string[]): string => `[${record.host}] ${JSON.stringify(argv)} ${record.durationMs.toFixed(1)} ms, ${status}`;
    const short = shortenScripts(record.argv);
    this.channel.info(line(short));
    if (short !== record.argv) this.channel.debug(line(record.argv));
  };

  show(): void {
    this.channel.show(true);
  }

  dispose(): void {
    this.channel.dispose();
  }
}
