// A topology's checks: section names the file's own namespaces, and a namespace target goes to the address the file
// gives it; an undeclared namespace or a target without an address is reported at its place.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseTopology } from '../../../../src/core/index.js';

const LAB = ['lab: lab1', 'namespaces: [red, blue]', 'links:', '  - [red:eth0 10.0.1.1/24 fd00::1/64, blue:eth0 fd00::2/64 10.0.1.2/24]', 'checks:'].join('\n') + '\n';

describe('the checks of a topology', () => {
  test('name kernel namespaces, and reach a namespace at its first declared IPv4 address', () => {
    const { topology, diagnostics } = parseTopology(`${LAB}  - reach: blue\n    from: red\n  - forwarding: false\n`);
    assert.deepEqual(diagnostics, []);
    assert.deepEqual(topology!.checks, [
      { kind: 'reach', from: 'lab1-red', to: { written: 'blue', namespace: 'lab1-blue', address: '10.0.1.2' }, protocol: 'icmp', expect: 'success', count: 1, line: 6 },
      { kind: 'forwarding', namespace: null, enabled: false, family: 'ipv4', line: 8 },
    ]);
  });

  test('an interface target takes that interface address', () => {
    const { topology } = parseTopology(`${LAB}  - reach: red:eth0\n    from: blue\n`);
    assert.equal(topology!.checks![0]!.kind === 'reach' && topology!.checks![0]!.to.address, '10.0.1.1');
  });

  test('a file without checks: has none, and deploys as before', () => {
    const { topology } = parseTopology(LAB.replace('checks:\n', ''));
    assert.equal(topology!.checks, undefined);
  });

  test('an undeclared namespace, an undeclared interface, and a bad check are reported where written', () => {
    const { topology, diagnostics } = parseTopology(`${LAB}  - reach: green\n  - link: eth0\n    in: purple\n  - reach: blue:eth9\n  - route: nowhere\n`);
    assert.equal(topology, undefined);
    assert.deepEqual(
      diagnostics.map((problem) => [problem.line, problem.column, problem.message.split(';')[0]]),
      [
        [6, 12, 'undeclared namespace green'],
        [8, 9, 'undeclared namespace purple'],
        [9, 12, 'namespace blue declares no interface eth9'],
        [10, 12, 'Invalid route destination "nowhere": expected an IPv4 or IPv6 address, e.g. 10.0.0.1 or fd00::1'],
      ],
    );
  });
});
