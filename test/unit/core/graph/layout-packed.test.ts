/**
 * A large picture is packed: every element placed, interfaces inside their namespace's box (a grid where there are
 * many), boxes apart, straight lines from end to end, quickly, and the same every time.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { graphFromSnapshot } from '../../../../src/core/graph/from-snapshot.js';
import { LARGE_PICTURE, layoutGraph } from '../../../../src/core/graph/layout.js';
import { ringLab } from './fixtures.js';

interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

const inside = (inner: Rect, outer: Rect): boolean => inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.width <= outer.x + outer.width && inner.y + inner.height <= outer.y + outer.height;
const overlap = (first: Rect, second: Rect): boolean =>
  first.x < second.x + second.width && second.x < first.x + first.width && first.y < second.y + second.height && second.y < first.y + first.height;
const onBorder = (point: { x: number; y: number }, box: Rect): boolean => point.x >= box.x - 1 && point.x <= box.x + box.width + 1 && point.y >= box.y - 1 && point.y <= box.y + box.height + 1;

describe('the packed layout of a large picture', () => {
  const names = Array.from({ length: 40 }, (_, index) => `lab-n${index}`);
  const graph = graphFromSnapshot(ringLab(40), { labs: [{ lab: 'lab', namespaces: names }] });

  test('a picture of more than LARGE_PICTURE interfaces is packed, and every element is placed', async () => {
    assert.ok(graph.interfaces.length > LARGE_PICTURE);
    const layout = await layoutGraph(graph);
    assert.equal(layout.namespaces.length, graph.namespaces.length);
    assert.deepEqual(layout.nodes.map((node) => node.id).sort(), graph.interfaces.map((shown) => shown.id).sort());
    assert.deepEqual(layout.links.map((link) => link.id).sort(), graph.links.map((link) => link.id).sort());
    assert.deepEqual(
      layout.labs.map((box) => box.id),
      ['lab:lab'],
    );
  });

  test('interfaces lie inside their namespace, lab namespaces inside the lab, nothing overlaps, all inside the picture', async () => {
    const layout = await layoutGraph(graph);
    const boxes = new Map(layout.namespaces.map((box) => [box.id, box]));
    for (const shown of graph.interfaces)
      assert.ok(
        inside(
          layout.nodes.find((node) => node.id === shown.id)!,
          boxes.get(shown.namespaceId)!,
        ),
        shown.id,
      );
    for (const box of layout.namespaces.filter((candidate) => candidate.id !== 'ns:')) assert.ok(inside(box, layout.labs[0]!), box.id);
    const apart = <T extends Rect & { id: string }>(items: T[]): void =>
      items.forEach((first, index) => items.slice(index + 1).forEach((second) => assert.ok(!overlap(first, second), `${first.id} and ${second.id}`)));
    apart(layout.namespaces);
    apart(layout.nodes);
    const picture = { x: 0, y: 0, width: layout.width, height: layout.height };
    for (const box of [...layout.labs, ...layout.namespaces, ...layout.nodes]) assert.ok(inside(box, picture), `${box.id} inside the picture`);
  });

  test("the root namespace's 40 ports stand in a grid, not a column metres long", async () => {
    const layout = await layoutGraph(graph);
    const root = layout.namespaces.find((box) => box.id === 'ns:')!;
    const columns = new Set(layout.nodes.filter((node) => node.id.startsWith('if:/')).map((node) => node.x));
    assert.ok(columns.size > 1, `${columns.size} columns`);
    assert.ok(root.height < 3 * root.width, `${root.width} x ${root.height}`);
  });

  test('each link is a straight line from its first end to its second, labelled with its subnet', async () => {
    const layout = await layoutGraph(graph);
    const nodes = new Map(layout.nodes.map((node) => [node.id, node]));
    for (const link of graph.links) {
      const laid = layout.links.find((candidate) => candidate.id === link.id)!;
      assert.equal(laid.points.length, 2);
      assert.ok(onBorder(laid.points[0]!, nodes.get(link.from)!), `${link.id} starts at ${link.from}`);
      assert.ok(onBorder(laid.points[1]!, nodes.get(link.to)!), `${link.id} ends at ${link.to}`);
      assert.equal(laid.label?.text, link.subnets.length > 0 ? link.subnets.join(', ') : undefined);
    }
  });

  test('the same graph gives the same layout', async () => {
    assert.deepEqual(await layoutGraph(graph), await layoutGraph(structuredClone(graph)));
  });
});
