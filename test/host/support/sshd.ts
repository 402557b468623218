// A real OpenSSH server for tests, on 127.0.0.1 and a free port, with its own host key, config and a fresh client
// key; plus a client ssh config file whose aliases reach it in the ways the tests need (good, unknown host key,
// changed host key, wrong user, dead port), and, on request, an alias per local user it authorises with the same key. Stopped by its
// own pid, never by name.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { appendFileSync, chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const SSHD_PATH = '/usr/sbin/sshd';

/** Why the SSH tests cannot run here, or undefined when they can. */
export function sshdMissingReason(): string | undefined {
  if (!existsSync(SSHD_PATH)) return `${SSHD_PATH} is not installed (scripts/setup.sh installs openssh-server)`;
  if (spawnSync('ssh', ['-V']).error) return 'the OpenSSH client (ssh) is not installed (scripts/setup.sh installs openssh-client)';
  if (process.getuid?.() !== 0) return 'the test sshd logs in as root, so the tests must run as root';
  return undefined;
}

export interface TestSshServer {
  readonly port: number;
  /** A port where nothing listens (found free, then left closed). */
  readonly deadPort: number;
  /** The client config file to pass as `sshConfigFile` (ssh -F). */
  readonly configFile: string;
  /** Alias that logs in as root with a known host key. */
  readonly alias: string;
  /** Alias whose known_hosts file lacks the server's key (StrictHostKeyChecking yes). */
  readonly unknownKeyAlias: string;
  /** Alias whose known_hosts file records another key for the server, as after a reinstall. */
  readonly changedKeyAlias: string;
  /** Alias that logs in as a user that does not exist. */
  readonly wrongUserAlias: string;
  /** Alias pointing at `deadPort`. */
  readonly deadAlias: string;
  /** A folder for the test's own files, removed by stop(). */
  readonly folder: string;
  /** The listening sshd's pid: each connection is served by a child of it. */
  readonly pid: number;
  /** Lets a local user log in with the test key and returns a client alias that logs in as that user. */
  authorize(user: string): string;
  stop(): Promise<void>;
}

/** Starts sshd and waits until it listens. */
export async function startTestSshServer(): Promise<TestSshServer> {
  const folder = mkdtempSync(join(tmpdir(), 'netns-lab-sshd-'));
  try {
    mkdirSync('/run/sshd', { recursive: true, mode: 0o755 }); // sshd's privilege separation directory
    const port = await freePort();
    const deadPort = await freePort();
    keygen(join(folder, 'host_ed25519'));
    keygen(join(folder, 'client_ed25519'));
    // sshd reads a user's authorized keys as that user, so other users must be able to reach (not list) this
    // folder and read their own key file; what they can read there is public (keys, known hosts, configs).
    chmodSync(folder, 0o711);
    mkdirSync(join(folder, 'keys'), { mode: 0o711 });
    const publicKey = readFileSync(join(folder, 'client_ed25519.pub'));
    writeFileSync(join(folder, 'keys', 'root'), publicKey, { mode: 0o600 });
    const hostKey = readFileSync(join(folder, 'host_ed25519.pub'), 'utf8').trim().split(' ').slice(0, 2).join(' ');
    writeFileSync(join(folder, 'known_hosts'), `[127.0.0.1]:${port} ${hostKey}\n`);
    writeFileSync(join(folder, 'empty_known_hosts'), '');
    keygen(join(folder, 'old_host_ed25519'));
    const oldKey = readFileSync(join(folder, 'old_host_ed25519.pub'), 'utf8').trim().split(' ').slice(0, 2).join(' ');
    writeFileSync(join(folder, 'changed_known_hosts'), `[127.0.0.1]:${port} ${oldKey}\n`);
    writeFileSync(join(folder, 'sshd_config'), serverConfig(folder, port));
    const configFile = join(folder, 'ssh_config');
    writeFileSync(configFile, clientConfig(folder, port, deadPort));
    const child = await startSshd(join(folder, 'sshd_config'));
    return {
      port,
      deadPort,
      configFile,
      alias: 'netnslab-test',
      unknownKeyAlias: 'netnslab-unknown-key',
      changedKeyAlias: 'netnslab-changed-key',
      wrongUserAlias: 'netnslab-wrong-user',
      deadAlias: 'netnslab-dead',
      folder,
      pid: child.pid!,
      authorize(user) {
        writeFileSync(join(folder, 'keys', user), publicKey, { mode: 0o644 });
        const alias = `netnslab-as-${user}`;
        appendFileSync(configFile, ['', `Host ${alias}`, ...clientCommon(folder), `  UserKnownHostsFile ${join(folder, 'known_hosts')}`, `  Port ${port}`, `  User ${user}`, ''].join('\n'));
        return alias;
      },
      stop: () => stopSshd(child, folder),
    };
  } catch (error) {
    rmSync(folder, { recursive: true, force: true });
    throw error;
  }
}

function serverConfig(folder: string, port: number): string {
  return [
    `Port ${port}`,
    'ListenAddress 127.0.0.1',
    `HostKey ${join(folder, 'host_ed25519')}`,
    `PidFile ${join(folder, 'sshd.pid')}`,
    `AuthorizedKeysFile ${join(folder, 'keys', '%u')}`,
    'PermitRootLogin prohibit-password',
    'PubkeyAuthentication yes',
    'PasswordAuthentication no',
    'KbdInteractiveAuthentication no',
    'UsePAM no',
    // The key files live under /tmp, which is world-writable: strict modes would refuse them.
    'StrictModes no',
    // Each pooled shell is one session on the shared connection.
    'MaxSessions 30',
    'PrintMotd no',
    'Subsystem sftp internal-sftp',
    '',
  ].join('\n');
}

function clientCommon(folder: string): string[] {
  return ['  HostName 127.0.0.1', `  IdentityFile ${join(folder, 'client_ed25519')}`, '  IdentitiesOnly yes', '  StrictHostKeyChecking yes', '  GlobalKnownHostsFile /dev/null'];
}

function clientConfig(folder: string, port: number, deadPort: number): string {
  const common = clientCommon(folder);
  const known = `  UserKnownHostsFile ${join(folder, 'known_hosts')}`;
  return [
    'Host netnslab-test',
    ...common,
    known,
    `  Port ${port}`,
    '  User root',
    'Host netnslab-unknown-key',
    ...common,
    `  UserKnownHostsFile ${join(folder, 'empty_known_hosts')}`,
    `  Port ${port}`,
    '  User root',
    'Host netnslab-changed-key',
    ...common,
    `  UserKnownHostsFile ${join(folder, 'changed_known_hosts')}`,
    `  Port ${port}`,
    '  User root',
    'Host netnslab-wrong-user',
    ...common,
    known,
    `  Port ${port}`,
    '  User netnslab-no-such-user',
    'Host netnslab-dead',
    ...common,
    known,
    `  Port ${deadPort}`,
    '  User root',
    // For ssh://root@127.0.0.1:PORT targets: port and user come from the URL.
    'Host 127.0.0.1',
    ...common,
    known,
    '',
  ].join('\n');
}

function keygen(file: string): void {
  const result = spawnSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', 'netns-lab-test', '-f', file], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`ssh-keygen failed: ${result.stderr || result.error?.message}`);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** Starts `sshd -D -e` and resolves once it says it listens (its log goes to stderr). */
function startSshd(config: string): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(SSHD_PATH, ['-D', '-e', '-f', config], { stdio: ['ignore', 'ignore', 'pipe'] });
    let log = '';
    let listening = false;
    const timer = setTimeout(() => fail(new Error(`sshd did not start listening within 10 s: ${log}`)), 10_000);
    const fail = (error: Error): void => {
      clearTimeout(timer);
      if (child.exitCode === null) child.kill('SIGKILL');
      reject(error);
    };
    child.once('error', fail);
    child.once('exit', (code) => fail(new Error(`sshd exited (${code}) before listening: ${log}`)));
    child.stderr!.setEncoding('utf8');
    child.stderr!.on('data', (text: string) => {
      // Keep draining the log after start-up, so sshd never blocks on a full pipe.
      log = (log + text).slice(-8000);
      if (!listening && /Server listening on/u.test(log)) {
        listening = true;
        clearTimeout(timer);
        child.removeAllListeners('exit');
        child.removeAllListeners('error');
        resolve(child);
      }
    });
  });
}

async function stopSshd(child: ChildProcess, folder: string): Promise<void> {
  if (child.exitCode === null && child.signalCode === null) {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
    await exited;
    clearTimeout(timer);
  }
  rmSync(folder, { recursive: true, force: true });
}
