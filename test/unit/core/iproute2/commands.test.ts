// The argv builders for iproute2: the exact words each change becomes (as documented by ip-link(8), ip-address(8),
// ip-route(8) and ip-netns(8)), and refusal of bad input before anything could run.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { InvalidArgumentError, InvalidNameError, ip } from '../../../../src/core/index.js';

const argv = (command: ip.IpCommand): string[] => ip.ipArgv(command);

describe('namespace commands', () => {
  test('namespaceAdd is ip netns add NAME in the root namespace', () => {
    assert.deepEqual(argv(ip.namespaceAdd('lab1')), ['ip', 'netns', 'add', 'lab1']);
  });

  test('namespaceDelete is ip netns delete NAME', () => {
    assert.deepEqual(argv(ip.namespaceDelete('lab1')), ['ip', 'netns', 'delete', 'lab1']);
  });

  test('a hostile namespace name stays one argv entry, unchanged', () => {
    const name = `a b; rm -rf ~ $(x) \`y\` 'q" \n`;
    assert.deepEqual(argv(ip.namespaceAdd(name)), ['ip', 'netns', 'add', name]);
  });

  test('a namespace name with "/" is refused', () => {
    assert.throws(() => ip.namespaceAdd('a/b'), InvalidNameError);
  });

  test('ipBatchArgv reads batch lines from standard input in the given namespace', () => {
    assert.deepEqual(ip.ipBatchArgv('lab1'), ['ip', '-n', 'lab1', '-batch', '-']);
    assert.deepEqual(ip.ipBatchArgv(null, ['-d', '-j']), ['ip', '-d', '-j', '-batch', '-']);
  });
});

describe('vethAdd', () => {
  test('both ends in the root namespace: no -n, no netns', () => {
    assert.deepEqual(argv(ip.vethAdd({ name: 'va', namespace: null }, { name: 'vb', namespace: null })), ['ip', 'link', 'add', 'name', 'va', 'type', 'veth', 'peer', 'name', 'vb']);
  });

  test('root to a namespace: made in the root, the peer sent to the namespace', () => {
    assert.deepEqual(argv(ip.vethAdd({ name: 'va', namespace: null }, { name: 'vb', namespace: 'ns1' })), ['ip', 'link', 'add', 'name', 'va', 'type', 'veth', 'peer', 'name', 'vb', 'netns', 'ns1']);
  });

  test('a namespace to the root: made from the root side, the first end sent to its namespace', () => {
    assert.deepEqual(argv(ip.vethAdd({ name: 'va', namespace: 'ns1' }, { name: 'vb', namespace: null })), ['ip', 'link', 'add', 'name', 'vb', 'type', 'veth', 'peer', 'name', 'va', 'netns', 'ns1']);
  });

  test('between two namespaces: made in the first, the peer sent to the second', () => {
    assert.deepEqual(argv(ip.vethAdd({ name: 'va', namespace: 'ns1' }, { name: 'vb', namespace: 'ns2' })), [
      'ip',
      '-n',
      'ns1',
      'link',
      'add',
      'name',
      'va',
      'type',
      'veth',
      'peer',
      'name',
      'vb',
      'netns',
      'ns2',
    ]);
  });

  test('both ends in the same namespace: made there, no netns', () => {
    assert.deepEqual(argv(ip.vethAdd({ name: 'va', namespace: 'ns1' }, { name: 'vb', namespace: 'ns1' })), ['ip', '-n', 'ns1', 'link', 'add', 'name', 'va', 'type', 'veth', 'peer', 'name', 'vb']);
  });

  test('hostile namespace names stay single entries', () => {
    const first = '$(touch x) a';
    const second = `'"; echo`;
    const words = argv(ip.vethAdd({ name: 'va', namespace: first }, { name: 'vb', namespace: second }));
    assert.deepEqual(words, ['ip', '-n', first, 'link', 'add', 'name', 'va', 'type', 'veth', 'peer', 'name', 'vb', 'netns', second]);
  });

  test('the same name twice in one namespace is refused', () => {
    assert.throws(() => ip.vethAdd({ name: 'va', namespace: 'ns1' }, { name: 'va', namespace: 'ns1' }), InvalidArgumentError);
  });

  test('the same name in two namespaces is allowed', () => {
    assert.deepEqual(argv(ip.vethAdd({ name: 'va', namespace: 'ns1' }, { name: 'va', namespace: 'ns2' })).slice(-4), ['name', 'va', 'netns', 'ns2']);
  });

  test('a bad interface name on either end is refused', () => {
    assert.throws(() => ip.vethAdd({ name: 'a b', namespace: null }, { name: 'vb', namespace: null }), InvalidNameError);
    assert.throws(() => ip.vethAdd({ name: 'va', namespace: null }, { name: 'x'.repeat(16), namespace: null }), InvalidNameError);
  });

  test('a bad namespace name on the end the pair is made beside is refused', () => {
    assert.throws(() => ip.vethAdd({ name: 'va', namespace: 'a/b' }, { name: 'vb', namespace: 'ns2' }), InvalidNameError);
  });

  // The peer's namespace goes into `netns NAME`, where ip treats a word with "/" as a path (`netns /proc/1/ns/net`
  // would move the peer into PID 1's namespace): it must be checked like the namespace the pair is made in.
  for (const [label, first, second] of [
    ['the second end, between two namespaces', 'ns1', '/proc/1/ns/net'],
    ['the second end, from the root', null, '..'],
    ['the first end, made from the root side', '..', null],
  ] as const) {
    test(`a bad namespace name on the peer end is refused: ${label}`, () => {
      assert.throws(() => ip.vethAdd({ name: 'va', namespace: first }, { name: 'vb', namespace: second }), InvalidNameError);
    });
  }
});

describe('link commands', () => {
  test('bridgeAdd makes a link of type bridge', () => {
    assert.deepEqual(argv(ip.bridgeAdd('ns1', 'br0')), ['ip', '-n', 'ns1', 'link', 'add', 'name', 'br0', 'type', 'bridge']);
  });

  test('linkSetMaster and linkSetNoMaster attach and detach a port', () => {
    assert.deepEqual(argv(ip.linkSetMaster('ns1', 'va', 'br0')), ['ip', '-n', 'ns1', 'link', 'set', 'dev', 'va', 'master', 'br0']);
    assert.deepEqual(argv(ip.linkSetNoMaster('ns1', 'va')), ['ip', '-n', 'ns1', 'link', 'set', 'dev', 'va', 'nomaster']);
  });

  test('linkSetUp and linkSetDown in the root namespace', () => {
    assert.deepEqual(argv(ip.linkSetUp(null, 'va')), ['ip', 'link', 'set', 'dev', 'va', 'up']);
    assert.deepEqual(argv(ip.linkSetDown(null, 'va')), ['ip', 'link', 'set', 'dev', 'va', 'down']);
  });

  test('linkSetMtu writes the MTU as a decimal word', () => {
    assert.deepEqual(argv(ip.linkSetMtu('ns1', 'va', 9000)), ['ip', '-n', 'ns1', 'link', 'set', 'dev', 'va', 'mtu', '9000']);
  });

  test('linkSetMtu refuses an MTU out of range', () => {
    assert.throws(() => ip.linkSetMtu('ns1', 'va', 20), InvalidArgumentError);
  });

  test('linkDelete deletes by device', () => {
    assert.deepEqual(argv(ip.linkDelete('ns1', 'va')), ['ip', '-n', 'ns1', 'link', 'delete', 'dev', 'va']);
  });

  test('a bridge port with a bad name is refused', () => {
    assert.throws(() => ip.linkSetMaster('ns1', 'va', 'br:0'), InvalidNameError);
  });
});

describe('address commands (no -4/-6: batch lines take no options)', () => {
  test('addressAdd with IPv4', () => {
    assert.deepEqual(argv(ip.addressAdd('ns1', 'va', '10.0.0.1/24')), ['ip', '-n', 'ns1', 'address', 'add', '10.0.0.1/24', 'dev', 'va']);
  });

  test('addressAdd with IPv6', () => {
    assert.deepEqual(argv(ip.addressAdd('ns1', 'va', 'fd00::1/64')), ['ip', '-n', 'ns1', 'address', 'add', 'fd00::1/64', 'dev', 'va']);
  });

  test('addressDelete with IPv4 and IPv6', () => {
    assert.deepEqual(argv(ip.addressDelete(null, 'va', '10.0.0.1/24')), ['ip', 'address', 'delete', '10.0.0.1/24', 'dev', 'va']);
    assert.deepEqual(argv(ip.addressDelete(null, 'va', 'fd00::1/64')), ['ip', 'address', 'delete', 'fd00::1/64', 'dev', 'va']);
  });

  test('an address without a prefix is refused', () => {
    assert.throws(() => ip.addressAdd('ns1', 'va', '10.0.0.1'), InvalidArgumentError);
  });

  test('a prefix that is out of range is refused', () => {
    assert.throws(() => ip.addressAdd('ns1', 'va', 'fd00::1/200'), InvalidArgumentError);
  });
});

describe('route commands', () => {
  test('default via an IPv4 gateway', () => {
    assert.deepEqual(argv(ip.routeAdd('ns1', { destination: 'default', via: '10.0.0.254' })), ['ip', '-n', 'ns1', 'route', 'add', 'default', 'via', '10.0.0.254']);
  });

  test('default via an IPv6 gateway keeps "default" (ip takes the family from the gateway)', () => {
    assert.deepEqual(argv(ip.routeAdd('ns1', { destination: 'default', via: 'fd00::fe' })), ['ip', '-n', 'ns1', 'route', 'add', 'default', 'via', 'fd00::fe']);
  });

  test('an IPv6 default without a gateway becomes ::/0', () => {
    assert.deepEqual(argv(ip.routeAdd('ns1', { destination: 'default', device: 'va', family: 'inet6' })), ['ip', '-n', 'ns1', 'route', 'add', '::/0', 'dev', 'va']);
  });

  test('an IPv4 default without a gateway stays "default"', () => {
    assert.deepEqual(argv(ip.routeAdd('ns1', { destination: 'default', device: 'va' })), ['ip', '-n', 'ns1', 'route', 'add', 'default', 'dev', 'va']);
  });

  test('a prefix through a device only', () => {
    assert.deepEqual(argv(ip.routeAdd(null, { destination: '10.1.0.0/16', device: 'va' })), ['ip', 'route', 'add', '10.1.0.0/16', 'dev', 'va']);
  });

  test('a gateway, a device and a metric together', () => {
    assert.deepEqual(argv(ip.routeAdd('ns1', { destination: '10.1.0.0/16', via: '10.0.0.254', device: 'va', metric: 100 })), [
      'ip',
      '-n',
      'ns1',
      'route',
      'add',
      '10.1.0.0/16',
      'via',
      '10.0.0.254',
      'dev',
      'va',
      'metric',
      '100',
    ]);
  });

  test('routeDelete mirrors routeAdd', () => {
    assert.deepEqual(argv(ip.routeDelete('ns1', { destination: '10.1.0.0/16', via: '10.0.0.254' })), ['ip', '-n', 'ns1', 'route', 'delete', '10.1.0.0/16', 'via', '10.0.0.254']);
  });

  test('a route with neither a gateway nor a device is refused, saying what it needs', () => {
    assert.throws(
      () => ip.routeAdd('ns1', { destination: '10.1.0.0/16' }),
      (error: unknown) => error instanceof InvalidArgumentError && /via ADDRESS.*dev NAME/.test(error.message),
    );
  });

  test('a destination and gateway of different families are refused', () => {
    assert.throws(
      () => ip.routeAdd('ns1', { destination: '10.1.0.0/16', via: 'fd00::1' }),
      (error: unknown) => error instanceof InvalidArgumentError && /different address families/.test(error.message),
    );
  });

  test('a bad destination prefix is refused', () => {
    assert.throws(() => ip.routeAdd('ns1', { destination: '10.1.0.0/99', device: 'va' }), InvalidArgumentError);
  });

  test('a gateway that is not an address is refused', () => {
    assert.throws(
      () => ip.routeAdd('ns1', { destination: 'default', via: 'gateway' }),
      (error: unknown) => error instanceof InvalidArgumentError && /gateway "gateway"/.test(error.message),
    );
  });

  test('a bad device name is refused', () => {
    assert.throws(() => ip.routeAdd('ns1', { destination: 'default', device: 'v a' }), InvalidNameError);
  });

  test('a negative metric is refused', () => {
    assert.throws(
      () => ip.routeAdd('ns1', { destination: 'default', device: 'va', metric: -1 }),
      (error: unknown) => error instanceof InvalidArgumentError && /metric -1/.test(error.message),
    );
  });
});

// ip reads a bare word that abbreviates one of its keywords as that keyword (a link called `b` is `broadcast`), so an
// interface name must always come right after a keyword that takes a name.
describe('interface names always follow a keyword', () => {
  const commands: Array<[string, ip.IpCommand, string[]]> = [
    ['vethAdd', ip.vethAdd({ name: 'b', namespace: 'ns1' }, { name: 'm', namespace: 'ns2' }), ['b', 'm']],
    ['bridgeAdd', ip.bridgeAdd(null, 'b'), ['b']],
    ['linkSetMaster', ip.linkSetMaster(null, 'b', 'm'), ['b', 'm']],
    ['linkSetNoMaster', ip.linkSetNoMaster(null, 'b'), ['b']],
    ['linkSetUp', ip.linkSetUp(null, 'b'), ['b']],
    ['linkSetMtu', ip.linkSetMtu(null, 'b', 1400), ['b']],
    ['linkDelete', ip.linkDelete(null, 'b'), ['b']],
    ['addressAdd', ip.addressAdd(null, 'b', '10.0.0.1/24'), ['b']],
    ['routeAdd', ip.routeAdd(null, { destination: 'default', device: 'b' }), ['b']],
  ];
  for (const [label, command, names] of commands) {
    test(`${label} puts name, dev or master before each interface name`, () => {
      for (const name of names) {
        const position = command.args.indexOf(name);
        assert.ok(position > 0, `${name} missing from ${command.args.join(' ')}`);
        assert.ok(['name', 'dev', 'master'].includes(command.args[position - 1]!), `${name} follows ${command.args[position - 1]}`);
      }
    });
  }
});
