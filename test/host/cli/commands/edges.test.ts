// The command line's small edges: names given twice, a name that does not exist among several, and a bridge port
// written in another namespace. Each runs the real CLI (dist/cli.js) against namespaces made with plain ip under
// this run's prefix; the `after` hook removes them even when a test fails.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { assertOneLine } from '../../support/cli.js';
import { ip, namespaceExists } from '../../support/lab.js';
import { testSetup } from '../../support/setup.js';

const { lab, runner } = testSetup({ cli: true });
const cli = runner.run;

let counter = 0;

/** Fresh namespaces made with plain ip, unique to the calling test. */
function namespaces(count: number): string[] {
  const made = Array.from({ length: count }, (_, index) => lab.namespaceName(`e${counter}${'abcdef'[index]}`));
  counter++;
  for (const name of made) ip('netns', 'add', name);
  return made;
}

/** A namespace name under this run's prefix that nothing has made. */
function unusedName(tag: string): string {
  return lab.namespaceName(`u${counter++}${tag}`);
}

interface IpLink {
  ifname: string;
  master?: string;
  linkinfo?: { info_kind?: string };
}

function links(namespace: string): IpLink[] {
  return JSON.parse(ip('-n', namespace, '-d', '-j', 'link', 'show')) as IpLink[];
}

describe('names given twice', () => {
  test('add X X says the name is given twice, exits 2 and creates nothing', async () => {
    const name = unusedName('twice');
    const result = await cli('add', name, name);
    assert.equal(result.status, 2);
    assertOneLine(result.stderr);
    assert.ok(result.stderr.includes(`"${name}" is given twice`), result.stderr);
    assert.equal(namespaceExists(name), false);
  });

  test('del X X says the name is given twice, exits 2 and deletes nothing', async () => {
    const [name] = namespaces(1) as [string];
    const result = await cli('del', name, name);
    assert.equal(result.status, 2);
    assert.ok(result.stderr.includes(`"${name}" is given twice`), result.stderr);
    assert.equal(namespaceExists(name), true);
  });
});

describe('del with a name that does not exist', () => {
  test('del A MISSING deletes nothing, exits 1, and names the missing one', async () => {
    const [present] = namespaces(1) as [string];
    const absent = unusedName('absent');
    const result = await cli('del', present, absent);
    assert.equal(result.status, 1);
    assertOneLine(result.stderr);
    assert.ok(result.stderr.includes(`"${absent}"`), result.stderr);
    assert.ok(!result.stderr.includes(`"${present}"`), result.stderr);
    assert.match(result.stderr, /nothing was deleted/u);
    assert.equal(namespaceExists(present), true);
  });

  test('del with the missing name first deletes nothing either', async () => {
    const [present] = namespaces(1) as [string];
    const result = await cli('del', unusedName('first'), present);
    assert.equal(result.status, 1);
    assert.equal(namespaceExists(present), true);
  });

  test('with many missing names the message lists three and counts the rest', async () => {
    const absent = Array.from({ length: 5 }, (_, index) => unusedName(`m${index}`));
    const result = await cli('del', ...absent);
    assert.equal(result.status, 1);
    assertOneLine(result.stderr);
    for (const name of absent.slice(0, 3)) assert.ok(result.stderr.includes(`"${name}"`), result.stderr);
    for (const name of absent.slice(3)) assert.ok(!result.stderr.includes(`"${name}"`), result.stderr);
    assert.ok(result.stderr.includes('… and 2 more'), result.stderr);
  });

  test('del of names that all exist deletes them all', async () => {
    const names = namespaces(3);
    const result = await cli('del', ...names);
    assert.equal(result.status, 0, result.stderr);
    for (const name of names) assert.equal(namespaceExists(name), false, name);
  });
});

describe("bridge ports live in the bridge's namespace", () => {
  /** Two namespaces, a veth end `x` in the first and `y` in the second. */
  function pair(): { a: string; b: string; x: string; y: string } {
    const [a, b] = namespaces(2) as [string, string];
    const [x, y] = [lab.interfaceName(`x${counter}`), lab.interfaceName(`y${counter}`)];
    ip('-n', a, 'link', 'add', 'name', x, 'type', 'veth', 'peer', 'name', y, 'netns', b);
    return { a, b, x, y };
  }

  test('--port IFACE@NS with another namespace exits 2 naming both namespaces, and makes no bridge', async () => {
    const { a, b, y } = pair();
    const bridge = lab.interfaceName(`br${counter}`);
    const result = await cli('bridge', 'add', `${bridge}@${a}`, '--port', `${y}@${b}`);
    assert.equal(result.status, 2);
    assertOneLine(result.stderr);
    assert.match(result.stderr, /a port must be in the bridge's namespace/u);
    assert.ok(result.stderr.includes(`namespace ${a}`) && result.stderr.includes(`namespace ${b}`), result.stderr);
    assert.equal(
      links(a).some((link) => link.ifname === bridge),
      false,
    );
    assert.equal(links(b).find((link) => link.ifname === y)?.master, undefined);
  });

  test('--port IFACE@NS with a namespace for a bridge in the root namespace exits 2 saying so', async () => {
    const { b, y } = pair();
    const result = await cli('bridge', 'add', lab.interfaceName(`br${counter}`), '--port', `${y}@${b}`);
    assert.equal(result.status, 2);
    assert.match(result.stderr, /a port must be in the bridge's namespace, the root namespace/u);
  });

  test("--port IFACE@NS with the bridge's own namespace attaches the port", async () => {
    const { a, x } = pair();
    const bridge = lab.interfaceName(`br${counter}`);
    const result = await cli('bridge', 'add', `${bridge}@${a}`, '--port', `${x}@${a}`);
    assert.equal(result.status, 0, result.stderr);
    assert.equal(links(a).find((link) => link.ifname === x)?.master, bridge);
  });

  test('bridge attach IFACE@NS BRIDGE@OTHER exits 2 and attaches nothing', async () => {
    const { a, b, x } = pair();
    const bridge = lab.interfaceName(`br${counter}`);
    ip('-n', b, 'link', 'add', 'name', bridge, 'type', 'bridge');
    const result = await cli('bridge', 'attach', `${x}@${a}`, `${bridge}@${b}`);
    assert.equal(result.status, 2);
    assertOneLine(result.stderr);
    assert.match(result.stderr, /the bridge must be in the interface's namespace/u);
    assert.equal(links(a).find((link) => link.ifname === x)?.master, undefined);
  });
});
