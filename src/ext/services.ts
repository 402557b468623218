/**
 * What the editor layer shares: the log, the settings, one Host per target, and the event that tells the tree
 * what changed. Everything here is disposed with the extension.
 */
import * as vscode from 'vscode';
import type { Host } from '../core/host/host.js';
import { GuardedHost } from '../core/host/guarded-host.js';
import { HostPool, type HostPoolSettings } from '../core/host/host-pool.js';
import type { NamespaceName } from '../core/model.js';
import type { Settings } from '../core/settings.js';
import { LOCAL_TARGET } from '../core/host/ssh-target.js';
import { Config } from './config.js';
import { whereOf, type Where } from './view-model/where.js';
import { Log } from './log.js';
import { NotebookBackground } from './notebook-background.js';
import { NotebookTargetChoices } from './notebook-target-choices.js';
import { OneAtATime } from './ui/one-at-a-time.js';
import type { TargetNode } from './view-model/tree-nodes.js';

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
  /** Where each lab notebook's cells run when picked in its toolbar, for this session. */
  readonly notebookTargets = new NotebookTargetChoices();
  /** The settings: read and written only through here. */
  readonly config = new Config();
  /** Each host behind a guard that keeps a refusal of root until the user acts (see GuardedHost). */
  private readonly hosts = new HostPool(this.hostSettings(), (host) => new GuardedHost(host));
  private readonly changes = new vscode.EventEmitter<HostChange>();
  private readonly settingsChanges = new vscode.EventEmitter<Settings>();
  /** Fired after a command changed a host, or when a watcher saw a change. */
  readonly onDidChangeHost = this.changes.event;
  readonly onDidChangeSettings = this.settingsChanges.event;
  private readonly disposables: vscode.Disposable[] = [this.log, this.config, this.changes, this.settingsChanges, this.notebookBackground, this.notebookTargets];
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
    this.config.onDidChange(this.onSettingsChanged, this, this.disposables);
  }

  get settings(): Settings {
    return this.config.settings;
  }

  /** The targets the tree shows, in order: this machine, then the SSH targets of the settings. */
  targets(): TargetNode[] {
    const remote = this.config.settings.targets.map((target): TargetNode => ({ kind: 'target', targetId: target, label: target }));
    return [{ kind: 'target', targetId: LOCAL_TARGET, label: 'This machine' }, ...remote];
  }

  /** Where a target is, in the words of messages: " on lab1" once SSH targets are configured. */
  where(targetId: string): Where {
    return whereOf(
      targetId,
      this.targets().map((target) => target.targetId),
    );
  }

  /**
   * A user acted on a target (a command, Try Again, Refresh; every target when none is named): if root was refused
   * there, the next need may ask for the password again. Background work never calls this, so it never asks twice.
   */
  allowPasswordPrompt(targetId?: string): void {
    for (const [id, host] of this.hosts.entries()) {
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

  /** The host of a target (this machine or a configured SSH target), made on first use. */
  host(targetId: string): Host {
    if (targetId !== LOCAL_TARGET && !this.config.settings.targets.includes(targetId)) throw new Error(`Unknown target ${JSON.stringify(targetId)}`);
    return this.hosts.host(targetId);
  }

  private hostSettings(): HostPoolSettings {
    const settings = this.config.settings;
    return {
      privilege: settings.privilege,
      passwordPromptFor: settings.askForSudoPassword ? (targetId) => (message, where) => this.askSudoPassword(targetId, message, where) : undefined,
      observer: this.log.recordCommand,
      sshConfigFile: settings.sshConfigFile || undefined,
    };
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
    await this.notebookBackground.stopEverything().catch(() => undefined);
    await this.hosts.dispose();
  }

  dispose(): void {
    void this.close();
    vscode.Disposable.from(...this.disposables).dispose();
  }

  private onSettingsChanged(settings: Settings): void {
    // A target taken out of the settings takes its password along.
    for (const targetId of this.passwords.keys()) if (targetId !== LOCAL_TARGET && !settings.targets.includes(targetId)) this.passwords.delete(targetId);
    // Hosts whose settings changed, or whose target was removed, start again on next use; the others stay, so adding
    // a target does not end the servers a notebook left running on this machine.
    this.hosts.reset(this.hostSettings(), settings.targets);
    // The view reloads as a whole on this event; no per-target change is needed on top.
    this.settingsChanges.fire(settings);
  }
}
