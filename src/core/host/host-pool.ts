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
  /** An ssh config file to use instead of ~/.ssh/config. */
  sshConfigFile?: string;
  /** Told of every command the hosts run (the editor's log). */
  observer?: CommandObserver;
}

export class HostPool {
  private readonly hosts = new Map<string, Host>();

  constructor(private settings: HostPoolSettings) {}

  /**
   * The host of a target id: `LOCAL_TARGET` is this machine, anything else an SSH target (an invalid one is refused
   * here, with InvalidArgumentError). What a user may write for this machine (`localhost`, nothing) is for the
   * front end to map to `LOCAL_TARGET` first, with `isLocalTarget`.
   */
  host(target: string): Host {
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
    const privilegeChanged = previous.privilege !== settings.privilege || Boolean(previous.askPassword) !== Boolean(settings.askPassword);
    const sshChanged = privilegeChanged || (previous.sshConfigFile ?? '') !== (settings.sshConfigFile ?? '');
    for (const [target, host] of this.hosts) {
      const changed = target === LOCAL_TARGET ? privilegeChanged : sshChanged || (targets !== undefined && !targets.includes(target));
      if (!changed) continue;
      void host.dispose();
      this.hosts.delete(target);
    }
  }

  /** Closes every host (ending whatever it started); a later `host()` makes a new one. */
  async dispose(): Promise<void> {
    const hosts = [...this.hosts.values()];
    this.hosts.clear();
    await Promise.all(hosts.map((host) => host.dispose().catch(() => undefined)));
  }

  private makeHost(target: string): Host {
    const { privilege, askPassword, observer, sshConfigFile } = this.settings;
    if (target === LOCAL_TARGET) return new LocalHost({ privilege, askPassword, observer });
    return new SshHost(target, { privilege, askPassword, observer, sshConfigFile });
  }
}
