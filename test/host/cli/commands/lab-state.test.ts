// Lab topologies through `netns-lab` as a user meets it: validate, deploy, inspect and destroy run as a real child
// process (dist/cli.js) against real namespaces, and what they made is read back with plain `ip`. Every lab name
// starts with this run's prefix, so its namespaces do too; the `after` hook removes them and the labs' records.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { assertOneLine } from '../../support/cli.js';
import { ip, namespaceExists, rootLinkNames } from '../../support/lab.js';
import { labRecordExists } from '../../support/labs.js';
import { labFiles, linkIn, pairTopology } from '../../support/lab-files.js';
import { testSetup } from '../../support/setup.js';

const { lab, runner } = testSetup({ cli: true });
const cli = runner.run;
const cliOk = runner.runOk;
const { writeTopology, labName } = labFiles(lab, runner);

describe('netns-lab inspect', () => {
  const name = labName('i');
  const red = `${name}-red`;
  const file = 'inspect.netns.yaml';

  test('a lab as its file says is in sync: status 0', async () => {
    writeTopology(file, pairTopology(name));
    await cliOk('deploy', file);
    const result = await cliOk('inspect', file);
    assert.equal(result.stdout, `Lab ${name} on this machine: in sync with ${file}\n`);
  });

  test('a change made behind its back is drifted: status 3, and deploy repairs it', async () => {
    ip('-n', red, 'link', 'set', 'eth0', 'mtu', '1400');
    const result = await cli('inspect', file);
    assert.equal(result.status, 3, result.stderr);
    assert.match(result.stdout, /differs from inspect\.netns\.yaml\ndrifted \(/u);
    assert.match(result.stdout, new RegExp(`^  ~ ${red}:eth0: mtu 1400 → 1500$`, 'mu'));
    const json = await cli('inspect', file, '--json');
    assert.equal(json.status, 3);
    assert.deepEqual(JSON.parse(json.stdout), {
      file,
      lab: name,
      host: 'this machine',
      inSync: false,
      missing: [],
      extra: [],
      drifted: [{ action: 'change', subject: `${red}:eth0`, detail: 'mtu 1400 → 1500' }],
      conflicts: [],
    });
    await cliOk('deploy', file);
    assert.equal(linkIn(red, 'eth0')?.mtu, 1500);
    assert.equal((await cli('inspect', file)).status, 0);
  });

  test('a namespace deleted behind its back is missing', async () => {
    ip('netns', 'delete', `${name}-blue`);
    const result = await cli('inspect', file);
    assert.equal(result.status, 3);
    assert.match(result.stdout, new RegExp(`^missing \\(.*\\n  \\+ namespace ${name}-blue$`, 'mu'));
  });

  test('--lab shows what the host has of the lab, with its file and time of deploy', async () => {
    await cliOk('deploy', file);
    const text = await cliOk('inspect', '--lab', name);
    assert.match(
      text.stdout,
      new RegExp(
        `^Lab ${name} on this machine\\n  file: +${join(runner.workDirectory, file).replace(/[.]/gu, '\\.')}\\n  deployed at: +\\S+\\n  namespaces: +${red}, ${name}-blue\\n  root interfaces: +none\\n$`,
        'u',
      ),
    );
    const shown = JSON.parse((await cliOk('--json', 'inspect', '--lab', name)).stdout) as Record<string, unknown>;
    assert.deepEqual(Object.keys(shown), ['lab', 'host', 'deployed', 'file', 'deployedAt', 'namespaces', 'rootInterfaces']);
    assert.equal(shown.deployed, true);
    assert.deepEqual(shown.namespaces, [red, `${name}-blue`]);
    assert.ok(!Number.isNaN(Date.parse(shown.deployedAt as string)));
  });

  test('--lab of a lab that is not there says so, status 0', async () => {
    const result = await cliOk('inspect', '--lab', labName('absent'));
    assert.match(result.stdout, /not deployed \(nothing of it is there\)\n$/u);
    const shown = JSON.parse((await cliOk('inspect', '--lab', labName('absent'), '--json')).stdout) as Record<string, unknown>;
    assert.deepEqual(shown, { lab: labName('absent'), host: 'this machine', deployed: false, namespaces: [], rootInterfaces: [] });
  });
});

describe('netns-lab destroy', () => {
  test('by file: prints what it removed; again: nothing to destroy', async () => {
    const name = labName('x1');
    const file = writeTopology('destroy1.netns.yaml', pairTopology(name));
    await cliOk('deploy', file);
    const result = await cliOk('destroy', file);
    assert.equal(result.stdout, `Lab ${name} on this machine: removed 2 namespaces\n- namespace ${name}-red\n- namespace ${name}-blue\n`);
    assert.equal(namespaceExists(`${name}-red`), false);
    assert.equal(labRecordExists(name), false);
    assert.equal((await cliOk('destroy', file)).stdout, `Lab ${name} on this machine: nothing to destroy\n`);
  });

  test('by --lab after the file is deleted, root-namespace interfaces included', async () => {
    const name = labName('x2');
    const hostEnd = lab.interfaceName('h2');
    const file = writeTopology('destroy2.netns.yaml', `${pairTopology(name)}  - [red:eth1, ${hostEnd}]\n`);
    await cliOk('deploy', file);
    assert.ok(rootLinkNames().includes(hostEnd));
    rmSync(join(runner.workDirectory, file));
    const dryRun = await cliOk('destroy', '--lab', name, '--dry-run');
    assert.match(dryRun.stdout, /would remove 2 namespaces and 1 interface of the root namespace\n[^]*Dry run: nothing was changed\.\n$/u);
    assert.equal(namespaceExists(`${name}-red`), true);
    const result = await cliOk('destroy', '--lab', name, '--json');
    assert.deepEqual(JSON.parse(result.stdout), { lab: name, host: 'this machine', dryRun: false, namespaces: [`${name}-red`, `${name}-blue`], rootInterfaces: [hostEnd], skipped: [] });
    assert.equal(namespaceExists(`${name}-red`), false);
    assert.equal(rootLinkNames().includes(hostEnd), false);
    assert.equal(labRecordExists(name), false);
  });

  test('leaves another lab whose name extends this one, and an unrelated namespace, untouched', async () => {
    const name = labName('x3');
    const longer = `${name}-red`; // its namespaces are named "<name>-red-…", as if they were this lab's
    const stray = `${name}-stray`;
    await cliOk('deploy', writeTopology('destroy3.netns.yaml', pairTopology(name)));
    await cliOk('deploy', writeTopology('destroy3b.netns.yaml', `lab: ${longer}\nnamespaces: [x]\n`));
    ip('netns', 'add', stray);
    const result = await cliOk('destroy', '--lab', name);
    assert.equal(result.stdout, `Lab ${name} on this machine: removed 2 namespaces\n- namespace ${name}-red\n- namespace ${name}-blue\n`);
    assert.equal(namespaceExists(`${longer}-x`), true);
    assert.equal(namespaceExists(stray), true);
    assert.equal(labRecordExists(longer), true);
    await cliOk('destroy', '--lab', longer);
    assert.equal(namespaceExists(`${longer}-x`), false);
    assert.equal(namespaceExists(stray), true);
    ip('netns', 'delete', stray);
  });

  test('a file with problems elsewhere still names its lab; a file whose lab: cannot be read needs --lab', async () => {
    const name = labName('x4');
    const file = writeTopology('destroy4.netns.yaml', pairTopology(name));
    await cliOk('deploy', file);
    writeTopology(file, `${pairTopology(name)}  - [red:eth1, purple:eth0]\n`);
    const result = await cliOk('destroy', file);
    assert.match(result.stderr, /^destroy4\.netns\.yaml:5:\d+: .*purple.*\nnetns-lab destroy: destroy4\.netns\.yaml has 1 problem; its lab: \S+ is readable, so that lab is destroyed\n$/u);
    assert.match(result.stdout, /removed 2 namespaces/u);
    assert.equal(namespaceExists(`${name}-red`), false);

    await cliOk('deploy', writeTopology(file, pairTopology(name)));
    writeTopology(file, `lab: [${name}\nnamespaces: [red, blue\n`);
    const refused = await cli('destroy', file);
    assert.equal(refused.status, 1);
    assert.match(refused.stderr, /cannot be read for certain, so nothing was changed; to destroy the lab anyway, name it: netns-lab destroy --lab NAME\n$/u);
    assert.equal(namespaceExists(`${name}-red`), true);
    await cliOk('destroy', '--lab', name);
  });

  test('is called wrongly without a lab, or with both a file and --lab: status 2', async () => {
    for (const args of [['destroy'], ['destroy', 'a.netns.yaml', '--lab', 'a'], ['inspect'], ['destroy', '--lab', 'a/b']]) {
      const result = await cli(...args);
      assert.equal(result.status, 2, args.join(' '));
      assertOneLine(result.stderr);
    }
  });
});
