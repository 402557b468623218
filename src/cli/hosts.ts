/** The hosts a command-line run works on: this machine, or targets reached over SSH, all closed at the end. */
import type { Host } from '../core/host/host.js';
import { LocalHost } from '../core/host/local-host.js';
import type { PasswordPrompt, PrivilegeMode } from '../core/host/privilege.js';
import { SshHost } from '../core/host/ssh-host.js';
import { isLocalTarget } from '../core/host/ssh-target.js';

export interface HostOptions {
  privilege: PrivilegeMode;
  /** An ssh config file to use instead of ~/.ssh/config. */
  sshConfigFile?: string;
  /** Asks for a sudo password when a host needs one (each host asks at most once per connection). */
  askPassword?: PasswordPrompt;
}

/** Opens each target once and closes them all in `dispose`. */
export class HostRegistry {
  private readonly hosts = new Map<string, Host>();

  constructor(private readonly options: HostOptions) {}

  host(target?: string): Host {
    const key = isLocalTarget(target) ? 'local' : target;
    let host = this.hosts.get(key);
    if (!host) {
      const { privilege, askPassword, sshConfigFile } = this.options;
      host = key === 'local' ? new LocalHost({ privilege, askPassword }) : new SshHost(key, { privilege, askPassword, sshConfigFile });
      this.hosts.set(key, host);
    }
    return host;
  }

  async dispose(): Promise<void> {
    await Promise.all([...this.hosts.values()].map((host) => host.dispose()));
    this.hosts.clear();
  }
}
