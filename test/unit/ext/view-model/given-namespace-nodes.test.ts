import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { GivenNamespaceNodes } from '../../../../src/ext/view-model/given-namespace-nodes.js';
import type { NamespaceNode, TreeNode } from '../../../../src/ext/view-model/tree-nodes.js';

const namespace = (name: string | null, targetId = 'local'): NamespaceNode => ({ kind: 'namespace', targetId, namespace: name });

describe('the namespace nodes given to the Namespaces view', () => {
  test('gives back the very node last given for a namespace, per target', () => {
    const given = new GivenNamespaceNodes();
    const [first, again, remote] = [namespace('red'), namespace('red'), namespace('red', 'ssh:lab')];
    given.given('target:local', [namespace(null), first]);
    given.given('target:ssh:lab', [remote]);
    given.given('target:local', [namespace(null), again]);
    assert.equal(given.node('local', 'red'), again);
    assert.equal(given.node('ssh:lab', 'red'), remote);
    assert.equal(given.node('local', 'blue'), undefined);
  });

  test('forgets a namespace once no list holds it, so that churn does not pile up', () => {
    const given = new GivenNamespaceNodes();
    for (let round = 0; round < 50; round++) given.given('target:local', [namespace(null), namespace(`ns${round}`)]);
    assert.equal(given.size, 2);
    assert.equal(given.node('local', 'ns48'), undefined);
    assert.ok(given.node('local', 'ns49'));
  });

  test("keeps a namespace another list still holds (a lab's and the target's), and ignores lists without namespaces", () => {
    const given = new GivenNamespaceNodes();
    const interfaces: TreeNode[] = [{ kind: 'unnamedGroup', targetId: 'local', namespaces: [] }];
    given.given('target:local', [namespace('lab-a'), namespace('other')]);
    given.given('lab:local:lab', [namespace('lab-a')]);
    given.given('namespace:local:lab-a', interfaces);
    given.given('target:local', [namespace('other')]);
    assert.ok(given.node('local', 'lab-a'), 'the lab still lists it');
    given.given('lab:local:lab', []);
    assert.equal(given.node('local', 'lab-a'), undefined);
    assert.ok(given.node('local', 'other'));
  });
});
