// Lab topologies through `netns-lab` as a user meets it: validate, deploy, inspect and destroy run as a real child
// process (dist/cli.js) against real namespaces, and what they made is read back with plain `ip`. Every lab name
// starts with this run's prefix, so its namespaces do too; the `after` hook removes them and the labs' records.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { assertOneLine } from '../../support/cli.js';
import { namespaceExists } from '../../support/lab.js';
import { labRecordExists } from '../../support/labs.js';
import { labFiles, pairTopology, pings } from '../../support/lab-files.js';
import { testSetup } from '../../support/setup.js';

const { lab, runner } = testSetup({ cli: true });
const cli = runner.run;
const cliOk = runner.runOk;
const { writeTopology, labName } = labFiles(lab, runner);

describe('a hostile lab name', () => {
  // Quotes, spaces, `;`, `$()` and backticks: taken literally everywhere, never run by a shell.
  const marker = `${lab.prefix}pwned`;
  const name = `${lab.prefix} q'" ;$(touch ${marker}) \`touch ${marker}\``;

  test('deploys, inspects, and destroys literally', async () => {
    const file = writeTopology('hostile.netns.yaml', pairTopology(name));
    const deployed = await cliOk('deploy', file);
    assert.ok(deployed.stdout.includes(`+ namespace ${name}-red`), deployed.stdout);
    assert.equal(namespaceExists(`${name}-red`), true);
    assert.equal(namespaceExists(`${name}-blue`), true);
    assert.equal(pings(`${name}-red`, '10.0.0.2'), true);
    await cliOk('inspect', file);
    const shown = JSON.parse((await cliOk('inspect', '--lab', name, '--json')).stdout) as { namespaces: string[] };
    assert.deepEqual(shown.namespaces, [`${name}-red`, `${name}-blue`]);
    const destroyed = await cliOk('destroy', '--lab', name);
    assert.ok(destroyed.stdout.includes(`- namespace ${name}-blue`), destroyed.stdout);
    assert.equal(namespaceExists(`${name}-red`), false);
    assert.equal(labRecordExists(name), false);
    for (const folder of [runner.workDirectory, process.cwd(), '/', '/root', '/tmp']) assert.equal(existsSync(join(folder, marker)), false, folder);
  });
});

describe('lab commands on an unreachable --target', () => {
  test('fail with one clear line and print no plan', async () => {
    const file = writeTopology('target.netns.yaml', pairTopology(labName('t')));
    for (const command of [
      ['deploy', file],
      ['inspect', file],
      ['destroy', '--lab', labName('t')],
    ]) {
      const result = await cli('--target', 'ssh://root@127.0.0.1:1', ...command);
      assert.equal(result.status, 1, command.join(' '));
      assertOneLine(result.stderr);
      assert.match(result.stderr, /^netns-lab: ssh:\/\/root@127\.0\.0\.1:1 .*refused/u);
      assert.equal(result.stdout, '');
    }
  });

  test('validate needs no host at all', async () => {
    const result = await cliOk('--target', 'ssh://root@127.0.0.1:1', 'validate', writeTopology('target2.netns.yaml', pairTopology(labName('t2'))));
    assert.match(result.stdout, /is valid/u);
  });
});

describe('lab command help and progress', () => {
  for (const command of ['validate', 'deploy', 'destroy', 'inspect']) {
    test(`${command} --help prints its usage and exits 0; the overview lists it`, async () => {
      const result = await cliOk(command, '--help');
      assert.ok(result.stdout.startsWith(`netns-lab ${command} `), result.stdout);
      assert.match((await cli('--help')).stdout, new RegExp(`^  ${command} +\\S`, 'mu'));
    });
  }

  test('progress lines go to stderr only when it is a terminal', async () => {
    // In-process, so that "stderr is a terminal" can be said without a pseudo-terminal; the host is the real one.
    const { main } = await import('../../../../src/cli/main.js');
    const file = join(runner.workDirectory, writeTopology('progress.netns.yaml', pairTopology(labName('p'))));
    for (const terminal of [true, false]) {
      let stderr = '';
      let stdout = '';
      const status = await main(
        ['deploy', file, '--dry-run'],
        (text) => void (stdout += text),
        (text) => void (stderr += text),
        terminal,
      );
      assert.equal(status, 0, stderr);
      assert.match(stdout, /Dry run: nothing was changed\./u);
      if (terminal) assert.match(stderr, /^Reading this machine…$/mu);
      else assert.equal(stderr, '');
    }
  });
});
