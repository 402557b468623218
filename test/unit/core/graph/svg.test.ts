/** The picture as an SVG file: an element for each thing, its words, escaped text, state colours and drift marks. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { graphFromSnapshot } from '../../../../src/core/graph/from-snapshot.js';
import { layoutGraph } from '../../../../src/core/graph/layout.js';
import type { NetworkGraph } from '../../../../src/core/graph/model.js';
import { escapeXml, toSvg } from '../../../../src/core/graph/svg.js';
import { routerLab } from './fixtures.js';
import { driftedLab } from './drifted.js';

async function svgOf(graph: NetworkGraph): Promise<string> {
  return toSvg(await layoutGraph(graph));
}

/** The opening tag of the element whose data-id is `id`, and everything up to its end. */
function group(svg: string, id: string): string {
  const start = svg.indexOf(`data-id="${escapeXml(id)}"`);
  assert.ok(start >= 0, `an element for ${id}`);
  return svg.slice(start, svg.indexOf('</g>', start));
}

/** Every tag is one the drawing makes: nothing from a name became markup. */
function tagNames(svg: string): Set<string> {
  return new Set([...svg.matchAll(/<\/?([^\s/>]+)/gu)].map((match) => match[1]!));
}

describe('toSvg', () => {
  const graph = graphFromSnapshot(routerLab(), { labs: [{ lab: 'lab', namespaces: ['lab-client', 'lab-router', 'lab-server'] }] });

  test('is a standalone SVG document with an element for each namespace, interface and link', async () => {
    const svg = await svgOf(graph);
    assert.match(svg, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" width="\d+" height="\d+" viewBox="0 0 \d+ \d+"/u);
    assert.ok(svg.trimEnd().endsWith('</svg>'));
    for (const element of [...graph.namespaces, ...graph.interfaces, ...graph.links]) group(svg, element.id);
    assert.match(group(svg, 'ns:'), />root namespace</u);
    assert.match(group(svg, 'lab:lab'), />lab lab</u);
  });

  test('writes interface names and addresses, a link its subnet, and says in its tooltip what it is', async () => {
    const svg = await svgOf(graph);
    const host0 = group(svg, 'if:lab-router/host0');
    assert.match(host0, />host0</u);
    assert.match(host0, />10\.9\.0\.2\/30</u);
    assert.match(group(svg, 'veth:if:/r-host|if:lab-router/host0'), /<title>veth pair r-host – lab-router:host0, subnet 10\.9\.0\.0\/30<\/title>[\s\S]*>10\.9\.0\.0\/30</u);
  });

  test('an MTU other than 1500 is written, 1500 is not', async () => {
    const changed = structuredClone(graph);
    changed.interfaces.find((shown) => shown.id === 'if:lab-router/host0')!.mtu = 9000;
    const svg = await svgOf(changed);
    assert.match(group(svg, 'if:lab-router/host0'), />mtu 9000</u);
    assert.doesNotMatch(group(svg, 'if:lab-router/up0'), />mtu 1500</u);
  });

  test('the state shows in colour: up green, down red on grey, no carrier amber, planned dashed', async () => {
    const planned = structuredClone(graph);
    planned.interfaces.find((shown) => shown.id === 'if:lab-client/eth0')!.state = 'planned';
    const svg = await svgOf(planned);
    assert.match(group(svg, 'if:lab-router/up0'), /class="interface state-up" fill="#ffffff" stroke="#2e9d4f"/u);
    assert.match(group(svg, 'if:lab-router/down0'), /class="interface state-down" fill="#ececec" stroke="#c0392b"/u);
    assert.match(group(svg, 'if:lab-server/eth0'), /class="interface state-no-carrier"[^>]* stroke="#e0a100"/u);
    assert.match(group(svg, 'if:lab-client/eth0'), /class="interface state-planned"[^>]* stroke-dasharray="5 3"/u);
  });

  test('a bridge is drawn apart from its ports, ports are dashed, a device that leads out is marked', async () => {
    const svg = await svgOf(graph);
    assert.match(group(svg, 'if:/br-lab'), /class="interface state-up bridge" fill="#fdf4dc"/u);
    assert.match(group(svg, 'if:/br-lab'), />bridge</u);
    assert.match(group(svg, 'port:if:/r-up|if:/br-lab'), /class="link link-port"[^>]* stroke-dasharray="6 4"/u);
    assert.match(group(svg, 'if:/eth0'), /class="out-mark"/u);
    assert.doesNotMatch(group(svg, 'if:lab-router/up0'), /out-mark/u);
  });

  test('drift marks: missing dashed red, extra orange, differs yellow, each with its details in the tooltip', async () => {
    const marked = structuredClone(graph);
    marked.interfaces.find((shown) => shown.id === 'if:lab-router/up0')!.drift = { kind: 'differs', details: ['address 10.1.0.9/24 declared, not in the kernel'] };
    marked.interfaces.find((shown) => shown.id === 'if:lab-client/eth0')!.drift = { kind: 'extra', details: ['in the kernel, not in the file'] };
    marked.namespaces.find((namespace) => namespace.id === 'ns:lab-server')!.drift = { kind: 'missing', details: ['declared in the file, not in the kernel'] };
    marked.links.find((link) => link.kind === 'veth')!.drift = { kind: 'missing', details: ['the veth declared in the file'] };
    const svg = await svgOf(marked);
    const up0 = group(svg, 'if:lab-router/up0');
    assert.match(up0, /drift-differs" fill="#fff3a8"/u);
    assert.match(up0, /<title>[^<]*differs from the file:\n {2}address 10\.1\.0\.9\/24 declared, not in the kernel<\/title>/u);
    assert.match(group(svg, 'if:lab-client/eth0'), /drift-extra"[^>]* stroke="#ef6c00"/u);
    assert.match(group(svg, 'ns:lab-server'), /drift-missing"[^>]* stroke="#d32f2f" stroke-dasharray="5 3"/u);
    assert.match(group(svg, marked.links.find((link) => link.kind === 'veth')!.id), /link link-veth drift-missing"[^>]* stroke="#d32f2f"/u);
  });

  test('names with markup, quotes and control characters are escaped: text stays text and the file stays XML', async () => {
    const odd: NetworkGraph = {
      namespaces: [{ id: 'ns:a<b>&"c\'', label: 'a<b>&"c\'', namespace: 'a<b>&"c\'' }],
      interfaces: [{ id: 'if:a<b>&"c\'/<script>x', namespaceId: 'ns:a<b>&"c\'', name: '<script>\u0001', kind: 'dummy', state: 'up', addresses: [] }],
      links: [],
      externals: [{ id: 'ext:]]>', label: 'remote ]]><!--' }],
    };
    const svg = await svgOf(odd);
    assert.deepEqual([...tagNames(svg)].sort(), ['circle', 'defs', 'ellipse', 'g', 'marker', 'path', 'rect', 'svg', 'text', 'title']);
    assert.match(svg, />a&lt;b&gt;&amp;&quot;c&apos;</u);
    assert.match(svg, />&lt;script&gt;\\u0001</u);
    assert.match(svg, />remote \]\]&gt;&lt;!--</u);
    assert.doesNotMatch(svg, /[\u0000-\u0008]/u);
  });

  test('escapeXml turns what XML cannot hold into U+FFFD and keeps other characters', () => {
    assert.equal(escapeXml('a\u0000b\ud800c😀\td'), 'a\ufffdb\ufffdc😀\td');
  });

  test("the title given is the file's title, escaped", async () => {
    const svg = toSvg(await layoutGraph(graph), 'lab <demo>');
    assert.match(svg, /<title>lab &lt;demo&gt;<\/title>/u);
  });

  test('a key under the picture names each mark it shows, in a fixed order, and no mark it does not show', async () => {
    const layout = await layoutGraph(driftedLab());
    const svg = toSvg(layout);
    const key = group(svg, 'legend');
    const words = [...key.matchAll(/<text[^>]*>([^<]+)<\/text>/gu)].map((match) => match[1]);
    assert.deepEqual(words, ['up', 'planned, not deployed', 'differs from the file', 'missing from the kernel', 'not in the file']);
    assert.match(key, /<rect class="interface drift-differs" fill="#fff3a8" stroke="#b59a00"/u);
    const height = Number(/ height="(\d+)"/u.exec(svg)![1]);
    assert.equal(height, Math.ceil(layout.height) + 30, 'the file is made taller for the key');
    // The router lab has interfaces up, one down, one without carrier and one that leads out, and no drift.
    const plain = group(await svgOf(graph), 'legend');
    assert.deepEqual(
      [...plain.matchAll(/<text[^>]*>([^<]+)<\/text>/gu)].map((match) => match[1]),
      ['up', 'no carrier', 'down', 'leads out of the host'],
    );
  });
});
