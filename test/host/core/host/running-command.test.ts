// Streamed commands (Host.start) on this machine and over a real sshd: bytes unchanged both ways, standard input
// streamed, the end decided by the command's shell even while background processes hold its output, late
// output, timeouts, cancellation, a killed shell, and nothing left running afterwards.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { CancelledError, HostError, InvalidArgumentError, TimeoutError, type Host } from '../../../../src/core/index.js';
import type { RunningCommand } from '../../../../src/core/host/running-command.js';
import { hostsUnderTest } from '../../support/hosts.js';
import { killIfRunning, waitForPids, waitUntilGone } from '../../support/processes.js';

function sh(script: string, ...args: string[]): string[] {
  return ['sh', '-c', script, 'sh', ...args];
}

function collect(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  return new Promise((resolve, reject) => {
    stream.once('end', () => resolve(Buffer.concat(chunks)));
    stream.once('error', reject);
  });
}

async function outputs(command: RunningCommand): Promise<{ stdout: Buffer; stderr: Buffer; exitCode: number }> {
  const [stdout, stderr, exit] = await Promise.all([collect(command.stdout), collect(command.stderr), command.exit]);
  return { stdout, stderr, exitCode: exit.exitCode };
}

for (const hostUnderTest of hostsUnderTest()) {
  describe(`${hostUnderTest.label}.start`, { skip: hostUnderTest.skip }, () => {
    let host: Host;
    let scratch: string;
    const pidsSeen: number[] = [];

    before(async () => {
      host = await hostUnderTest.open();
      scratch = mkdtempSync(join(tmpdir(), 'netns-lab-start-'));
    });
    after(async () => {
      killIfRunning(pidsSeen);
      await hostUnderTest.close();
      rmSync(scratch, { recursive: true, force: true });
    });

    test('passes 3 MB of random bytes out unchanged, with NUL bytes and invalid UTF-8', async () => {
      const bytes = randomBytes(3_000_000);
      const file = join(scratch, 'random.bin');
      writeFileSync(file, bytes);
      const result = await outputs(await host.start(['cat', file]));
      assert.equal(result.exitCode, 0);
      assert.equal(result.stdout.length, bytes.length);
      assert.ok(result.stdout.equals(bytes), 'the bytes differ');
      assert.equal(result.stderr.length, 0);
    });

    test('streams standard input in and the same bytes out', async () => {
      const bytes = randomBytes(1_000_000);
      const command = await host.start(['cat'], { stdin: 'pipe' });
      const done = outputs(command);
      command.stdin!.end(bytes);
      const result = await done;
      assert.ok(result.stdout.equals(bytes), `got ${result.stdout.length} bytes of ${bytes.length}`);
    });

    test('standard input written to a file arrives whole', async () => {
      const file = join(scratch, 'from-stdin');
      const command = await host.start(sh('cat > "$1"', file), { stdin: 'pipe' });
      command.stdin!.end('important\n');
      assert.equal((await command.exit).exitCode, 0);
      assert.equal(readFileSync(file, 'utf8'), 'important\n');
    });

    test('without stdin: pipe, the command reads end-of-file at once', async () => {
      const result = await outputs(await host.start(sh('cat; echo done')));
      assert.equal(result.stdout.toString(), 'done\n');
    });

    test('keeps output without a final newline and separate streams exactly', async () => {
      const result = await outputs(await host.start(sh("printf 'abc\\000'; printf 'e\\377rr' >&2; exit 7")));
      assert.deepEqual([...result.stdout], [0x61, 0x62, 0x63, 0]);
      assert.deepEqual([...result.stderr], [0x65, 0xff, 0x72, 0x72]);
      assert.equal(result.exitCode, 7);
    });

    // bash printed "[1]+  Exit 3 ..." into the command's standard error now and then, when the command ended
    // before the wrapper waited for it: repeated, so the race is likely to show.
    test("a quick command's standard error holds its own text only, never the wrapper's job notices", async () => {
      for (let attempt = 0; attempt < 15; attempt++) {
        const result = await outputs(await host.start(['bash', '-c', 'echo err >&2; exit 3']));
        assert.deepEqual([result.exitCode, result.stderr.toString()], [3, 'err\n'], `attempt ${attempt}`);
      }
    });

    test('ends when its shell exits, while a background process still holds its output', async () => {
      const pidFile = join(scratch, 'background.pid');
      const late: string[] = [];
      const started = performance.now();
      const command = await host.start(sh('(sleep 1; echo late-line; sleep 60) & echo $! > "$1"; echo now', pidFile), {
        onLateOutput: (_stream, bytes) => late.push(bytes.toString()),
      });
      const result = await outputs(command);
      assert.ok(performance.now() - started < 900, 'the command did not end before its background process');
      assert.equal(result.stdout.toString(), 'now\n');
      const [background] = await waitForPids(pidFile, 1);
      pidsSeen.push(background!);
      assert.equal(await command.isGroupAlive(), true);
      for (let waited = 0; late.length === 0 && waited < 3000; waited += 50) await new Promise((resolve) => setTimeout(resolve, 50));
      assert.deepEqual(late, ['late-line\n']);
      await command.stop();
      assert.deepEqual(await waitUntilGone([background!]), []);
      await command.released;
    });

    test('a timeout stops the whole group and rejects with TimeoutError', async () => {
      const pidFile = join(scratch, 'timeout.pid');
      const command = await host.start(sh('sleep 60 & echo $! > "$1"; wait', pidFile), { timeoutMs: 500 });
      const [child] = await waitForPids(pidFile, 1);
      pidsSeen.push(child!);
      await assert.rejects(outputs(command), TimeoutError);
      assert.deepEqual(await waitUntilGone([child!]), []);
    });

    test('an abort stops the whole group and rejects with CancelledError', async () => {
      const pidFile = join(scratch, 'cancel.pid');
      const abort = new AbortController();
      const command = await host.start(sh('sleep 60 & echo $! > "$1"; wait', pidFile), { signal: abort.signal });
      const [child] = await waitForPids(pidFile, 1);
      pidsSeen.push(child!);
      abort.abort();
      await assert.rejects(outputs(command), CancelledError);
      assert.deepEqual(await waitUntilGone([child!]), []);
    });

    test('a shell killed under the command is a HostError, not a hang', async () => {
      const command = await host.start(sh('kill -9 $PPID; echo after'));
      await assert.rejects(outputs(command), HostError);
    });

    test('a timeout longer than a timer can hold is refused before anything runs', async () => {
      const file = join(scratch, 'never');
      await assert.rejects(host.start(sh('touch "$1"', file), { timeoutMs: 99_999_999_999_000 }), InvalidArgumentError);
      assert.throws(() => readFileSync(file));
    });

    test('stop() of a running command that nobody reads waits until it and its group have ended', async () => {
      const pidFile = join(scratch, 'unread.pid');
      const command = await host.start(sh('sleep 60 & echo $! > "$1"; yes', pidFile));
      const [child] = await waitForPids(pidFile, 1);
      pidsSeen.push(child!);
      await command.stop();
      await assert.rejects(command.exit, CancelledError);
      assert.deepEqual(await waitUntilGone([child!]), []);
    });

    // Last: it closes the host.
    test('closing the host ends what a command left in the background, even without output, unless it was released', async () => {
      const pidFile = join(scratch, 'left.pid');
      const keptFile = join(scratch, 'kept.pid');
      const command = await host.start(sh('sleep 60 >/dev/null 2>&1 & echo $! > "$1"', pidFile));
      const released = await host.start(sh('sleep 60 >/dev/null 2>&1 & echo $! > "$1"', keptFile));
      await Promise.all([outputs(command), outputs(released)]);
      const [background] = await waitForPids(pidFile, 1);
      const [kept] = await waitForPids(keptFile, 1);
      pidsSeen.push(background!, kept!);
      released.release();
      await host.dispose();
      assert.deepEqual(await waitUntilGone([background!]), []);
      assert.deepEqual(await waitUntilGone([kept!], 500), [kept!], 'the released process was ended with the host');
      killIfRunning([kept!]);
    });
  });
}
