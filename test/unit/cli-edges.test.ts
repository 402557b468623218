// The command line's small edges: names given twice, and a name that does not exist among several. Each runs the
// real CLI (dist/cli.js) against namespaces made with plain ip under this run's prefix; the `after` hook removes
// them even when a test fails.
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { assertOneLine, createCliRunner } from './support/cli.js';
import { createLab, ip, namespaceExists } from './support/lab.js';

const lab = createLab();
const runner = createCliRunner();
const cli = runner.run;
after(() => {
  lab.cleanup();
  runner.cleanup();
});

let counter = 0;

/** Fresh namespaces made with plain ip, unique to the calling test. */
function namespaces(count: number): string[] {
  const made = Array.from({ length: count }, (_, index) => lab.namespaceName(`e${counter}${'abcdef'[index]}`));
  counter++;
  for (const name of made) ip('netns', 'add', name);
  return made;
}

/** A namespace name under this run's prefix that nothing has made. */
function unusedName(tag: string): string {
  return lab.namespaceName(`u${counter++}${tag}`);
}

describe('names given twice', () => {
  test('add X X says the name is given twice, exits 2 and creates nothing', async () => {
    const name = unusedName('twice');
    const result = await cli('add', name, name);
    assert.equal(result.status, 2);
    assertOneLine(result.stderr);
    assert.ok(result.stderr.includes(`"${name}" is given twice`), result.stderr);
    assert.equal(namespaceExists(name), false);
  });

  test('del X X says the name is given twice, exits 2 and deletes nothing', async () => {
    const [name] = namespaces(1) as [string];
    const result = await cli('del', name, name);
    assert.equal(result.status, 2);
    assert.ok(result.stderr.includes(`"${name}" is given twice`), result.stderr);
    assert.equal(namespaceExists(name), true);
  });
});

describe('del with a name that does not exist', () => {
  test('del A MISSING deletes nothing, exits 1, and names the missing one', async () => {
    const [present] = namespaces(1) as [string];
    const absent = unusedName('absent');
    const result = await cli('del', present, absent);
    assert.equal(result.status, 1);
    assertOneLine(result.stderr);
    assert.ok(result.stderr.includes(`"${absent}"`), result.stderr);
    assert.ok(!result.stderr.includes(`"${present}"`), result.stderr);
    assert.match(result.stderr, /nothing was deleted/u);
    assert.equal(namespaceExists(present), true);
  });

  test('del with the missing name first deletes nothing either', async () => {
    const [present] = namespaces(1) as [string];
    const result = await cli('del', unusedName('first'), present);
    assert.equal(result.status, 1);
    assert.equal(namespaceExists(present), true);
  });

  test('with many missing names the message lists three and counts the rest', async () => {
    const absent = Array.from({ length: 5 }, (_, index) => unusedName(`m${index}`));
    const result = await cli('del', ...absent);
    assert.equal(result.status, 1);
    assertOneLine(result.stderr);
    for (const name of absent.slice(0, 3)) assert.ok(result.stderr.includes(`"${name}"`), result.stderr);
    for (const name of absent.slice(3)) assert.ok(!result.stderr.includes(`"${name}"`), result.stderr);
    assert.ok(result.stderr.includes('… and 2 more'), result.stderr);
  });

  test('del of names that all exist deletes them all', async () => {
    const names = namespaces(3);
    const result = await cli('del', ...names);
    assert.equal(result.status, 0, result.stderr);
    for (const name of names) assert.equal(namespaceExists(name), false, name);
  });
});
