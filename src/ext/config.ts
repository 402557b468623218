/**
 * The `netnsLab.*` settings: the one place the editor layer reads and writes the configuration. Everything is read
 * through the core's normalizeSettings, so what a user wrote by hand in settings.json never reaches the rest raw.
 */
import * as vscode from 'vscode';
import { parseSshTarget } from '../core/host/ssh-target.js';
import { normalizeSettings, type Settings } from '../core/settings.js';

export const SETTINGS_SECTION = 'netnsLab';

export class Config implements vscode.Disposable {
  private current = readSettings();
  private readonly changes = new vscode.EventEmitter<Settings>();
  private readonly disposables: vscode.Disposable[] = [this.changes];
  /** Fired with the new settings after any `netnsLab.*` setting changed. */
  readonly onDidChange = this.changes.event;

  constructor() {
    vscode.workspace.onDidChangeConfiguration(this.onConfigurationChanged, this, this.disposables);
  }

  get settings(): Settings {
    return this.current;
  }

  /** The SSH targets of the settings, in order (this machine is not among them). */
  get targets(): readonly string[] {
    return this.current.targets;
  }

  /**
   * Adds an SSH target to the user's settings unless it is there already. @throws InvalidArgumentError when it is
   * not a target ssh can take (checked before anything is written).
   */
  async addTarget(target: string): Promise<void> {
    parseSshTarget(target);
    if (this.current.targets.includes(target)) return;
    await this.writeTargets([...this.current.targets, target]);
  }

  /** Removes an SSH target from the user's settings (nothing changes on that host). */
  async removeTarget(target: string): Promise<void> {
    await this.writeTargets(this.current.targets.filter((candidate) => candidate !== target));
  }

  dispose(): void {
    vscode.Disposable.from(...this.disposables).dispose();
  }

  private async writeTargets(targets: string[]): Promise<void> {
    await vscode.workspace.getConfiguration(SETTINGS_SECTION).update('targets', targets, vscode.ConfigurationTarget.Global);
    // The change event may come later than the write's promise; a caller reading the targets next sees them now.
    this.current = readSettings();
  }

  private onConfigurationChanged(event: vscode.ConfigurationChangeEvent): void {
    if (!event.affectsConfiguration(SETTINGS_SECTION)) return;
    this.current = readSettings();
    this.changes.fire(this.current);
  }
}

function readSettings(): Settings {
  const configuration = vscode.workspace.getConfiguration(SETTINGS_SECTION);
  return normalizeSettings((key) => configuration.get(key));
}
