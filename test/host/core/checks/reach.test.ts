// Reach checks on real namespaces joined by a veth: ping, TCP and UDP passing and failing, "must not reach", and
// the route through which the packets go, each failure with the fact that decided it.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { after, before, describe, test } from 'node:test';
import { parseCheckBlock, runChecks, type CheckResult } from '../../../../src/core/index.js';
import { ip } from '../../support/lab.js';
import { testSetup } from '../../support/setup.js';

const { lab, host } = testSetup({ host: true });
const red = lab.namespaceName('red');
const blue = lab.namespaceName('blue');
let server: ChildProcess | undefined;

before(async () => {
  ip('netns', 'add', red);
  ip('netns', 'add', blue);
  ip('-n', red, 'link', 'add', 'name', 'to-blue', 'type', 'veth', 'peer', 'name', 'to-red', 'netns', blue);
  ip('-n', red, 'address', 'add', '10.78.1.1/24', 'dev', 'to-blue');
  ip('-n', blue, 'address', 'add', '10.78.1.2/24', 'dev', 'to-red');
  for (const [namespace, name] of [
    [red, 'to-blue'],
    [blue, 'to-red'],
    [red, 'lo'],
    [blue, 'lo'],
  ] as const)
    ip('-n', namespace, 'link', 'set', name, 'up');
  // A TCP listener in blue, on port 7001, made with this test's own Node.
  server = spawn('ip', ['netns', 'exec', blue, process.execPath, '-e', "require('net').createServer((s) => s.end()).listen(7001, () => console.log('ready'))"], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve) => server!.stdout!.once('data', () => resolve()));
});

after(() => server?.kill('SIGKILL'));

async function check(yaml: string): Promise<CheckResult> {
  const parsed = parseCheckBlock(yaml, red);
  assert.deepEqual(parsed.diagnostics, []);
  const [result] = await runChecks(host, parsed.checks!, { timeoutMs: 300 });
  return result!;
}

describe('reach checks', () => {
  test('ping to an address that answers passes, with the counts', async () => {
    const result = await check('- reach: 10.78.1.2\n  count: 2\n');
    assert.equal(result.passed, true, result.message);
    assert.equal(result.message, `ping from ${red} to 10.78.1.2: 2 sent, 2 received`);
  });

  test('ping to a namespace reaches its address as the kernel reports it', async () => {
    const result = await check(`- reach: ${blue}:to-red\n`);
    assert.equal(result.message, `ping from ${red} to 10.78.1.2: 1 sent, 1 received`);
  });

  test('ping without a route fails, says so, and is retried until its timeout', async () => {
    const result = await check('- reach: 10.78.9.9\n  timeout: 1.5\n');
    assert.equal(result.passed, false);
    assert.equal(result.message, `ping from ${red} to 10.78.9.9: not sent: Network is unreachable; ${red} has no route to 10.78.9.9`);
    assert.ok(result.attempts >= 2, `attempts: ${result.attempts}`);
  });

  test('ping to an address on the link that nobody holds: sent, not received, and which way it went', async () => {
    const result = await check('- reach: 10.78.1.77\n');
    assert.equal(result.passed, false);
    assert.equal(result.message, `ping from ${red} to 10.78.1.77: 1 sent, 0 received; ${red} sends it out of to-blue`);
  });

  test('"must not reach" passes when nothing gets through, and fails when it does', async () => {
    const blocked = await check('- reach: 10.78.9.9\n  expect: failure\n');
    assert.equal(blocked.passed, true, blocked.message);
    assert.match(blocked.message, /Network is unreachable, as expected/u);
    const reached = await check('- reach: 10.78.1.2\n  expect: failure\n');
    assert.equal(reached.passed, false);
    assert.equal(reached.message, `ping from ${red} to 10.78.1.2: 1 sent, 1 received; it was expected not to get through`);
  });

  test('TCP connects to a listening port and is refused by a closed one', async () => {
    const open = await check('- reach: 10.78.1.2\n  protocol: tcp\n  port: 7001\n');
    assert.equal(open.passed, true, open.message);
    assert.equal(open.message, `TCP from ${red} to 10.78.1.2 port 7001: connected`);
    const closed = await check('- reach: 10.78.1.2\n  protocol: tcp\n  port: 7002\n');
    assert.equal(closed.passed, false);
    assert.equal(closed.message, `TCP from ${red} to 10.78.1.2 port 7002: refused (nothing listens there); ${red} sends it out of to-blue`);
  });

  test('UDP to a closed port is refused', async () => {
    const result = await check('- reach: 10.78.1.2\n  protocol: udp\n  port: 7003\n');
    assert.equal(result.passed, false);
    assert.match(result.message, new RegExp(`^UDP from ${red} to 10.78.1.2 port 7003: refused`, 'u'));
  });

  test('via names the interface the route must use', async () => {
    const right = await check('- reach: 10.78.1.2\n  via: to-blue\n');
    assert.equal(right.passed, true, right.message);
    const wrong = await check('- reach: 10.78.1.2\n  via: eth7\n');
    assert.equal(wrong.passed, false);
    assert.equal(wrong.message, `ping from ${red} to 10.78.1.2: 1 sent, 1 received; ${red} routes 10.78.1.2 out of to-blue, not via eth7`);
  });

  test('a namespace that does not exist is named', async () => {
    const result = await check(`- reach: 10.78.1.2\n  from: ${lab.namespaceName('none')}\n`);
    assert.equal(result.message, `there is no network namespace named ${lab.namespaceName('none')}`);
  });
});
