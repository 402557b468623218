// Running notebook cells through the core: namespace choice, real exit status, streaming, fresh shell per cell,
// end-of-file on standard input, timeout, and tables for `ip` show commands.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { after, before, describe, test } from 'node:test';
import { LocalHost, parseNotebook, runCell, runNotebook, cellNamespace, TimeoutError, type NotebookCell } from '../../src/core/index.js';
import { createLab } from './support/lab.js';

const lab = createLab();
const host = new LocalHost();
const red = lab.namespaceName('red');
const blue = lab.namespaceName('blue');

before(() => {
  execFileSync('ip', ['netns', 'add', red]);
  execFileSync('ip', ['netns', 'add', blue]);
  execFileSync('ip', ['-n', red, 'link', 'add', 'name', 'veth-r', 'type', 'veth', 'peer', 'name', 'veth-b', 'netns', blue]);
  execFileSync('ip', ['-n', red, 'address', 'add', '10.77.1.1/24', 'dev', 'veth-r']);
});
after(async () => {
  await host.dispose();
  lab.cleanup();
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

describe('runCell', () => {
  test('runs in the cell namespace: it sees that namespace interfaces', async () => {
    const run = await runCell(host, code('ip -brief link show veth-r', { netns: red }), {});
    assert.equal(run.exitCode, 0, run.stderr);
    assert.match(run.stdout, /^veth-r@/u);
  });

  test('a non-zero exit status is the cell result, with stdout and stderr apart', async () => {
    const run = await runCell(host, code('echo out; echo err >&2; exit 3'), {});
    assert.deepEqual([run.exitCode, run.stdout, run.stderr], [3, 'out\n', 'err\n']);
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

  test('the timeout option stops a cell', async () => {
    await assert.rejects(runCell(host, code('sleep 30', { timeoutSeconds: 1 }), {}), TimeoutError);
  });

  test('an ip show command gets a table with the same data as JSON, with veth peers named', async () => {
    const run = await runCell(host, code('ip address show dev veth-r', { netns: red }), {});
    assert.equal(run.table?.kind, 'addr');
    const link = run.table?.links?.find((candidate) => candidate.name === 'veth-r');
    assert.deepEqual(link?.addresses.map((address) => `${address.address}/${address.prefixLength}`), ['10.77.1.1/24']);
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
    let output = '';
    await runNotebook(host, notebook, { onStdout: (chunk) => (output += chunk) });
    assert.match(output, /^veth-r@/u);
  });
});
