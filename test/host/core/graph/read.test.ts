// A topology file's lab as a picture: the plan before it is deployed; once deployed, the kernel's picture marked
// against the file, following what `ip` changes behind the file's back. A GraphReader kept between reads reads
// again only the namespaces it is told changed.
import { describe, test } from 'node:test';
import { execFileSync, spawn } from 'node:child_process';
import { readlinkSync, writeFileSync } from 'node:fs';
import assert from 'node:assert/strict';
import { deployLab } from '../../../../src/core/index.js';
import { GraphReader, readGraph, readTopologyGraph } from '../../../../src/core/graph/read.js';
import { NotFoundError } from '../../../../src/core/errors.js';
import { interfaceId, type NetworkGraph } from '../../../../src/core/graph/model.js';
import { ip } from '../../support/lab.js';
import { topologyOf } from '../../support/labs.js';
import { testSetup } from '../../support/setup.js';
import { eventually } from '../../../support/eventually.js';

const { lab, host } = testSetup({ host: true });

function driftOf(graph: NetworkGraph, namespace: string, name: string): string | undefined {
  const shown = graph.interfaces.find((candidate) => candidate.id === interfaceId(namespace, name));
  assert.ok(shown, `${namespace}:${name} is in the picture`);
  return shown.drift ? `${shown.drift.kind}: ${shown.drift.details.join('; ')}` : undefined;
}

describe('readTopologyGraph', () => {
  const name = `${lab.prefix}g`;
  const file = topologyOf(`
lab: ${name}
namespaces:
  r: { forwarding: true }
  h: {}
  k: {}
links:
  - [h:eth0 10.86.0.2/24, r:eth0 10.86.0.1/24]
  - [k:eth0 10.87.0.2/24, r:eth1 10.87.0.1/24]
`);

  test('before a deploy, the planned lab with nothing marked', async () => {
    const { graph, deployed } = await readTopologyGraph(host, file);
    assert.equal(deployed, false);
    assert.ok(graph.interfaces.every((shown) => shown.state === 'planned' && shown.drift === undefined));
    assert.equal(graph.namespaces.length, 3);
  });

  test('deployed and changed with ip: each change is marked where it is, the rest is not', async () => {
    await deployLab(host, file);
    const fresh = await readTopologyGraph(host, file);
    assert.equal(fresh.deployed, true);
    assert.deepEqual(
      fresh.graph.interfaces.filter((shown) => shown.drift).map((shown) => shown.id),
      [],
      'a fresh deploy has no drift',
    );
    ip('-n', `${name}-h`, 'address', 'add', '10.86.0.9/24', 'dev', 'eth0');
    ip('-n', `${name}-r`, 'link', 'set', 'eth0', 'down');
    ip('netns', 'del', `${name}-k`);
    // The kernel takes the pair's other end along a moment later, not within ip netns del.
    await eventually(() => (linkNames(`${name}-r`).includes('eth1') ? undefined : true), { what: "r's end of the pair gone with k" });
    ip('-n', `${name}-r`, 'link', 'add', 'extra0', 'type', 'veth', 'peer', 'name', 'extra1');
    const { graph } = await readTopologyGraph(host, file);
    assert.equal(driftOf(graph, `${name}-h`, 'eth0'), 'differs: address 10.86.0.9/24 in the kernel, not in the file');
    // Deleting k took the whole pair with it: r's end is gone too.
    assert.equal(driftOf(graph, `${name}-r`, 'eth1'), 'missing: declared in the file, not in the kernel: a deploy creates it');
    assert.equal(driftOf(graph, `${name}-k`, 'eth0'), 'missing: declared in the file, not in the kernel: a deploy creates it');
    assert.equal(graph.namespaces.find((group) => group.namespace === `${name}-k`)?.drift?.kind, 'missing');
    assert.equal(driftOf(graph, `${name}-r`, 'extra0'), 'extra: in the kernel, not in the file: a deploy deletes it');
    const extraPair = graph.links.find((link) => link.kind === 'veth' && link.from === interfaceId(`${name}-r`, 'extra0'));
    assert.equal(extraPair?.drift?.kind, 'extra');
    assert.equal(driftOf(graph, `${name}-r`, 'eth0'), 'differs: down in the kernel: a deploy brings it up');
  });
});

describe('GraphReader', () => {
  const name = `${lab.prefix}r`;
  const file = topologyOf(`
lab: ${name}
namespaces: [a, b, c]
links:
  - [a:eth0 10.88.0.1/24, b:eth0 10.88.0.2/24]
  - [b:eth1 10.89.0.1/24, c:eth0 10.89.0.2/24]
`);
  const addressesOf = (graph: NetworkGraph, namespace: string): string[] | undefined => graph.interfaces.find((shown) => shown.id === interfaceId(namespace, 'eth0'))?.addresses;

  test("a lab's reader reads again only the namespaces named as changed", async () => {
    await deployLab(host, file);
    const reader = new GraphReader(host, { lab: name });
    const first = await reader.read();
    assert.equal(first.namespacesRead, 4, 'the root namespace and the lab three');
    assert.deepEqual(reader.namespaces().sort(), [`${name}-a`, `${name}-b`, `${name}-c`]);
    ip('-n', `${name}-a`, 'address', 'add', '10.88.0.7/24', 'dev', 'eth0');
    ip('-n', `${name}-c`, 'address', 'add', '10.89.0.7/24', 'dev', 'eth0');
    const some = await reader.read([`${name}-a`]);
    assert.equal(some.namespacesRead, 1);
    assert.deepEqual(addressesOf(some.graph, `${name}-a`), ['10.88.0.1/24', '10.88.0.7/24']);
    assert.deepEqual(addressesOf(some.graph, `${name}-c`), ['10.89.0.2/24'], 'c was not named, so it is as read before');
    const peer = some.graph.links.find((link) => link.kind === 'veth' && link.from === interfaceId(`${name}-a`, 'eth0'));
    assert.equal(peer?.to, interfaceId(`${name}-b`, 'eth0'), 'the veth read again still names its peer among the namespaces kept');
    const later = await reader.read([`${name}-c`]);
    assert.deepEqual(addressesOf(later.graph, `${name}-c`), ['10.89.0.2/24', '10.89.0.7/24']);
  });

  test('the file and lab records read to know what to follow serve the read just after, and only that one', async () => {
    let fileReads = 0;
    const reader = new GraphReader(host, { topology: () => (fileReads++, Promise.resolve(file)) });
    assert.deepEqual((await reader.upcoming()).sort(), [`${name}-a`, `${name}-b`, `${name}-c`]);
    const first = await reader.read();
    assert.equal(first.planned, false);
    assert.equal(first.lab, name);
    assert.equal(fileReads, 1, 'the read after upcoming() took the file upcoming() read');
    await reader.read([`${name}-a`]);
    assert.equal(fileReads, 2, 'a later read reads the file again');
  });

  test('a namespace deleted leaves the picture at the next read of the namespace list, and nothing is read again', async () => {
    const reader = new GraphReader(host, { lab: name });
    await reader.read();
    ip('netns', 'del', `${name}-c`);
    const { graph, namespacesRead } = await reader.read();
    assert.equal(namespacesRead, 0);
    assert.equal(reader.has(`${name}-c`), false);
    assert.deepEqual(
      graph.namespaces
        .map((shown) => shown.namespace)
        .filter((namespace) => namespace?.startsWith(name))
        .sort(),
      [`${name}-a`, `${name}-b`],
    );
    assert.equal(reader.link(`${name}-b`, 'eth0')?.link.kind, 'veth');
  });

  test('a lab that is not deployed is NotFoundError, for a reader and for readGraph', async () => {
    await assert.rejects(new GraphReader(host, { lab: `${name}-nothere` }).read(), NotFoundError);
    await assert.rejects(readGraph(host, `${name}-nothere`), /There is no deployed lab/u);
    // The message names the labs that are there (this file's, deployed above), since no other command lists them.
    await assert.rejects(readGraph(host, `${name}-nothere`), (error: Error) => error.message.includes('; the labs deployed there are ') && error.message.includes(name));
  });
});

describe('GraphReader of a whole host', () => {
  test('a namespace whose read failed is read again at the next read, though only another namespace was named', async () => {
    // A name in /run/netns that is not yet a namespace (an empty file: entering it fails), then made one by a bind
    // mount, as ip netns add does: the namespace list does not change, so nothing reads the whole host again.
    const broken = lab.namespaceName('unread');
    const other = lab.namespaceName('other');
    ip('netns', 'add', other);
    writeFileSync(`/run/netns/${broken}`, '');
    const reader = new GraphReader(host, {});
    const first = (await reader.read()).graph.namespaces.find((namespace) => namespace.namespace === broken);
    assert.equal(reader.has(broken), false, 'an empty file was read as a namespace');
    assert.equal(reader.has(other), true);
    // It is in the picture all the same, saying that and why it could not be read.
    assert.equal(first?.label, `${broken} (could not be read)`);
    assert.match(first?.unreadable ?? '', /\S/u);
    const holder = spawn('unshare', ['--net', 'sleep', '60'], { stdio: 'ignore' });
    try {
      await eventually(() => (readlinkOrUndefined(`/proc/${holder.pid}/ns/net`) !== readlinkOrUndefined('/proc/self/ns/net') ? true : undefined), { what: 'the unshared namespace' });
      ip('-n', other, 'link', 'add', 'x0', 'type', 'veth', 'peer', 'name', 'x1');
      execFileSync('mount', ['--bind', `/proc/${holder.pid}/ns/net`, `/run/netns/${broken}`]);
    } finally {
      holder.kill();
    }
    const second = (await reader.read([other])).graph.namespaces.find((namespace) => namespace.namespace === broken);
    assert.equal(reader.has(broken), true, 'the namespace that could not be read before was not read again');
    assert.deepEqual([second?.label, second?.unreadable], [broken, undefined]);
  });
});

function readlinkOrUndefined(path: string): string | undefined {
  try {
    return readlinkSync(path);
  } catch {
    return undefined;
  }
}

function linkNames(namespace: string): string[] {
  return (JSON.parse(ip('-j', '-n', namespace, 'link', 'show')) as Array<{ ifname: string }>).map((link) => link.ifname);
}
