// A node:test suite's throwaway users on the test sshd, made before its tests and removed after them. Apart from
// remote-users.ts, which the editor tests import too: this file reaches the command line's support through setup.ts,
// which cannot load in the editor's test bundle.
import { before } from 'node:test';
import type { Lab } from './lab.js';
import { createRemoteUsers, type RemoteUsers } from './remote-users.js';
import { testSetup } from './setup.js';
import { startTestSshServer, type TestSshServer } from './sshd.js';

export interface RemoteUsersSuite<H> {
  lab: Lab;
  /** The test sshd (once the suite's `before` hook has run). */
  readonly server: TestSshServer;
  /** This run's throwaway users on it (once the suite's `before` hook has run). */
  readonly users: RemoteUsers;
  /** Keeps a host to be closed after the suite; returns it. */
  keep(host: H): H;
}

/**
 * For a suite that logs in as the throwaway users: starts the test sshd and makes the users in a `before` hook;
 * after the suite, even when a test failed, closes the hosts kept, removes the users and stops the server.
 */
export function remoteUsersSuite<H extends { dispose(): Promise<void> }>(): RemoteUsersSuite<H> {
  let server: TestSshServer | undefined;
  let users: RemoteUsers | undefined;
  const hosts: H[] = [];
  const { lab } = testSetup({
    teardown: async () => {
      await Promise.all(hosts.map((host) => host.dispose()));
      users?.remove();
      await server?.stop();
    },
  });
  before(async () => {
    server = await startTestSshServer();
    users = createRemoteUsers(server, lab.prefix);
  });
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error("the test sshd and its users are made in the suite's before hook");
    return value;
  };
  return {
    lab,
    get server() {
      return started(server);
    },
    get users() {
      return started(users);
    },
    keep(host) {
      hosts.push(host);
      return host;
    },
  };
}
