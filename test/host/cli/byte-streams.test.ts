// netns-lab exec and run as a shell user meets them on this machine: bytes unchanged both ways, standard input
// from a pipe and a terminal, a reader that goes away, 1 GB with flat memory, background processes that neither
// hang a run nor outlive it, Ctrl-C and kill with nothing left behind, and one-line errors. Over SSH: the -ssh file.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import { shellCommand } from '../../../src/core/quote.js';
import { assertOneLine, CLI } from '../support/cli.js';
import { ip } from '../support/lab.js';
import { killIfRunning, waitForPids, waitUntilGone } from '../support/processes.js';
import { notebook, onTerminal, peakMemoryKb, runRaw, startRaw } from '../support/raw-cli.js';
import { testSetup } from '../support/setup.js';

/** Counts what the child writes on standard output, without keeping it (startRaw would keep it all). */
function countBytes(child: ChildProcess): () => number {
  child.stdout!.removeAllListeners('data');
  let count = 0;
  child.stdout!.on('data', (chunk: Buffer) => (count += chunk.length));
  return () => count;
}

describe('netns-lab exec and run: streams, signals and leftovers', () => {
  let scratch: string;
  const pidsSeen: number[] = [];
  const { lab } = testSetup({
    teardown: () => {
      killIfRunning(pidsSeen);
      rmSync(scratch, { recursive: true, force: true });
    },
  });
  const namespace = lab.namespaceName('io');

  before(() => {
    ip('netns', 'add', namespace);
    scratch = mkdtempSync(join(tmpdir(), 'netns-lab-streams-'));
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

  test('run | head: a reader that goes away stops the running cell and ends run quietly with 141', async () => {
    const pidFile = join(scratch, 'piped-cell.pid');
    const file = join(scratch, 'piped.netns.md');
    writeFileSync(file, notebook(`echo $$ > ${pidFile}; sleep 0.5; yes | head -c 100000; sleep 300`));
    const line = `${shellCommand([process.execPath, CLI, 'run', file])} 2>"$1" | head -c 300 >/dev/null; echo "status=\${PIPESTATUS[0]}"`;
    const errors = join(scratch, 'piped.err');
    const child = spawn('bash', ['-c', line, 'bash', errors], { stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (text: string) => (output += text));
    await new Promise((resolve) => child.on('close', resolve));
    const [cellShell] = await waitForPids(pidFile, 1);
    pidsSeen.push(cellShell!);
    assert.equal(output, 'status=141\n');
    assert.equal(readFileSync(errors, 'utf8'), '');
    assert.deepEqual(await waitUntilGone([cellShell!]), []);
  });

  test('1 GB passes through exec with flat memory', async () => {
    const { child, done } = startRaw(['exec', namespace, '--', 'head', '-c', '1000000000', '/dev/zero']);
    const count = countBytes(child);
    const peakKb = await peakMemoryKb(child.pid!, done);
    const result = await done;
    assert.equal(result.status, 0, result.stderr);
    assert.equal(count(), 1_000_000_000);
    assert.ok(peakKb > 0 && peakKb < 150 * 1024, `peak memory ${peakKb} kB`);
  });

  test('1 GB of cell output passes through run with flat memory', async () => {
    const file = join(scratch, 'huge.netns.md');
    writeFileSync(file, notebook('head -c 1000000000 /dev/zero'));
    const { child, done } = startRaw(['run', file]);
    const count = countBytes(child);
    const peakKb = await peakMemoryKb(child.pid!, done);
    const result = await done;
    assert.equal(result.status, 0, result.stderr);
    assert.ok(count() > 1_000_000_000, `only ${count()} bytes came out`);
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

  test('run --keep-background leaves what a cell started in the background running', async () => {
    const pidFile = join(scratch, 'kept.pid');
    const file = join(scratch, 'keep.netns.md');
    writeFileSync(file, notebook(`sleep 300 >/dev/null 2>&1 & echo $! > ${pidFile}`));
    const result = await runRaw(['run', '--keep-background', file]);
    const [pid] = await waitForPids(pidFile, 1);
    pidsSeen.push(pid!);
    assert.equal(result.status, 0, result.stderr);
    assert.deepEqual(await waitUntilGone([pid!], 500), [pid!], 'the background process was stopped');
    killIfRunning([pid!]);
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

  test('run: a folder named as a notebook is one line that says so', async () => {
    const result = await runRaw(['run', scratch]);
    assert.equal(result.status, 1);
    assertOneLine(result.stderr);
    assert.match(result.stderr, /it is a folder; name a \*\.netns\.md file/u);
  });

  test('run: a missing notebook is one line', async () => {
    const result = await runRaw(['run', join(scratch, 'nope.netns.md')]);
    assert.equal(result.status, 1);
    assertOneLine(result.stderr);
    assert.match(result.stderr, /nope\.netns\.md/u);
  });

  for (const [signal, status] of [
    ['SIGINT', 130],
    ['SIGTERM', 143],
    ['SIGHUP', 129],
  ] as const) {
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

  test('run: after SIGKILL of netns-lab, the cell, its background process and a daemon it left all end', async () => {
    const pidFile = join(scratch, 'killed.pid');
    const file = join(scratch, 'killed.netns.md');
    writeFileSync(file, notebook(`setsid sleep 300 </dev/null >/dev/null 2>&1 & echo $! > ${pidFile}; sleep 300 & echo $! >> ${pidFile}; echo $$ >> ${pidFile}; wait`));
    const { child, done } = startRaw(['run', file]);
    const pids = await waitForPids(pidFile, 3);
    pidsSeen.push(...pids);
    child.kill('SIGKILL');
    await done;
    assert.deepEqual(await waitUntilGone(pids, 6000), []);
  });
});
