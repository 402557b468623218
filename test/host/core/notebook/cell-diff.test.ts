// What a cell changed, on real namespaces: cells that add, move and delete interfaces, addresses and namespaces,
// run through runCell with the diff asked for. Every cell runs in this file's own namespaces, so nothing another
// test does to the root namespace can show up in a diff.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { before, describe, test } from 'node:test';
import { runCell, stateDiffLines, type NotebookCell } from '../../../../src/core/index.js';
import { namespaceExists } from '../../support/lab.js';
import { testSetup } from '../../support/setup.js';

const { lab, host } = testSetup({ host: true });
const red = lab.namespaceName('red');
const blue = lab.namespaceName('blue');

before(() => {
  execFileSync('ip', ['netns', 'add', red]);
  execFileSync('ip', ['netns', 'add', blue]);
});

const cell = (source: string, options: NotebookCell['options'] = {}): NotebookCell => ({ kind: 'code', source, language: 'bash', options: { netns: red, ...options } });

/** Runs a cell with the diff on and gives its lines; the cell must pass. */
async function diffOf(source: string): Promise<string[]> {
  const run = await runCell(host, cell(source), {}, { diff: true });
  assert.equal(run.exitCode, 0, run.stdout);
  assert.ok(run.diff, 'the cell has a diff');
  return stateDiffLines(run.diff);
}

/** Runs a cell in the root namespace with the diff on and gives the lines about this file's namespaces. */
async function diffOfMine(source: string): Promise<string[]> {
  const run = await runCell(host, cell(source, { netns: null }), {}, { diff: true });
  assert.equal(run.exitCode, 0, run.stdout);
  return stateDiffLines(run.diff!).filter((line) => line.includes(lab.prefix));
}

describe('the diff of a cell', () => {
  test('interfaces added with an address: each interface, what it is, and the route', async () => {
    assert.deepEqual(await diffOf('ip link add d0 type veth peer name p0 && ip address add 10.78.0.1/24 dev d0 && ip link set d0 up'), [
      `+ link d0 in ${red} (veth, up, mtu 1500, 10.78.0.1/24)`,
      `+ link p0 in ${red} (veth, down, mtu 1500)`,
      `+ route 10.78.0.0/24 dev d0 in ${red}`,
    ]);
  });

  test('an address added to an interface that was there, and its MTU changed', async () => {
    assert.deepEqual(await diffOf('ip address add 10.78.1.1/24 dev d0 && ip link set d0 mtu 1400'), [
      `~ link d0 in ${red}: mtu 1500 → 1400`,
      `+ address 10.78.1.1/24 on d0 in ${red}`,
      `+ route 10.78.1.0/24 dev d0 in ${red}`,
    ]);
  });

  test('an interface moved into a namespace the cell names is one move, wherever it was read', async () => {
    execFileSync('ip', ['-n', red, 'link', 'add', 'vm0', 'type', 'veth', 'peer', 'name', 'vm1']);
    assert.deepEqual(await diffOf(`ip link set vm0 netns ${blue}`), [`> link vm0 in ${blue} (from ${red}, veth, down, mtu 1500)`]);
  });

  // Namespaces are made and deleted from the root namespace: `ip netns add` inside another namespace's cell (run
  // with ip netns exec, in a mount namespace of its own) makes a name the root namespace cannot enter. The root
  // namespace is read too, so only the lines of this file's objects are compared.
  test('a namespace made by the cell is read after it, though the cell did not name it before', async () => {
    const green = lab.namespaceName('green');
    assert.deepEqual(await diffOfMine(`ip netns add ${green} && ip -n ${green} link add d9 type veth peer name p9`), [
      `+ namespace ${green}`,
      `+ link d9 in ${green} (veth, down, mtu 1500)`,
      `+ link p9 in ${green} (veth, down, mtu 1500)`,
    ]);
  });

  test('a deleted namespace and a deleted interface are removals, without what they held', async () => {
    const green = lab.namespaceName('green');
    assert.deepEqual(await diffOfMine(`ip netns delete ${green} && ip -n ${red} link delete d0`), [`- namespace ${green}`, `- link d0 in ${red}`, `- link p0 in ${red}`]);
    assert.equal(namespaceExists(green), false);
  });

  test('a cell that changed nothing says so, naming what it read', async () => {
    assert.deepEqual(await diffOf(`ip -n ${blue} link show >/dev/null`), [`no changes in ${red}, ${blue}`]);
  });

  test('a failed cell still says what it changed before it failed', async () => {
    const run = await runCell(host, cell('ip link add d1 type veth peer name p1 && false'), {}, { diff: true });
    assert.equal(run.exitCode, 1);
    assert.deepEqual(stateDiffLines(run.diff!), [`+ link d1 in ${red} (veth, down, mtu 1500)`, `+ link p1 in ${red} (veth, down, mtu 1500)`]);
  });

  test('no diff unless asked; diff=false in the cell wins over the run asking, and diff=true over the run not asking', async () => {
    assert.equal((await runCell(host, cell('true'), {})).diff, undefined);
    assert.equal((await runCell(host, cell('true', { diff: false }), {}, { diff: true })).diff, undefined);
    assert.ok((await runCell(host, cell('true', { diff: true }), {})).diff);
  });
});
