/**
 * What the editor layer shares: the log, the settings, one Host per target, and the event that tells the tree
 * what changed. Everything here is disposed with the extension.
 */
import * as vscode from 'vscode';
import type { Host } from '../core/host/host.js';
import { GuardedHost } from '../core/host/guarded-host.js';
import { LocalHost } from '../core/host/local-host.js';
import { SshHost } from '../core/host/ssh-host.js';
import type { NamespaceName } from '../core/model.js';
import type { Settings } from '../core/settings.js';
import { readSettings, SETTINGS_SECTION } from './config.js';
import { whereOf, type Where } from './commands/where.js';
import { Log } from './log.js';
import { OneAtATime } from './one-at-a-time.js';
import { NotebookBackground } from './notebook/background-status.js';
import { LOCAL_TARGET_ID } from './targets.js';
import type { TargetNode } from './tree/nodes.js';

export { LOCAL_TARGET_ID };

/** What changed on a target: its list of namespaces, or the contents of some namespaces. */
export interface HostChange {
  targetId: string;
  /** Namespaces whose contents changed; absent: the list of namespaces (or everything) may have changed. */
  namespaces?: NamespaceName[];
  /** Check the labs against their files again too (Refresh, a deploy or destroy). */
  recheckLabs?: boolean;
}

export class Services implements vscode.Disposable {
  readonly log = new Log();
  /** What notebook cells left running in the background, per notebook. */
  readonly notebookBackground = new NotebookBackground(this.log);
  private currentSettings = readSettings();
  private readonly hosts = new Map<string, GuardedHost>();
  private readonly changes = new vscode.EventEmitter<HostChange>();
  private readonly settingsChanges = new vscode.EventEmitter<Settings>();
  /** Fired after a command changed a host, or when a watcher saw a change. */
  readonly onDidChangeHost = this.changes.event;
  readonly onDidChangeSettings = this.settingsChanges.event;
  private readonly disposables: vscode.Disposable[] = [this.log, this.changes, this.settingsChanges, this.notebookBackground];
  /** The target of the node selected in the Namespaces view, if any; the view sets this once it exists. */
  selectedTargetId: () => string | undefined = () => undefined;
  /** How many sudo password boxes were opened, on every target together (for the log and the tests). */
  passwordBoxesShown = 0;
  /** The password box in view, if any: a second one waits for it to close, so two never show at once. */
  private readonly passwordBoxes = new OneAtATime();
  /**
   * The sudo password given for each target, in memory only (never written anywhere): handed to sudo again when a
   * dropped SSH connection is made anew in the background (so no box opens uninvited), and to the terminals that
   * share the session's root (sudo -A). Forgotten once sudo refused it.
   */
  private readonly passwords = new Map<string, string>();

  constructor() {
    vscode.workspace.onDidChangeConfiguration(this.onConfigurationChanged, this, this.disposables);
  }

  get settings(): Settings {
    return this.currentSettings;
  }

  /** The targets the tree shows, in order: this machine, then the SSH targets of the settings. */
  targets(): TargetNode[] {
    const remote = this.currentSettings.targets.map((target): TargetNode => ({ kind: 'target', targetId: target, label: target }));
    return [{ kind: 'target', targetId: LOCAL_TARGET_ID, label: 'This machine' }, ...remote];
  }

  /** Where a target is, in the words of messages: " on lab1" once SSH targets are configured. */
  where(targetId: string): Where {
    return whereOf(targetId, this.targets().map((target) => target.targetId));
  }

  /**
   * A user acted on a target (a command, Try Again, Refresh; every target when none is named): if root was refused
   * there, the next need may ask for the password again. Background work never calls this, so it never asks twice.
   */
  allowPasswordPrompt(targetId?: string): void {
    for (const [id, host] of this.hosts) {
      if (targetId !== undefined && id !== targetId) continue;
      // A password sudo did not accept must be typed again, not handed over again.
      if (host.refused?.problem === 'passwordRefused') this.passwords.delete(id);
      host.allowAsking();
    }
  }

  /** The sudo password this session was given for a target, if it needed one. */
  sudoPassword(targetId: string): string | undefined {
    return this.passwords.get(targetId);
  }

  /** The host of a target, made on first use. */
  host(targetId: string): Host {
    let host = this.hosts.get(targetId);
    if (!host) {
      host = this.makeHost(targetId);
      this.hosts.set(targetId, host);
    }
    return host;
  }

  private makeHost(targetId: string): GuardedHost {
    const settings = this.currentSettings;
    const askPassword = settings.askForSudoPassword ? (message: string, where: string) => this.askSudoPassword(targetId, message, where) : undefined;
    const common = { privilege: settings.privilege, askPassword, observer: this.log.recordCommand };
    if (targetId === LOCAL_TARGET_ID) return new GuardedHost(new LocalHost(common));
    if (!settings.targets.includes(targetId)) throw new Error(`Unknown target ${JSON.stringify(targetId)}`);
    return new GuardedHost(new SshHost(targetId, { ...common, sshConfigFile: settings.sshConfigFile || undefined }));
  }

  /**
   * Asks for the sudo password in a password box; it goes to sudo on standard input and is never logged or written
   * anywhere. One box at a time: a second target's box opens once the first is closed. A target whose password was
   * given before (and not refused since) gets it again without a box: a dropped SSH connection made anew by a
   * watcher must not open one.
   */
  private askSudoPassword(targetId: string, message: string, where: string): Promise<string | undefined> {
    const known = this.passwords.get(targetId);
    if (known !== undefined) {
      this.log.info(`Handing sudo on ${where} the password given earlier this session`);
      return Promise.resolve(known);
    }
    return this.passwordBoxes.run(async () => {
      this.passwordBoxesShown++;
      this.log.info(`Asking for the sudo password for ${where}`);
      const answer = await vscode.window.showInputBox({ prompt: message, password: true, ignoreFocusOut: true, title: `Netns Lab: sudo password for ${where}` });
      if (answer !== undefined) this.passwords.set(targetId, answer);
      return answer;
    });
  }

  /** Tells the tree (and anyone listening) that something changed on a target. */
  notifyChanged(change: HostChange): void {
    this.changes.fire(change);
  }

  /** Stops what cells left in the background, then closes the hosts (which end whatever else they started). */
  async close(): Promise<void> {
    const hosts = [...this.hosts.values()];
    this.hosts.clear();
    await this.notebookBackground.stopEverything().catch(() => undefined);
    await Promise.all(hosts.map((host) => host.dispose().catch(() => undefined)));
  }

  dispose(): void {
    void this.close();
    vscode.Disposable.from(...this.disposables).dispose();
  }

  /**
   * Hosts keep the privilege and SSH settings they started with: those whose settings changed, or whose target was
   * removed, are closed (ending what they run) and start again on next use. The others are left alone, so adding
   * a target does not end the servers a notebook left running on this machine.
   */
  private closeHostsChangedBy(previous: Settings, current: Settings): void {
    const privilegeChanged = previous.privilege !== current.privilege || previous.askForSudoPassword !== current.askForSudoPassword;
    const sshChanged = privilegeChanged || previous.sshConfigFile !== current.sshConfigFile;
    // A target taken out of the settings takes its password along.
    for (const targetId of this.passwords.keys()) if (targetId !== LOCAL_TARGET_ID && !current.targets.includes(targetId)) this.passwords.delete(targetId);
    for (const [targetId, host] of this.hosts) {
      const changed = targetId === LOCAL_TARGET_ID ? privilegeChanged : sshChanged || !current.targets.includes(targetId);
      if (!changed) continue;
      void host.dispose();
      this.hosts.delete(targetId);
    }
  }

  private onConfigurationChanged(event: vscode.ConfigurationChangeEvent): void {
    if (!event.affectsConfiguration(SETTINGS_SECTION)) return;
    const previous = this.currentSettings;
    this.currentSettings = readSettings();
    this.closeHostsChangedBy(previous, this.currentSettings);
    // The view reloads as a whole on this event; no per-target change is needed on top.
    this.settingsChanges.fire(this.currentSettings);
  }
}
