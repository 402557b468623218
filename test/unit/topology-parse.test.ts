// The topology format: valid files give the normalized Topology, field by field; each broken file gives its
// problems at the line and column of the fault, with a message that says what is wrong.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InvalidArgumentError, TopologyFileError, loadTopologyFile, parseTopology, type Topology } from '../../src/core/index.js';

const fixtures = join(process.cwd(), 'test/fixtures/topologies');

function parseFixture(kind: 'valid' | 'invalid', name: string): ReturnType<typeof parseTopology> {
  return parseTopology(readFileSync(join(fixtures, kind, name), 'utf8'));
}

function validFixture(name: string): Topology {
  const { topology, diagnostics } = parseFixture('valid', name);
  assert.deepEqual(diagnostics, [], `${name} should be valid`);
  assert.ok(topology);
  return topology;
}

describe('valid topologies', () => {
  test('the short demo: two namespaces joined by one veth, with an address at each end', () => {
    const topology = validFixture('demo.netns.yaml');
    assert.equal(topology.lab, 'demo');
    assert.deepEqual(topology.namespaces, [
      { name: 'red', netns: 'demo-red', sysctls: {}, routes: [] },
      { name: 'blue', netns: 'demo-blue', sysctls: {}, routes: [] },
    ]);
    assert.deepEqual(topology.bridges, []);
    assert.deepEqual(topology.links, [
      {
        endpoints: [
          { namespace: 'demo-red', interface: 'eth0', addresses: ['10.0.0.1/24'] },
          { namespace: 'demo-blue', interface: 'eth0', addresses: ['10.0.0.2/24'] },
        ],
      },
    ]);
  });

  test('the full example: routes in both forms, forwarding and sysctls, a bridge in a namespace, both link forms', () => {
    const topology = validFixture('full.netns.yaml');
    assert.equal(topology.lab, 'lab2');
    const [red, router, blue] = topology.namespaces;
    assert.deepEqual(red, {
      name: 'red',
      netns: 'lab2-red',
      sysctls: {},
      routes: [
        { destination: 'default', via: '10.0.1.1' },
        { destination: '10.9.0.0/16', via: '10.0.1.1', device: 'eth0', metric: 10 },
      ],
    });
    assert.deepEqual(router, {
      name: 'router',
      netns: 'lab2-router',
      sysctls: { 'net.ipv4.ip_forward': '1', 'net.ipv6.conf.all.forwarding': '1', 'net.ipv4.conf.all.rp_filter': '0' },
      routes: [],
    });
    assert.deepEqual(blue, { name: 'blue', netns: 'lab2-blue', sysctls: {}, routes: [] });
    assert.equal(topology.namespaces.length, 3);
    // p-red is a port twice over (the bridge's ports and the end's `bridge:`): it is listed once.
    assert.deepEqual(topology.bridges, [{ name: 'br0', namespace: 'lab2-router', addresses: ['10.0.5.1/24'], mtu: 1500, ports: ['p-red'] }]);
    assert.deepEqual(topology.links[0], {
      endpoints: [
        { namespace: 'lab2-red', interface: 'eth0', addresses: ['10.0.1.2/24'] },
        { namespace: 'lab2-router', interface: 'eth1', addresses: ['10.0.1.1/24'] },
      ],
    });
    // The link's mtu goes to both ends.
    assert.deepEqual(topology.links[1], {
      endpoints: [
        { namespace: 'lab2-red', interface: 'p0', addresses: [], mtu: 1400 },
        { namespace: 'lab2-router', interface: 'p-red', addresses: [], mtu: 1400 },
      ],
    });
    // An endpoint without "NS:" is in the root namespace (null).
    assert.deepEqual(topology.links[2], {
      endpoints: [
        { namespace: 'lab2-blue', interface: 'eth0', addresses: ['10.0.2.2/24', 'fd00:2::2/64'], mtu: 9000, impairment: { rate: '10mbit' } },
        { namespace: null, interface: 'host-blue', addresses: [] },
      ],
    });
    assert.equal(topology.links.length, 3);
  });
});

/** [line, column, a fragment of the message] for each problem, in file order. */
type Expected = [number, number, string][];

const invalidFiles: Record<string, Expected> = {
  'unknown-key.netns.yaml': [
    [2, 1, 'unknown key "namespace" in the topology (did you mean "namespaces"?); allowed keys: lab, namespaces, bridges, links'],
    [4, 17, 'undeclared namespace red; declared: none'],
    [4, 27, 'undeclared namespace blue; declared: none'],
    [5, 5, 'unknown key "speed" in a link; allowed keys: endpoints, mtu'],
  ],
  'duplicate-namespace.netns.yaml': [[2, 25, 'duplicate namespace red (first declared at line 2)']],
  'duplicate-yaml-key.netns.yaml': [[6, 3, 'duplicate namespace red (first declared at line 3)']],
  'interface-name-too-long.netns.yaml': [[4, 21, 'interface name "a-very-long-name0" is not valid: an interface name must be at most 15 bytes (this one is 17)']],
  'address-not-valid.netns.yaml': [
    [4, 15, '"10.0.0.256" is not an IPv4 or IPv6 address'],
    [4, 40, 'Invalid address "10.0.0.2": expected ADDRESS/PREFIX'],
    [6, 53, 'the prefix length must be a whole number from 0 to 128'],
  ],
  'undeclared-namespace.netns.yaml': [[4, 16, 'undeclared namespace green; declared: red, blue']],
  'bridge-port-missing.netns.yaml': [[6, 20, 'bridge br0 has port p-blue, but no link end p-blue is declared in namespace router']],
  'route-dev-undeclared.netns.yaml': [[5, 25, 'dev eth1 is not an interface declared in namespace red (declared there: eth0)']],
  'bad-mtu.netns.yaml': [
    [5, 10, 'Invalid MTU 70000: expected a whole number from 68 to 65535'],
    [7, 49, 'mtu must be a whole number from 68 to 65535; found the string "1500"'],
  ],
  'bad-impairment.netns.yaml': [
    [7, 25, 'rate "10 mbit" is not valid: expected a number with a unit'],
    [7, 41, 'delay "20 ms" is not valid: expected a time with a unit (us, ms, s)'],
    [7, 54, 'loss 150% is more than 100%'],
    [7, 60, 'unknown key "burst" in impair; allowed keys: rate, delay, jitter, loss'],
  ],
  'jitter-without-delay.netns.yaml': [[8, 11, 'jitter varies a delay, so it needs "delay" too']],
  'lab-missing.netns.yaml': [[1, 1, 'the topology needs the key "lab"']],
  'yaml-syntax.netns.yaml': [[3, 1, 'YAML syntax error: Flow sequence in block collection must be sufficiently indented and end with a ]']],
};

describe('invalid topologies: every problem at its line and column', () => {
  for (const [name, expected] of Object.entries(invalidFiles)) {
    test(name, () => {
      const { topology, diagnostics } = parseFixture('invalid', name);
      assert.equal(topology, undefined, 'no topology comes out of a file with problems');
      const found = diagnostics.map((diagnostic) => `${diagnostic.line}:${diagnostic.column} ${diagnostic.message}`);
      assert.equal(diagnostics.length, expected.length, `expected ${expected.length} problems, found:\n${found.join('\n')}`);
      expected.forEach(([line, column, fragment], index) => {
        const diagnostic = diagnostics[index]!;
        assert.equal(`${diagnostic.line}:${diagnostic.column}`, `${line}:${column}`, `position of problem ${index + 1}: ${found[index]}`);
        assert.ok(diagnostic.message.includes(fragment), `problem ${index + 1} should say ${JSON.stringify(fragment)}; it says ${JSON.stringify(diagnostic.message)}`);
        assert.ok(diagnostic.endLine > diagnostic.line || (diagnostic.endLine === diagnostic.line && diagnostic.endColumn > diagnostic.column), `problem ${index + 1} marks a non-empty stretch`);
      });
    });
  }
});

describe('loadTopologyFile', () => {
  test('returns the topology of a valid file', async () => {
    const topology = await loadTopologyFile(join(fixtures, 'valid/demo.netns.yaml'));
    assert.equal(topology.lab, 'demo');
  });

  test('throws a TopologyFileError listing FILE:LINE:COL: message for every problem', async () => {
    const file = join(fixtures, 'invalid/unknown-key.netns.yaml');
    await assert.rejects(loadTopologyFile(file), (error: unknown) => {
      assert.ok(error instanceof TopologyFileError);
      assert.ok(error instanceof InvalidArgumentError);
      assert.equal(error.file, file);
      assert.equal(error.diagnostics.length, 4);
      assert.match(error.message, /4 problems/);
      assert.ok(error.message.includes(`${file}:2:1: unknown key "namespace"`), error.message);
      assert.ok(error.message.includes(`${file}:5:5: unknown key "speed"`), error.message);
      return true;
    });
  });

  test('says so when the file does not exist', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'netns-lab-topology-'));
    try {
      await assert.rejects(loadTopologyFile(join(folder, 'missing.netns.yaml')), /missing\.netns\.yaml does not exist/);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
