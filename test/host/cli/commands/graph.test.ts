// `netns-lab graph` as a user meets it: a topology file's planned lab without touching the host, the same lab once
// deployed (--lab), in Mermaid, dot and JSON, and bad input refused before anything runs.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { NetworkGraph } from '../../../../src/core/graph/model.js';
import { ip } from '../../support/lab.js';
import { labFiles } from '../../support/lab-files.js';
import { testSetup } from '../../support/setup.js';

const { lab, runner } = testSetup({ cli: true });
const files = labFiles(lab, runner);

/** A router between two subnets: one a bridge in the root namespace with the client on it, the other a veth to the server. */
function routerTopology(name: string, bridge: string, port: string): string {
  return (
    [
      `lab: ${JSON.stringify(name)}`,
      'namespaces:',
      '  router: { forwarding: true }',
      '  client: { routes: [default via 10.71.1.1] }',
      '  server: { routes: [default via 10.71.2.1] }',
      'bridges:',
      `  ${bridge}:`,
      `    ports: [${port}-r, ${port}-c]`,
      'links:',
      `  - [router:up0 10.71.1.1/24, ${port}-r]`,
      `  - [client:eth0 10.71.1.2/24, ${port}-c]`,
      '  - [router:down0 10.71.2.1/24, server:eth0 10.71.2.2/24]',
    ].join('\n') + '\n'
  );
}

describe('netns-lab graph', () => {
  const name = files.labName('g');
  const bridge = lab.interfaceName('gbr');
  const port = lab.interfaceName('gp');
  const file = files.writeTopology('router.netns.yaml', routerTopology(name, bridge, port));

  test("a file's planned lab, as Mermaid: the lab holds its namespaces, links carry their subnet, nothing is made", async () => {
    const result = await runner.runOk('graph', file);
    assert.match(result.stdout, /^flowchart LR\n/u);
    assert.match(result.stdout, new RegExp(`subgraph n\\d+\\["lab ${name}"\\]`, 'u'));
    assert.match(result.stdout, new RegExp(`\\["${name}-router"\\]`, 'u'));
    assert.match(result.stdout, /\["down0<br\/>planned<br\/>10\.71\.2\.1\/24"\]/u);
    assert.match(result.stdout, /---\|"10\.71\.2\.0\/24"\|/u);
    // The bridge's LAN: the subnet of the client and the router behind its ports.
    assert.match(result.stdout, new RegExp(`\\["${bridge}<br/>bridge · planned<br/>LAN 10\\.71\\.1\\.0/24"\\]`, 'u'));
    assert.equal(readFileSync('/proc/net/dev', 'utf8').includes(`${port}-r`), false, 'planning made an interface');
  });

  test('the deployed lab read from the kernel (--lab), as JSON: its namespaces, the root bridge and its ports, states', async () => {
    await runner.runOk('deploy', file);
    const graph = JSON.parse((await runner.runOk('graph', '--lab', name, '--format', 'json')).stdout) as NetworkGraph;
    assert.deepEqual(graph.namespaces.map((group) => group.label).sort(), [`${name}-client`, `${name}-router`, `${name}-server`, 'root namespace'].sort());
    assert.deepEqual(
      graph.interfaces
        .filter((shown) => shown.namespaceId === 'ns:')
        .map((shown) => shown.name)
        .sort(),
      [bridge, `${port}-c`, `${port}-r`].sort(),
    );
    const pairs = graph.links.map((shown) => `${shown.kind} ${shown.from} ${shown.to} ${shown.subnets.join(',')}`.trim()).sort();
    assert.ok(pairs.includes(`veth if:${name}-router/down0 if:${name}-server/eth0 10.71.2.0/24`), pairs.join('\n'));
    assert.ok(pairs.includes(`veth if:/${port}-r if:${name}-router/up0`), pairs.join('\n'));
    assert.ok(pairs.includes(`port if:/${port}-c if:/${bridge}`), pairs.join('\n'));
    assert.equal(graph.interfaces.find((shown) => shown.id === `if:${name}-server/eth0`)!.state, 'up');
  });

  test('dot into a file with --output; the whole host (no FILE, no --lab) holds the lab too', async () => {
    await runner.runOk('graph', '--format', 'dot', '--output', 'host.dot');
    const text = readFileSync(join(runner.workDirectory, 'host.dot'), 'utf8');
    assert.match(text, /^graph "netns-lab" \{/u);
    assert.ok(
      text.includes(`"if:${name}-router/down0" -- "if:${name}-server/eth0" [label="10.71.2.0/24"];`) || text.includes(`"if:${name}-server/eth0" -- "if:${name}-router/down0"`),
      text.slice(0, 2000),
    );
    assert.ok(text.includes(`label="${name}-client";`));
  });

  test('the deployed lab as an SVG picture: a box per namespace, each interface with its addresses and state, links with subnets', async () => {
    await runner.runOk('graph', '--lab', name, '--format', 'svg', '--output', 'lab.svg');
    const svg = readFileSync(join(runner.workDirectory, 'lab.svg'), 'utf8');
    assert.match(svg, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/u);
    assert.ok(svg.includes(`<title>lab ${name}</title>`));
    for (const namespace of ['router', 'client', 'server']) assert.ok(svg.includes(`data-id="ns:${name}-${namespace}"`), namespace);
    assert.ok(svg.includes('data-id="ns:"') && svg.includes('>root namespace<'));
    const server = svg.slice(svg.indexOf(`data-id="if:${name}-server/eth0"`));
    assert.match(server.slice(0, server.indexOf('</g>')), /class="interface state-up"[\s\S]*>eth0<[\s\S]*>10\.71\.2\.2\/24</u);
    assert.ok(svg.includes(`data-id="port:if:/${port}-c|if:/${bridge}"`));
    assert.match(svg, />10\.71\.2\.0\/24</u);
    assert.match(svg, new RegExp(`data-id="if:/${bridge}"[\\s\\S]*?class="interface state-up bridge"`, 'u'));
  });

  test("a file's planned lab as SVG on standard output: interfaces dashed as planned", async () => {
    const result = await runner.runOk('graph', file, '--format', 'svg');
    assert.match(result.stdout, /<title>the planned lab of router\.netns\.yaml<\/title>/u);
    assert.match(result.stdout, /class="interface state-planned"/u);
    assert.doesNotMatch(result.stdout, /state-up/u);
  });

  test('--drift: the deployed lab marked against its file, what ip changed behind its back said in the boxes', async () => {
    ip('-n', `${name}-server`, 'link', 'set', 'eth0', 'mtu', '1400');
    ip('-n', `${name}-client`, 'address', 'add', '10.71.1.99/24', 'dev', 'eth0');
    const plan = await runner.runOk('graph', file);
    assert.doesNotMatch(plan.stdout, /differs/u, 'without --drift, the file is drawn as planned');
    const marked = (await runner.runOk('graph', file, '--drift')).stdout;
    assert.match(marked, /\["eth0<br\/>10\.71\.2\.2\/24<br\/>mtu 1400<br\/>differs from the file:<br\/>MTU 1500 declared, 1400 in the kernel"\]/u);
    assert.match(marked, /\["eth0<br\/>10\.71\.1\.2\/24<br\/>10\.71\.1\.99\/24<br\/>differs from the file:<br\/>address 10\.71\.1\.99\/24 in the kernel, not in the file"\]/u);
    assert.match(marked, /classDef differs fill:#fff3a8/u);
    await runner.runOk('graph', file, '--drift', '--output', 'drift.svg');
    const svg = readFileSync(join(runner.workDirectory, 'drift.svg'), 'utf8');
    assert.match(svg, new RegExp(`<title>lab ${name} against router\\.netns\\.yaml</title>`, 'u'), 'the .svg ending chose the format');
    assert.match(svg, new RegExp(`data-id="if:${name}-server/eth0"[\\s\\S]*?class="interface state-up drift-differs"`, 'u'));
  });

  test('bad input is refused in one line before anything runs', async () => {
    const cases: Array<[string[], number, RegExp]> = [
      [['graph', '--format', 'png'], 2, /--format "png" is not one of mermaid, dot, svg, json/u],
      [['graph', file, '--lab', name], 2, /either a topology FILE or --lab NAME, not both/u],
      [['graph', '--lab', 'a/b'], 2, /--lab "a\/b": the lab name must not contain "\/"/u],
      [['graph', '--lab', '$(id);x'], 1, /There is no deployed lab "\$\(id\);x"/u],
      [['graph', '--lab', `${name}-nothere`], 1, /There is no deployed lab/u],
      [['graph', 'missing.netns.yaml'], 1, /missing\.netns\.yaml/u],
      [['graph', '.'], 1, /Cannot read topology file \.: it is a folder, not a file/u],
      [['graph', '--drift'], 2, /--drift marks a deployed lab against its topology FILE: give the FILE/u],
      [['graph', '--json', '--format', 'dot'], 2, /give either --json or --format dot, not both/u],
      [['graph', file, '--output', '/proc/netns-lab-graph.svg'], 1, /^netns-lab: cannot write \/proc\/netns-lab-graph\.svg: no such file or folder$/mu],
      [['graph', file, '--output', '/dev/full'], 1, /^netns-lab: cannot write \/dev\/full: no space left on the device$/mu],
    ];
    for (const [args, status, message] of cases) {
      const result = await runner.run(...args);
      assert.equal(result.status, status, `${args.join(' ')}: ${result.stderr}`);
      assert.match(result.stderr, message);
      assert.equal(result.stderr.trim().split('\n').length, 1, result.stderr);
    }
  });
});
