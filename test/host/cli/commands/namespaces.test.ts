// Changes made through `netns-lab` (a real child process running dist/cli.js), each read back with plain `ip -j`,
// so a change is checked against the kernel and not against the CLI's own reading. Each test makes its own
// namespaces under this run's prefix; the `after` hook removes them even when a test fails.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { assertOneLine } from '../../support/cli.js';
import { namespaceExists } from '../../support/lab.js';
import { testSetup } from '../../support/setup.js';
import { freshObjects, link } from '../../support/fresh-objects.js';

const { lab, runner } = testSetup({ cli: true });
const cli = runner.run;
const cliOk = runner.runOk;
const { namespaces } = freshObjects(lab);

describe('namespaces', () => {
  test('add A B --lo-up creates both namespaces with lo up', async () => {
    const [a, b] = [lab.namespaceName('add1'), lab.namespaceName('add2')];
    await cliOk('add', a, b, '--lo-up');
    for (const name of [a, b]) assert.ok(link(name, 'lo')?.flags.includes('UP'), name);
  });

  test('add without --lo-up leaves lo down', async () => {
    const name = lab.namespaceName('add3');
    await cliOk('add', name);
    assert.equal(link(name, 'lo')?.flags.includes('UP'), false);
  });

  test('add creates none of the namespaces when one of them already exists', async () => {
    const [existing] = namespaces(1) as [string];
    const fresh = lab.namespaceName('add4');
    const result = await cli('add', fresh, existing);
    assert.equal(result.status, 1);
    assertOneLine(result.stderr);
    assert.equal(namespaceExists(fresh), false);
  });

  test('del A B deletes both namespaces', async () => {
    const [a, b] = namespaces(2) as [string, string];
    await cliOk('del', a, b);
    assert.equal(namespaceExists(a), false);
    assert.equal(namespaceExists(b), false);
  });
});
