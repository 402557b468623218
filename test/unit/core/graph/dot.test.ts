/** Graphviz dot text of a small picture: what a reader sees, and that hostile names stay text. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { toDot } from '../../../../src/core/graph/dot.js';
import { graphFromSnapshot } from '../../../../src/core/graph/from-snapshot.js';
import { link, namespace, routerLab } from './fixtures.js';
import { driftedLab } from './drifted.js';

const LAB = { lab: 'lab', namespaces: ['lab-client', 'lab-router', 'lab-server'] };

describe('toDot', () => {
  const text = toDot(graphFromSnapshot(routerLab(), { labs: [LAB] }));

  test('namespaces are clusters, interfaces rounded boxes with their addresses, links with subnets', () => {
    assert.match(text, /^graph "netns-lab" \{\n/u);
    assert.match(text, /subgraph "cluster_\d+" \{\n {4}label="lab lab";\n {4}style="dashed";\n {4}subgraph "cluster_\d+" \{\n {6}label="lab-client";/u);
    assert.match(text, /subgraph "cluster_\d+" \{\n {6}label="lab-router";/u);
    // The same lines as the drawn pictures: a kind that is not plain and a state that is not up on a line of their own.
    assert.ok(text.includes('"if:/br-lab" [label="br-lab\\nbridge\\n10.1.0.254/24\\nLAN 10.1.0.0/24"];'), text);
    assert.ok(text.includes('"if:lab-router/host0" [label="host0\\n10.9.0.2/30"];'), text);
    assert.ok(text.includes('"if:/r-host" -- "if:lab-router/host0" [label="10.9.0.0/30"];'), text);
    assert.ok(text.includes('"if:/c-up" -- "if:/br-lab" [style="dashed"];'), text);
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

  test('drift is said in the labels, coloured as in the SVG file, with its details as tooltips', () => {
    const drifted = toDot(driftedLab());
    assert.match(
      drifted,
      /label="lab1-blue · missing from the kernel";\n {6}style="rounded,dashed";\n {6}color="#d32f2f";\n {6}tooltip="declared in the file, not in the kernel: a deploy creates it";/u,
    );
    assert.ok(
      drifted.includes(
        '"if:lab1-red/eth1" [label="eth1\\n10.1.0.1/30\\nmtu 1400\\ndiffers from the file:\\nMTU 9000 declared, 1400 in the kernel", style="rounded,filled", color="#b59a00", fillcolor="#fff3a8", tooltip="MTU 9000 declared, 1400 in the kernel"];',
      ),
      drifted,
    );
    assert.ok(drifted.includes('"if:lab1-red/probe" [label="probe\\nnot in the file", color="#ef6c00", penwidth=2.5, tooltip="in the kernel, not in the file: a deploy deletes it"];'), drifted);
    assert.match(drifted, /"if:lab1-blue\/eth0" -- "if:lab1-red\/eth1" \[style="dashed", label="10\.1\.0\.0\/30 · missing from the kernel", color="#d32f2f", tooltip="the veth between [^"]+"\];/u);
    assert.doesNotMatch(text, /tooltip|fillcolor/u, 'a picture without drift has no marks');
  });
});
