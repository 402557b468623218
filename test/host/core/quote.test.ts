// batchLine's round trip through a real `ip -batch`: names that reach the kernel intact. The words alone are
// tested in test/unit/core/quote.test.ts.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { batchLine } from '../../../src/core/index.js';
import { namespaceExists } from '../support/lab.js';
import { testSetup } from '../support/setup.js';

describe('batchLine through ip -batch', () => {
  const { lab } = testSetup();

  const expressible = ['a b', `it's here`, 'say "hi"', 'tab\there', `"quoted`, `'single`, 'semi;colon $(x) `y`'];
  for (const suffix of expressible) {
    test(`ip -batch receives the name ${JSON.stringify(suffix)} intact`, () => {
      const name = suffix.startsWith('"') || suffix.startsWith("'") ? lab.own(`${suffix}${lab.prefix}`) : `${lab.prefix} ${suffix}`;
      const line = batchLine(['netns', 'add', name]);
      assert.notEqual(line, undefined);
      const added = spawnSync('ip', ['-batch', '-'], { input: `${line}\n`, encoding: 'utf8' });
      assert.equal(added.status, 0, added.stderr);
      try {
        assert.ok(namespaceExists(name), `no /run/netns entry named ${JSON.stringify(name)}`);
      } finally {
        spawnSync('ip', ['netns', 'delete', name]);
      }
      assert.equal(namespaceExists(name), false);
    });
  }
});
