/** Laying out a picture: everything placed, each box inside the box that holds it, the same layout every time. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { graphFromSnapshot } from '../../../../src/core/graph/from-snapshot.js';
import { layoutGraph } from '../../../../src/core/graph/layout.js';
import type { GraphLayout } from '../../../../src/core/graph/layout-model.js';
import type { NetworkGraph } from '../../../../src/core/graph/model.js';
import { routerLab } from './fixtures.js';

const LAB = { lab: 'lab', namespaces: ['lab-client', 'lab-router', 'lab-server'] };

interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

function inside(inner: Rect, outer: Rect): boolean {
  return inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.width <= outer.x + outer.width && inner.y + inner.height <= outer.y + outer.height;
}

function overlap(first: Rect, second: Rect): boolean {
  return first.x < second.x + second.width && second.x < first.x + first.width && first.y < second.y + second.height && second.y < first.y + first.height;
}

describe('layoutGraph', () => {
  const graph = graphFromSnapshot(routerLab(), { labs: [LAB] });

  test('places every namespace, interface, external and link of the graph, and a box for the lab', async () => {
    const layout = await layoutGraph(graph);
    assert.deepEqual(
      layout.namespaces.map((box) => box.id),
      graph.namespaces.map((namespace) => namespace.id),
    );
    assert.deepEqual(layout.nodes.map((node) => node.id).sort(), [...graph.interfaces.map((shown) => shown.id), ...graph.externals.map((external) => external.id)].sort());
    assert.deepEqual(layout.links.map((link) => link.id).sort(), graph.links.map((link) => link.id).sort());
    assert.deepEqual(
      layout.labs.map((box) => box.id),
      ['lab:lab'],
    );
    for (const link of layout.links) assert.ok(link.points.length >= 2, `${link.id} has a line`);
  });

  test('every interface lies inside its namespace box, every lab namespace inside its lab box, all inside the picture', async () => {
    const layout = await layoutGraph(graph);
    const boxes = new Map(layout.namespaces.map((box) => [box.id, box]));
    const picture = { x: 0, y: 0, width: layout.width, height: layout.height };
    for (const shown of graph.interfaces) {
      const node = layout.nodes.find((candidate) => candidate.id === shown.id)!;
      assert.ok(inside(node, boxes.get(shown.namespaceId)!), `${shown.id} inside ${shown.namespaceId}`);
    }
    for (const namespace of graph.namespaces.filter((candidate) => candidate.lab === 'lab')) assert.ok(inside(boxes.get(namespace.id)!, layout.labs[0]!), namespace.id);
    for (const box of [...layout.labs, ...layout.namespaces, ...layout.nodes]) assert.ok(inside(box, picture), `${box.id} inside the picture`);
  });

  test('namespace boxes do not overlap unless one holds the other, and neither do interfaces', async () => {
    const layout = await layoutGraph(graph);
    const pairs = <T>(items: T[]): Array<[T, T]> => items.flatMap((first, index) => items.slice(index + 1).map((second) => [first, second] as [T, T]));
    for (const [first, second] of pairs(layout.namespaces)) assert.ok(!overlap(first, second), `${first.id} and ${second.id}`);
    for (const [first, second] of pairs(layout.nodes)) assert.ok(!overlap(first, second), `${first.id} and ${second.id}`);
  });

  test('each line starts on its first end and ends on its second', async () => {
    const layout = await layoutGraph(graph);
    const onBorder = (point: { x: number; y: number }, box: Rect): boolean => point.x >= box.x - 1 && point.x <= box.x + box.width + 1 && point.y >= box.y - 1 && point.y <= box.y + box.height + 1;
    for (const link of graph.links) {
      const laid = layout.links.find((candidate) => candidate.id === link.id)!;
      const from = layout.nodes.find((node) => node.id === link.from)!;
      const to = layout.nodes.find((node) => node.id === link.to)!;
      assert.ok(onBorder(laid.points[0]!, from), `${link.id} starts at ${link.from}`);
      assert.ok(onBorder(laid.points.at(-1)!, to), `${link.id} ends at ${link.to}`);
    }
  });

  test('a link with subnets carries them as its label; one without has none', async () => {
    const layout = await layoutGraph(graph);
    const labelOf = (id: string): string | undefined => layout.links.find((link) => link.id === id)?.label?.text;
    assert.equal(labelOf('veth:if:lab-router/down0|if:lab-server/eth0'), '10.2.0.0/24');
    assert.equal(labelOf('port:if:/c-up|if:/br-lab'), undefined);
  });

  test('the same graph gives the same layout', async () => {
    const [first, second] = await Promise.all([layoutGraph(graph), layoutGraph(structuredClone(graph))]);
    assert.deepEqual(first, second);
  });

  test('an interface box is as wide as its longest line and as tall as its lines', async () => {
    const layout = await layoutGraph(graph);
    const router = layout.nodes.find((node) => node.id === 'if:lab-router/down0')!;
    assert.deepEqual(
      router.lines.map((line) => line.text),
      ['down0', 'down', '10.2.0.1/24'],
    );
    assert.ok(router.height >= 3 * 15, 'three lines fit');
    assert.ok(router.lines.every((line) => line.y > router.y && line.y < router.y + router.height));
  });

  test('an empty picture lays out to nothing, and a namespace without interfaces still gets a box with room for its name', async () => {
    const empty: GraphLayout = await layoutGraph({ namespaces: [], interfaces: [], links: [], externals: [] });
    assert.deepEqual([empty.labs, empty.namespaces, empty.nodes, empty.links], [[], [], [], []]);
    const lonely: NetworkGraph = {
      namespaces: [{ id: 'ns:a-rather-long-namespace-name', label: 'a-rather-long-namespace-name', namespace: 'a-rather-long-namespace-name' }],
      interfaces: [],
      links: [],
      externals: [],
    };
    const [box] = (await layoutGraph(lonely)).namespaces;
    assert.ok(box!.width > 'a-rather-long-namespace-name'.length * 7, 'the name fits');
  });
});
