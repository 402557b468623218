// Lab topologies through `netns-lab` as a user meets it: validate, deploy, inspect and destroy run as a real child
// process (dist/cli.js) against real namespaces, and what they made is read back with plain `ip`. Every lab name
// starts with this run's prefix, so its namespaces do too; the `after` hook removes them and the labs' records.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { assertOneLine } from '../../support/cli.js';
import { ip, namespaceExists } from '../../support/lab.js';
import { labRecordExists } from '../../support/labs.js';
import { labFiles, linkIn, pairTopology, pings } from '../../support/lab-files.js';
import { eventually } from '../../../support/eventually.js';
import { testSetup } from '../../support/setup.js';

const { lab, runner } = testSetup({ cli: true });
const cli = runner.run;
const cliOk = runner.runOk;
const { writeTopology, labName } = labFiles(lab, runner);

/** The plan lines (`+ …`, `- …`, `~ …`) of a deploy's output. */
function planLines(stdout: string): string[] {
  return stdout.split('\n').filter((line) => /^[+~-] /u.test(line));
}

describe('netns-lab validate', () => {
  test('a valid file is named with its lab and size, exit status 0', async () => {
    const name = labName('v1');
    const file = writeTopology('good.netns.yaml', pairTopology(name));
    const result = await cliOk('validate', file);
    assert.equal(result.stdout, `good.netns.yaml is valid: lab ${name}, 2 namespaces, 1 link\n`);
    assert.equal(result.stderr, '');
  });

  test('every problem is printed as FILE:LINE:COL: message, and the status is 1', async () => {
    const text = `lab: ${labName('v2')}\nnamespaces: [red, blue]\nlinks:\n  - [red:eth0 10.0.0.1/33, green:eth0 10.0.0.2/24]\n`;
    const file = writeTopology('broken.netns.yaml', text);
    const line = text.split('\n')[3]!;
    const result = await cli('validate', file);
    assert.equal(result.status, 1);
    assert.equal(result.stdout, '');
    const lines = result.stderr.trimEnd().split('\n');
    assert.equal(lines.length, 3, result.stderr);
    assert.match(lines[0]!, new RegExp(`^broken\\.netns\\.yaml:4:${line.indexOf('10.0.0.1/33') + 1}: .*10\\.0\\.0\\.1/33`, 'u'));
    assert.match(lines[1]!, new RegExp(`^broken\\.netns\\.yaml:4:${line.indexOf('green') + 1}: .*green`, 'u'));
    assert.equal(lines[2], 'netns-lab validate: broken.netns.yaml is not valid (2 problems)');
  });

  test('--json gives the verdict, the lab and its size, or the diagnostics with their positions', async () => {
    const name = labName('v3');
    const good = JSON.parse((await cliOk('--json', 'validate', writeTopology('good3.netns.yaml', pairTopology(name)))).stdout) as unknown;
    assert.deepEqual(good, { file: 'good3.netns.yaml', valid: true, lab: name, namespaces: 2, bridges: 0, links: 1, diagnostics: [] });
    const broken = await cli('validate', '--json', writeTopology('bad3.netns.yaml', `lab: ${name}\nnamespaces: [red]\ncolour: blue\n`));
    assert.equal(broken.status, 1);
    const verdict = JSON.parse(broken.stdout) as { file: string; valid: boolean; diagnostics: Array<Record<string, unknown>> };
    assert.equal(verdict.valid, false);
    assert.equal(verdict.diagnostics.length, 1);
    assert.deepEqual(Object.keys(verdict.diagnostics[0]!).sort(), ['column', 'endColumn', 'endLine', 'line', 'message']);
    assert.equal(verdict.diagnostics[0]!.line, 3);
    assert.equal(verdict.diagnostics[0]!.column, 1);
  });

  test('a file that does not exist fails with one line', async () => {
    const result = await cli('validate', 'missing.netns.yaml');
    assert.equal(result.status, 1);
    assertOneLine(result.stderr);
    assert.match(result.stderr, /missing\.netns\.yaml does not exist/u);
  });
});

describe('netns-lab deploy', () => {
  const name = labName('d');
  const [red, blue, green] = [`${name}-red`, `${name}-blue`, `${name}-green`];
  const file = 'deploy.netns.yaml';

  test('an invalid file changes nothing: its problems, then status 1', async () => {
    writeTopology(file, `${pairTopology(name)}  - [red:eth1, purple:eth0]\n`);
    const result = await cli('deploy', file);
    assert.equal(result.status, 1);
    assert.match(result.stderr, /^deploy\.netns\.yaml:5:\d+: .*purple/mu);
    assert.match(result.stderr, /nothing was changed\n$/u);
    assert.equal(namespaceExists(red), false);
    assert.equal(labRecordExists(name), false);
  });

  test('--dry-run prints the plan and changes nothing', async () => {
    writeTopology(file, pairTopology(name));
    const result = await cliOk('deploy', file, '--dry-run');
    assert.deepEqual(planLines(result.stdout), [`+ namespace ${red}`, `+ namespace ${blue}`, `+ veth ${red}:eth0 ↔ ${blue}:eth0`]);
    assert.match(result.stdout, /^Dry run: nothing was changed\.$/mu);
    assert.equal(namespaceExists(red), false);
    assert.equal(namespaceExists(blue), false);
  });

  test('deploy makes the lab: namespaces, veth, addresses, traffic across it', async () => {
    const result = await cliOk('deploy', file);
    assert.equal(result.stderr, '', 'no progress lines when stderr is not a terminal');
    assert.deepEqual(planLines(result.stdout), [`+ namespace ${red}`, `+ namespace ${blue}`, `+ veth ${red}:eth0 ↔ ${blue}:eth0`]);
    assert.match(result.stdout, /^Deployed: 3 changes applied\.$/mu);
    assert.deepEqual(
      linkIn(red, 'eth0')
        ?.addr_info?.filter((address) => address.local.startsWith('10.'))
        .map((address) => `${address.local}/${address.prefixlen}`),
      ['10.0.0.1/24'],
    );
    assert.equal(pings(red, '10.0.0.2'), true);
    assert.equal(labRecordExists(name), true);
  });

  test('deploying again changes nothing and says so', async () => {
    const result = await cliOk('deploy', file);
    assert.equal(result.stdout, `Lab ${name} on this machine: no changes (it is as ${file} says)\n`);
    assert.deepEqual(planLines(result.stdout), []);
  });

  test('after an edit, deploy changes only the difference', async () => {
    const inodeOfRed = spawnSync('stat', ['-L', '-c', '%i', `/run/netns/${red}`], { encoding: 'utf8' }).stdout;
    writeTopology(file, `lab: ${name}\nnamespaces: [red, blue, green]\nlinks:\n  - [red:eth0 10.0.0.1/24, blue:eth0 10.0.0.2/24]\n  - [blue:eth1 10.0.1.1/24, green:eth0 10.0.1.2/24]\n`);
    const result = await cliOk('deploy', file);
    assert.deepEqual(planLines(result.stdout), [`+ namespace ${green}`, `+ veth ${blue}:eth1 ↔ ${green}:eth0`]);
    assert.equal(pings(green, '10.0.1.1'), true);
    assert.equal(pings(red, '10.0.0.2'), true);
    assert.equal(spawnSync('stat', ['-L', '-c', '%i', `/run/netns/${red}`], { encoding: 'utf8' }).stdout, inodeOfRed, 'red was kept, not made again');
  });

  test('removing a namespace from the file deletes it on the next deploy', async () => {
    writeTopology(file, pairTopology(name));
    const result = await cliOk('deploy', file);
    assert.deepEqual(planLines(result.stdout), [`- namespace ${green} (not in the file)`]);
    // The kernel takes the pair's other end along a moment after the namespace is deleted.
    await eventually(() => (linkIn(blue, 'eth1') === undefined ? true : undefined), { what: "blue's end of the veth to green gone with green" });
    assert.equal(namespaceExists(green), false);
    assert.equal(namespaceExists(red), true);
  });

  test('--json gives the lab, the host, whether it was applied, and the changes', async () => {
    writeTopology(file, pairTopology(name).replace('10.0.0.2/24', '10.0.0.3/24'));
    const result = await cliOk('deploy', file, '--json');
    const shown = JSON.parse(result.stdout) as Record<string, unknown>;
    assert.deepEqual(shown, {
      file,
      lab: name,
      host: 'this machine',
      dryRun: false,
      applied: true,
      changes: [
        { action: 'change', subject: `${blue}:eth0`, detail: '+ address 10.0.0.3/24' },
        { action: 'change', subject: `${blue}:eth0`, detail: '- address 10.0.0.2/24' },
      ],
      refusals: [],
    });
    assert.equal(pings(red, '10.0.0.3'), true);
  });

  test("a namespace of the same name that is not the lab's is refused, before anything changes", async () => {
    const other = labName('r');
    ip('netns', 'add', `${other}-blue`);
    const topology = writeTopology('refused.netns.yaml', pairTopology(other));
    const result = await cli('deploy', topology);
    assert.equal(result.status, 1);
    assert.match(result.stderr, new RegExp(`^netns-lab: lab "${other}" was not deployed, nothing was changed:\\n  - Namespace ${other}-blue already exists and is not lab ${other}'s`, 'u'));
    assert.equal(namespaceExists(`${other}-red`), false);
    assert.equal(namespaceExists(`${other}-blue`), true);
    const json = await cli('--json', 'deploy', topology);
    assert.equal(json.status, 1);
    const shown = JSON.parse(json.stdout) as { applied: boolean; changes: unknown[]; refusals: string[] };
    assert.equal(shown.applied, false);
    assert.deepEqual(shown.changes, []);
    assert.equal(shown.refusals.length, 1);
    ip('netns', 'delete', `${other}-blue`);
  });
});
