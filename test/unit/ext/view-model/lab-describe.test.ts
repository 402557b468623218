/** What the editor shows of labs (tree grouping, drift, plan text) and how the lab commands read their arguments. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DEFAULT_SETTINGS, normalizeSettings } from '../../../../src/core/settings.js';
import type { LabInspection } from '../../../../src/core/labs/inspect.js';
import type { DeployPlan } from '../../../../src/core/labs/plan.js';
import { CommandArgumentError, invocationOrigin } from '../../../../src/ext/view-model/argument-fields.js';
import { destroyDetail, firstProblem, planText } from '../../../../src/ext/view-model/lab-describe.js';
import { labDestroyRequest, labFileRequest, notebookRequest } from '../../../../src/ext/view-model/lab-arguments.js';
import { namespaceChildren } from '../../../../src/ext/view-model/tree-children.js';
import type { LabNode, TargetNode } from '../../../../src/ext/view-model/tree-nodes.js';
import { present } from '../../../../src/ext/view-model/tree-present.js';

const target: TargetNode = { kind: 'target', targetId: 'local', label: 'This machine' };
const labNode: LabNode = { kind: 'lab', targetId: 'local', lab: 'demo', file: '/work/demo.netns.yaml', namespaces: ['demo-red', 'demo-blue'] };
/** A Uri's shape, as VS Code passes one from a CodeLens or a menu. */
const uri = { scheme: 'file', fsPath: '/work/demo.netns.yaml', path: '/work/demo.netns.yaml' };

function inspection(overrides: Partial<LabInspection>): LabInspection {
  return { lab: 'demo', missing: [], extra: [], drifted: [], conflicts: [], ...overrides };
}

describe('labs in the tree', () => {
  test('a lab groups its namespaces after the root namespace; they are not repeated beside it', () => {
    const nodes = namespaceChildren(target, ['alone', 'demo-blue', 'demo-red'], DEFAULT_SETTINGS, [labNode]);
    assert.deepEqual(
      nodes.map((node) => (node.kind === 'lab' ? `lab ${node.lab}` : node.kind === 'namespace' ? String(node.namespace) : node.kind)),
      ['null', 'lab demo', 'alone'],
    );
    const hidden = namespaceChildren(
      target,
      ['alone', 'demo-red'],
      normalizeSettings((key) => (key === 'rootNamespace' ? 'hidden' : undefined)),
      [labNode],
    );
    assert.equal(hidden[0]!.kind, 'lab');
  });

  test('a lab node says how many namespaces, and its drift once checked', () => {
    assert.equal(present(labNode).description, '2 namespaces');
    assert.equal(present(labNode).label, 'lab demo');
    assert.equal(present(labNode, { state: 'inSync' }).description, '2 namespaces · as the file says');
    const drifted = inspection({
      missing: [
        { action: 'create', subject: 'namespace demo-red' },
        { action: 'create', subject: 'veth demo-red:eth0 ↔ demo-blue:eth0' },
      ],
      drifted: [{ action: 'change', subject: 'demo-blue:eth0', detail: 'mtu 1500 → 1400' }],
    });
    const shown = present(labNode, { state: 'drifted', inspection: drifted });
    assert.equal(shown.description, '2 namespaces · drifted: 2 missing, 1 changed');
    assert.equal(shown.icon.id, 'warning');
    assert.match(shown.tooltip ?? '', /Changed:/u);
  });

  test('only a lab with a known file offers Deploy and Open (its context value says so)', () => {
    assert.equal(present(labNode).contextValue, 'netnsLab.lab.file');
    const { file: _file, ...withoutFile } = labNode;
    assert.equal(present(withoutFile).contextValue, 'netnsLab.lab');
  });
});

describe('lab texts', () => {
  const plan: DeployPlan = { lab: 'demo', changes: [], refusals: [], steps: [], namespaces: [], rootInterfaces: [] };

  test('a plan without changes says so', () => {
    assert.match(planText(plan, { hostLabel: 'this machine', file: 'demo.netns.yaml' }), /No changes: the lab is as the file says/u);
  });

  test('a plan lists its changes with + - ~ marks, and a refused plan its reasons', () => {
    const text = planText(
      {
        ...plan,
        changes: [
          { action: 'create', subject: 'namespace demo-red' },
          { action: 'change', subject: 'demo-red:eth0', detail: 'mtu 1500 → 1400' },
        ],
      },
      { hostLabel: 'h', file: 'f' },
    );
    assert.match(text, /2 changes:\n\+ namespace demo-red\n~ demo-red:eth0: mtu 1500 → 1400/u);
    assert.match(planText({ ...plan, refusals: ["demo-red exists and is not the lab's"] }, { hostLabel: 'h', file: 'f' }), /refused:\n- demo-red exists/u);
  });

  test('the destroy warning names the namespaces, the root interfaces and what is left alone', () => {
    const detail = destroyDetail({ lab: 'demo', namespaces: ['demo-red'], rootInterfaces: ['demo-br'], rootPeersOfNamespaces: [], skipped: ['demo-blue'] });
    assert.match(detail, /Namespaces.*demo-red/u);
    assert.match(detail, /root namespace: demo-br/u);
    assert.match(detail, /Left alone.*demo-blue/u);
  });

  test('an invalid file is refused with its first problem and how many more there are', () => {
    const problem = { line: 3, column: 1, endLine: 3, endColumn: 7, message: 'unknown key "colour"' };
    assert.equal(firstProblem('x.netns.yaml', [problem, problem]), 'x.netns.yaml is not a valid topology: line 3, column 1: unknown key "colour" (and 1 more problem)');
  });
});

describe('lab command arguments', () => {
  test('a file Uri (CodeLens, menu) and a lab node are the user; a plain object is a program', () => {
    assert.equal(invocationOrigin(uri), 'ui');
    assert.equal(invocationOrigin(labNode), 'ui');
    assert.deepEqual(labFileRequest('netnsLab.lab.deploy', uri), { origin: 'ui', targetId: 'local', file: '/work/demo.netns.yaml' });
    assert.deepEqual(labFileRequest('netnsLab.lab.deploy', { file: uri, targetId: 'lab1' }), { origin: 'program', targetId: 'lab1', file: '/work/demo.netns.yaml' });
    assert.deepEqual(labFileRequest('netnsLab.lab.plan', { file: '/x.netns.yaml' }), { origin: 'program', targetId: 'local', file: '/x.netns.yaml' });
  });

  test('destroy takes a lab by name; deploy of a lab whose file is not known is refused', () => {
    assert.deepEqual(labDestroyRequest({ lab: 'demo' }), { origin: 'program', targetId: 'local', lab: 'demo' });
    assert.deepEqual(labDestroyRequest(labNode), { origin: 'ui', targetId: 'local', lab: 'demo', file: '/work/demo.netns.yaml' });
    const { file: _file, ...withoutFile } = labNode;
    assert.throws(() => labFileRequest('netnsLab.lab.deploy', withoutFile), CommandArgumentError);
    assert.throws(() => labFileRequest('netnsLab.lab.deploy', { lab: 'demo' }), /"file" is missing/u);
  });

  test('a notebook toolbar passes the notebook document, a program its path', () => {
    assert.deepEqual(notebookRequest('c', { notebookType: 'netns-lab', uri: { ...uri, fsPath: '/n.netns.md' } }), { origin: 'ui', notebook: '/n.netns.md' });
    assert.deepEqual(notebookRequest('c', { notebook: '/n.netns.md' }), { origin: 'program', notebook: '/n.netns.md' });
  });
});
