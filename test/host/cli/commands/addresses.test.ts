// Changes made through `netns-lab` (a real child process running dist/cli.js), each read back with plain `ip -j`,
// so a change is checked against the kernel and not against the CLI's own reading. Each test makes its own
// namespaces under this run's prefix; the `after` hook removes them even when a test fails.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { assertOneLine } from '../../support/cli.js';
import { ip } from '../../support/lab.js';
import { testSetup } from '../../support/setup.js';
import { freshObjects, link } from '../../support/fresh-objects.js';

const { lab, runner } = testSetup({ cli: true });
const cli = runner.run;
const cliOk = runner.runOk;
const { joinedPair } = freshObjects(lab);

interface IpRoute {
  dst: string;
  gateway?: string;
  dev?: string;
  metric?: number;
}

function addressesOf(namespace: string | null, name: string): string[] {
  return (link(namespace, name)?.addr_info ?? []).filter((address) => !address.local.startsWith('fe80:')).map((address) => `${address.local}/${address.prefixlen}`);
}

function routes(namespace: string, ...selector: string[]): IpRoute[] {
  return JSON.parse(ip('-n', namespace, '-j', 'route', 'show', ...selector)) as IpRoute[];
}

describe('addresses and routes', () => {
  test('addr add puts an IPv4 and an IPv6 address on an interface in a namespace', async () => {
    const { a, x } = joinedPair();
    await cliOk('addr', 'add', `${x}@${a}`, '10.38.0.1/24');
    await cliOk('addr', 'add', `${x}@${a}`, 'fd38::1/64');
    assert.deepEqual(addressesOf(a, x).sort(), ['10.38.0.1/24', 'fd38::1/64']);
  });

  test('addr del removes an address', async () => {
    const { a, x } = joinedPair();
    ip('-n', a, 'address', 'add', '10.39.0.1/24', 'dev', x);
    await cliOk('addr', 'del', `${x}@${a}`, '10.39.0.1/24');
    assert.deepEqual(addressesOf(a, x), []);
  });

  test('addr add with an invalid CIDR exits 2 and adds nothing', async () => {
    const { a, x } = joinedPair();
    for (const cidr of ['10.40.0.1/33', '10.40.0.1', 'not-an-address/24']) {
      const result = await cli('addr', 'add', `${x}@${a}`, cidr);
      assert.equal(result.status, 2, cidr);
      assertOneLine(result.stderr);
    }
    assert.deepEqual(addressesOf(a, x), []);
  });

  /** A namespace with an up veth end holding 10.41.0.1/24 and fd41::1/64, so gateways on those subnets are reachable. */
  function routable(): { a: string; x: string } {
    const { a, b, x, y } = joinedPair();
    ip('-n', a, 'address', 'add', '10.41.0.1/24', 'dev', x);
    ip('-n', a, 'address', 'add', 'fd41::1/64', 'dev', x, 'nodad');
    ip('-n', b, 'link', 'set', 'dev', y, 'up');
    ip('-n', a, 'link', 'set', 'dev', x, 'up');
    return { a, x };
  }

  test('route add --netns adds a route via a gateway in that namespace', async () => {
    const { a, x } = routable();
    await cliOk('route', 'add', '10.99.0.0/24', 'via', '10.41.0.2', '--netns', a, '--metric', '50');
    assert.deepEqual(
      routes(a, '10.99.0.0/24').map(({ dst, gateway, dev, metric }) => ({ dst, gateway, dev, metric })),
      [{ dst: '10.99.0.0/24', gateway: '10.41.0.2', dev: x, metric: 50 }],
    );
  });

  test('route add default via GATEWAY --netns sets the default route', async () => {
    const { a } = routable();
    await cliOk('route', 'add', 'default', 'via', '10.41.0.2', '--netns', a);
    assert.deepEqual(
      routes(a, 'default').map((route) => route.gateway),
      ['10.41.0.2'],
    );
  });

  test('route add default dev IFACE -6 adds an IPv6 default route', async () => {
    const { a, x } = routable();
    await cliOk('route', 'add', 'default', 'dev', x, '-6', '--netns', a);
    const defaults = JSON.parse(ip('-n', a, '-6', '-j', 'route', 'show', 'default')) as IpRoute[];
    assert.deepEqual(
      defaults.map((route) => route.dev),
      [x],
    );
  });

  test('route del --netns removes the route', async () => {
    const { a } = routable();
    ip('-n', a, 'route', 'add', '10.98.0.0/24', 'via', '10.41.0.2');
    await cliOk('route', 'del', '10.98.0.0/24', 'via', '10.41.0.2', '--netns', a);
    assert.deepEqual(routes(a, '10.98.0.0/24'), []);
  });
});
