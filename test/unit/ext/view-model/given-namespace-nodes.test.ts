import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { GivenNamespaceNodes } from '../../../../src/ext/view-model/given-namespace-nodes.js';
import type { LabNode, NamespaceNode, TreeNode } from '../../../../src/ext/view-model/tree-nodes.js';

const namespace = (name: string | null, targetId = 'local'): NamespaceNode => ({ kind: 'namespace', targetId, namespace: name });
const labNode = (lab: string, namespaces: string[]): LabNode => ({ kind: 'lab', targetId: 'local', lab, namespaces });
const idOf = (child: TreeNode): string => (child.kind === 'lab' ? `lab:${child.lab}` : child.kind);

describe('the namespace nodes given to the Namespaces view', () => {
  test('gives back the very node last given for a namespace, per target', () => {
    const given = new GivenNamespaceNodes();
    const [first, again, remote] = [namespace('red'), namespace('red'), namespace('red', 'ssh:lab')];
    given.given('target:local', [namespace(null), first], idOf);
    given.given('target:ssh:lab', [remote], idOf);
    given.given('target:local', [namespace(null), again], idOf);
    assert.equal(given.node('local', 'red'), again);
    assert.equal(given.node('ssh:lab', 'red'), remote);
    assert.equal(given.node('local', 'blue'), undefined);
  });

  test('forgets a namespace once no list holds it, so that churn does not pile up', () => {
    const given = new GivenNamespaceNodes();
    for (let round = 0; round < 50; round++) given.given('target:local', [namespace(null), namespace(`ns${round}`)], idOf);
    assert.equal(given.size, 2);
    assert.equal(given.node('local', 'ns48'), undefined);
    assert.ok(given.node('local', 'ns49'));
  });

  test('keeps a namespace another list still holds, and ignores lists without namespaces', () => {
    const given = new GivenNamespaceNodes();
    given.given('', [labNode('lab', ['lab-a']), namespace('lab-a'), namespace('other')], idOf);
    given.given('lab:lab', [namespace('lab-a')], idOf);
    given.given('namespace:lab-a', [], idOf);
    given.given('', [labNode('lab', ['lab-a']), namespace('other')], idOf);
    assert.ok(given.node('local', 'lab-a'), 'the lab still lists it');
    given.given('lab:lab', [], idOf);
    assert.equal(given.node('local', 'lab-a'), undefined);
    assert.ok(given.node('local', 'other'));
  });

  test("forgets a lab's namespaces with the lab, once its node leaves the list that held it", () => {
    const given = new GivenNamespaceNodes();
    given.given('', [labNode('lab', ['lab-a', 'lab-b']), namespace('other')], idOf);
    given.given('lab:lab', [namespace('lab-a'), namespace('lab-b')], idOf);
    given.given('', [namespace('other')], idOf);
    assert.deepEqual([given.node('local', 'lab-a'), given.node('local', 'lab-b')], [undefined, undefined]);
    assert.equal(given.size, 1);
  });
});
