// Running notebook cells through the core: namespace choice, real exit status, streaming, fresh shell per cell,
// end-of-file on standard input, timeout, and tables for `ip` show commands.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { Writable } from 'node:stream';
import { before, describe, test } from 'node:test';
import { parseNotebook, runCell, runNotebook, cellNamespace, type NotebookCell } from '../../../../src/core/index.js';
import { killIfRunning, waitUntilGone } from '../../support/processes.js';
import { testSetup } from '../../support/setup.js';

const { lab, host } = testSetup({ host: true });
const red = lab.namespaceName('red');
const blue = lab.namespaceName('blue');

before(() => {
  execFileSync('ip', ['netns', 'add', red]);
  execFileSync('ip', ['netns', 'add', blue]);
  execFileSync('ip', ['-n', red, 'link', 'add', 'name', 'veth-r', 'type', 'veth', 'peer', 'name', 'veth-b', 'netns', blue]);
  execFileSync('ip', ['-n', red, 'address', 'add', '10.77.1.1/24', 'dev', 'veth-r']);
});

const code = (source: string, options: NotebookCell['options'] = {}): NotebookCell => ({ kind: 'code', source, language: 'bash', options });

describe('cellNamespace', () => {
  test('the cell option wins over the notebook default, which wins over the root namespace', () => {
    assert.equal(cellNamespace(code('x', { netns: 'a' }), { netns: 'b' }), 'a');
    assert.equal(cellNamespace(code('x'), { netns: 'b' }), 'b');
    assert.equal(cellNamespace(code('x'), {}), null);
    assert.equal(cellNamespace(code('x', { netns: null }), { netns: 'b' }), null);
    assert.equal(cellNamespace(code('x', { netns: 'a' }), {}, 'c'), 'c');
  });
});

/** A Writable that keeps what is written to it, as text. */
function textSink(): { sink: Writable; text(): string } {
  const chunks: Buffer[] = [];
  const sink = new Writable({ write: (chunk: Buffer, _encoding, done) => (chunks.push(chunk), done()) });
  return { sink, text: () => Buffer.concat(chunks).toString('utf8') };
}

describe('runCell', () => {
  test('runs in the cell namespace: it sees that namespace interfaces', async () => {
    const stderr = textSink();
    const run = await runCell(host, code('ip -brief link show veth-r', { netns: red }), {}, { stderr: stderr.sink });
    assert.equal(run.exitCode, 0, stderr.text());
    assert.match(run.stdout, /^veth-r@/u);
  });

  test('a non-zero exit status is the cell result, with stdout and stderr apart', async () => {
    const [stdout, stderr] = [textSink(), textSink()];
    const run = await runCell(host, code('echo out; echo err >&2; exit 3'), {}, { stdout: stdout.sink, stderr: stderr.sink });
    assert.deepEqual([run.exitCode, stdout.text(), stderr.text(), run.stdout], [3, 'out\n', 'err\n', 'out\n']);
  });

  test('a cell ends only once a slow sink has taken all of its output', async () => {
    let taken = 0;
    const slow = new Writable({ write: (chunk: Buffer, _encoding, done) => ((taken += chunk.length), setTimeout(done, 2)) });
    const run = await runCell(host, code('seq 1 20000'), {}, { stdout: slow });
    const expected = execFileSync('seq', ['1', '20000']).length;
    assert.equal(run.exitCode, 0);
    assert.equal(taken, expected);
  });

  test('a cell with an unclosed fence is refused with the reason, and nothing runs', async () => {
    const marker = `/tmp/netns-lab-unclosed-${process.pid}`;
    const notebook = parseNotebook(`text\n\n\`\`\`sh\ntouch ${marker}\n\nmore prose\n`);
    const cell = notebook.cells.find((candidate) => candidate.kind === 'code')!;
    const run = await runCell(host, cell, {});
    assert.notEqual(run.exitCode, 0);
    assert.match(run.failure ?? '', /never closed/u);
    assert.equal(existsSync(marker), false);
  });

  test('nothing carries from one cell to the next: each cell is a fresh shell', async () => {
    await runCell(host, code('export NETNS_LAB_MARK=1; cd /tmp'), {});
    const run = await runCell(host, code('echo "[${NETNS_LAB_MARK:-unset}]"'), {});
    assert.equal(run.stdout, '[unset]\n');
  });

  test('a cell that reads standard input gets end-of-file at once', async () => {
    const run = await runCell(host, code('cat; echo done'), {});
    assert.equal(run.stdout, 'done\n');
  });

  test('the timeout option stops a cell: a failed cell that says why', async () => {
    const run = await runCell(host, code('sleep 30', { timeoutSeconds: 1 }), {});
    assert.notEqual(run.exitCode, 0);
    assert.match(run.failure ?? '', /^timed out after 1 s/u);
  });

  test('a cell whose shell is killed is a failed cell that says so', async () => {
    const run = await runCell(host, code('kill -9 $PPID; sleep 0.2'), {});
    assert.notEqual(run.exitCode, 0);
    assert.match(run.failure ?? '', /ended before the command did/u);
  });

  test('an ip show command gets a table with the same data as JSON, with veth peers named', async () => {
    const run = await runCell(host, code('ip address show dev veth-r', { netns: red }), {});
    assert.equal(run.table?.kind, 'addr');
    const link = run.table?.links?.find((candidate) => candidate.name === 'veth-r');
    assert.deepEqual(
      link?.addresses.map((address) => `${address.address}/${address.prefixLength}`),
      ['10.77.1.1/24'],
    );
    assert.deepEqual(link?.peer, { namespace: blue, interface: 'veth-b' });
  });

  test('a cell that is not an ip show command gets no table', async () => {
    const run = await runCell(host, code('ip address show dev veth-r | head -1', { netns: red }), {});
    assert.equal(run.table, undefined);
  });
});

describe('runNotebook', () => {
  test('stops at the first failing cell and counts the rest as not run', async () => {
    const notebook = parseNotebook('```sh\ntrue\n```\n\n```sh\nfalse\n```\n\n```sh\ntrue\n```\n');
    assert.deepEqual(await runNotebook(host, notebook), { passed: 1, failed: 1, skipped: 1 });
  });

  test('a notebook whose front matter names another host is refused before any cell runs', async () => {
    const notebook = parseNotebook('---\ntarget: lab-host\n---\n\n```sh\ntouch should-not-exist\n```\n');
    await assert.rejects(runNotebook(host, notebook), /target is "lab-host"/u);
  });

  test('with keepGoing, runs every cell', async () => {
    const notebook = parseNotebook('```sh\nfalse\n```\n\n```sh\ntrue\n```\n');
    assert.deepEqual(await runNotebook(host, notebook, { keepGoing: true }), { passed: 1, failed: 1, skipped: 0 });
  });

  test('the front matter default namespace applies to cells that name none', async () => {
    const notebook = parseNotebook(`---\nnetns: ${red}\n---\n\n\`\`\`sh\nip -brief link show veth-r\n\`\`\`\n`);
    const output = textSink();
    await runNotebook(host, notebook, { stdout: output.sink });
    assert.match(output.text(), /^veth-r@/u);
  });

  test('a server started in the background in one cell answers the next, and is gone after the notebook', async () => {
    const pidFile = `/tmp/netns-lab-background-${lab.prefix}.pid`;
    const notebook = parseNotebook(['```sh', `sleep 60 & echo $! > ${pidFile}`, '```', '', '```sh', `kill -0 "$(cat ${pidFile})" && echo alive`, '```', ''].join('\n'));
    const output = textSink();
    let stoppedCells = 0;
    const started = performance.now();
    try {
      const summary = await runNotebook(host, notebook, { stdout: output.sink, onBackgroundStopped: (cells) => (stoppedCells = cells) });
      assert.deepEqual(summary, { passed: 2, failed: 0, skipped: 0 });
      assert.ok(performance.now() - started < 20_000, 'the background process held the run up');
      assert.equal(output.text(), 'alive\n');
      assert.equal(stoppedCells, 1);
      const pid = Number(readFileSync(pidFile, 'utf8'));
      assert.deepEqual(await waitUntilGone([pid]), []);
    } finally {
      if (existsSync(pidFile)) killIfRunning([Number(readFileSync(pidFile, 'utf8'))]);
      rmSync(pidFile, { force: true });
    }
  });

  test('with keepGoing, a cell that times out fails and the next still runs', async () => {
    const notebook = parseNotebook('```sh {timeout=1}\nsleep 30\n```\n\n```sh\necho next\n```\n');
    const output = textSink();
    const failures: string[] = [];
    const summary = await runNotebook(host, notebook, { keepGoing: true, stdout: output.sink, onCellEnd: (_cell, _position, run) => run.failure && failures.push(run.failure) });
    assert.deepEqual(summary, { passed: 1, failed: 1, skipped: 0 });
    assert.equal(output.text(), 'next\n');
    assert.match(failures[0] ?? '', /timed out after 1 s/u);
  });
});
