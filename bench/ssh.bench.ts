/**
 * Over SSH, against a real sshd on 127.0.0.1 (the tests' server, with its own keys): the latency of one command and
 * a 100-namespace snapshot through SshHost, against the same through LocalHost and against a fresh `ssh` per
 * command. Targets: a command within 1.3x of local, the snapshot within 1.2x of local, at least 5x faster than a
 * fresh ssh per command.
 */
import { execa } from 'execa';
import { LocalHost, readSnapshot, SshHost } from '../src/core/index.js';
import { sshdMissingReason, startTestSshServer } from '../test/host/support/sshd.js';
import { ipBatch, measure, PREFIX, removeLab, report } from './support.js';

export async function benchmarkSsh(): Promise<void> {
  const missing = sshdMissingReason();
  if (missing) return console.log(`\nSSH: skipped (${missing})`);
  const server = await startTestSshServer();
  const local = new LocalHost();
  const remote = new SshHost(server.alias, { sshConfigFile: server.configFile });
  try {
    await Promise.all([local.run(['true']), remote.run(['true'])]);
    const commands = await measure(
      [
        { name: 'SshHost: true', run: () => remote.run(['true']) },
        { name: 'LocalHost: true', run: () => local.run(['true']) },
        { name: 'a fresh ssh per command: true', run: () => execa('ssh', ['-F', server.configFile, server.alias, 'true']) },
      ],
      15,
    );
    report('One command (median of 15)', commands, 'SshHost: true', { 'LocalHost: true': '>= 0.77x (ours within 1.3x)', 'a fresh ssh per command: true': '>= 5x' });
    await ipBatch(Array.from({ length: 100 }, (_, index) => `netns add ${PREFIX}h${index}`));
    const snapshots = await measure(
      [
        { name: 'SshHost: readSnapshot', run: () => readSnapshot(remote) },
        { name: 'LocalHost: readSnapshot', run: () => readSnapshot(local) },
      ],
      5,
    );
    report('Snapshot of 100 namespaces (median of 5)', snapshots, 'SshHost: readSnapshot', { 'LocalHost: readSnapshot': '>= 0.83x (ours within 1.2x)' });
  } finally {
    await remote.dispose();
    await local.dispose();
    await server.stop();
    await removeLab();
  }
}
