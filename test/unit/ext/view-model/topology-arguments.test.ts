import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { CommandArgumentError } from '../../../../src/ext/view-model/argument-fields.js';
import { subjectKey, subjectTitle, topologyRequest } from '../../../../src/ext/view-model/topology-arguments.js';

const uri = (fsPath: string, scheme = 'file') => ({ scheme, fsPath, path: fsPath });

describe("netnsLab.topology.show's argument", () => {
  test('from the palette asks everything; from a file its lab', () => {
    assert.deepEqual(topologyRequest(undefined), { origin: 'ui' });
    assert.deepEqual(topologyRequest(uri('/labs/demo.netns.yaml')), { origin: 'ui', file: '/labs/demo.netns.yaml' });
    assert.throws(() => topologyRequest(uri('/x.netns.yaml', 'untitled')), CommandArgumentError);
  });

  test('from the tree: a target, a lab (by its file when known), a namespace selected in its target', () => {
    assert.deepEqual(topologyRequest({ kind: 'target', targetId: 'lab1', label: 'lab1' }), { origin: 'ui', targetId: 'lab1' });
    assert.deepEqual(topologyRequest({ kind: 'lab', targetId: 'local', lab: 'demo', namespaces: [], file: '/labs/demo.netns.yaml' }), {
      origin: 'ui',
      targetId: 'local',
      lab: 'demo',
      file: '/labs/demo.netns.yaml',
    });
    assert.deepEqual(topologyRequest({ kind: 'namespace', targetId: 'local', namespace: null }), { origin: 'ui', targetId: 'local', select: 'ns:' });
    assert.throws(() => topologyRequest({ kind: 'routes', targetId: 'local', namespace: 'red', routes: [] }), /target, lab or namespace/u);
  });

  test('from a notebook toolbar: the notebook', () => {
    assert.deepEqual(topologyRequest({ notebookType: 'netns-lab', uri: uri('/n/lab.netns.md') }), { origin: 'ui', notebook: '/n/lab.netns.md' });
  });

  test('from a program: what it names, checked', () => {
    assert.deepEqual(topologyRequest({ lab: 'demo' }), { origin: 'program', targetId: 'local', lab: 'demo' });
    assert.deepEqual(topologyRequest({ targetId: 'lab1', file: uri('/l.netns.yaml') }), { origin: 'program', targetId: 'lab1', file: '/l.netns.yaml' });
    assert.throws(() => topologyRequest({ lab: 7 }), /lab/u);
  });

  test('keys and titles a picture by what it shows', () => {
    assert.notEqual(subjectKey({ targetId: 'local', lab: 'demo' }), subjectKey({ targetId: 'local' }));
    assert.equal(subjectKey({ targetId: 'local', file: '/a.netns.yaml' }), subjectKey({ targetId: 'local', file: '/a.netns.yaml' }));
    assert.equal(subjectTitle({ targetId: 'local', file: '/labs/demo.netns.yaml' }, ''), 'Topology: demo.netns.yaml');
    assert.equal(subjectTitle({ targetId: 'local' }, ''), 'Topology: This machine');
    assert.equal(subjectTitle({ targetId: 'lab1', lab: 'demo' }, ' on lab1'), 'Topology: lab demo on lab1');
  });
});
