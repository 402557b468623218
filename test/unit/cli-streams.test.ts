// netns-lab exec and run as a shell user meets them: bytes unchanged both ways, standard input from a pipe and a
// terminal, a reader that goes away, 1 GB with flat memory, background processes that neither hang a run nor
// outlive it, Ctrl-C and kill with nothing left behind, and one-line errors. Locally and over a real sshd.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { shellCommand } from '../../src/core/quote.js';
import { assertOneLine, CLI } from './support/cli.js';
import { createLab, ip } from './support/lab.js';
import { killIfRunning, waitForPids, waitUntilGone } from './support/processes.js';
import { sshdMissingReason, startTestSshServer, type TestSshServer } from './support/sshd.js';

interface RawResult {
  status: number | null;
  stdout: Buffer;
  stderr: string;
}

/** Starts the CLI with its standard input fed from `input` (or closed), collecting its output as bytes. */
function startRaw(args: readonly string[], input?: Buffer | string): { child: ChildProcess; done: Promise<RawResult> } {
  const child = spawn(process.execPath, [CLI, ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
  const stdout: Buffer[] = [];
  let stderr = '';
  child.stdout!.on('data', (chunk: Buffer) => stdout.push(chunk));
  child.stderr!.setEncoding('utf8').on('data', (text: string) => (stderr += text));
  child.stdin!.on('error', () => undefined);
  child.stdin!.end(input);
  const guard = setTimeout(() => child.kill('SIGKILL'), 120_000);
  const done = new Promise<RawResult>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (status) => (clearTimeout(guard), resolve({ status, stdout: Buffer.concat(stdout), stderr })));
  });
  return { child, done };
}

function runRaw(args: readonly string[], input?: Buffer | string): Promise<RawResult> {
  return startRaw(args, input).done;
}

/** Runs a shell command line on a real pseudo-terminal (script), typing `keys` once `ready` shows on it. */
function onTerminal(commandLine: string, ready: RegExp, keys: string): Promise<{ status: number | null; screen: string }> {
  const child = spawn('script', ['-qec', commandLine, '/dev/null'], { stdio: ['pipe', 'pipe', 'pipe'] });
  const guard = setTimeout(() => child.kill('SIGKILL'), 60_000);
  let screen = '';
  let typed = false;
  child.stdout.setEncoding('utf8').on('data', (text: string) => {
    screen += text;
    if (!typed && ready.test(screen)) {
      typed = true;
      child.stdin.write(keys);
    }
  });
  return new Promise((resolve) => child.on('close', (status) => (clearTimeout(guard), resolve({ status, screen }))));
}

/** Folders of SSH control sockets this machine has now (the CLI makes one per SSH target and removes it). */
function sshControlFolders(): string[] {
  return readdirSync(tmpdir()).filter((name) => name.startsWith('netns-lab-ssh-'));
}

function notebook(...cells: string[]): string {
  return cells.map((cell) => `\`\`\`sh\n${cell}\n\`\`\`\n`).join('\n');
}

describe('netns-lab exec and run: streams, signals and leftovers', () => {
  const lab = createLab();
  const namespace = lab.namespaceName('io');
  let scratch: string;
  const pidsSeen: number[] = [];

  before(() => {
    ip('netns', 'add', namespace);
    scratch = mkdtempSync(join(tmpdir(), 'netns-lab-streams-'));
  });
  after(() => {
    killIfRunning(pidsSeen);
    rmSync(scratch, { recursive: true, force: true });
    lab.cleanup();
  });

  test('3 MB of random bytes come out of exec byte for byte', async () => {
    const bytes = randomBytes(3_000_000);
    const file = join(scratch, 'out.bin');
    writeFileSync(file, bytes);
    const result = await runRaw(['exec', namespace, '--', 'cat', file]);
    assert.equal(result.status, 0, result.stderr);
    assert.ok(result.stdout.equals(bytes), `got ${result.stdout.length} bytes of ${bytes.length}, or different ones`);
  });

  test('3 MB of random bytes go into exec through a pipe byte for byte', async () => {
    const bytes = randomBytes(3_000_000);
    const file = join(scratch, 'in.bin');
    const result = await runRaw(['exec', namespace, '--', 'sh', '-c', 'cat > "$1"', 'sh', file], bytes);
    assert.equal(result.status, 0, result.stderr);
    assert.ok(readFileSync(file).equals(bytes));
  });

  test('a line piped into exec reaches the command', async () => {
    const file = join(scratch, 'important');
    const result = await runRaw(['exec', namespace, '--', 'sh', '-c', 'cat > "$1"', 'sh', file], 'important\n');
    assert.equal(result.status, 0, result.stderr);
    assert.equal(readFileSync(file, 'utf8'), 'important\n');
  });

  test('on a terminal, exec gives the command a terminal it can read typed lines from', async () => {
    const line = shellCommand([process.execPath, CLI, 'exec', namespace, '--', 'bash', '--norc', '-c', 'tty; read -r -p "say: " word; echo "got:$word"; exit 5']);
    const { status, screen } = await onTerminal(line, /say: $/u, 'hello\r');
    assert.match(screen, /\/dev\/pts\/\d+/u);
    assert.match(screen, /got:hello/u);
    assert.equal(status, 5);
  });

  test('a reader that goes away (| head) ends exec quietly, with the closed-pipe status', async () => {
    const line = `${shellCommand([process.execPath, CLI, 'exec', namespace, '--', 'seq', '1', '100000000'])} 2>"$1" | head -n 2; echo "status=\${PIPESTATUS[0]}"`;
    const errors = join(scratch, 'epipe.err');
    const child = spawn('bash', ['-c', line, 'bash', errors], { stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (text: string) => (output += text));
    await new Promise((resolve) => child.on('close', resolve));
    assert.equal(output, '1\n2\nstatus=141\n');
    assert.equal(readFileSync(errors, 'utf8'), '');
  });

  test('1 GB passes through exec with flat memory', async () => {
    const { child, done } = startRaw(['exec', namespace, '--', 'head', '-c', '1000000000', '/dev/zero']);
    let peakKb = 0;
    const sample = setInterval(() => {
      const status = (() => {
        try {
          return readFileSync(`/proc/${child.pid}/status`, 'utf8');
        } catch {
          return '';
        }
      })();
      peakKb = Math.max(peakKb, Number(/VmHWM:\s+(\d+)/u.exec(status)?.[1] ?? 0));
    }, 20);
    // Count the bytes without keeping them: startRaw keeps them, so read them here instead.
    child.stdout!.removeAllListeners('data');
    let count = 0;
    child.stdout!.on('data', (chunk: Buffer) => (count += chunk.length));
    const result = await done;
    clearInterval(sample);
    assert.equal(result.status, 0, result.stderr);
    assert.equal(count, 1_000_000_000);
    assert.ok(peakKb > 0 && peakKb < 150 * 1024, `peak memory ${peakKb} kB`);
  });

  test('run: a server left in the background by one cell answers the next, does not hold the run, and is gone after', async () => {
    const pidFile = join(scratch, 'server.pid');
    const file = join(scratch, 'background.netns.md');
    writeFileSync(file, notebook(`sleep 300 & echo $! > ${pidFile}`, `kill -0 "$(cat ${pidFile})" && echo server-alive`));
    const started = Date.now();
    const result = await runRaw(['run', file]);
    const [pid] = await waitForPids(pidFile, 1);
    pidsSeen.push(pid!);
    assert.equal(result.status, 0, result.stderr);
    assert.ok(Date.now() - started < 60_000);
    assert.match(result.stdout.toString(), /server-alive/u);
    assert.match(result.stdout.toString(), /stopped what 1 cell left running in the background/u);
    assert.deepEqual(await waitUntilGone([pid!]), []);
  });

  test('run: a timed-out cell fails with the reason, and --keep-going reaches the next cell and notebook', async () => {
    const first = join(scratch, 'slow.netns.md');
    const second = join(scratch, 'next.netns.md');
    writeFileSync(first, '```sh {timeout=1}\nsleep 30\n```\n\n```sh\necho after-timeout\n```\n');
    writeFileSync(second, notebook('echo second-notebook'));
    const result = await runRaw(['run', '--keep-going', first, second]);
    const text = result.stdout.toString();
    assert.equal(result.status, 1);
    assert.match(text, /cell 1\/2 FAILED \(timed out after 1 s/u);
    assert.match(text, /after-timeout/u);
    assert.match(text, /second-notebook/u);
  });

  test('run: a cell that kills its own shell fails, and the run goes on to its summary', async () => {
    const file = join(scratch, 'killed.netns.md');
    writeFileSync(file, notebook('kill -9 $PPID', 'echo still-here'));
    const result = await runRaw(['run', '--keep-going', file]);
    assert.equal(result.status, 1);
    assert.match(result.stdout.toString(), /cell 1\/2 FAILED \(The shell running the command/u);
    assert.match(result.stdout.toString(), /1 passed, 1 failed/u);
  });

  test('run: a missing notebook is one line', async () => {
    const result = await runRaw(['run', join(scratch, 'nope.netns.md')]);
    assert.equal(result.status, 1);
    assertOneLine(result.stderr);
    assert.match(result.stderr, /nope\.netns\.md/u);
  });

  for (const [signal, status] of [['SIGINT', 130], ['SIGTERM', 143], ['SIGHUP', 129]] as const) {
    test(`run: ${signal} stops the running cell and what it started, says so in one line, and exits ${status}`, async () => {
      const pidFile = join(scratch, `${signal}.pid`);
      const file = join(scratch, `${signal}.netns.md`);
      writeFileSync(file, notebook(`sleep 300 & echo $! > ${pidFile}; echo $$ >> ${pidFile}; wait`));
      const { child, done } = startRaw(['run', file]);
      const pids = await waitForPids(pidFile, 2);
      pidsSeen.push(...pids);
      child.kill(signal);
      const result = await done;
      assert.equal(result.status, status);
      assertOneLine(result.stderr);
      assert.match(result.stderr, /interrupted/u);
      assert.deepEqual(await waitUntilGone(pids), []);
    });
  }
});

describe('netns-lab exec and run over SSH: streams, signals and leftovers', { skip: sshdMissingReason() }, () => {
  const lab = createLab();
  const namespace = lab.namespaceName('so');
  let server: TestSshServer;
  let scratch: string;
  const pidsSeen: number[] = [];
  const overSsh = (...args: string[]): string[] => ['--ssh-config', server.configFile, '--target', server.alias, ...args];

  before(async () => {
    server = await startTestSshServer();
    ip('netns', 'add', namespace);
    scratch = mkdtempSync(join(tmpdir(), 'netns-lab-streams-ssh-'));
  });
  after(async () => {
    killIfRunning(pidsSeen);
    await server?.stop();
    rmSync(scratch, { recursive: true, force: true });
    lab.cleanup();
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
    assert.deepEqual(sshControlFolders().filter((name) => !foldersBefore.includes(name)), []);
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
    assert.deepEqual(text.split('\n').filter((line) => /^ \S+$/u.test(line)), [' lo']);
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
