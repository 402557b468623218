/** Mermaid text of a small picture: what a reader sees, and that hostile names stay text. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { graphFromSnapshot } from '../../../../src/core/graph/from-snapshot.js';
import { graphFromTopology } from '../../../../src/core/graph/from-topology.js';
import { toMermaid } from '../../../../src/core/graph/mermaid.js';
import { fileLab, link, namespace, routerLab } from './fixtures.js';
import { driftedLab } from './drifted.js';

const LAB = { lab: 'lab', namespaces: ['lab-client', 'lab-router', 'lab-server'] };

describe('toMermaid', () => {
  const text = toMermaid(graphFromSnapshot(routerLab(), { labs: [LAB], only: new Set(LAB.namespaces) }));

  test('a lab is a subgraph holding its namespaces, each holding its interfaces with their addresses', () => {
    assert.match(text, /^flowchart LR\n/u);
    assert.match(text, /subgraph n\d+\["lab lab"\]\n {4}subgraph n\d+\["lab-client"\]\n {6}n\d+\["eth0<br\/>10\.1\.0\.2\/24"\]\n {4}end/u);
    // The same lines as the drawn pictures: a kind that is not plain and a state that is not up on a line of their own.
    assert.match(text, /\["br-lab<br\/>bridge<br\/>10\.1\.0\.254\/24<br\/>LAN 10\.1\.0\.0\/24"\]/u);
  });

  test('veth pairs are lines labelled with their subnet, ports dotted, a down interface styled', () => {
    assert.match(text, /n\d+ ---\|"10\.9\.0\.0\/30"\| n\d+/u);
    assert.match(text, /n\d+ -\.- n\d+/u);
    assert.match(text, /\["down0<br\/>down<br\/>10\.2\.0\.1\/24"\]/u);
    assert.match(text, /class n\d+ down/u);
  });

  test('quotes and angle brackets in names cannot break out of a label', () => {
    const hostile = toMermaid(graphFromSnapshot({ namespaces: [namespace('a"]<b>', [link(2, 'e"0')])] }));
    assert.ok(hostile.includes('["a#34;]#60;b#62;"]'), hostile);
    assert.ok(hostile.includes('["e#34;0"]'), hostile);
  });

  test('drift is said in the boxes and on the lines, and styled in the SVG colours: missing dashed, extra thick, differs filled', () => {
    const drifted = toMermaid(driftedLab());
    const id = (label: string): string => drifted.match(new RegExp(`(n\\d+)\\["${label}`, 'u'))?.[1] ?? assert.fail(`no box ${label} in ${drifted}`);
    assert.match(drifted, /subgraph (n\d+)\["lab1-blue · missing from the kernel"\]/u);
    assert.match(drifted, /\["eth1<br\/>10\.1\.0\.1\/30<br\/>mtu 1400<br\/>differs from the file:<br\/>MTU 9000 declared, 1400 in the kernel"\]/u);
    assert.match(drifted, /\["probe<br\/>not in the file"\]/u);
    assert.match(drifted, /---\|"10\.1\.0\.0\/30 · missing from the kernel"\|/u);
    assert.match(drifted, /classDef missing stroke:#d32f2f,stroke-width:2px,stroke-dasharray:5 3\n/u);
    assert.ok(drifted.includes(`class ${id('eth1<br/>10.1.0.1/30')} differs\n`), drifted);
    assert.ok(drifted.includes(`class ${id('probe')} extra\n`), drifted);
    // The missing pair is the first link written: its style is linkStyle 0.
    const links = drifted.split('\n').filter((line) => / (---|-\.-|-\.->|===)[ |]/u.test(line));
    const missing = links.findIndex((line) => line.includes('missing from the kernel'));
    assert.ok(drifted.includes(`linkStyle ${missing} fill:none,stroke:#d32f2f,stroke-width:2px,stroke-dasharray:5 3\n`), drifted);
  });

  test('a picture without drift has no drift classes', () => {
    assert.doesNotMatch(text, /classDef (missing|extra|differs)|linkStyle/u);
    assert.doesNotMatch(toMermaid(graphFromTopology(fileLab())), /classDef missing/u);
  });
});
