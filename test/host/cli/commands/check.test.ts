// `netns-lab check` as a user meets it, against real namespaces: a topology's checks against its deployed lab, a
// notebook's check cells after its shell cells, exit statuses, problems at their line and column, JUnit XML read
// back with a strict parser, and --json.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { labFiles, pairTopology } from '../../support/lab-files.js';
import { testSetup } from '../../support/setup.js';
import { parseStrictXml } from '../../support/strict-xml.js';

const { lab, runner } = testSetup({ cli: true });
const files = labFiles(lab, runner);

const CHECKS = ['checks:', '  - reach: blue', '    from: red', '  - link: eth0', '    in: red', '    state: up', '  - reach: 10.0.9.9', '    from: red', '    timeout: 0.3'].join('\n') + '\n';

describe('netns-lab check with a topology file', () => {
  const name = files.labName('c');
  const file = files.writeTopology('lab.netns.yaml', pairTopology(name) + CHECKS);

  test('before the lab is deployed, every check fails and names the missing namespace', async () => {
    const result = await runner.run('check', file, '--timeout', '0.2');
    assert.equal(result.status, 1, result.stderr);
    assert.match(result.stdout, new RegExp(`lab.netns.yaml:6 {2}FAIL {2}there is no network namespace named ${name}-red`, 'u'));
  });

  test('after deploy, passing and failing checks are one line each, and JUnit XML reads back', async () => {
    await runner.runOk('deploy', file);
    const result = await runner.run('check', file, '--junit', 'report.xml');
    assert.equal(result.status, 1, result.stderr);
    assert.match(result.stdout, new RegExp(`lab.netns.yaml:6 {2}PASS {2}ping from ${name}-red to 10.0.0.2: 1 sent, 1 received\n`, 'u'));
    assert.match(result.stdout, new RegExp(`lab.netns.yaml:8 {2}PASS {2}eth0 in ${name}-red is there: up, MTU 1500\n`, 'u'));
    assert.match(
      result.stdout,
      new RegExp(`lab.netns.yaml:11 {2}FAIL {2}ping from ${name}-red to 10.0.9.9: not sent: Network is unreachable; ${name}-red has no route to 10.0.9.9 \\(\\d+ attempts? in`, 'u'),
    );
    assert.match(result.stdout, /lab\.netns\.yaml: 3 checks: 2 passed, 1 failed/u);
    const report = parseStrictXml(readFileSync(join(runner.workDirectory, 'report.xml'), 'utf8'));
    assert.equal(report.name, 'testsuites');
    assert.deepEqual([report.attributes.tests, report.attributes.failures], ['3', '1']);
    const cases = report.children[0]!.children;
    assert.deepEqual(
      cases.map((testcase) => [testcase.attributes.classname, testcase.children.map((child) => child.name)]),
      [
        ['lab.netns.yaml:6', []],
        ['lab.netns.yaml:8', []],
        ['lab.netns.yaml:11', ['failure']],
      ],
    );
    assert.equal(cases[0]!.attributes.name, `${name}-red → blue`);
    assert.match(cases[2]!.children[0]!.attributes.message!, /has no route to 10\.0\.9\.9$/u);
  });

  test('all passing is exit status 0, and --json gives the results as data', async () => {
    const passing = files.writeTopology('passing.netns.yaml', pairTopology(name) + CHECKS.split('  - reach: 10.0.9.9')[0]);
    const result = await runner.run('check', passing, '--json');
    assert.equal(result.status, 0, result.stdout + result.stderr);
    const data = JSON.parse(result.stdout) as { passed: number; failed: number; files: { file: string; results: { kind: string; passed: boolean; attempts: number }[] }[] };
    assert.deepEqual([data.passed, data.failed, data.files[0]!.file], [2, 0, passing]);
    assert.deepEqual(
      data.files[0]!.results.map((result) => [result.kind, result.passed, result.attempts >= 1]),
      [
        ['reach', true, true],
        ['link', true, true],
      ],
    );
  });

  test('--record prints a same check that passes against the namespace', async () => {
    const recorded = await runner.runOk('check', '--record', `${name}-red`);
    assert.match(recorded.stdout, new RegExp(`^- same: ${name}-red\n  state:\n    interfaces:\n      eth0: \\{ kind: veth, up: true, mtu: 1500, addresses: \\[ 10.0.0.1/24 \\] \\}`, 'u'));
    const notebook = files.writeTopology('same.netns.md', `\`\`\`check\n${recorded.stdout}\`\`\`\n`);
    const result = await runner.run('check', notebook);
    assert.equal(result.status, 0, result.stdout + result.stderr);
    assert.match(result.stdout, new RegExp(`PASS {2}${name}-red is as recorded`, 'u'));
  });
});

describe('netns-lab check with a notebook', () => {
  test('check cells run after the shell cells above them; a failing shell cell leaves the checks below not run', async () => {
    const [red] = [lab.namespaceName('nb')];
    const notebook = files.writeTopology(
      'proof.netns.md',
      [`\`\`\`sh\nip netns add ${red}\nip -n ${red} link set lo up\n\`\`\``, `\`\`\`check {netns=${red}}\n- reach: 127.0.0.1\n\`\`\``, '```sh\nfalse\n```', '```check\n- link: lo\n```', ''].join(
        '\n\n',
      ),
    );
    const result = await runner.run('check', notebook);
    assert.equal(result.status, 1, result.stderr);
    assert.match(result.stdout, new RegExp(`proof.netns.md:7 {2}PASS {2}ping from ${red} to 127.0.0.1: 1 sent, 1 received\n`, 'u'));
    assert.match(result.stdout, /proof\.netns\.md:15 {2}FAIL {2}not run: cell 3 failed \(exit status 1\)/u);
  });

  test('a bad check block is reported at its line and column, and nothing runs', async () => {
    const red = lab.namespaceName('bad');
    const notebook = files.writeTopology('bad.netns.md', `\`\`\`sh\nip netns add ${red}\n\`\`\`\n\n\`\`\`check\n- reach: 10.0.0.1\n  count: many\n\`\`\`\n`);
    const result = await runner.run('check', notebook);
    assert.equal(result.status, 1);
    assert.match(result.stderr, /^bad\.netns\.md:7:10: count must be a whole number from 1 to 100; found the string "many"\n/u);
    assert.match(result.stderr, /nothing was checked/u);
    assert.doesNotMatch((await runner.runOk('ls')).stdout, new RegExp(red, 'u'));
  });

  test('a file with no checks is refused, and no files at all or a bad --timeout is a usage error', async () => {
    const plain = files.writeTopology('plain.netns.md', '```sh\ntrue\n```\n');
    const none = await runner.run('check', plain);
    assert.equal(none.status, 1);
    assert.match(none.stderr, /has no check cells/u);
    assert.equal((await runner.run('check')).status, 2);
    const timeout = await runner.run('check', plain, '--timeout', 'soon');
    assert.equal(timeout.status, 2);
    assert.match(timeout.stderr, /--timeout takes a number of seconds/u);
  });
});
