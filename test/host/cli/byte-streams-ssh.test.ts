// netns-lab exec and run against a real sshd on 127.0.0.1: bytes both ways, a terminal on the target, Ctrl-C
// with nothing left on either side (processes, SSH connection, folder), background processes, and a notebook
// with a byte order mark and a docs site front matter that runs where it says.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import { shellCommand } from '../../../src/core/quote.js';
import { assertOneLine, CLI } from '../support/cli.js';
import { ip } from '../support/lab.js';
import { killIfRunning, waitForPids, waitUntilGone } from '../support/processes.js';
import { notebook, onTerminal, runRaw, sshControlFolders, startRaw } from '../support/raw-cli.js';
import { testSetup } from '../support/setup.js';
import { sshdMissingReason, startTestSshServer, type TestSshServer } from '../support/sshd.js';

describe('netns-lab exec and run over SSH: streams, signals and leftovers', { skip: sshdMissingReason() }, () => {
  let server: TestSshServer;
  let scratch: string;
  const pidsSeen: number[] = [];
  const { lab } = testSetup({
    teardown: async () => {
      killIfRunning(pidsSeen);
      await server?.stop();
      rmSync(scratch, { recursive: true, force: true });
    },
  });
  const namespace = lab.namespaceName('so');
  const overSsh = (...args: string[]): string[] => ['--ssh-config', server.configFile, '--target', server.alias, ...args];

  before(async () => {
    server = await startTestSshServer();
    ip('netns', 'add', namespace);
    scratch = mkdtempSync(join(tmpdir(), 'netns-lab-streams-ssh-'));
  });

  test('random bytes go out of and into exec byte for byte', async () => {
    const bytes = randomBytes(2_000_000);
    const file = join(scratch, 'remote.bin');
    writeFileSync(file, bytes);
    const out = await runRaw(overSsh('exec', namespace, '--', 'cat', file));
    assert.equal(out.status, 0, out.stderr);
    assert.ok(out.stdout.equals(bytes));
    const back = join(scratch, 'remote-in.bin');
    const into = await runRaw(overSsh('exec', namespace, '--', 'sh', '-c', 'cat > "$1"', 'sh', back), bytes);
    assert.equal(into.status, 0, into.stderr);
    assert.ok(readFileSync(back).equals(bytes));
  });

  test('on a terminal, exec on the target gives the command a terminal there (ssh -t)', async () => {
    const line = shellCommand([process.execPath, CLI, ...overSsh('exec', namespace, '--', 'bash', '--norc', '-c', 'tty; read -r -p "say: " word; echo "got:$word"; exit 6')]);
    const { status, screen } = await onTerminal(line, /say: $/u, 'remote\r');
    assert.match(screen, /\/dev\/pts\/\d+/u);
    assert.match(screen, /got:remote/u);
    assert.equal(status, 6);
  });

  test('SIGINT during a cell leaves no process, SSH connection or folder behind', async () => {
    const foldersBefore = sshControlFolders();
    const pidFile = join(scratch, 'ssh-int.pid');
    const file = join(scratch, 'ssh-int.netns.md');
    writeFileSync(file, notebook(`sleep 300 & echo $! > ${pidFile}; echo $$ >> ${pidFile}; wait`));
    const { child, done } = startRaw(overSsh('run', file));
    const pids = await waitForPids(pidFile, 2);
    pidsSeen.push(...pids);
    child.kill('SIGINT');
    const result = await done;
    assert.equal(result.status, 130);
    assertOneLine(result.stderr);
    assert.deepEqual(await waitUntilGone(pids), []);
    assert.deepEqual(
      sshControlFolders().filter((name) => !foldersBefore.includes(name)),
      [],
    );
  });

  test('a notebook with a byte order mark and a docs site front matter runs on the target and in the namespace it names', async () => {
    const file = join(scratch, 'site-page.netns.md');
    const frontMatter = `---\ntitle: "Lab 1"\nlayout: post\ntags: [netns]\ntarget: ${server.alias}\nnetns: ${namespace}\n---\n`;
    writeFileSync(file, `\uFEFF${frontMatter}\n# Lab 1\n\n\`\`\`sh\necho "over-ssh=\${SSH_CONNECTION:+yes}"; ip -o link show | cut -d: -f2\n\`\`\`\n`);
    const result = await runRaw(['--ssh-config', server.configFile, 'run', file]);
    const text = result.stdout.toString();
    assert.equal(result.status, 0, `${text}${result.stderr}`);
    assert.match(text, /over-ssh=yes/u);
    assert.match(text, new RegExp(`in ${namespace}`, 'u'));
    // A fresh namespace has only its loopback interface.
    assert.deepEqual(
      text.split('\n').filter((line) => /^ \S+$/u.test(line)),
      [' lo'],
    );
  });

  test('run: a background server does not hold the run over SSH, and is gone after', async () => {
    const pidFile = join(scratch, 'ssh-server.pid');
    const file = join(scratch, 'ssh-background.netns.md');
    writeFileSync(file, notebook(`sleep 300 & echo $! > ${pidFile}`, `kill -0 "$(cat ${pidFile})" && echo remote-server-alive`));
    const result = await runRaw(overSsh('run', file));
    const [pid] = await waitForPids(pidFile, 1);
    pidsSeen.push(pid!);
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout.toString(), /remote-server-alive/u);
    assert.deepEqual(await waitUntilGone([pid!]), []);
  });
});
