/** What uses a namespace without a name, from /proc files as grep -a -H prints them (written out by hand). */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { describeNamespaceUser, fromCgroup, fromCommandLine, parseNamespaceUsers } from '../../../../src/core/state/namespace-users.js';

const DOCKER_ID = '3f2a9c1b7d4e5f60718293a4b5c6d7e8f9012345678901234567890abcdef12';

describe('parseNamespaceUsers', () => {
  test('reads command, cgroup and command line of each pid, the NUL bytes of the command line kept', () => {
    const text = [
      '/proc/42/comm:bash',
      '/proc/42/cgroup:0::/user.slice',
      '/proc/42/cmdline:bash\0--norc\0-is\0mininet:h1\0',
      '/proc/7/comm:nginx',
      `/proc/7/cgroup:0::/system.slice/docker-${DOCKER_ID}.scope`,
      '/proc/7/cmdline:nginx\0',
    ].join('\n');
    const users = parseNamespaceUsers(text);
    assert.deepEqual(users.get(42), { pid: 42, command: 'bash', mininetHost: 'h1' });
    assert.deepEqual(users.get(7), { pid: 7, command: 'nginx', container: DOCKER_ID.slice(0, 12) });
  });

  test('a pid whose comm is missing (it ended) is left out', () => {
    assert.equal(parseNamespaceUsers('/proc/5/cgroup:0::/\n').size, 0);
  });
});

describe('fromCgroup', () => {
  test('a Docker container (cgroup v1 and v2), a Kubernetes pod, a systemd unit', () => {
    assert.deepEqual(fromCgroup([`12:pids:/docker/${DOCKER_ID}`]), { container: DOCKER_ID.slice(0, 12) });
    assert.deepEqual(fromCgroup(['0::/kubepods.slice/kubepods-besteffort.slice/kubepods-besteffort-pod1b2c3d4e_5f60_7182_93a4_b5c6d7e8f901.slice/cri-containerd-' + DOCKER_ID + '.scope']), {
      container: DOCKER_ID.slice(0, 12),
      pod: '1b2c3d4e-5f60-7182-93a4-b5c6d7e8f901',
    });
    assert.deepEqual(fromCgroup(['0::/system.slice/web-sandbox.service']), { unit: 'web-sandbox.service' });
  });

  test('a plain user session says nothing', () => {
    assert.deepEqual(fromCgroup(['0::/user.slice/user-0.slice/session-1.scope']), {});
  });
});

describe('fromCommandLine and describeNamespaceUser', () => {
  test('Mininet host names come from the shell argument mininet:NAME only', () => {
    assert.deepEqual(fromCommandLine('bash\0--norc\0mininet:r1\0'), { mininetHost: 'r1' });
    assert.deepEqual(fromCommandLine('grep\0xmininet:h1\0'), {});
  });

  test('the label puts what it is first, then the process; without a process, the inode', () => {
    assert.equal(describeNamespaceUser({ pid: 42, command: 'bash', mininetHost: 'h1' }, 1), 'mininet h1: bash (pid 42)');
    assert.equal(describeNamespaceUser({ pid: 7, command: 'nginx', container: 'abc' }, 1), 'container abc: nginx (pid 7)');
    assert.equal(describeNamespaceUser({ pid: 9, command: 'sleep' }, 1), 'sleep (pid 9)');
    assert.equal(describeNamespaceUser(undefined, 4026532000), 'inode 4026532000');
  });
});
