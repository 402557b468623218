/** Mermaid text of a small picture: what a reader sees, and that hostile names stay text. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { graphFromSnapshot } from '../../../../src/core/graph/from-snapshot.js';
import { toMermaid } from '../../../../src/core/graph/mermaid.js';
import { link, namespace, routerLab } from './fixtures.js';

const LAB = { lab: 'lab', namespaces: ['lab-client', 'lab-router', 'lab-server'] };

describe('toMermaid', () => {
  const text = toMermaid(graphFromSnapshot(routerLab(), { labs: [LAB], only: new Set(LAB.namespaces) }));

  test('a lab is a subgraph holding its namespaces, each holding its interfaces with their addresses', () => {
    assert.match(text, /^flowchart LR\n/u);
    assert.match(text, /subgraph n\d+\["lab lab"\]\n {4}subgraph n\d+\["lab-client"\]\n {6}n\d+\["eth0<br\/>10\.1\.0\.2\/24"\]\n {4}end/u);
    assert.match(text, /\["br-lab \(bridge\)<br\/>10\.1\.0\.254\/24"\]/u);
  });

  test('veth pairs are lines labelled with their subnet, ports dotted, a down interface styled', () => {
    assert.match(text, /n\d+ ---\|"10\.9\.0\.0\/30"\| n\d+/u);
    assert.match(text, /n\d+ -\.- n\d+/u);
    assert.match(text, /\["down0 · down<br\/>10\.2\.0\.1\/24"\]/u);
    assert.match(text, /class n\d+ down/u);
  });

  test('quotes and angle brackets in names cannot break out of a label', () => {
    const hostile = toMermaid(graphFromSnapshot({ namespaces: [namespace('a"]<b>', [link(2, 'e"0')])] }));
    assert.ok(hostile.includes('["a#34;]#60;b#62;"]'), hostile);
    assert.ok(hostile.includes('["e#34;0"]'), hostile);
  });
});
