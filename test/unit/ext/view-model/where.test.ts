/** Where a command acts, in its words: pure, without an editor. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { CommandError } from '../../../../src/core/errors.js';
import { argumentTargetId, failureText, targetOrder, whereOf } from '../../../../src/ext/view-model/where.js';

const LOCAL = 'local';

describe('where a command acts', () => {
  test('with only this machine configured, nothing is added to any message', () => {
    assert.equal(whereOf(LOCAL, [LOCAL]).suffix, '');
  });

  test('once an SSH target is configured, this machine and the target are both named', () => {
    assert.equal(whereOf(LOCAL, [LOCAL, 'zzlab']).suffix, ' on this machine');
    assert.equal(whereOf('zzlab', [LOCAL, 'zzlab']).suffix, ' on zzlab');
  });

  test('a target a program names that is not configured is still named', () => {
    assert.equal(whereOf('elsewhere', [LOCAL]).suffix, ' on elsewhere');
  });

  test("the palette offers the selected node's target first, the others in the view's order", () => {
    assert.deepEqual(targetOrder([LOCAL, 'a', 'b'], 'b'), ['b', LOCAL, 'a']);
    assert.deepEqual(targetOrder([LOCAL, 'a', 'b'], undefined), [LOCAL, 'a', 'b']);
  });

  test('a selection that is no longer configured changes nothing in the order', () => {
    assert.deepEqual(targetOrder([LOCAL, 'a'], 'removed'), [LOCAL, 'a']);
  });

  test("the target of an argument: a node's, a plain object's, or this machine", () => {
    assert.equal(argumentTargetId({ kind: 'namespace', targetId: 'a', namespace: 'red' }), 'a');
    assert.equal(argumentTargetId({ name: 'red', targetId: 'b' }), 'b');
    assert.equal(argumentTargetId({ name: 'red' }), LOCAL);
    assert.equal(argumentTargetId(undefined), LOCAL);
  });
});

describe('failures name the host', () => {
  const zzlab = whereOf('zzlab', [LOCAL, 'zzlab']);

  test('a failed command gets the host after what it was doing', () => {
    const error = new CommandError('Could not create namespace red', { argv: ['ip', 'netns', 'add', 'red'], exitCode: 1, stderr: 'File exists\n' });
    const shown = failureText(error, zzlab);
    assert.ok(shown.startsWith(`${error.summary} on zzlab: `), shown);
    assert.ok(shown.endsWith(error.message.slice(error.summary.length + 2)), shown);
  });

  test('any other failure is led by the host', () => {
    assert.equal(failureText(new Error('There is no bridge in namespace red.'), zzlab), 'On zzlab: There is no bridge in namespace red.');
  });

  test('a message that names the host already is left as it is', () => {
    const message = 'zzlab refused the connection: no SSH server listens on that address and port.';
    assert.equal(failureText(new Error(message), zzlab), message);
  });

  test('with only this machine, messages are unchanged', () => {
    assert.equal(failureText(new Error('boom'), whereOf(LOCAL, [LOCAL])), 'boom');
  });
});
