// Check blocks as a notebook holds them: every kind read into its check, and every broken block reported at the
// line and column of its fault with what is expected. Lines and columns are counted by hand from each text.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseCheckBlock, type Check, type TopologyDiagnostic } from '../../../../src/core/index.js';

function checksOf(text: string, defaultNamespace: string | null = null): Check[] {
  const parsed = parseCheckBlock(text, defaultNamespace);
  assert.deepEqual(parsed.diagnostics, []);
  return parsed.checks!;
}

function onlyProblem(text: string): TopologyDiagnostic {
  const parsed = parseCheckBlock(text, null);
  assert.equal(parsed.checks, undefined, 'no checks come out of a block with problems');
  assert.equal(parsed.diagnostics.length, 1, JSON.stringify(parsed.diagnostics));
  return parsed.diagnostics[0]!;
}

function assertProblem(text: string, line: number, column: number, ...fragments: string[]): void {
  const problem = onlyProblem(text);
  assert.deepEqual([problem.line, problem.column], [line, column], problem.message);
  for (const fragment of fragments) assert.ok(problem.message.includes(fragment), problem.message);
}

describe('reading check blocks', () => {
  test('a reach check takes its defaults: ICMP, one request, success, from the cell namespace', () => {
    assert.deepEqual(checksOf('- reach: 10.0.0.2\n', 'lab-red'), [
      { kind: 'reach', from: 'lab-red', to: { written: '10.0.0.2', address: '10.0.0.2' }, protocol: 'icmp', expect: 'success', count: 1, line: 1 },
    ]);
  });

  test('a reach check to an interface of a namespace, by TCP, expected to fail, with its own timeout', () => {
    const [check] = checksOf('- reach: lab-blue:eth0\n  from: lab-red\n  protocol: tcp\n  port: 80\n  expect: failure\n  timeout: 5\n');
    assert.deepEqual(check, {
      kind: 'reach',
      from: 'lab-red',
      to: { written: 'lab-blue:eth0', namespace: 'lab-blue', interface: 'eth0' },
      protocol: 'tcp',
      port: 80,
      expect: 'failure',
      count: 1,
      timeoutMs: 5000,
      line: 1,
    });
  });

  test('one check may stand alone, without a list, and / is the root namespace', () => {
    assert.deepEqual(checksOf('forwarding: true\nin: /\nfamily: ipv6\n', 'lab-red'), [{ kind: 'forwarding', namespace: null, enabled: true, family: 'ipv6', line: 1 }]);
  });

  test('route, address and link checks carry what they compare', () => {
    const checks = checksOf(
      ['- route: default', '  in: r', '  via: 10.0.0.1', '- address: 10.0.0.2/24', '  dev: eth0', '  present: false', '- link: eth0', '  state: down', '  mtu: 1400', '  master: null'].join('\n'),
      'ns',
    );
    assert.deepEqual(checks, [
      { kind: 'route', namespace: 'r', destination: 'default', present: true, via: '10.0.0.1', line: 1 },
      { kind: 'address', namespace: 'ns', address: '10.0.0.2/24', present: false, device: 'eth0', line: 4 },
      { kind: 'link', namespace: 'ns', interface: 'eth0', present: true, state: 'down', mtu: 1400, master: null, line: 7 },
    ]);
  });

  test('an empty block holds no checks', () => {
    assert.deepEqual(checksOf(''), []);
  });
});

describe('broken check blocks', () => {
  test('an unknown key, with the keys the kind takes', () => {
    assertProblem('- reach: 10.0.0.2\n  form: red\n', 2, 3, 'unknown key "form"', 'allowed keys: reach, from, protocol');
    assertProblem('- link: eth0\n  stat: up\n', 2, 3, 'did you mean "state"?');
  });

  test('a check without a kind', () => {
    assertProblem('- from: red\n  count: 2\n', 1, 3, 'needs one of the keys reach, route');
  });

  test('a check with two kinds', () => {
    assertProblem('- reach: 10.0.0.2\n  route: default\n', 2, 3, 'both "reach" and "route"');
  });

  test('TCP without a port, and a port for ping', () => {
    assertProblem('- reach: 10.0.0.2\n  protocol: tcp\n', 2, 3, 'needs the port');
    assertProblem('- reach: 10.0.0.2\n  port: 80\n', 2, 3, 'a port needs "protocol: tcp"');
  });

  test('values out of range or of the wrong form', () => {
    assertProblem('- reach: 10.0.0.2\n  protocol: udp\n  port: 70000\n', 3, 9, 'port 70000');
    assertProblem('- reach: 10.0.0.2\n  expect: maybe\n', 2, 11, 'expect must be one of success, failure');
    assertProblem('- address: 10.0.0.300/24\n', 1, 12, 'is not an IPv4 or IPv6 address');
    assertProblem('- link: eth0\n  timeout: 0\n', 2, 12, 'timeout must be a number of seconds above 0');
    assertProblem('- route: 10.0.0.0/24\n  via: gateway\n', 2, 8, 'expected an IPv4 or IPv6 address');
  });

  test('a namespace name ip would refuse, and an interface target name', () => {
    assertProblem('- reach: 10.0.0.2\n  from: a/b\n', 2, 9, 'must not contain "/"');
    assertProblem('- reach: blue:this-name-is-far-too-long\n', 1, 15, 'at most 15 bytes');
  });

  test('a number where a name is expected', () => {
    assertProblem('- link: 42\n', 1, 9, 'write it as a string: "42"');
  });

  test('YAML syntax errors and blocks that are not a list of maps', () => {
    assert.match(onlyProblem('- reach: [10.0.0.2\n').message, /YAML syntax error/u);
    assertProblem('- just a string\n', 1, 3, 'a check must be a map');
    assertProblem('42\n', 1, 1, 'checks must be a list of checks');
  });
});
