// The topology format: valid files give the normalized Topology, field by field; loadTopologyFile reads a file
// and lists every problem as FILE:LINE:COL. (The broken files are in parse-invalid.test.ts.)
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InvalidArgumentError, TopologyFileError, loadTopologyFile, parseTopology, type Topology } from '../../../../src/core/index.js';

const fixtures = join(process.cwd(), 'test/fixtures/topologies');

function validFixture(name: string): Topology {
  const { topology, diagnostics } = parseTopology(readFileSync(join(fixtures, 'valid', name), 'utf8'));
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

  test('hostile but valid names are kept literally: spaces, quotes, shell syntax, unicode, a colon in a namespace', () => {
    const topology = validFixture('hostile-names.netns.yaml');
    const lab = "it's; $(lab)";
    assert.equal(topology.lab, lab);
    assert.deepEqual(
      topology.namespaces.map(({ name, netns }) => [name, netns]),
      [
        ['with space', `${lab}-with space`],
        [`quote " and ' `, `${lab}-quote " and ' `],
        ['$(touch x)', `${lab}-$(touch x)`],
        ['ünïcødé-名前', `${lab}-ünïcødé-名前`],
        ['red:blue', `${lab}-red:blue`],
      ],
    );
    assert.deepEqual(topology.links[0]!.endpoints, [
      { namespace: `${lab}-with space`, interface: 'e$(x)', addresses: [] },
      { namespace: `${lab}-quote " and ' `, interface: '`id`', addresses: [] },
    ]);
    assert.deepEqual(topology.links[1]!.endpoints, [
      { namespace: `${lab}-$(touch x)`, interface: 'eth0', addresses: ['10.0.0.1/24'] },
      { namespace: `${lab}-ünïcødé-名前`, interface: 'eth0', addresses: ['10.0.0.2/24'] },
    ]);
    // "red:blue:eth0" splits at the last colon: namespace "red:blue", interface "eth0".
    assert.deepEqual(topology.links[2]!.endpoints, [
      { namespace: `${lab}-red:blue`, interface: 'eth0', addresses: [] },
      { namespace: null, interface: 'eth-ü', addresses: [] },
    ]);
  });

  test('routes of both families, a link-local gateway with its device, sysctl values as sysctl writes them', () => {
    const topology = validFixture('routing.netns.yaml');
    const [client, gateway] = topology.namespaces;
    assert.deepEqual(client!.routes, [
      { destination: 'default', via: 'fd00:1::1' },
      { destination: 'default', via: '10.1.0.1', metric: 100 },
      { destination: '10.8.0.0/16', device: 'eth0' },
      { destination: 'fd00:8::/48', via: 'fe80::1', device: 'eth0' },
      { destination: '192.0.2.7', via: '10.1.0.1', metric: 5 },
    ]);
    assert.deepEqual(gateway!.sysctls, {
      'net.ipv4.ip_forward': '0',
      'net.ipv6.conf.all.forwarding': '0',
      'net.ipv6.conf.all.accept_ra': '0',
      'net.core.somaxconn': '4096',
      'net.ipv4.tcp_rmem': '4096 87380 6291456',
    });
    assert.deepEqual(gateway!.routes, []);
  });

  test('a root-namespace bridge gets the ends that name it as ports; an empty impair is no impairment', () => {
    const topology = validFixture('routing.netns.yaml');
    assert.deepEqual(topology.bridges, [{ name: 'lab-br', namespace: null, addresses: ['10.9.0.1/24'], ports: ['r6-gw'] }]);
    assert.deepEqual(topology.links[1]!.endpoints, [
      { namespace: 'r6-gateway', interface: 'up', addresses: [], mtu: 9000 },
      { namespace: null, interface: 'r6-gw', addresses: [], mtu: 9000 },
    ]);
    assert.deepEqual(topology.links[2]!.endpoints, [
      { namespace: 'r6-client', interface: 'slow', addresses: [], impairment: { rate: '1.5Mbit', delay: '20ms', jitter: '5ms', loss: '0.5%' } },
      { namespace: 'r6-gateway', interface: 'slow', addresses: [] },
    ]);
  });

  test('YAML anchors and aliases work: an alias stands for the settings it names', () => {
    const { topology, diagnostics } = parseTopology('lab: x\nnamespaces:\n  a: &router { forwarding: true }\n  b: *router\n');
    assert.deepEqual(diagnostics, []);
    assert.deepEqual(
      topology!.namespaces.map((namespace) => namespace.sysctls['net.ipv4.ip_forward']),
      ['1', '1'],
    );
  });

  test('a lab with empty sections is valid and declares nothing', () => {
    assert.deepEqual(validFixture('minimal.netns.yaml'), { lab: 'empty', namespaces: [], bridges: [], links: [] });
  });
});

describe('the README', () => {
  test('its topology examples are valid and match the corpus', () => {
    const readme = readFileSync(join(process.cwd(), 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('## Lab topologies'), readme.indexOf('\n## ', readme.indexOf('## Lab topologies') + 1));
    const examples = [...section.matchAll(/```yaml\n([\s\S]*?)```/g)].map((match) => match[1]!);
    assert.equal(examples.length, 2);
    const [short, full] = examples.map((text) => parseTopology(text));
    assert.deepEqual(short!.diagnostics, []);
    assert.deepEqual(short!.topology, validFixture('demo.netns.yaml'));
    assert.deepEqual(full!.diagnostics, []);
    assert.deepEqual(full!.topology, validFixture('full.netns.yaml'));
  });
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
