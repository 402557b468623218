// The recorded state of a `same` check: what it keeps and leaves out, the YAML that --record prints (read back as a
// check), and the differences it names.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseCheckBlock, recordedCheckYaml, recordState, type LinkInfo, type NamespaceState } from '../../../../src/core/index.js';
import { stateDifferences } from '../../../../src/core/checks/record.js';

function link(name: string, extra: Partial<LinkInfo> = {}): LinkInfo {
  return { index: 7, name, kind: 'veth', flags: [], up: true, operState: 'UP', mtu: 1500, mac: '02:00:00:00:00:01', addresses: [], ...extra };
}

const STATE: NamespaceState = {
  name: 'lab-red',
  links: [
    link('eth0', {
      addresses: [
        { family: 'inet', address: '10.0.1.1', prefixLength: 24, flags: [] },
        { family: 'inet6', address: 'fe80::1', prefixLength: 64, flags: [] },
      ],
      master: 'br0',
    }),
    link('lo', { kind: 'loopback', mtu: 65536, index: 1 }),
  ],
  routes: [
    { family: 'inet', destination: '10.0.1.0/24', device: 'eth0', protocol: 'kernel', scope: 'link', flags: [], nextHops: [] },
    { family: 'inet6', destination: 'fe80::/64', device: 'eth0', metric: 256, flags: [], nextHops: [] },
    { family: 'inet', destination: 'default', gateway: '10.0.1.254', device: 'eth0', flags: [], nextHops: [] },
  ],
  neighbours: [{ address: '10.0.1.254', states: ['REACHABLE'], router: false }],
  nsids: [],
};

describe('recorded states', () => {
  test('keep kinds, admin state, MTUs, global addresses, bridges and routes; leave out link-local ones and MACs', () => {
    assert.deepEqual(recordState(STATE), {
      interfaces: {
        eth0: { kind: 'veth', up: true, mtu: 1500, addresses: ['10.0.1.1/24'], master: 'br0' },
        lo: { kind: 'loopback', up: true, mtu: 65536, addresses: [] },
      },
      routes: ['10.0.1.0/24 dev eth0', 'default via 10.0.1.254 dev eth0'],
    });
  });

  test('the printed check reads back as the same state', () => {
    const parsed = parseCheckBlock(recordedCheckYaml('lab-red', recordState(STATE)), null);
    assert.deepEqual(parsed.diagnostics, []);
    assert.deepEqual(parsed.checks, [{ kind: 'same', namespace: 'lab-red', state: recordState(STATE), line: 1 }]);
  });

  test('differences name the interface, address or route and what was recorded', () => {
    const recorded = recordState(STATE);
    const changed = recordState({ ...STATE, links: [link('eth0', { up: false, mtu: 1400 }), link('lo', { kind: 'loopback', mtu: 65536 }), link('eth1')], routes: [] });
    assert.deepEqual(stateDifferences(recorded, changed), [
      'eth0 is down (recorded: up)',
      'eth0 has MTU 1400 (recorded: 1500)',
      'eth0 lacks address 10.0.1.1/24',
      'eth0 is no bridge port (recorded: a port of br0)',
      'interface eth1 was not recorded',
      'route 10.0.1.0/24 dev eth0 is missing',
      'route default via 10.0.1.254 dev eth0 is missing',
    ]);
    assert.deepEqual(stateDifferences(recorded, recordState(STATE)), []);
  });
});
