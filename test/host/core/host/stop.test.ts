// Stopping commands on LocalHost: cancel, timeout and dispose end the whole process group; and running without
// root fails with a PrivilegeError before anything runs.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import { CancelledError, LocalHost, TimeoutError } from '../../../../src/core/index.js';
import { bundleForAnyone } from '../../support/child-bundle.js';
import { namespaceExists } from '../../support/lab.js';
import { isRunning, killIfRunning, waitForPids, waitUntilGone } from '../../support/processes.js';
import { testSetup } from '../../support/setup.js';

const folder = mkdtempSync(join(tmpdir(), 'netns-lab-host-'));
const started: number[] = [];
const { lab, host } = testSetup({
  host: true,
  teardown: () => {
    killIfRunning(started);
    rmSync(folder, { recursive: true, force: true });
  },
});

let fileCount = 0;
/** A shell leading a group of itself and two background sleeps, writing the three pids to a file of its own. */
function groupOfSleepers(ignoreTerm = false): { argv: string[]; pidFile: string } {
  const pidFile = join(folder, `pids-${fileCount++}`);
  const trap = ignoreTerm ? `trap '' TERM; ` : '';
  const script = `${trap}echo $$ > "$1"; sleep 300 & echo $! >> "$1"; sleep 300 & echo $! >> "$1"; wait`;
  return { argv: ['sh', '-c', script, 'sh', pidFile], pidFile };
}

async function startedPids(pidFile: string): Promise<number[]> {
  const pids = await waitForPids(pidFile, 3);
  started.push(...pids);
  return pids;
}

describe('cancelling through an AbortSignal', () => {
  test('rejects with CancelledError', async () => {
    const { argv, pidFile } = groupOfSleepers();
    const controller = new AbortController();
    const running = host.run(argv, { signal: controller.signal });
    await startedPids(pidFile);
    controller.abort();
    await assert.rejects(running, CancelledError);
  });

  test('ends the leader and every process in its group', async () => {
    const { argv, pidFile } = groupOfSleepers();
    const controller = new AbortController();
    const running = host.run(argv, { signal: controller.signal });
    const pids = await startedPids(pidFile);
    assert.deepEqual(pids.filter(isRunning), pids, 'the group should be running before the abort');
    controller.abort();
    await running.catch(() => undefined);
    assert.deepEqual(await waitUntilGone(pids), []);
  });

  test('kills a group that ignores TERM after the grace period', async () => {
    const { argv, pidFile } = groupOfSleepers(true);
    const controller = new AbortController();
    const running = host.run(argv, { signal: controller.signal });
    const pids = await startedPids(pidFile);
    controller.abort();
    await assert.rejects(running, CancelledError);
    assert.deepEqual(await waitUntilGone(pids), []);
  });

  test('an already aborted signal runs nothing', async () => {
    const marker = join(folder, 'should-not-exist');
    await assert.rejects(host.run(['touch', marker], { signal: AbortSignal.abort() }), CancelledError);
    await sleep(200);
    assert.equal(existsSync(marker), false);
  });

  // A command waiting for a free shell (behind a long one) must be cancellable while it waits.
  test('cancels a command still waiting for a free shell at once', async () => {
    const single = new LocalHost({ maxSessions: 1 });
    const longRun = new AbortController();
    const long = single.run(['sleep', '30'], { signal: longRun.signal }).catch(() => undefined);
    try {
      await sleep(300);
      const waiting = new AbortController();
      const queued = single.run(['echo', 'queued'], { signal: waiting.signal });
      waiting.abort();
      const outcome = await Promise.race([
        queued.then(
          () => 'resolved',
          (error: Error) => error.name,
        ),
        sleep(1500).then(() => 'still pending'),
      ]);
      assert.equal(outcome, 'CancelledError');
    } finally {
      longRun.abort();
      await long;
      await single.dispose();
    }
  });

  test('the host keeps working after a cancel', async () => {
    const controller = new AbortController();
    const running = host.run(['sleep', '30'], { signal: controller.signal });
    await sleep(200);
    controller.abort();
    await running.catch(() => undefined);
    assert.equal((await host.run(['echo', 'still here'])).stdout, 'still here\n');
  });
});

describe('timeouts', () => {
  test('reject with TimeoutError naming the limit', async () => {
    await assert.rejects(host.run(['sleep', '30'], { timeoutMs: 300 }), (error: unknown) => error instanceof TimeoutError && /300 ms/.test(error.message));
  });

  test('end the leader and every process in its group', async () => {
    const { argv, pidFile } = groupOfSleepers();
    const running = host.run(argv, { timeoutMs: 1500 });
    const pids = await startedPids(pidFile);
    await assert.rejects(running, TimeoutError);
    assert.deepEqual(await waitUntilGone(pids), []);
  });

  test('leave a command that finishes in time alone', async () => {
    assert.equal((await host.run(['echo', 'in time'], { timeoutMs: 5000 })).stdout, 'in time\n');
  });
});

describe('dispose', () => {
  test('ends the process group of a command still running', async () => {
    const own = new LocalHost();
    const { argv, pidFile } = groupOfSleepers();
    // Handled from the start: the command may fail while dispose runs, before the race below would look at it.
    const settled = own.run(argv).then(
      () => 'settled',
      () => 'settled',
    );
    const pids = await startedPids(pidFile);
    await own.dispose();
    const outcome = await Promise.race([settled, sleep(5000).then(() => 'pending')]);
    assert.equal(outcome, 'settled');
    assert.deepEqual(await waitUntilGone(pids), []);
  });

  test('refuses new commands afterwards', async () => {
    const own = new LocalHost();
    await own.run(['true']);
    await own.dispose();
    await assert.rejects(own.run(['true']), /closed/);
  });

  // dispose() may come while the first shell is still starting: that shell must not run the command, and the
  // command's call must settle (it is rejected as the host is closed).
  test('ends a command started just before dispose', async () => {
    const own = new LocalHost();
    const pidFile = join(folder, 'race');
    const running = own.run(['sh', '-c', 'echo $$ > "$1"; exec sleep 300', 'sh', pidFile]);
    const settled = running.then(
      () => 'settled',
      () => 'settled',
    );
    await own.dispose();
    await sleep(1000);
    const pids = existsSync(pidFile) ? readFileSync(pidFile, 'utf8').split(/\s+/u).filter(Boolean).map(Number) : [];
    started.push(...pids);
    const stillRunning = pids.filter(isRunning);
    killIfRunning(pids);
    const outcome = await Promise.race([settled, sleep(3000).then(() => 'pending')]);
    assert.deepEqual(stillRunning, []);
    assert.equal(outcome, 'settled');
  });
});

/** Runs the unprivileged child as nobody with the environment such a user would have; returns its report. */
function runAsNobody(child: string, name: string, path: string): { outcome: string; name?: string; message?: string; uid?: number } {
  const env = { PATH: path, HOME: '/nonexistent', USER: 'nobody', LOGNAME: 'nobody' };
  // setpriv by its full path: the child's PATH may be one without it.
  const result = spawnSync(SETPRIV, ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, child, name], { cwd: '/', env, encoding: 'utf8', timeout: 20000 });
  assert.equal(result.status, 0, `the child failed: ${result.stderr}`);
  return JSON.parse(result.stdout.trim().split('\n').at(-1)!);
}

const CLEAN_PATH = '/usr/local/bin:/usr/bin:/bin:/usr/local/sbin:/usr/sbin:/sbin';
const SETPRIV =
  CLEAN_PATH.split(':')
    .map((folder) => join(folder, 'setpriv'))
    .find((path) => existsSync(path)) ?? 'setpriv';

describe('without root', () => {
  const name = lab.namespaceName('-unprivileged');
  let child: { file: string; folder: string };
  let report: ReturnType<typeof runAsNobody>;
  /** A PATH on which there is no sudo: a folder of nobody's own with nothing in it. */
  let pathWithoutSudo: string;
  before(() => {
    child = bundleForAnyone(fileURLToPath(new URL('../../support/unprivileged-child.js', import.meta.url)));
    pathWithoutSudo = join(child.folder, 'empty-bin');
    mkdirSync(pathWithoutSudo, { mode: 0o755 });
    report = runAsNobody(child.file, name, CLEAN_PATH);
  });
  after(() => rmSync(child.folder, { recursive: true, force: true }));

  test('the child really ran as nobody', () => {
    assert.equal(report.uid, 65534);
  });

  test('ip netns add fails with PrivilegeError', () => {
    assert.equal(report.outcome, 'threw');
    assert.equal(report.name, 'PrivilegeError');
  });

  test('the message says root is needed and what to configure', () => {
    assert.match(report.message ?? '', /needs root/);
    assert.match(report.message ?? '', /Run it as root/);
    assert.match(report.message ?? '', /sudo/);
  });

  test('without sudo on PATH, the message says sudo is not installed', () => {
    const withoutSudo = runAsNobody(child.file, lab.namespaceName('-nosudo'), pathWithoutSudo);
    assert.match(withoutSudo.message ?? '', /sudo is not installed/);
  });

  test('the namespace does not exist afterwards', () => {
    assert.equal(namespaceExists(name), false);
  });

  // When a folder on PATH cannot be searched, starting sudo fails with EACCES rather than ENOENT; the message must
  // still say that sudo cannot be used, not that it refused.
  test('with an unsearchable folder on PATH and no sudo, the message still says sudo is not installed', () => {
    // /root is private (0700): searching a folder under it fails with EACCES for nobody.
    const withRootFolder = runAsNobody(child.file, lab.namespaceName('-path'), `/root/bin:${pathWithoutSudo}`);
    assert.match(withRootFolder.message ?? '', /sudo is not installed/);
  });
});
