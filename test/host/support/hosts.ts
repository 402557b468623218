// The hosts the core's behavioural suites run against: this machine through LocalHost, and the same machine through
// SshHost logging in as root to a real sshd on 127.0.0.1 (started for the suite, stopped by its pid after it). One
// test body, run once per host, proves both: what the SSH host changes and reads is this machine's, so the tests
// check it with plain `ip` and /run/netns just the same.
// This is not a set-up of the file: each host is opened and closed by its own suite, since one file runs its body
// once per host. The lab, and its removal, come from testSetup (setup.ts), called inside or above those suites.
import type { CommandObserver, Host } from '../../../src/core/host/host.js';
import { LocalHost } from '../../../src/core/host/local-host.js';
import { SshHost } from '../../../src/core/host/ssh-host.js';
import { sshdMissingReason, startTestSshServer, type TestSshServer } from './sshd.js';

export interface HostUnderTest {
  /** For suite titles: `LocalHost` or `SshHost`. */
  label: string;
  /** Why this host cannot be tested here (its suite is then skipped), or undefined. */
  skip: string | undefined;
  /** Opens the host (starting what it needs); call from a `before` hook. */
  open(options?: { observer?: CommandObserver }): Promise<Host>;
  /** Closes the host and whatever open() started; call from an `after` hook (safe when open() failed or never ran). */
  close(): Promise<void>;
}

/** A fresh LocalHost and SshHost pair for one file's suites. */
export function hostsUnderTest(): HostUnderTest[] {
  return [localHostUnderTest(), sshHostUnderTest()];
}

function localHostUnderTest(): HostUnderTest {
  let host: LocalHost | undefined;
  return {
    label: 'LocalHost',
    skip: undefined,
    async open(options = {}) {
      host = new LocalHost(options);
      return host;
    },
    async close() {
      await host?.dispose();
    },
  };
}

function sshHostUnderTest(): HostUnderTest {
  let server: TestSshServer | undefined;
  let host: SshHost | undefined;
  return {
    label: 'SshHost',
    skip: sshdMissingReason(),
    async open(options = {}) {
      server = await startTestSshServer();
      host = new SshHost(server.alias, { sshConfigFile: server.configFile, ...options });
      return host;
    },
    async close() {
      await host?.dispose();
      await server?.stop();
    },
  };
}
