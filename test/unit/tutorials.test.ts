// Every tutorial notebook in notebooks/ runs green end to end through `netns-lab run`, as a learner would run it,
// twice in a row (each must be idempotent at its start), and leaves none of its namespaces behind.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { createCliRunner } from './support/cli.js';
import { namespaceExists } from './support/lab.js';

const NOTEBOOKS = fileURLToPath(new URL('../../../notebooks/', import.meta.url));
const runner = createCliRunner();
after(() => runner.cleanup());

/** The namespaces a tutorial makes: the words after `ip netns add` and in its `for name in …` lists. */
function namespacesOf(text: string): string[] {
  return [...new Set(text.match(/\blab\d[\w-]*/gu) ?? [])].filter((name) => /^lab\d-[\w-]+$/u.test(name));
}

describe('tutorial notebooks', () => {
  const files = readdirSync(NOTEBOOKS).filter((file) => file.endsWith('.netns.md')).sort();

  test('there are the five tutorials', () => {
    assert.equal(files.length, 5, files.join(', '));
  });

  for (const file of files) {
    test(`${file} passes twice in a row and cleans up after itself`, async () => {
      const path = join(NOTEBOOKS, file);
      for (const round of [1, 2]) {
        const result = await runner.run('run', path);
        assert.equal(result.status, 0, `round ${round}:\n${result.stdout}\n${result.stderr}`);
        assert.match(result.stdout, /: \d+ passed, 0 failed\n/u);
      }
      const left = namespacesOf(readFileSync(path, 'utf8')).filter(namespaceExists);
      assert.deepEqual(left, []);
    });
  }
});
