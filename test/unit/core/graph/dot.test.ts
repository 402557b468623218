/** Graphviz dot text of a small picture: what a reader sees, and that hostile names stay text. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { toDot } from '../../../../src/core/graph/dot.js';
import { graphFromSnapshot } from '../../../../src/core/graph/from-snapshot.js';
import { link, namespace, routerLab } from './fixtures.js';

const LAB = { lab: 'lab', namespaces: ['lab-client', 'lab-router', 'lab-server'] };

describe('toDot', () => {
  const text = toDot(graphFromSnapshot(routerLab(), { labs: [LAB] }));

  test('namespaces are clusters, interfaces rounded boxes with their addresses, links with subnets', () => {
    assert.match(text, /^graph "netns-lab" \{\n/u);
    assert.match(text, /subgraph "cluster_\d+" \{\n {4}label="lab-router";/u);
    assert.ok(text.includes('"if:lab-router/host0" [label="host0\\n10.9.0.2/30"];'), text);
    assert.ok(text.includes('"if:/r-host" -- "if:lab-router/host0" [label="10.9.0.0/30"];'), text);
    assert.ok(text.includes('"if:/c-up" -- "if:/br-lab" [style=dashed];'), text);
    assert.ok(text.includes('"ext:192.168.1.20" [label="remote 192.168.1.20", shape=ellipse];'), text);
    assert.match(text, /\}\n$/u);
  });

  test('a namespace with nothing to show, or that could not be read, holds an invisible point: Graphviz leaves an empty cluster out', () => {
    const broken = namespace('lab-x', [], { error: 'Invalid argument' });
    const empty = toDot(graphFromSnapshot({ namespaces: [namespace('lab-empty', []), broken] }));
    assert.match(empty, /label="lab-empty";\n {4}style="rounded";\n {4}"ns:lab-empty:empty" \[label="", shape=point, style=invis\];/u);
    assert.match(empty, /label="lab-x \(could not be read\)";\n {4}style="rounded";\n {4}"ns:lab-x:empty" \[label="", shape=point, style=invis\];/u);
    assert.ok(!text.includes(':empty"'), 'a namespace with interfaces got a point too');
  });

  test('quotes and backslashes in names are escaped', () => {
    const hostile = toDot(graphFromSnapshot({ namespaces: [namespace('a"b\\c', [link(2, 'x')])] }));
    assert.ok(hostile.includes('label="a\\"b\\\\c";'), hostile);
  });
});
