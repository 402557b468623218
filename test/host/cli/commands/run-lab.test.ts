// `netns-lab run` with a notebook whose front matter names a topology, as a real child process against real
// namespaces: the lab is deployed before the first cell; afterwards a lab the run made is destroyed again (unless
// --keep-lab), a lab that was there before stays (unless --destroy-after). Every lab name starts with this run's
// prefix; the `after` hook removes its namespaces and records.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ip, namespaceExists } from '../../support/lab.js';
import { labRecordExists } from '../../support/labs.js';
import { testSetup } from '../../support/setup.js';

const { lab, runner } = testSetup({ cli: true });
const cli = runner.run;
const cliOk = runner.runOk;

const FOLDER = 'notebooks';

/** Writes a file into the CLI's working folder; returns its path as given on the command line. */
function writeFile(name: string, text: string): string {
  mkdirSync(dirname(join(runner.workDirectory, name)), { recursive: true });
  writeFileSync(join(runner.workDirectory, name), text);
  return name;
}

/** A lab of its own for a test: its pair topology beside a notebook whose cells run in `<lab>-red`. */
function labNotebook(suffix: string, cells: string[], topology = 'lab.netns.yaml'): { name: string; notebook: string } {
  const name = `${lab.prefix}${suffix}`;
  writeFile(`${FOLDER}/${suffix}-${topology}`, `lab: ${JSON.stringify(name)}\nnamespaces: [red, blue]\nlinks:\n  - [red:eth0 10.0.0.1/24, blue:eth0 10.0.0.2/24]\n`);
  const body = cells.map((cell) => `\`\`\`sh {netns="${name}-red"}\n${cell}\n\`\`\`\n`).join('\n');
  const notebook = writeFile(`${FOLDER}/${suffix}.netns.md`, `---\ntopology: ./${suffix}-${topology}\n---\n# Lab\n\n${body}`);
  return { name, notebook };
}

function labIsThere(name: string): boolean {
  return namespaceExists(`${name}-red`) && namespaceExists(`${name}-blue`) && labRecordExists(name);
}

function labIsGone(name: string): boolean {
  return !namespaceExists(`${name}-red`) && !namespaceExists(`${name}-blue`) && !labRecordExists(name);
}

describe('netns-lab run with a notebook that names a topology', () => {
  test('deploys the lab before the first cell and, having made it, destroys it when the cells are done', async () => {
    const { name, notebook } = labNotebook('made', ['ping -c 1 -W 2 10.0.0.2']);
    const result = await cliOk('run', notebook);
    const deployedAt = result.stdout.indexOf(`── lab ${name} deployed from ${join(runner.workDirectory, FOLDER, 'made-lab.netns.yaml')}: 3 changes`);
    assert.ok(deployedAt > 0 && deployedAt < result.stdout.indexOf('── cell 1/1'), result.stdout);
    assert.match(result.stdout, /: 1 passed, 0 failed\n/u);
    assert.ok(result.stdout.indexOf(`── lab ${name} destroyed: 2 namespaces removed\n`) > result.stdout.indexOf('── cell 1/1 passed'), result.stdout);
    assert.ok(labIsGone(name), 'nothing of the lab is left');
  });

  test('destroys a lab it made also when a cell failed', async () => {
    const { name, notebook } = labNotebook('failed', ['ping -c 1 -W 1 10.0.0.99', 'true']);
    const result = await cli('run', notebook);
    assert.equal(result.status, 1);
    assert.match(result.stdout, /: 0 passed, 1 failed, 1 not run\n/u);
    assert.match(result.stdout, new RegExp(`── lab ${name} destroyed: 2 namespaces removed\\n`, 'u'));
    assert.ok(labIsGone(name));
  });

  test('--keep-lab keeps a lab it made; the next run finds it as it is and leaves it', async () => {
    const { name, notebook } = labNotebook('kept', ['ping -c 1 -W 2 10.0.0.2']);
    const kept = await cliOk('run', '--keep-lab', notebook);
    assert.match(kept.stdout, new RegExp(`── lab ${name} deployed from .*: 3 changes\\n`, 'u'));
    assert.doesNotMatch(kept.stdout, /destroyed/u);
    assert.ok(labIsThere(name));
    const again = await cliOk('run', notebook);
    assert.match(again.stdout, new RegExp(`── lab ${name} from .*: no changes\\n`, 'u'));
    assert.doesNotMatch(again.stdout, /destroyed/u);
    assert.ok(labIsThere(name), 'a lab that was there before the run stays');
  });

  test('leaves a lab that was there before, also when the run repaired it', async () => {
    const { name, notebook } = labNotebook('repaired', ['ping -c 1 -W 2 10.0.0.2']);
    await cliOk('deploy', `${FOLDER}/repaired-lab.netns.yaml`);
    ip('-n', `${name}-blue`, 'address', 'del', '10.0.0.2/24', 'dev', 'eth0');
    const result = await cliOk('run', notebook);
    assert.match(result.stdout, new RegExp(`── lab ${name} deployed from .*: 1 change\\n`, 'u'));
    assert.doesNotMatch(result.stdout, /destroyed/u);
    assert.ok(labIsThere(name));
  });

  test('--destroy-after destroys the lab also when it was there before the run', async () => {
    const { name, notebook } = labNotebook('before', ['true']);
    await cliOk('deploy', `${FOLDER}/before-lab.netns.yaml`);
    const result = await cliOk('run', '--destroy-after', notebook);
    assert.match(result.stdout, new RegExp(`── lab ${name} from .*: no changes\\n`, 'u'));
    assert.match(result.stdout, new RegExp(`── lab ${name} destroyed: 2 namespaces removed\\n`, 'u'));
    assert.ok(labIsGone(name));
  });

  test('--keep-lab and --destroy-after together are refused, and nothing runs', async () => {
    const { name, notebook } = labNotebook('both', [`touch ${join(runner.workDirectory, 'ran')}`]);
    const result = await cli('run', '--keep-lab', '--destroy-after', notebook);
    assert.equal(result.status, 2);
    assert.match(result.stderr, /--keep-lab or --destroy-after/u);
    assert.equal(existsSync(join(runner.workDirectory, 'ran')), false);
    assert.ok(labIsGone(name));
  });

  test('an invalid topology runs no cell and changes nothing', async () => {
    const name = `${lab.prefix}broken`;
    writeFile(`${FOLDER}/broken.netns.yaml`, `lab: ${name}\nnamespaces: [red, blue]\nlinks:\n  - [red:eth0, blue:eth0]\n  - [red:eth1, purple:eth0]\n`);
    const notebook = writeFile(`${FOLDER}/broken.netns.md`, `---\ntopology: ./broken.netns.yaml\n---\n\`\`\`sh\ntouch ${join(runner.workDirectory, 'ran')}\n\`\`\`\n`);
    const result = await cli('run', notebook);
    assert.equal(result.status, 1);
    assert.match(result.stderr, /broken\.netns\.yaml:5:\d+: .*purple/u);
    assert.equal(existsSync(join(runner.workDirectory, 'ran')), false);
    assert.ok(labIsGone(name));
  });
});
