// The tutorials that build their labs by hand (1-5) delete only namespaces they made, which carry their mark (the
// alias `netns-lab:LAB` on `lo`, LAB being the lab declared beside the tutorial): a namespace of the user's that has
// a tutorial's name survives running that tutorial, which stops instead of using it; a marked namespace left by an
// earlier, unfinished run is cleaned up at the start. Tutorial names are fixed, so each test makes its namespace
// only when the name is free, and removes it afterwards only when it is still the one it made.
import assert from 'node:assert/strict';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { parseNotebook } from '../../../src/core/index.js';
import { labTag } from '../../../src/core/topology/model.js';
import { ip, namespaceExists } from '../support/lab.js';
import { testSetup } from '../support/setup.js';
import { labBeside, namespacesOf, NOTEBOOKS, tutorialFiles } from '../support/tutorials.js';

// Tutorial namespaces have fixed names, not the lab's prefix: the lab is unused here, and its cleanup removes nothing.
const { runner } = testSetup({ cli: true });

/** The namespace's identity (its nsfs inode), to tell it from another namespace given the same name later. */
function identity(name: string): number | undefined {
  const path = `/run/netns/${name}`;
  return existsSync(path) ? statSync(path).ino : undefined;
}

/** Makes `name` for the test when it is free, runs `body`, then deletes `name` if it is still the namespace made. */
async function withNamespace(name: string, setUp: () => void, body: (made: number) => Promise<void>): Promise<boolean> {
  if (namespaceExists(name)) return false;
  ip('netns', 'add', name);
  const made = identity(name)!;
  try {
    setUp();
    await body(made);
  } finally {
    if (identity(name) === made) ip('netns', 'delete', name);
  }
  return true;
}

function interfaceNames(namespace: string): string[] {
  return (JSON.parse(ip('-n', namespace, '-j', 'link', 'show')) as Array<{ ifname: string }>).map((link) => link.ifname);
}

describe('tutorials and namespaces that are not theirs', () => {
  const byHand = tutorialFiles().filter((file) => parseNotebook(readFileSync(join(NOTEBOOKS, file), 'utf8')).frontMatter?.options.topology === undefined);

  test('five tutorials build their labs by hand', () => {
    assert.equal(byHand.length, 5, byHand.join(', '));
  });

  for (const file of byHand) {
    const text = readFileSync(join(NOTEBOOKS, file), 'utf8');
    const names = namespacesOf(text);
    const first = names[0]!;

    test(`a namespace of the user's named ${first} survives ${file}, which stops rather than use it`, async (t) => {
      const others = names.filter((name) => name !== first && !namespaceExists(name));
      const ran = await withNamespace(first, () => ip('-n', first, 'link', 'add', 'users0', 'type', 'veth', 'peer', 'name', 'users1'), async (made) => {
        const result = await runner.run('run', join(NOTEBOOKS, file));
        assert.equal(result.status, 1, `the run should stop:\n${result.stdout}`);
        assert.match(result.stderr, /File exists/u);
        assert.equal(identity(first), made, `${first} is still the user's namespace`);
        assert.ok(interfaceNames(first).includes('users0'), 'with what the user put in it');
        assert.deepEqual(others.filter(namespaceExists), [], 'and the tutorial made none of its other namespaces');
      });
      if (!ran) t.skip(`${first} exists on this machine already, and is not this test's to use`);
    });

    test(`${file} cleans up a namespace with its mark that an earlier run left`, async (t) => {
      const mark = labTag(labBeside(file));
      const ran = await withNamespace(first, () => ip('-n', first, 'link', 'set', 'lo', 'alias', mark), async () => {
        const result = await runner.run('run', join(NOTEBOOKS, file));
        assert.equal(result.status, 0, `${result.stdout}\n${result.stderr}`);
        assert.deepEqual(names.filter(namespaceExists), [], 'nothing is left');
      });
      if (!ran) t.skip(`${first} exists on this machine already, and is not this test's to use`);
    });
  }
});
