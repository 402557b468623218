// Every tutorial notebook in notebooks/ runs green end to end through `netns-lab run`, as a learner would run it,
// twice in a row (each must be idempotent at its start), and leaves none of its namespaces behind. A tutorial whose
// front matter names a topology has its lab deployed by each run, and destroyed again by it. Every topology file in
// notebooks/ is valid, declares the namespaces its tutorial uses, and deploys as it says.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { parseNotebook, parseTopology } from '../../../src/core/index.js';
import { namespaceExists } from '../support/lab.js';
import { labRecordExists } from '../support/labs.js';
import { testSetup } from '../support/setup.js';
import { namespacesOf, NOTEBOOKS, tutorialFiles } from '../support/tutorials.js';
const { lab, runner } = testSetup({ cli: true });

/** The lab a notebook's front matter declares through its topology file, if it names one. */
function labOfNotebook(path: string): string | undefined {
  const topology = parseNotebook(readFileSync(path, 'utf8'), path).frontMatter?.options.topology;
  if (topology === undefined) return undefined;
  return parseTopology(readFileSync(join(NOTEBOOKS, topology), 'utf8')).topology?.lab;
}

describe('tutorial notebooks', () => {
  const files = tutorialFiles();

  test('there are the six tutorials', () => {
    assert.equal(files.length, 6, files.join(', '));
  });

  test('one of them declares its lab in its front matter', () => {
    assert.deepEqual(files.filter((file) => labOfNotebook(join(NOTEBOOKS, file)) !== undefined), ['06-declaring-a-lab.netns.md']);
  });

  for (const file of files) {
    test(`${file} passes twice in a row and cleans up after itself`, async () => {
      const path = join(NOTEBOOKS, file);
      const declaredLab = labOfNotebook(path);
      for (const round of [1, 2]) {
        const result = await runner.run('run', path);
        assert.equal(result.status, 0, `round ${round}:\n${result.stdout}\n${result.stderr}`);
        assert.match(result.stdout, /: \d+ passed, 0 failed\n/u);
        if (file.startsWith('01-')) assertPingPackets(result.stdout);
        if (file.startsWith('06-')) assert.match(result.stdout, /── cell \d+\/\d+ picture of lab lab6 \(Mermaid\):\nflowchart LR\n[^]*\["port-a/u);
        // A declared lab was not there before the run, so the run that deployed it destroys it.
        if (declaredLab !== undefined) assert.match(result.stdout, new RegExp(`── lab ${declaredLab} deployed from [^]*── lab ${declaredLab} destroyed: `, 'u'));
      }
      const left = namespacesOf(readFileSync(path, 'utf8')).filter(namespaceExists);
      assert.deepEqual(left, []);
      if (declaredLab !== undefined) assert.equal(labRecordExists(declaredLab), false, 'the lab record is removed');
    });
  }
});

describe('the proofs of the tutorials', () => {
  for (const file of tutorialFiles()) {
    test(`${file} proves its point with check cells that netns-lab check passes, and leaves nothing behind`, async () => {
      const path = join(NOTEBOOKS, file);
      const declaredLab = labOfNotebook(path);
      try {
        const result = await runner.run('check', path);
        assert.equal(result.status, 0, `${result.stdout}\n${result.stderr}`);
        const [, total, passed] = /: (\d+) checks?: (\d+) passed, 0 failed\n/u.exec(result.stdout) ?? [];
        assert.ok(Number(total) > 0 && total === passed, result.stdout);
        assert.deepEqual(namespacesOf(readFileSync(path, 'utf8')).filter(namespaceExists), []);
      } finally {
        // The tutorial's own lab name: removed here whatever happened, so the next test finds the host clean.
        if (declaredLab !== undefined) await runner.run('destroy', '--lab', declaredLab);
      }
    });
  }

  test('they prove what must not reach as well as what must', () => {
    const texts = tutorialFiles().map((file) => readFileSync(join(NOTEBOOKS, file), 'utf8'));
    assert.ok(texts.some((text) => /```check\n(?:(?!```)[^])*expect: failure/u.test(text)));
  });

  test('one of them draws its lab', () => {
    const texts = tutorialFiles().map((file) => readFileSync(join(NOTEBOOKS, file), 'utf8'));
    assert.ok(texts.some((text) => /```sh \{[^}]*picture=true[^}]*\}\n/u.test(text)));
  });

  test('one of them shows what a step changed', () => {
    const texts = tutorialFiles().map((file) => readFileSync(join(NOTEBOOKS, file), 'utf8'));
    assert.ok(texts.some((text) => /```sh \{[^}]*diff=true[^}]*\}\n[^`]*netns/u.test(text)));
  });
});

/** Tutorial 01's ping cell captures on both ends: the ARP request and reply, then the echo request and reply. */
function assertPingPackets(stdout: string): void {
  const packets = /── \d+ packets on lab1-red:veth-red, lab1-blue:veth-blue\n((?: {2}.*\n)+)/u.exec(stdout)?.[1];
  assert.ok(packets, `no packets after the ping cell:\n${stdout}`);
  const order = [/ARP, Request who-has 10\.0\.1\.2 tell 10\.0\.1\.1/u, /ARP, Reply 10\.0\.1\.2 is-at/u, /IP 10\.0\.1\.1 > 10\.0\.1\.2: ICMP echo request/u, /IP 10\.0\.1\.2 > 10\.0\.1\.1: ICMP echo reply/u];
  const lines = packets.split('\n');
  const found = order.map((pattern) => lines.findIndex((line) => pattern.test(line)));
  assert.ok(found.every((index) => index >= 0), `missing packets:\n${packets}`);
  assert.deepEqual([...found].sort((a, b) => a - b), found, `out of order:\n${packets}`);
}

describe('topology files beside the tutorials', () => {
  const files = readdirSync(NOTEBOOKS).filter((file) => file.endsWith('.netns.yaml')).sort();

  test('every tutorial has one', () => {
    const notebooks = readdirSync(NOTEBOOKS).filter((file) => file.endsWith('.netns.md'));
    assert.deepEqual(files.map((file) => file.replace(/\.netns\.yaml$/u, '.netns.md')), notebooks.sort());
  });

  for (const file of files) {
    const text = readFileSync(join(NOTEBOOKS, file), 'utf8');

    test(`${file} is valid and declares the namespaces its tutorial uses, by their kernel names`, () => {
      const { topology, diagnostics } = parseTopology(text);
      assert.deepEqual(diagnostics, []);
      const tutorial = readFileSync(join(NOTEBOOKS, file.replace(/\.netns\.yaml$/u, '.netns.md')), 'utf8');
      assert.deepEqual(topology!.namespaces.map((namespace) => namespace.netns).sort(), namespacesOf(tutorial).sort());
    });

    test(`${file} deploys, is in sync, and destroys leaving nothing (under this run's lab name)`, async () => {
      // The same file under a lab name of this run, so that nothing here meets the tutorial's own namespaces.
      const labName = `${lab.prefix}${file.slice(0, 2)}`;
      const copy = join(runner.workDirectory, file);
      writeFileSync(copy, text.replace(/^lab: .*$/mu, `lab: ${labName}`));
      const netns = parseTopology(readFileSync(copy, 'utf8')).topology!.namespaces.map((namespace) => namespace.netns);
      try {
        await runner.runOk('deploy', copy);
        assert.deepEqual(netns.filter((name) => !namespaceExists(name)), []);
        await runner.runOk('inspect', copy);
        await runner.runOk('destroy', copy);
        assert.deepEqual(netns.filter(namespaceExists), []);
        assert.equal(labRecordExists(labName), false);
      } finally {
        await runner.run('destroy', '--lab', labName);
      }
    });
  }
});
