/** Name It's argument: a tree node of a namespace without a name, a program's object, or nothing (the palette). */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { UnnamedNamespace } from '../../../../src/core/model.js';
import { CommandArgumentError } from '../../../../src/ext/view-model/argument-fields.js';
import { nameNamespaceRequest } from '../../../../src/ext/view-model/name-namespace-arguments.js';

const unnamed: UnnamedNamespace = { path: '/proc/77/ns/net', identity: '4:9', inode: 9, pids: [77, 80], user: { pid: 77, command: 'sleep' } };

describe('nameNamespaceRequest', () => {
  test('a node names the namespace through its first process', () => {
    const request = nameNamespaceRequest({ kind: 'namespace', targetId: 'local', namespace: unnamed.path, unnamed });
    assert.deepEqual(request, { origin: 'ui', targetId: 'local', pid: 77, unnamed });
  });

  test('a node whose namespace has no process is refused with the reason', () => {
    const held = { ...unnamed, pids: [], mount: '/run/docker/netns/ab' };
    assert.throws(() => nameNamespaceRequest({ kind: 'namespace', targetId: 'local', namespace: held.path, unnamed: held }), /held open by \/run\/docker\/netns\/ab/u);
  });

  test('a named namespace node is refused: it has a name already', () => {
    assert.throws(() => nameNamespaceRequest({ kind: 'namespace', targetId: 'local', namespace: 'red' }), CommandArgumentError);
  });

  test("a program's object gives the pid, and the name when it wants no question", () => {
    assert.deepEqual(nameNamespaceRequest({ pid: 123, name: 'web1' }), { origin: 'program', targetId: 'local', pid: 123, name: 'web1' });
    assert.deepEqual(nameNamespaceRequest({ pid: 123, targetId: 'ssh:lab' }), { origin: 'program', targetId: 'ssh:lab', pid: 123 });
  });

  test('a pid that is not a process id is refused before anything runs', () => {
    for (const pid of [0, -3, 1.5, '77']) assert.throws(() => nameNamespaceRequest({ pid }), CommandArgumentError);
  });

  test('nothing (the palette) leaves everything to ask', () => {
    assert.deepEqual(nameNamespaceRequest(undefined), { origin: 'ui', targetId: 'local' });
  });
});
