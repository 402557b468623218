// The `netns-lab` command line as a user meets it: a real child process (dist/cli.js) against real namespaces.
// Labs are built with plain `ip` here, so what the CLI reads is checked against what was made, not against itself.
// Changes made through the CLI are tested in namespaces, links and addresses.test.ts beside this file.
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assertOneLine } from '../../support/cli.js';
import { ip } from '../../support/lab.js';
import { killIfRunning, waitForPids, waitUntilGone } from '../../support/processes.js';
import { testSetup } from '../../support/setup.js';

const { lab, runner } = testSetup({ cli: true });
const startCli = runner.start;
const cli = runner.run;

describe('exec', () => {
  const namespace = lab.namespaceName('x');
  before(() => ip('netns', 'add', namespace));

  test("exec passes the command's stdout, stderr and exit status through", async () => {
    const result = await cli('exec', namespace, '--', 'sh', '-c', 'echo out; echo err >&2; exit 7');
    assert.deepEqual(result, { status: 7, stdout: 'out\n', stderr: 'err\n' });
  });

  test('exec passes arguments after -- literally, to the command and not to a shell or to netns-lab', async () => {
    // --json and --help after `--` belong to the command, not to netns-lab.
    const words = ['$(echo no)', '`echo no`', "it's", 'a  b', '*', 'new\nline', '--json', '--help', '-h'];
    const result = await cli('exec', namespace, '--', 'printf', '[%s]', ...words);
    assert.equal(result.status, 0, result.stderr);
    assert.equal(result.stdout, words.map((word) => `[${word}]`).join(''));
  });

  test('exec runs the command inside the namespace', async () => {
    const result = await cli('exec', namespace, '--', 'ip', '-o', 'link', 'show');
    assert.deepEqual(
      result.stdout
        .trim()
        .split('\n')
        .map((line) => line.split(': ')[1]),
      ['lo'],
    );
  });

  test('SIGINT stops the command and everything it started, and exits 130', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'netns-lab-exec-'));
    const pidFile = join(folder, 'pid');
    const { child, done } = startCli(['exec', namespace, '--', 'sh', '-c', 'echo $$ > "$1"; sleep 300', 'sh', pidFile]);
    let started: number[] = [];
    try {
      const [shellPid] = await waitForPids(pidFile, 1);
      started = [shellPid!, await waitForChild(shellPid!)];
      child.kill('SIGINT');
      const result = await done;
      assert.equal(result.status, 130);
      assertOneLine(result.stderr);
      assert.match(result.stderr, /interrupted/u);
      assert.deepEqual(await waitUntilGone(started), []);
    } finally {
      killIfRunning(started);
      child.kill('SIGKILL');
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

/** Waits for the first child of `parent` to appear (read from /proc, since there is no children file here). */
async function waitForChild(parent: number, timeoutMs = 5000): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/u.test(entry)) continue;
      let stat: string;
      try {
        stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      } catch {
        continue;
      }
      const parentPid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (parentPid === parent) return Number(entry);
    }
    if (Date.now() > deadline) throw new Error(`no child of ${parent} appeared`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
