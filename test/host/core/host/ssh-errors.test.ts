// Host-key advice names the known_hosts file the ssh configuration really uses: read from what `ssh -G` prints
// for a config written here, and seen end to end against a real sshd whose recorded key is wrong or missing.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HostError } from '../../../../src/core/errors.js';
import { knownHostsFacts, sshConnectionError } from '../../../../src/core/host/ssh-errors.js';
import { SshHost } from '../../../../src/core/host/ssh-host.js';
import { sshdMissingReason, startTestSshServer, type TestSshServer } from '../../support/sshd.js';

const CHANGED_KEY_STDERR = '@@@@@@@@@@@\n@    WARNING: REMOTE HOST IDENTIFICATION HAS CHANGED!     @\n@@@@@@@@@@@\nHost key verification failed.\n';

/** What `ssh -G` prints for `alias` under the config `text` (written to a scratch file). */
function sshG(text: string, alias: string): string {
  const folder = mkdtempSync(join(tmpdir(), 'netns-lab-ssh-g-'));
  try {
    writeFileSync(join(folder, 'config'), text);
    const result = spawnSync('ssh', ['-G', '-F', join(folder, 'config'), alias], { encoding: 'utf8' });
    assert.equal(result.status, 0, result.stderr);
    return result.stdout;
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

describe('known_hosts facts from ssh -G', { skip: spawnSync('ssh', ['-V']).error ? 'no ssh client' : undefined }, () => {
  test('a UserKnownHostsFile of the config is the file, and an odd port goes into the key name', () => {
    const facts = knownHostsFacts(sshG('Host lab\n  HostName 192.0.2.7\n  Port 2222\n  UserKnownHostsFile /srv/keys/lab_hosts\n', 'lab'));
    assert.deepEqual(facts, { hostKeyName: '[192.0.2.7]:2222', files: ['/srv/keys/lab_hosts'] });
  });

  test('on port 22 the key name is the bare host name; with two files the first one counts', () => {
    const facts = knownHostsFacts(sshG('Host lab\n  HostName lab.example\n  UserKnownHostsFile /a/one /a/two\n', 'lab'));
    assert.deepEqual(facts, { hostKeyName: 'lab.example', files: ['/a/one', '/a/two'] });
  });

  test('a HostKeyAlias is the name known_hosts records, without the port', () => {
    const facts = knownHostsFacts(sshG('Host lab\n  HostName 192.0.2.7\n  Port 2222\n  HostKeyAlias labkey\n  UserKnownHostsFile /k\n', 'lab'));
    assert.equal(facts?.hostKeyName, 'labkey');
  });

  test('text without a known_hosts file gives nothing, and the advice stays generic', () => {
    assert.equal(knownHostsFacts('hostname lab\nport 22\n'), undefined);
    assert.match(sshConnectionError('lab', CHANGED_KEY_STDERR).message, /ssh-keygen -R HOST\)/u);
  });

  test('the changed-key advice quotes the key name for a shell and names the file with -f', () => {
    const message = sshConnectionError('lab', CHANGED_KEY_STDERR, { hostKeyName: '[192.0.2.7]:2222', files: ['/srv/keys/lab hosts'] }).message;
    assert.ok(message.includes(`ssh-keygen -R '[192.0.2.7]:2222' -f '/srv/keys/lab hosts'`), message);
  });
});

describe('host-key refusals against a real sshd', { skip: sshdMissingReason() }, () => {
  let server: TestSshServer;

  before(async () => {
    server = await startTestSshServer();
  });
  after(async () => {
    await server?.stop();
  });

  async function connectionError(alias: string): Promise<string> {
    const host = new SshHost(alias, { sshConfigFile: server.configFile });
    try {
      const error = await host.run(['true']).then(
        () => undefined,
        (caught: unknown) => caught,
      );
      assert.ok(error instanceof HostError, String(error));
      return error.message;
    } finally {
      await host.dispose();
    }
  }

  test('a changed host key says to remove it from the UserKnownHostsFile the config names, under [HOST]:PORT', async () => {
    const message = await connectionError(server.changedKeyAlias);
    const file = join(server.folder, 'changed_known_hosts');
    assert.ok(message.includes(`ssh-keygen -R '[127.0.0.1]:${server.port}' -f ${file}`), message);
  });

  test('an unknown host key names the file the key would be added to', async () => {
    const message = await connectionError(server.unknownKeyAlias);
    assert.ok(message.includes(`add it to ${join(server.folder, 'empty_known_hosts')}`), message);
  });
});
