// What a namespace terminal runs. No editor needed.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { InvalidNameError } from '../../../../src/core/index.js';
import { namespaceTerminalLaunch, terminalShell } from '../../../../src/ext/view-model/terminal-launch.js';

describe('namespace terminals', () => {
  const asRoot = { shell: '/bin/zsh', runsAsRoot: true, privilege: 'auto' as const };

  test('as root, the shell runs through ip netns exec', () => {
    assert.deepEqual(namespaceTerminalLaunch('lab1', asRoot), { name: 'netns: lab1', shellPath: 'ip', shellArgs: ['netns', 'exec', 'lab1', '/bin/zsh'] });
  });

  test('as another user, it goes through sudo, which asks in the terminal', () => {
    assert.deepEqual(namespaceTerminalLaunch('lab1', { ...asRoot, runsAsRoot: false }), {
      name: 'netns: lab1',
      shellPath: 'sudo',
      shellArgs: ['ip', 'netns', 'exec', 'lab1', '/bin/zsh'],
    });
  });

  test('with privilege "none", it runs as the user, without sudo', () => {
    assert.equal(namespaceTerminalLaunch('lab1', { ...asRoot, runsAsRoot: false, privilege: 'none' }).shellPath, 'ip');
  });

  test('an odd namespace name stays one argument', () => {
    assert.deepEqual(namespaceTerminalLaunch('with space; $(x)', asRoot).shellArgs, ['netns', 'exec', 'with space; $(x)', '/bin/zsh']);
  });

  test('the root namespace gets a plain shell', () => {
    assert.deepEqual(namespaceTerminalLaunch(null, { ...asRoot, runsAsRoot: false }), { name: 'netns: root', shellPath: '/bin/zsh', shellArgs: [] });
  });

  test('an invalid namespace name is refused before a terminal opens', () => {
    assert.throws(() => namespaceTerminalLaunch('a/b', asRoot), InvalidNameError);
  });

  test('the shell is the setting, else $SHELL, else bash', () => {
    assert.equal(terminalShell('/usr/bin/fish', '/bin/zsh'), '/usr/bin/fish');
    assert.equal(terminalShell('  ', '/bin/zsh'), '/bin/zsh');
    assert.equal(terminalShell('', undefined), '/bin/bash');
  });
});
