// What a namespace terminal runs. No editor needed.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { InvalidNameError } from '../../../../src/core/index.js';
import { namespaceTerminalLaunch, terminalShell } from '../../../../src/ext/view-model/terminal-launch.js';

describe('namespace terminals', () => {
  const user = { name: 'alice', home: '/home/alice' };
  const asRoot = { shell: '/bin/zsh', runsAsRoot: true, privilege: 'auto' as const, terminalUser: 'root' as const, user: { name: 'root', home: '/root' } };
  const asAlice = { ...asRoot, runsAsRoot: false, user };

  test('as root, the shell runs through ip netns exec, in the home folder, and its title says it is a root shell', () => {
    assert.deepEqual(namespaceTerminalLaunch('lab1', asRoot), { name: 'netns: lab1 (root shell)', cwd: '/root', shellPath: 'ip', shellArgs: ['netns', 'exec', 'lab1', '/bin/zsh'] });
  });

  test("as another user, it goes through sudo, whose prompt says why it asks, and starts in the user's home", () => {
    const launch = namespaceTerminalLaunch('lab1', asAlice);
    assert.equal(launch.name, 'netns: lab1 (root shell)');
    assert.equal(launch.cwd, '/home/alice');
    assert.equal(launch.shellPath, 'sudo');
    assert.deepEqual(launch.shellArgs.slice(0, 1), ['-p']);
    assert.match(launch.shellArgs[1]!, /keeps a password per terminal.*password for %u: $/u);
    assert.deepEqual(launch.shellArgs.slice(2), ['--', 'ip', 'netns', 'exec', 'lab1', '/bin/zsh']);
  });

  test("with the session's password in an askpass helper, sudo takes it from there and the terminal says so", () => {
    const launch = namespaceTerminalLaunch('lab1', { ...asAlice, askpass: '/tmp/x/askpass' });
    assert.deepEqual([launch.shellPath, ...launch.shellArgs], ['sudo', '-A', '--', 'ip', 'netns', 'exec', 'lab1', '/bin/zsh']);
    assert.deepEqual(launch.env, { SUDO_ASKPASS: '/tmp/x/askpass' });
    assert.match(launch.message ?? '', /^Root shell in lab1: sudo was given the password this session already has/u);
  });

  test('with terminalUser "user", the shell is entered as root and runs as the user, and the title says as whom', () => {
    const launch = namespaceTerminalLaunch('lab1', { ...asAlice, terminalUser: 'user', askpass: '/tmp/x/askpass' });
    assert.equal(launch.name, 'netns: lab1 (as alice)');
    assert.deepEqual(launch.shellArgs, ['-A', '--', 'ip', 'netns', 'exec', 'lab1', 'runuser', '-u', 'alice', '--', '/bin/zsh']);
    assert.deepEqual(namespaceTerminalLaunch(null, { ...asAlice, terminalUser: 'user' }), { name: 'netns: root namespace (as alice)', cwd: '/home/alice', shellPath: '/bin/zsh', shellArgs: [] });
  });

  test('with privilege "none", it runs as the user, without sudo, and says so', () => {
    const launch = namespaceTerminalLaunch('lab1', { ...asAlice, privilege: 'none' });
    assert.deepEqual([launch.name, launch.shellPath], ['netns: lab1 (as alice)', 'ip']);
  });

  test('an odd namespace name stays one argument', () => {
    assert.deepEqual(namespaceTerminalLaunch('with space; $(x)', asRoot).shellArgs, ['netns', 'exec', 'with space; $(x)', '/bin/zsh']);
  });

  test('the root namespace gets a root shell through sudo, named as the root namespace', () => {
    const launch = namespaceTerminalLaunch(null, asAlice);
    assert.equal(launch.name, 'netns: root namespace (root shell)');
    assert.deepEqual(launch.shellArgs.slice(2), ['--', '/bin/zsh']);
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
