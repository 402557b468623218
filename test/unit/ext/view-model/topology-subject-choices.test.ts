import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { subjectChoices } from '../../../../src/ext/view-model/topology-subject-choices.js';

describe("Show Topology's choices from the palette", () => {
  test('with no lab deployed and no topology file open, opens every namespace of the target without asking', () => {
    const { choices, ask } = subjectChoices({ targetId: 'ssh:lab1', targetLabel: 'ssh://lab1', labs: [] });
    assert.equal(ask, false);
    assert.deepEqual(
      choices.map((choice) => choice.value),
      [{ targetId: 'ssh:lab1' }],
    );
  });

  test('asks with every namespace first, then the open topology file, then each deployed lab', () => {
    const { choices, ask } = subjectChoices({
      targetId: 'local',
      targetLabel: 'This machine',
      openFile: { path: '/work/labs/demo.netns.yaml', shown: 'labs/demo.netns.yaml' },
      labs: [
        { lab: 'demo', namespaces: ['demo-a', 'demo-b'] },
        { lab: 'other', namespaces: [] },
      ],
    });
    assert.equal(ask, true);
    assert.deepEqual(
      choices.map((choice) => [choice.label, choice.description, choice.value]),
      [
        ['$(globe) Every namespace', 'This machine', { targetId: 'local' }],
        ['$(file) labs/demo.netns.yaml', 'the open topology file: its lab, or its plan', { targetId: 'local', file: '/work/labs/demo.netns.yaml' }],
        ['$(beaker) lab demo', '2 namespaces', { targetId: 'local', lab: 'demo' }],
        ['$(beaker) lab other', '0 namespaces', { targetId: 'local', lab: 'other' }],
      ],
    );
  });

  test('asks when the only other choice is the open file or a single lab', () => {
    assert.equal(subjectChoices({ targetId: 'local', targetLabel: 'This machine', openFile: { path: '/a.netns.yaml', shown: 'a.netns.yaml' }, labs: [] }).ask, true);
    assert.equal(subjectChoices({ targetId: 'local', targetLabel: 'This machine', labs: [{ lab: 'x', namespaces: ['x-a'] }] }).ask, true);
  });
});
