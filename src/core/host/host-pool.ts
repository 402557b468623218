/**
 * One Host per target, made on first use and closed together: what the command line and the editor both keep
 * for the targets they work on. A host holds long-lived shells (and over SSH a connection), so it is made once and
 * every command to that target shares it.
 */
import type { CommandObserver, Host } from './host.js';
import { LocalHost } from './local-host.js';
import type { PasswordPrompt, PrivilegeMode } from './privilege.js';
import { SshHost } from './ssh-host.js';
import { LOCAL_TARGET } from './ssh-target.js';

/** How the pool's hosts are made. */
export interface HostPoolSettings {
  privilege: PrivilegeMode;
  /** Asks for a sudo password when a host needs one (each host asks at most once per connection). */
  askPassword?: PasswordPrompt;
  /** Instead of `askPassword`: the prompt for one target, for a front end that keeps what was given per target. */
  passwordPromptFor?: (target: string) => PasswordPrompt;
  /** An ssh config file to use instead of ~/.ssh/config. */
  sshConfigFile?: string;
  /** Told of every command the hosts run (the editor's log). */
  observer?: CommandObserver;
}

/**
 * `wrap` lets a front end keep each host behind its own layer (the editor's GuardedHost, which keeps a refusal of
 * root until the user acts).
 */
export class HostPool<H extends Host = Host> {
  private readonly hosts = new Map<string, H>();

  constructor(
    private settings: HostPoolSettings,
    private readonly wrap: (host: Host, target: string) => H = (host) => host as H,
  ) {}

  /**
   * The host of a target id: `LOCAL_TARGET` is this machine, anything else an SSH target (an invalid one is refused
   * here, with InvalidArgumentError). What a user may write for this machine (`localhost`, nothing) is for the
   * front end to map to `LOCAL_TARGET` first, with `isLocalTarget`.
   */
  host(target: string): H {
    let host = this.hosts.get(target);
    if (!host) {
      host = this.makeHost(target);
      this.hosts.set(target, host);
    }
    return host;
  }

  /**
   * Takes new settings. Hosts keep the settings they started with, so those the change affects are closed (ending
   * what they run) and start again on next use, and so are SSH hosts whose target is no longer in `targets` (when
   * given). The others are left alone: adding an SSH target does not end what runs on this machine.
   */
  reset(settings: HostPoolSettings, targets?: readonly string[]): void {
    const previous = this.settings;
    this.settings = settings;
    const privilegeChanged = previous.privilege !== settings.privilege || asksForPasswords(previous) !== asksForPasswords(settings);
    const sshChanged = privilegeChanged || (previous.sshConfigFile ?? '') !== (settings.sshConfigFile ?? '');
    for (const [target, host] of this.hosts) {
      const changed = target === LOCAL_TARGET ? privilegeChanged : sshChanged || (targets !== undefined && !targets.includes(target));
      if (!changed) continue;
      void host.dispose();
      this.hosts.delete(target);
    }
  }

  /** The hosts made so far, with their targets. */
  entries(): IterableIterator<[string, H]> {
    return this.hosts.entries();
  }

  /** Closes every host (ending whatever it started); a later `host()` makes a new one. */
  async dispose(): Promise<void> {
    const hosts = [...this.hosts.values()];
    this.hosts.clear();
    await Promise.all(hosts.map((host) => host.dispose().catch(() => undefined)));
  }

  private makeHost(target: string): H {
    const { privilege, observer, sshConfigFile } = this.settings;
    const askPassword = this.settings.passwordPromptFor?.(target) ?? this.settings.askPassword;
    if (target === LOCAL_TARGET) return this.wrap(new LocalHost({ privilege, askPassword, observer }), target);
    return this.wrap(new SshHost(target, { privilege, askPassword, observer, sshConfigFile }), target);
  }
}

function asksForPasswords(settings: HostPoolSettings): boolean {
  return Boolean(settings.askPassword ?? settings.passwordPromptFor);
}
