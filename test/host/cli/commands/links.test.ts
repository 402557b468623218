// Changes made through `netns-lab` (a real child process running dist/cli.js), each read back with plain `ip -j`,
// so a change is checked against the kernel and not against the CLI's own reading. Each test makes its own
// namespaces under this run's prefix; the `after` hook removes them even when a test fails.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { assertOneLine } from '../../support/cli.js';
import { ip, rootLinkNames } from '../../support/lab.js';
import { testSetup } from '../../support/setup.js';
import { freshObjects, link, links } from '../../support/fresh-objects.js';

const { lab, runner } = testSetup({ cli: true });
const cli = runner.run;
const cliOk = runner.runOk;
const { namespaces, interfaceNames, joinedPair } = freshObjects(lab);

function linkNames(namespace: string): string[] {
  return links(namespace)
    .map((candidate) => candidate.ifname)
    .sort();
}

function addressesOf(namespace: string | null, name: string): string[] {
  return (link(namespace, name)?.addr_info ?? []).filter((address) => !address.local.startsWith('fe80:')).map((address) => `${address.local}/${address.prefixlen}`);
}

const hasPing = spawnSync('sh', ['-c', 'command -v ping'], { stdio: 'ignore' }).status === 0;

describe('veth', () => {
  test('veth x@A y@B --address --peer-address --up makes the pair with its addresses, both ends up', async () => {
    const [a, b] = namespaces(2) as [string, string];
    const [x, y] = interfaceNames('x', 'y') as [string, string];
    await cliOk('veth', `${x}@${a}`, `${y}@${b}`, '--address', '10.31.0.1/24', '--address', 'fd31::1/64', '--peer-address', '10.31.0.2/24', '--up');
    assert.equal(link(a, x)?.linkinfo?.info_kind, 'veth');
    assert.deepEqual(addressesOf(a, x).sort(), ['10.31.0.1/24', 'fd31::1/64']);
    assert.deepEqual(addressesOf(b, y), ['10.31.0.2/24']);
    assert.ok(link(a, x)?.flags.includes('UP'));
    assert.ok(link(b, y)?.flags.includes('UP'));
  });

  test('show --json reads back the state of a veth made by the CLI: up, addresses and peer', async () => {
    const [a, b] = namespaces(2) as [string, string];
    const [x, y] = interfaceNames('x', 'y') as [string, string];
    await cliOk('veth', `${x}@${a}`, `${y}@${b}`, '--address', '10.32.0.1/24', '--peer-address', '10.32.0.2/24', '--up');
    const state = JSON.parse((await cliOk('show', a, '--json')).stdout) as {
      namespace: { links: Array<{ name: string; kind: string; up: boolean; peer?: unknown; addresses: Array<{ address: string; prefixLength: number }> }> };
    };
    const shown = state.namespace.links.find((candidate) => candidate.name === x);
    assert.ok(shown);
    assert.equal(shown.kind, 'veth');
    assert.equal(shown.up, true);
    assert.deepEqual(shown.peer, { namespace: b, interface: y });
    assert.ok(shown.addresses.some((address) => address.address === '10.32.0.1' && address.prefixLength === 24));
  });

  test('exec A -- ping reaches the peer address across a veth made by the CLI', { skip: !hasPing && 'ping is not installed on this machine' }, async () => {
    const [a, b] = namespaces(2) as [string, string];
    const [x, y] = interfaceNames('x', 'y') as [string, string];
    await cliOk('veth', `${x}@${a}`, `${y}@${b}`, '--address', '10.33.0.1/24', '--peer-address', '10.33.0.2/24', '--up');
    // The carrier comes up a moment after both ends are set up.
    for (let tries = 0; tries < 50 && !link(a, x)?.flags.includes('LOWER_UP'); tries++) await sleep(20);
    const result = await cli('exec', a, '--', 'ping', '-c1', '-W1', '10.33.0.2');
    assert.equal(result.status, 0, result.stdout + result.stderr);
  });

  test('veth x y@B puts the first end in the root namespace and the peer in B', async () => {
    const [b] = namespaces(1) as [string];
    const [x, y] = interfaceNames('x', 'y') as [string, string];
    await cliOk('veth', x, `${y}@${b}`);
    assert.equal(link(null, x)?.linkinfo?.info_kind, 'veth');
    assert.equal(link(b, y)?.linkinfo?.info_kind, 'veth');
  });

  test('veth x@A y puts the first end in A and the peer in the root namespace', async () => {
    const [a] = namespaces(1) as [string];
    const [x, y] = interfaceNames('x', 'y') as [string, string];
    await cliOk('veth', `${x}@${a}`, y);
    assert.equal(link(a, x)?.linkinfo?.info_kind, 'veth');
    assert.equal(link(null, y)?.linkinfo?.info_kind, 'veth');
    assert.equal(link(null, x), undefined);
  });

  test('veth --mtu sets the MTU of both ends', async () => {
    const [a, b] = namespaces(2) as [string, string];
    const [x, y] = interfaceNames('x', 'y') as [string, string];
    await cliOk('veth', `${x}@${a}`, `${y}@${b}`, '--mtu', '1400');
    assert.equal(link(a, x)?.mtu, 1400);
    assert.equal(link(b, y)?.mtu, 1400);
  });

  test('a veth whose peer address the kernel refuses exits 1 and leaves no veth behind', async () => {
    const [a, b] = namespaces(2) as [string, string];
    const [x, y] = interfaceNames('x', 'y') as [string, string];
    const result = await cli('veth', `${x}@${a}`, `${y}@${b}`, '--address', '10.34.0.1/24', '--peer-address', '10.34.0.2/24', '--peer-address', '10.34.0.2/24', '--up');
    assert.equal(result.status, 1);
    assertOneLine(result.stderr);
    assert.deepEqual(linkNames(a), ['lo']);
    assert.deepEqual(linkNames(b), ['lo']);
  });

  test('a failed veth with one end in the root namespace leaves neither end behind', async () => {
    const [a] = namespaces(1) as [string];
    const [x, y] = interfaceNames('x', 'y') as [string, string];
    const result = await cli('veth', `${x}@${a}`, y, '--peer-address', '10.35.0.2/24', '--peer-address', '10.35.0.2/24');
    assert.equal(result.status, 1);
    assertOneLine(result.stderr);
    assert.deepEqual(linkNames(a), ['lo']);
    assert.equal(rootLinkNames().includes(y), false);
  });

  test('an invalid interface name of 16 bytes exits 2 naming the 15-byte rule, and creates nothing', async () => {
    const [a] = namespaces(1) as [string];
    const tooLong = `${lab.prefix}abcdefghij`;
    assert.equal(Buffer.byteLength(tooLong), 16);
    const result = await cli('veth', `${tooLong}@${a}`, `${lab.interfaceName('ok')}@${a}`);
    assert.equal(result.status, 2);
    assertOneLine(result.stderr);
    assert.match(result.stderr, /at most 15 bytes/u);
    assert.deepEqual(linkNames(a), ['lo']);
  });

  test('an interface name with a space exits 2 naming the whitespace rule, and creates nothing', async () => {
    const [a] = namespaces(1) as [string];
    const result = await cli('veth', `${lab.prefix} sp@${a}`, `${lab.interfaceName('ok')}@${a}`);
    assert.equal(result.status, 2);
    assertOneLine(result.stderr);
    assert.match(result.stderr, /must not contain spaces/u);
    assert.deepEqual(linkNames(a), ['lo']);
  });

  test('an invalid CIDR in --address exits 2 and creates nothing', async () => {
    const [a] = namespaces(1) as [string];
    const [x, y] = interfaceNames('x', 'y') as [string, string];
    const result = await cli('veth', `${x}@${a}`, `${y}@${a}`, '--address', '10.36.0.1/33');
    assert.equal(result.status, 2);
    assertOneLine(result.stderr);
    assert.deepEqual(linkNames(a), ['lo']);
  });
});

describe('bridge', () => {
  test('bridge add NAME@NS --port --address --up makes an up bridge with its port and address', async () => {
    const { a, x } = joinedPair();
    const [bridge] = interfaceNames('br') as [string];
    await cliOk('bridge', 'add', `${bridge}@${a}`, '--port', x, '--address', '10.37.0.1/24', '--up');
    assert.equal(link(a, bridge)?.linkinfo?.info_kind, 'bridge');
    assert.ok(link(a, bridge)?.flags.includes('UP'));
    assert.deepEqual(addressesOf(a, bridge), ['10.37.0.1/24']);
    assert.equal(link(a, x)?.master, bridge);
  });

  test('bridge add with a port that does not exist exits 1 and leaves no bridge behind', async () => {
    const [a] = namespaces(1) as [string];
    const [bridge, missingPort] = interfaceNames('br', 'no') as [string, string];
    const result = await cli('bridge', 'add', `${bridge}@${a}`, '--port', missingPort, '--up');
    assert.equal(result.status, 1);
    assertOneLine(result.stderr);
    assert.ok(result.stderr.includes(missingPort), result.stderr);
    assert.deepEqual(linkNames(a), ['lo']);
  });

  test('bridge attach makes an interface a port of the bridge', async () => {
    const { a, x } = joinedPair();
    const [bridge] = interfaceNames('br') as [string];
    ip('-n', a, 'link', 'add', 'name', bridge, 'type', 'bridge');
    await cliOk('bridge', 'attach', `${x}@${a}`, bridge);
    assert.equal(link(a, x)?.master, bridge);
  });

  test('bridge detach takes a port off its bridge', async () => {
    const { a, x } = joinedPair();
    const [bridge] = interfaceNames('br') as [string];
    ip('-n', a, 'link', 'add', 'name', bridge, 'type', 'bridge');
    ip('-n', a, 'link', 'set', 'dev', x, 'master', bridge);
    await cliOk('bridge', 'detach', `${x}@${a}`);
    assert.equal(link(a, x)?.master, undefined);
  });
});

describe('link', () => {
  test('link up brings an interface up', async () => {
    const { a, x } = joinedPair();
    await cliOk('link', 'up', `${x}@${a}`);
    assert.ok(link(a, x)?.flags.includes('UP'));
  });

  test('link down brings an interface down', async () => {
    const { a, x } = joinedPair();
    ip('-n', a, 'link', 'set', 'dev', x, 'up');
    await cliOk('link', 'down', `${x}@${a}`);
    assert.equal(link(a, x)?.flags.includes('UP'), false);
  });

  test('link mtu sets the MTU', async () => {
    const { a, x } = joinedPair();
    await cliOk('link', 'mtu', `${x}@${a}`, '1280');
    assert.equal(link(a, x)?.mtu, 1280);
  });

  test('link del deletes a veth, and its peer in the other namespace with it', async () => {
    const { a, b, x, y } = joinedPair();
    await cliOk('link', 'del', `${x}@${a}`);
    assert.equal(link(a, x), undefined);
    assert.equal(link(b, y), undefined);
  });

  test('link up on an interface without @NS acts in the root namespace', async () => {
    const [b] = namespaces(1) as [string];
    const [x, y] = interfaceNames('x', 'y') as [string, string];
    ip('link', 'add', 'name', x, 'type', 'veth', 'peer', 'name', y, 'netns', b);
    await cliOk('link', 'up', x);
    assert.ok(link(null, x)?.flags.includes('UP'));
  });
});
