// Running checks: a check right after a change waits for the network to settle (a link brought up while it runs),
// and independent checks are decided together, each with its own result.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { parseCheckBlock, runChecks } from '../../../../src/core/index.js';
import { ip } from '../../support/lab.js';
import { testSetup } from '../../support/setup.js';

const { lab, host } = testSetup({ host: true });
const red = lab.namespaceName('red');
const blue = lab.namespaceName('blue');

before(() => {
  ip('netns', 'add', red);
  ip('netns', 'add', blue);
  ip('-n', red, 'link', 'add', 'name', 'to-blue', 'type', 'veth', 'peer', 'name', 'to-red', 'netns', blue);
  ip('-n', red, 'address', 'add', '10.79.1.1/24', 'dev', 'to-blue');
  ip('-n', blue, 'address', 'add', '10.79.1.2/24', 'dev', 'to-red');
  ip('-n', blue, 'link', 'set', 'to-red', 'up');
});

describe('running checks', () => {
  test('a check retries until the link it needs comes up while it runs', async () => {
    const checks = parseCheckBlock(`- reach: 10.79.1.2\n  from: ${red}\n  timeout: 10\n- link: to-blue\n  in: ${red}\n  state: up\n  timeout: 10\n`, null).checks!;
    const bringUp = setTimeout(() => ip('-n', red, 'link', 'set', 'to-blue', 'up'), 700);
    try {
      const results = await runChecks(host, checks);
      for (const result of results) assert.equal(result.passed, true, result.message);
      assert.ok(
        results.every((result) => result.attempts > 1),
        `attempts: ${results.map((result) => result.attempts).join(', ')}`,
      );
      assert.equal(results[1]!.message, `to-blue in ${red} is there: up, MTU 1500`);
    } finally {
      clearTimeout(bringUp);
    }
  });

  test('results come in the order of the checks, each decided on its own, with its line', async () => {
    const checks = parseCheckBlock(`- forwarding: false\n  in: ${red}\n- reach: 10.79.9.9\n  from: ${red}\n  timeout: 0.2\n- address: 10.79.1.1/24\n  in: ${red}\n`, null).checks!;
    const decided: number[] = [];
    const results = await runChecks(host, checks, { onResult: (_result, index) => decided.push(index) });
    assert.deepEqual(
      results.map((result) => [result.kind, result.passed, result.line]),
      [
        ['forwarding', true, 1],
        ['reach', false, 3],
        ['address', true, 6],
      ],
    );
    assert.deepEqual([...decided].sort(), [0, 1, 2]);
  });
});
