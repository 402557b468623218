// The command line's small edges: names given twice. Each runs the real CLI (dist/cli.js) against namespaces made
// with plain ip under this run's prefix; the `after` hook removes them even when a test fails.
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
